/**
 * The surface AST: what the author wrote, with a span on every node and no names resolved.
 * Built from the CST by `from_cst.ts`; consumed by name resolution and the formatter.
 */
import type { Span } from '../diagnostics/diagnostic.ts';

export interface Name {
  readonly text: string;
  readonly span: Span;
}

export interface Module {
  readonly file: string;
  readonly header?: Header;
  readonly imports: readonly Import[];
  readonly declarations: readonly Declaration[];
  readonly testsFor?: { readonly path: string; readonly span: Span };
  readonly tests: readonly TestCase[];
}

export interface Header {
  readonly name: Name;
  readonly fields: readonly { readonly key: Name; readonly value: Expr }[];
  readonly span: Span;
}

export interface Import {
  readonly path: string;
  readonly span: Span;
}

export type Declaration = EnumDecl | RecordDecl | InputDecl | Definition | NormDecl | ProcedureDecl;

export interface EnumDecl {
  readonly kind: 'enum';
  readonly name: Name;
  readonly doc?: string;
  readonly variants: readonly { readonly name: Name; readonly doc?: string }[];
  readonly span: Span;
}

export interface FieldDecl {
  readonly name: Name;
  readonly type: TypeRef;
  readonly doc?: string;
}

export interface RecordDecl {
  readonly kind: 'record';
  readonly name: Name;
  readonly doc?: string;
  readonly fields: readonly FieldDecl[];
  readonly span: Span;
}

export interface InputDecl {
  readonly kind: 'input';
  readonly name: Name;
  readonly type: TypeRef;
  readonly doc?: string;
  readonly span: Span;
}

export type TypeRef =
  | { readonly kind: 'named'; readonly name: Name; readonly optional: boolean; readonly span: Span }
  | { readonly kind: 'set' | 'list'; readonly element: TypeRef; readonly optional: boolean; readonly span: Span };

export interface Citation {
  readonly place: string;
  readonly quote?: string;
  readonly span: Span;
  readonly quoteSpan?: Span;
}

export type CaseValue =
  | { readonly kind: 'value'; readonly expr: Expr }
  | { readonly kind: 'indeterminado'; readonly reason: string; readonly span: Span };

export interface Case {
  readonly id: Name;
  readonly condition: Expr;
  readonly value: CaseValue;
  readonly overrides: readonly Name[];
  readonly citation?: Citation;
  readonly span: Span;
}

export interface Otherwise {
  readonly value: CaseValue;
  readonly citation?: Citation;
  readonly span: Span;
}

export interface Param {
  readonly name: Name;
  readonly type: TypeRef;
}

export interface Definition {
  readonly kind: 'definition';
  readonly name: Name;
  readonly params: readonly Param[];
  readonly type: TypeRef;
  readonly doc?: string;
  /** `definición x: T = expr cita …` */
  readonly body?: { readonly expr: Expr; readonly citation?: Citation; readonly span: Span };
  readonly cases: readonly Case[];
  readonly otherwise?: Otherwise;
  readonly span: Span;
}

export type Modality = 'debe' | 'puede' | 'preferentemente';

export interface NormDecl {
  readonly kind: 'norm';
  readonly id: Name;
  readonly name: Name;
  readonly doc?: string;
  readonly applies?: Expr;
  readonly modality: Modality;
  readonly requirement: Expr;
  readonly overrides: readonly Name[];
  readonly citation?: Citation;
  readonly span: Span;
}

export interface Step {
  readonly id: Name;
  readonly name: Name;
  readonly doc?: string;
  readonly responsible?: Expr;
  readonly document?: string;
  /** What the author wrote after «documento» (must be a text). */
  readonly documentExpr?: Expr;
  readonly deadline?: Expr;
  readonly done?: Expr;
  readonly when?: Expr;
  readonly after: readonly Name[];
  readonly citation?: Citation;
  readonly span: Span;
}

export interface ProcedureDecl {
  readonly kind: 'procedure';
  readonly name: Name;
  readonly doc?: string;
  readonly steps: readonly Step[];
  readonly span: Span;
}

export type BinaryOp = 'o' | 'y' | '=' | '≠' | '<' | '<=' | '>' | '>=' | 'en' | 'no en' | '+' | '-' | '*' | '/';

export type Expr =
  | { readonly kind: 'number'; readonly text: string; readonly unit?: string; readonly unitModifier?: string; readonly span: Span }
  | { readonly kind: 'date'; readonly text: string; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'name'; readonly name: Name; readonly span: Span }
  | { readonly kind: 'call'; readonly callee: Name; readonly args: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'field'; readonly target: Expr; readonly field: Name; readonly span: Span }
  | { readonly kind: 'not'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'negate'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: 'if'; readonly condition: Expr; readonly then: Expr; readonly else: Expr; readonly span: Span }
  | { readonly kind: 'exists'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'quantifier'; readonly quantifier: 'todos' | 'alguno' | 'cuántos'; readonly variable: Name; readonly collection: Expr; readonly body: Expr; readonly span: Span }
  | { readonly kind: 'set' | 'list'; readonly elements: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'record'; readonly fields: readonly { readonly key: Name; readonly value: Expr }[]; readonly span: Span };

export type Expected =
  | { readonly kind: 'value'; readonly expr: Expr }
  | { readonly kind: 'indeterminado'; readonly reason?: string }
  | { readonly kind: 'conflicto' };

export interface TestCase {
  readonly name: string;
  readonly nameSpan: Span;
  readonly doc?: string;
  readonly date?: { readonly text: string; readonly span: Span };
  readonly given: readonly { readonly path: readonly Name[]; readonly value: Expr; readonly span: Span }[];
  /** `args` when the expectation calls a parameterised definition: `nivel(EP, 3) = 5`. */
  readonly expected: readonly { readonly path: readonly Name[]; readonly args?: readonly Expr[]; readonly expected: Expected; readonly span: Span }[];
  readonly span: Span;
}
