/**
 * Checks that a citation's quote occurs verbatim in the official text (whitespace normalised
 * only) and finds where. A quote may elide text with «[…]» or «[...]»: each piece must occur,
 * in order. When a quote is not found, the nearest passage is offered.
 */

export interface OfficialText {
  readonly normalized: string;
  /** For each character of `normalized`, the 1-based line of the original text. */
  readonly lineOf: Int32Array;
}

export function normalizeWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function prepareText(text: string): OfficialText {
  const chars: string[] = [];
  const lines: number[] = [];
  let line = 1;
  let pendingSpace = false;
  for (const ch of text) {
    if (/\s/.test(ch)) {
      if (ch === '\n') line++;
      pendingSpace = chars.length > 0;
      continue;
    }
    if (pendingSpace) {
      chars.push(' ');
      lines.push(line);
      pendingSpace = false;
    }
    chars.push(ch);
    lines.push(line);
  }
  // Strings are indexed by UTF-16 code units: keep the line table aligned with them.
  const normalized = chars.join('');
  const lineOf = new Int32Array(normalized.length);
  let k = 0;
  for (let i = 0; i < chars.length; i++) for (let j = 0; j < chars[i]!.length; j++) lineOf[k++] = lines[i]!;
  return { normalized, lineOf };
}

export type QuoteCheck =
  | {
      found: true;
      line: number;
      /** Where else the quote occurs (lines), when it is not unique. */
      alsoAt: number[];
      /** The stretches of the normalised text the quote covers, [start, end). */
      ranges: [number, number][];
    }
  | { found: false; nearest?: { line: number; passage: string; matchedPrefix: string } };

const ELISION = /\s*\[(?:…|\.\.\.)\]\s*/;

export function findQuote(text: OfficialText, quote: string): QuoteCheck {
  const pieces = quote.split(ELISION).map(normalizeWhitespace).filter((p) => p.length > 0);
  if (pieces.length === 0) return { found: false };
  let from = 0;
  let firstAt = -1;
  const ranges: [number, number][] = [];
  for (const piece of pieces) {
    const at = text.normalized.indexOf(piece, from);
    if (at < 0) return { found: false, nearest: nearest(text, piece) };
    if (firstAt < 0) firstAt = at;
    from = at + piece.length;
    ranges.push([at, from]);
  }
  // Other places where the (first piece of the) quote also occurs: the citation is then ambiguous.
  const alsoAt: number[] = [];
  for (let at = text.normalized.indexOf(pieces[0]!, firstAt + 1); at >= 0; at = text.normalized.indexOf(pieces[0]!, at + 1)) alsoAt.push(text.lineOf[at]!);
  return { found: true, line: text.lineOf[firstAt]!, alsoAt, ranges };
}

/**
 * The passage that shares the longest prefix with the quote; if none shares a useful prefix,
 * the passage around the rarest long word of the quote.
 */
function nearest(text: OfficialText, piece: string): { line: number; passage: string; matchedPrefix: string } | undefined {
  let lo = 0;
  let hi = piece.length;
  let at = -1;
  // Binary search on the prefix length: a prefix that occurs implies every shorter one occurs.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const found = text.normalized.indexOf(piece.slice(0, mid));
    if (found >= 0) {
      lo = mid;
      at = found;
    } else hi = mid - 1;
  }
  if (lo >= 12 && at >= 0) {
    return { line: text.lineOf[at]!, passage: text.normalized.slice(at, at + piece.length + 20), matchedPrefix: piece.slice(0, lo) };
  }
  const words = piece.split(' ').filter((w) => w.length >= 6).sort((a, b) => b.length - a.length);
  for (const word of words) {
    const found = text.normalized.indexOf(word);
    if (found >= 0) {
      const start = Math.max(0, found - 40);
      return { line: text.lineOf[found]!, passage: text.normalized.slice(start, start + piece.length + 40), matchedPrefix: '' };
    }
  }
  return undefined;
}
