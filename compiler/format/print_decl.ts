/**
 * Declarations: the canonical line structure of a .neae file.
 *
 *   top-level declarations at column 0, one blank line between them (consecutive `importar`
 *   and consecutive `entrada` lines keep the author's grouping: a blank line only where there was one);
 *   header fields, enum variants and record fields one per line at 2, inside braces;
 *   `= fórmula`, `caso …`, `en otro caso …` and norm attributes at 2, a case's
 *   `prevalece sobre …` and `cita …` at 4 (and `entonces …` at 4 when the case line is too long);
 *   `paso` at 2 and its attributes at 4; `prueba` at 0, `dado`/`espera` at 2, their lines at 4.
 *
 * The printer walks every child of every CST node in source order (cst.ts `elements`) and only
 * decides where lines break (the table below) and where spaces go (print_expr.ts): a token it
 * does not know about is still printed, in place.
 */
import type { CstNode, IToken } from 'chevrotain';
import { Writer, type BreakOptions } from './writer.ts';
import { elements, isToken, nodes, only, tok, type Element } from './cst.ts';
import { gluesNext, spaceBefore, tokenText } from './print_expr.ts';

/**
 * A case line longer than this puts `entonces …` on its own line; a formula longer than this
 * (or after a doc text) puts `= …` on its own line.
 */
export const MAX_LINE = 120;

/** Top-level declarations that stay grouped as the author grouped them. */
const GROUPED = new Set(['importDecl', 'inputDecl']);

/** Line breaks: rule → child key → indentation (in spaces, from column 0) of the line it starts. */
const LINES: Record<string, Record<string, number>> = {
  resolution: { headerField: 2 },
  enumDecl: { enumVariant: 2 },
  recordDecl: { fieldDecl: 2 },
  definition: { citation: 2, caseClause: 2, otherwiseClause: 2 },
  caseClause: { overrides: 4, citation: 4 },
  otherwiseClause: { citation: 4 },
  norm: { Aplica: 2, modality: 2, overrides: 2, citation: 2 },
  procedure: { step: 2 },
  step: { stepAttribute: 4 },
  testCase: { Dado: 2, given: 4, Espera: 2, expected: 4 },
};

/** Where a line is split when it is too long (`splits`), or when a comment forces a break there. */
const SOFT_LINES: Record<string, Record<string, number>> = {
  caseClause: { Entonces: 4 },
  definition: { Equals: 2 },
};

/** Rules whose closing brace goes on its own line at column 0. */
const BLOCKS = new Set(['resolution', 'enumDecl', 'recordDecl']);

export function printFile(w: Writer, file: CstNode): void {
  let previous: string | undefined;
  for (const top of nodes(file, 'topLevel')) {
    const kind = only(top)?.[0] ?? '';
    if (previous === undefined) w.line(0);
    else w.line(0, { blank: kind === previous && GROUPED.has(kind) ? 'preserve' : 'always', tailIndent: 2 });
    new Printer(w).node(top);
    previous = kind;
  }
}

class Printer {
  /** The next token is glued to the previous one. */
  private glue = false;

  constructor(
    private readonly w: Writer,
    /** Flat printing (for measuring): no line breaks at all. */
    private readonly flat = false,
  ) {}

  node(n: CstNode, only?: (e: Element) => boolean): void {
    const split = !this.flat && splits(n);
    for (const e of elements(n)) {
      if (only && !only(e)) continue;
      if (!this.flat) {
        const soft = SOFT_LINES[n.name]?.[e.key];
        const indent = LINES[n.name]?.[e.key] ?? (split ? soft : undefined);
        if (indent !== undefined) this.line(indent);
        else if (soft !== undefined) this.w.softLine(soft);
        if (BLOCKS.has(n.name) && e.key === 'RBrace') this.line(0, { commentIndent: 2 });
      }
      if (isToken(e.element)) this.token(e.element, n.name, e.key);
      else this.node(e.element);
    }
  }

  private line(indent: number, options?: BreakOptions): void {
    this.w.line(indent, options);
    this.glue = false;
  }

  private token(t: IToken, rule: string, key: string): void {
    this.w.token(t, !this.glue && spaceBefore(t, rule, key), tokenText(t));
    this.glue = gluesNext(t, rule, key);
  }
}

/**
 * Whether a node's line is split at its SOFT_LINES point: `caso … si …` / `entonces …` when the
 * case line is too long; `definición x: T` / `= fórmula` when the definition has a doc text or
 * the line is too long. Widths are measured without comments, so comments never change this.
 */
function splits(n: CstNode): boolean {
  const head = (e: Element) => e.key !== 'overrides' && e.key !== 'citation';
  if (n.name === 'caseClause') return flatWidth(n, 2, head) > MAX_LINE;
  if (n.name === 'definition' && tok(n, 'Equals')) return tok(n, 'doc') !== undefined || flatWidth(n, 0, head) > MAX_LINE;
  return false;
}

/** Width of part of a node printed on one line at `indent`, without comments. */
function flatWidth(n: CstNode, indent: number, only: (e: Element) => boolean): number {
  const w = new Writer();
  w.line(indent);
  new Printer(w, true).node(n, only);
  return [...w.flatText()].length;
}
