/**
 * The checked program: names resolved, every expression typed, citations located in the
 * official text. Both back ends (interpret/ and codegen/) consume only this.
 */
import type { Span } from '../diagnostics/diagnostic.ts';
import type { Tipo, EnumInfo, RegistroInfo } from '../../runtime/types.ts';
import type { Modality } from '../ast/ast.ts';

export interface CitationIR {
  readonly place: string;
  readonly quote?: string;
  /** 1-based line of the official text where the quote starts. */
  readonly line?: number;
}

export type Op =
  // logic
  | 'and' | 'or'
  // equality on any type, ordering on numbers, dates and courses (all held as numbers)
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'
  | 'in' | 'not_in'
  // integers
  | 'add_int' | 'sub_int' | 'mul_int'
  // exact decimals
  | 'add_dec' | 'sub_dec' | 'mul_dec' | 'div_dec'
  // dates, durations, courses
  | 'date_plus' | 'date_minus' | 'date_diff' | 'course_plus' | 'course_minus' | 'dur_times';

export type Expr =
  | { readonly k: 'lit'; readonly type: Tipo; readonly value: unknown; readonly span: Span }
  | { readonly k: 'input'; readonly name: string; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'param'; readonly name: string; readonly index: number; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'def'; readonly name: string; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'norm'; readonly name: string; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'step'; readonly procedure: string; readonly step: string; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'builtin'; readonly fn: string; readonly args: readonly Expr[]; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'field'; readonly target: Expr; readonly field: string; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'not'; readonly operand: Expr; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'neg'; readonly operand: Expr; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'bin'; readonly op: Op; readonly left: Expr; readonly right: Expr; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'if'; readonly condition: Expr; readonly then: Expr; readonly else: Expr; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'exists'; readonly operand: Expr; readonly type: Tipo; readonly span: Span }
  /** todos / alguno / cuántos over a collection; the bound variable is read as args[index]. */
  | { readonly k: 'quant'; readonly quantifier: 'todos' | 'alguno' | 'cuántos'; readonly index: number; readonly collection: Expr; readonly body: Expr; readonly type: Tipo; readonly span: Span }
  /** An optional value used where a value is needed: absent → indeterminado «falta el dato». */
  | { readonly k: 'unwrap'; readonly operand: Expr; readonly what: string; readonly type: Tipo; readonly span: Span }
  /** An integer used where an exact decimal is needed. */
  | { readonly k: 'to_dec'; readonly operand: Expr; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'set' | 'list'; readonly elements: readonly Expr[]; readonly type: Tipo; readonly span: Span }
  | { readonly k: 'record'; readonly fields: readonly { readonly name: string; readonly value: Expr }[]; readonly type: Tipo; readonly span: Span };

export type ValueIR = { readonly k: 'value'; readonly expr: Expr } | { readonly k: 'indeterminado'; readonly reason: string };

export interface CaseIR {
  readonly id: string;
  readonly condition: Expr;
  readonly value: ValueIR;
  readonly citation?: CitationIR;
  readonly span: Span;
  /** Case ids this case prevails over, directly or through other cases. */
  readonly dominates: readonly string[];
  /** Names the case reads (inputs and definitions), shown as the step's data in the trace. */
  readonly reads: readonly Read[];
}

export interface Read {
  readonly name: string;
  readonly kind: 'input' | 'def' | 'norm' | 'param';
  readonly index?: number;
  readonly type: Tipo;
}

export interface DefinitionIR {
  readonly kind: 'definition';
  readonly name: string;
  readonly module: string;
  readonly params: readonly { readonly name: string; readonly type: Tipo }[];
  readonly type: Tipo;
  readonly doc?: string;
  readonly span: Span;
  readonly body?: { readonly expr: Expr; readonly citation?: CitationIR; readonly span: Span; readonly reads: readonly Read[] };
  readonly cases: readonly CaseIR[];
  readonly otherwise?: { readonly value: ValueIR; readonly citation?: CitationIR; readonly span: Span; readonly reads: readonly Read[] };
}

export interface NormIR {
  readonly kind: 'norm';
  readonly id: string;
  readonly name: string;
  readonly module: string;
  readonly doc?: string;
  readonly applies?: Expr;
  readonly modality: Modality;
  readonly requirement: Expr;
  /** Norm names this one displaces when it applies. */
  readonly overrides: readonly string[];
  readonly citation?: CitationIR;
  readonly span: Span;
  readonly reads: readonly Read[];
}

export interface StepIR {
  readonly id: string;
  readonly name: string;
  readonly doc?: string;
  readonly responsible?: Expr;
  readonly document?: string;
  readonly deadline?: Expr;
  readonly done?: Expr;
  readonly when?: Expr;
  readonly after: readonly string[];
  readonly citation?: CitationIR;
  readonly span: Span;
  readonly reads: readonly Read[];
}

export interface ProcedureIR {
  readonly kind: 'procedure';
  readonly name: string;
  readonly module: string;
  readonly doc?: string;
  readonly steps: readonly StepIR[];
  readonly span: Span;
}

export interface ResolutionInfo {
  readonly id: string;
  readonly titulo?: string;
  readonly region?: string;
  readonly organo?: string;
  readonly firma?: string;
  readonly publicacion?: string;
  readonly vigenteDesde?: string;
  readonly vigenteHasta?: string;
  readonly version?: string;
  readonly desarrolla: readonly string[];
  readonly modifica: readonly string[];
  readonly deroga: readonly string[];
  /** Path of the official text, relative to the rule file. */
  readonly texto?: string;
  /** Region code of the holiday calendar for días hábiles (e.g. ES-CN). */
  readonly calendario: string;
  /** Input (lista de fecha) holding local holidays added to the calendar. */
  readonly festivosLocales?: string;
}

export interface InputIR {
  readonly name: string;
  readonly type: Tipo;
  readonly doc?: string;
  readonly span: Span;
}

export interface Program {
  readonly file: string;
  readonly resolution?: ResolutionInfo;
  readonly officialText?: { readonly path: string; readonly text: string };
  /** Official texts of the main module and of the rule files it imports, by rule file. */
  readonly officialTexts: Readonly<Record<string, { readonly path: string; readonly text: string }>>;
  readonly enums: Readonly<Record<string, EnumInfo>>;
  readonly records: Readonly<Record<string, RegistroInfo>>;
  readonly inputs: readonly InputIR[];
  readonly definitions: Readonly<Record<string, DefinitionIR>>;
  readonly norms: Readonly<Record<string, NormIR>>;
  readonly procedures: Readonly<Record<string, ProcedureIR>>;
  /** What an evaluation reports, in source order: the main module's zero-parameter definitions, norms and procedures. */
  readonly outputs: readonly { readonly kind: 'definition' | 'norm' | 'procedure'; readonly name: string }[];
}
