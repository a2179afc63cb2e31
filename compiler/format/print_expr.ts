/**
 * Spacing inside a line (expressions, types, headers): single spaces around binary operators
 * and keywords, none inside brackets or around «.», none before «,» «:» «?», calls and
 * parameter lists glued to their name, units after numbers («5 horas», «50 %», «120.50 €»).
 * Parentheses are tokens of the CST, so the author's are all kept and none is added: the
 * printed expression is the one the author wrote, and parses the same.
 */
import type { IToken } from 'chevrotain';

/** Tokens never preceded by a space. */
const GLUED_BEFORE = new Set(['Comma', 'Colon', 'RParen', 'RBracket', 'Dot', 'Question']);
/** Tokens never followed by a space. */
const GLUED_AFTER = new Set(['LParen', 'LBracket', 'Dot']);
/** Rules whose braces are a literal `{a, b}` / `{k: v}` (not a block of lines). */
const LITERAL_BRACES = new Set(['recordLiteral', 'setLiteral']);

/** Whether a space goes before token `t`, stored under `key` in a node of rule `rule`. */
export function spaceBefore(t: IToken, rule: string, key: string): boolean {
  const type = t.tokenType.name;
  if (GLUED_BEFORE.has(type)) return false;
  if (type === 'RBrace' && LITERAL_BRACES.has(rule)) return false;
  // f(x) and definición nivel(e: Etapa): the parenthesis is glued to the name.
  if (type === 'LParen' && (key === 'call' || rule === 'params')) return false;
  return true;
}

/** Whether the token after `t` is glued to it. */
export function gluesNext(t: IToken, rule: string, key: string): boolean {
  const type = t.tokenType.name;
  if (GLUED_AFTER.has(type)) return true;
  if (type === 'LBrace' && LITERAL_BRACES.has(rule)) return true;
  return type === 'Minus' && key === 'minus'; // unary minus: -x
}

/** The text of a token in an expression: «2,5» and «2.5» are the same number; we write the point. */
export function tokenText(t: IToken): string | undefined {
  return t.tokenType.name === 'NumberLiteral' ? t.image.replace(',', '.') : undefined;
}
