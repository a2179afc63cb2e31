/** Messages between the page and the analysis worker (plain, structured-cloneable data). */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import type { Evaluacion } from '../../runtime/result.ts';
import type { Tipo, Vocabulario } from '../../runtime/types.ts';
import type { ErrorDeEntrada } from '../../runtime/input.ts';

export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface SymbolInfo {
  readonly name: string;
  readonly kind: 'entrada' | 'definición' | 'caso' | 'norma' | 'procedimiento' | 'paso' | 'enumeración' | 'valor' | 'registro' | 'campo';
  /** Type or signature, in the language's own words. */
  readonly detail: string;
  readonly doc?: string;
  readonly place: Place;
  /** For a definition, norm or step: its citations (place and literal quote). */
  readonly citas?: readonly { readonly caso?: string; readonly lugar: string; readonly texto?: string }[];
  /** For an enum value: its enumeration. */
  readonly of?: string;
}

export interface ProgramInfo {
  readonly rulesPath: string;
  readonly titulo?: string;
  readonly inputs: readonly { readonly name: string; readonly type: Tipo; readonly doc?: string }[];
  readonly vocabulario: Vocabulario;
  readonly officialTextPath?: string;
  readonly outputs: readonly { readonly kind: 'definition' | 'norm' | 'procedure'; readonly name: string; readonly doc?: string; readonly type?: Tipo }[];
  readonly symbols: readonly SymbolInfo[];
}

export interface TestInfo {
  readonly name: string;
  readonly doc?: string;
  readonly fecha?: string;
  readonly caso: Record<string, unknown>;
  /** Outcome of the golden test against the current rules (neae test). */
  readonly passed?: boolean;
  readonly failures?: readonly string[];
}

export type Request =
  | { readonly kind: 'check'; readonly id: number; readonly path: string; readonly text: string; readonly overlays: Record<string, string> }
  | { readonly kind: 'tests'; readonly id: number; readonly rulesPath: string; readonly overlays: Record<string, string> }
  | { readonly kind: 'evaluate'; readonly id: number; readonly rulesPath: string; readonly overlays: Record<string, string>; readonly caso: unknown; readonly fecha?: string }
  | { readonly kind: 'format'; readonly id: number; readonly path: string; readonly text: string };

export type Response =
  | { readonly kind: 'format'; readonly id: number; readonly text?: string; readonly diagnostics?: readonly Diagnostic[] }
  | { readonly kind: 'check'; readonly id: number; readonly path: string; readonly diagnostics: readonly Diagnostic[]; readonly info?: ProgramInfo; readonly ms: number }
  | { readonly kind: 'tests'; readonly id: number; readonly rulesPath: string; readonly tests: readonly TestInfo[]; readonly problem?: string }
  | {
      readonly kind: 'evaluate';
      readonly id: number;
      readonly evaluacion?: Evaluacion;
      readonly errores?: readonly ErrorDeEntrada[];
      readonly diagnostics?: readonly Diagnostic[];
      readonly problem?: string;
    };
