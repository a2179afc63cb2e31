/**
 * How much of an official text the rules cite: for legal reviewers, the paragraphs no rule rests
 * on are where to look for rules not yet encoded (or for text that is rightly not computable).
 */
import type * as IR from '../ir/ir.ts';
import { findQuote, prepareText } from './verify.ts';

export interface ParagraphCoverage {
  readonly line: number;
  readonly text: string;
  /** Share of the paragraph's characters inside some quote, 0 to 1. */
  readonly covered: number;
}

export interface TextCoverage {
  readonly textPath: string;
  readonly quotes: number;
  /** Share of the text's characters (whitespace normalised) inside some quote. */
  readonly covered: number;
  readonly paragraphs: readonly ParagraphCoverage[];
}

function citationsOf(program: IR.Program, moduleFile: string): IR.CitationIR[] {
  const out: (IR.CitationIR | undefined)[] = [];
  for (const d of Object.values(program.definitions)) {
    if (d.module !== moduleFile) continue;
    out.push(d.body?.citation, ...d.cases.map((k) => k.citation), d.otherwise?.citation);
  }
  for (const n of Object.values(program.norms)) if (n.module === moduleFile) out.push(n.citation);
  for (const p of Object.values(program.procedures)) if (p.module === moduleFile) out.push(...p.steps.map((s) => s.citation));
  return out.filter((c): c is IR.CitationIR => c?.quote !== undefined);
}

/**
 * Coverage of each official text by the citations of the given programs (several rule files of
 * one resolución share a text: their citations add up).
 */
export function textCoverage(programs: readonly IR.Program[]): TextCoverage[] {
  const byText = new Map<string, { text: string; quotes: string[] }>();
  for (const program of programs) {
    for (const [moduleFile, official] of Object.entries(program.officialTexts)) {
      const entry = byText.get(official.path) ?? { text: official.text, quotes: [] };
      for (const c of citationsOf(program, moduleFile)) entry.quotes.push(c.quote!);
      byText.set(official.path, entry);
    }
  }
  const result: TextCoverage[] = [];
  for (const [textPath, { text, quotes }] of byText) {
    const prepared = prepareText(text);
    const marked = new Uint8Array(prepared.normalized.length);
    const unique = [...new Set(quotes)];
    for (const q of unique) {
      const found = findQuote(prepared, q);
      if (found.found) for (const [a, b] of found.ranges) marked.fill(1, a, b);
    }
    // Paragraphs: the non-empty lines of the original text, mapped onto the normalised one.
    const byLine = new Map<number, { total: number; covered: number }>();
    for (let i = 0; i < prepared.normalized.length; i++) {
      if (prepared.normalized[i] === ' ') continue;
      const line = prepared.lineOf[i]!;
      const entry = byLine.get(line) ?? { total: 0, covered: 0 };
      entry.total++;
      entry.covered += marked[i]!;
      byLine.set(line, entry);
    }
    const lines = text.split(/\r?\n/);
    let total = 0;
    let covered = 0;
    const paragraphs: ParagraphCoverage[] = [];
    for (const [line, counts] of [...byLine.entries()].sort((a, b) => a[0] - b[0])) {
      total += counts.total;
      covered += counts.covered;
      paragraphs.push({ line, text: lines[line - 1]!.trim(), covered: counts.covered / counts.total });
    }
    result.push({ textPath, quotes: unique.length, covered: total ? covered / total : 0, paragraphs });
  }
  return result;
}

/** A readable report: overall share, and the substantial paragraphs no citation touches. */
export function renderCoverage(coverage: readonly TextCoverage[], minLength = 80): string {
  const out: string[] = [];
  for (const c of coverage) {
    const uncited = c.paragraphs.filter((p) => p.covered === 0 && p.text.length >= minLength);
    out.push(`${c.textPath}: ${(c.covered * 100).toFixed(1)} % del texto citado (${c.quotes} citas distintas).`);
    out.push(`Párrafos de ${minLength} caracteres o más sin ninguna cita (${uncited.length}):`);
    for (const p of uncited) out.push(`  línea ${p.line}: ${p.text.length > 140 ? `${p.text.slice(0, 140)}…` : p.text}`);
    out.push('');
  }
  return out.join('\n');
}
