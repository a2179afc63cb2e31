/**
 * AST comparison ignoring positions: the formatter's contract is that the AST of its output
 * equals the AST of its input once spans are stripped.
 */
import type { Module } from '../ast/ast.ts';

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
