/**
 * The formatter's contract, checked on every run (format.ts) and by the tests:
 *  - the output parses and has the same AST as the input, spans aside;
 *  - the output holds the same tokens and comments, in the same order (only layout, keyword
 *    spelling and number spelling change), so no comment can move past a token.
 */
import type { IToken } from 'chevrotain';
import type { Module } from '../ast/ast.ts';
import { fromCst } from '../ast/from_cst.ts';
import { parse } from '../../grammar/parse.ts';
import { lexer } from '../../grammar/tokens.ts';
import { canonical } from './writer.ts';
import { tokenText } from './print_expr.ts';

const POSITION_KEYS = new Set(['span', 'nameSpan', 'quoteSpan']);

/** A deep copy of a value without span fields (and without undefined fields). */
export function stripSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSpans);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (POSITION_KEYS.has(key) || v === undefined) continue;
    out[key] = stripSpans(v);
  }
  return out;
}

/** Same AST, positions aside. */
export function sameAst(a: Module, b: Module): boolean {
  return JSON.stringify(stripSpans(a)) === JSON.stringify(stripSpans(b));
}

/** The AST of a text without spans, or undefined if it does not parse. */
export function astWithoutSpans(text: string, file = '<entrada>'): unknown {
  const parsed = parse(text, file);
  if (parsed.diagnostics.length > 0 || !parsed.cst) return undefined;
  return stripSpans(fromCst(file, parsed.cst));
}

/**
 * Tokens and comments in source order, as printed by the formatter, without positions:
 * `T …` for a token (canonical spelling), `C …` for a comment (without trailing spaces).
 */
export function tokenStream(text: string): string[] {
  const lexed = lexer.tokenize(text);
  const all: IToken[] = [...lexed.tokens, ...(lexed.groups['comments'] ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  return all.map((t) => (t.tokenType.name === 'Comment' ? `C ${t.image.trimEnd()}` : `T ${tokenText(t) ?? canonical(t)}`));
}

/** Why `output` is not a faithful reformatting of `input`, or undefined if it is. */
export function unfaithful(input: string, output: string, file: string): string | undefined {
  const before = astWithoutSpans(input, file);
  const after = astWithoutSpans(output, file);
  if (after === undefined) return 'el resultado no se analiza';
  if (JSON.stringify(before) !== JSON.stringify(after)) return 'el resultado no tiene el mismo significado';
  const a = tokenStream(input);
  const b = tokenStream(output);
  if (a.length !== b.length || a.some((x, i) => x !== b[i])) return 'el resultado cambiaría el orden de palabras o comentarios';
  return undefined;
}
