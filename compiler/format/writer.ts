/**
 * The layout writer: the printers hand it source tokens in source order, each with a layout
 * request (start a new line at an indentation, or stay on the line with or without a space);
 * the writer weaves the source comments back in by offset.
 *
 * Because every token the printers emit is a real token of the input, in the input's order,
 * a comment always lands between the same two tokens it sat between in the input:
 *  - a comment on the same source line as the token before it stays at the end of that line
 *    (trailing comment); whatever follows then starts a new line;
 *  - any other comment goes on its own line, before the token that follows it, at that token's
 *    indentation (or the block's inner indentation before a closing «}», or a continuation
 *    indentation in the middle of an expression, which then continues on the next line);
 *  - blank lines next to an own-line comment are kept (at most one); elsewhere the layout
 *    decides them;
 *  - between top-level declarations, indented comments right after a declaration (no blank
 *    line before them) stay at the end of that declaration instead of moving to the next one.
 */
import type { IToken, TokenType } from 'chevrotain';
import { keywordInfo, LBrace, RBrace, NotEq, LessEq, GreaterEq, Star } from '../../grammar/tokens.ts';

/** How blank lines are decided before the first line after a break. */
export type Blank = 'always' | 'preserve' | 'none';

export interface BreakOptions {
  /** 'always': one blank line; 'preserve': one if the source had one; 'none': only next to comments. */
  readonly blank?: Blank;
  /** Indentation of own-line comments before the token (default: the token's own). */
  readonly commentIndent?: number;
  /** Indented comments right after the previous construct stay with it, at this indentation. */
  readonly tailIndent?: number;
}

interface PendingBreak {
  readonly indent: number;
  readonly blank: Blank;
  readonly commentIndent: number;
  readonly tailIndent: number | undefined;
  /** Something (an own-line comment) has already been printed after the break. */
  used: boolean;
}

/** Extra indentation of an expression continued on the next line because of a comment. */
export const CONTINUATION = 4;

const canonicalText = new Map<TokenType, string>([
  ...keywordInfo.map((k) => [k.token, k.canonical] as [TokenType, string]),
  [NotEq, '≠'],
  [LessEq, '<='],
  [GreaterEq, '>='],
  [Star, '*'],
]);

/** How a token is printed: keywords in their canonical spelling, operators in one spelling. */
export function canonical(t: IToken): string {
  return canonicalText.get(t.tokenType) ?? t.image;
}

export class Writer {
  private readonly lines: string[] = [];
  private current: string | null = null;
  /** Indentation of the logical line being printed (continuations are relative to it). */
  private lineIndent = 0;
  private pending: PendingBreak | null = null;
  /** Where the next token goes if a comment forces a line break before it. */
  private soft: number | undefined;
  private forceBreak = false;
  /** The last source item printed (token or comment), for line gaps. */
  private prev: IToken | undefined;
  private prevIsComment = false;
  private next = 0;

  constructor(private readonly comments: readonly IToken[] = []) {}

  /** The next token starts a new line at `indent`. */
  line(indent: number, options: BreakOptions = {}): void {
    this.pending = {
      indent,
      blank: options.blank ?? 'none',
      commentIndent: options.commentIndent ?? indent,
      tailIndent: options.tailIndent,
      used: false,
    };
  }

  /**
   * The next token stays on the line, but if a comment forces a break before it, it starts its
   * line at `indent` (e.g. `entonces` at 4) instead of the continuation indentation.
   */
  softLine(indent: number): void {
    this.soft = indent;
  }

  /** Prints a token: on a new line if one was requested, else after a space (or glued). */
  token(t: IToken | undefined, space = true, text = t ? canonical(t) : ''): void {
    if (!t) return;
    this.flushComments(t.startOffset);
    if (this.current === null || this.pending || this.forceBreak) {
      const indent = this.pending ? this.pending.indent : this.continuation();
      this.open(indent, text, this.blankBefore(t, false));
      if (this.pending) this.lineIndent = this.pending.indent;
      this.pending = null;
      this.forceBreak = false;
    } else {
      this.current += (space ? ' ' : '') + text;
    }
    this.prev = t;
    this.prevIsComment = false;
    this.soft = undefined;
  }

  private continuation(): number {
    return this.soft ?? this.lineIndent + CONTINUATION;
  }

  /** Token printed with no space before it (unless it starts a line). */
  glue(t: IToken | undefined, text?: string): void {
    this.token(t, false, text);
  }

  /** Prints the remaining comments and returns the text, ending with one newline. */
  finish(): string {
    this.line(0, { blank: 'preserve', tailIndent: 2 });
    this.flushComments(Number.POSITIVE_INFINITY);
    if (this.current !== null) this.lines.push(this.current);
    this.current = null;
    return this.lines.length ? `${this.lines.join('\n')}\n` : '';
  }

  /** The text printed so far, without the final newline (to measure a line printed without comments). */
  flatText(): string {
    return [...this.lines, this.current ?? ''].join('\n');
  }

  private flushComments(offset: number): void {
    while (this.next < this.comments.length && this.comments[this.next]!.startOffset < offset) {
      const c = this.comments[this.next++]!;
      const text = c.image.trimEnd();
      const p = this.pending;
      if (this.prev && this.current !== null && c.startLine === this.prev.endLine) {
        // Trailing comment: stays at the end of its line.
        this.current += ` ${text}`;
        this.forceBreak = true;
      } else if (p && !p.used && p.tailIndent !== undefined && this.prev && (c.startColumn ?? 1) > 1 && this.gap(c) < 2) {
        // Indented comment right after a declaration: it belongs to that declaration.
        this.open(p.tailIndent, text, false);
      } else {
        const indent = p ? p.commentIndent : this.continuation();
        this.open(indent, text, this.blankBefore(c, true));
        if (p) p.used = true;
        this.forceBreak = true;
      }
      this.prev = c;
      this.prevIsComment = true;
    }
  }

  private gap(item: IToken): number {
    return this.prev ? (item.startLine ?? 0) - (this.prev.endLine ?? 0) : 0;
  }

  private blankBefore(item: IToken, isComment: boolean): boolean {
    if (this.current === null && this.lines.length === 0) return false;
    if (item.tokenType === RBrace) return false;
    if (!this.prevIsComment && this.prev?.tokenType === LBrace) return false;
    const gap = this.gap(item);
    const p = this.pending;
    if (p && !p.used) return p.blank === 'always' || (gap >= 2 && (p.blank === 'preserve' || isComment));
    return gap >= 2 && (isComment || this.prevIsComment);
  }

  private open(indent: number, text: string, blank: boolean): void {
    if (this.current !== null) this.lines.push(this.current);
    if (blank) this.lines.push('');
    this.current = ' '.repeat(indent) + text;
  }
}
