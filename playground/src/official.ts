/**
 * The official text pane: finds a cited quote in the text (whitespace-normalised, as the
 * compiler's citation check does; «[…]» omits a passage and each piece must follow the
 * previous one), highlights it and scrolls to it.
 */

interface Normalised {
  readonly text: string;
  /** For each character of `text`, its offset in the original. */
  readonly map: number[];
  /** Normalised offset of the start of each original line (1-based index). */
  readonly lineStarts: number[];
}

const cache = new WeakMap<object, Normalised>();
const keys = new Map<string, object>();

function normalise(original: string): Normalised {
  let key = keys.get(original);
  if (!key) {
    key = {};
    keys.clear();
    keys.set(original, key);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const map: number[] = [];
  const lineStarts: number[] = [0, 0];
  let text = '';
  let space = false;
  for (let i = 0; i < original.length; i++) {
    const c = original[i]!;
    if (c === '\n') lineStarts.push(text.length);
    if (/\s/.test(c)) {
      space = true;
      continue;
    }
    if (space && text.length) {
      text += ' ';
      map.push(i - 1);
    }
    space = false;
    text += c;
    map.push(i);
  }
  const n = { text, map, lineStarts };
  cache.set(key, n);
  return n;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Ranges [start, end) in the original text covered by the quote, or undefined if it is not there. */
export function findQuote(original: string, quote: string, line?: number): [number, number][] | undefined {
  const n = normalise(original);
  const pieces = quote.split(/\[(?:…|\.\.\.)\]/).map(squash).filter(Boolean);
  if (!pieces.length) return undefined;
  const attempt = (from: number): [number, number][] | undefined => {
    const out: [number, number][] = [];
    let at = from;
    for (const piece of pieces) {
      const i = n.text.indexOf(piece, at);
      if (i < 0) return undefined;
      out.push([n.map[i]!, n.map[i + piece.length - 1]! + 1]);
      at = i + piece.length;
    }
    return out;
  };
  const fromLine = line && n.lineStarts[line] !== undefined ? n.lineStarts[line]! : 0;
  return attempt(Math.max(0, fromLine - 2)) ?? attempt(0);
}

export class OfficialText {
  private text = '';
  private path = '';

  constructor(
    private readonly pane: HTMLElement,
    private readonly ref: HTMLElement,
  ) {}

  show(path: string | undefined, text: string | undefined): void {
    if (path === this.path && text === this.text) return;
    this.path = path ?? '';
    this.text = text ?? '';
    this.pane.textContent = text ?? 'Este fichero no tiene texto oficial.';
    this.ref.textContent = path ? `(${path})` : '';
  }

  /** Highlights the quote; returns the highlighted text (normalised) or undefined when not found. */
  highlight(cita: { lugar: string; texto?: string; linea?: number } | undefined): string | undefined {
    this.pane.replaceChildren(this.text);
    if (!cita) {
      this.ref.textContent = this.path ? `(${this.path})` : '';
      return undefined;
    }
    this.ref.textContent = `— ${cita.lugar}${cita.linea ? `, línea ${cita.linea}` : ''}`;
    if (!cita.texto) {
      if (cita.linea) this.scrollToLine(cita.linea);
      return undefined;
    }
    const ranges = findQuote(this.text, cita.texto, cita.linea);
    if (!ranges) {
      const warn = document.createElement('div');
      warn.className = 'no-encontrada';
      warn.textContent = `No se encuentra la cita en el texto oficial: «${squash(cita.texto)}»`;
      this.pane.replaceChildren(warn, this.text);
      return undefined;
    }
    const nodes: (Node | string)[] = [];
    let at = 0;
    const marks: HTMLElement[] = [];
    for (const [s, e] of ranges) {
      nodes.push(this.text.slice(at, s));
      const m = document.createElement('mark');
      m.textContent = this.text.slice(s, e);
      marks.push(m);
      nodes.push(m);
      at = e;
    }
    nodes.push(this.text.slice(at));
    this.pane.replaceChildren(...nodes);
    const first = marks[0]!;
    this.pane.scrollTop = Math.max(0, first.offsetTop - this.pane.clientHeight / 3);
    return marks.map((m) => squash(m.textContent ?? '')).join(' […] ');
  }

  private scrollToLine(line: number): void {
    const ratio = (line - 1) / Math.max(1, this.text.split('\n').length);
    this.pane.scrollTop = ratio * this.pane.scrollHeight;
  }
}
