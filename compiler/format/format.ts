/**
 * `neae fmt`: the canonical layout of a .neae file.
 *
 * formatSource refuses a file with syntax errors (returning the parse diagnostics), prints the
 * CST with the layout rules of print_decl.ts / print_expr.ts and weaves the comments back in
 * by offset (writer.ts). Before answering it checks its own work: the output must parse, give
 * the same AST (spans aside) and hold the same comments in the same order; otherwise it
 * refuses with an internal diagnostic rather than risk changing a rule file (verify.ts).
 */
import type { CstNode, IToken } from 'chevrotain';
import { parse } from '../../grammar/parse.ts';
import { error, fileStart, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { Writer } from './writer.ts';
import { printFile } from './print_decl.ts';
import { unfaithful } from './verify.ts';

export type FormatResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

/** Prints a parsed file (CST plus its comment tokens) in canonical layout. */
export function printCst(cst: CstNode, comments: readonly IToken[]): string {
  const w = new Writer([...comments].sort((a, b) => a.startOffset - b.startOffset));
  printFile(w, cst);
  return w.finish();
}

export function formatSource(text: string, file: string): FormatResult {
  const parsed = parse(text, file);
  if (parsed.diagnostics.length > 0 || !parsed.cst) return { ok: false, diagnostics: [...parsed.diagnostics] };
  const output = printCst(parsed.cst, parsed.comments);
  const problem = unfaithful(text, output, file);
  if (problem) {
    return {
      ok: false,
      diagnostics: [error('formato-interno', `Error interno del formateador: ${problem}. El fichero no se ha modificado.`, fileStart(file))],
    };
  }
  return { ok: true, text: output };
}
