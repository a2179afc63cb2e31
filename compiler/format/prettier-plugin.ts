/**
 * Prettier plugin for .neae files: `prettier --plugin compiler/format/prettier-plugin.ts`
 * (with a Node that loads TypeScript, e.g. `node --import tsx node_modules/.bin/prettier …`),
 * or `prettier.format(text, { parser: 'neae', plugins: [plugin] })`.
 *
 * The layout is entirely neae fmt's (formatSource): the parser checks the syntax and keeps the
 * text; the printer returns formatSource's output as a single string (so Prettier neither
 * re-wraps nor trims anything, quotes included). Prettier's options (printWidth, tabWidth…)
 * do not apply: a .neae file has one canonical layout.
 */
import type { AstPath, Parser, Plugin, Printer, SupportLanguage } from 'prettier';
import { parse } from '../../grammar/parse.ts';
import { formatSource } from './format.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** The whole file is one node: Prettier only needs a root and its extent. */
export interface NeaeRoot {
  readonly type: 'neae-file';
  readonly text: string;
  readonly file: string;
}

/** A Prettier-style syntax error: message plus location, for Prettier's code frame. */
function syntaxError(d: Diagnostic): Error {
  const e = new SyntaxError(`${d.message}${d.hint ? ` ${d.hint}` : ''}`) as SyntaxError & { loc: unknown };
  e.loc = { start: { line: d.span.start.line, column: d.span.start.column }, end: { line: d.span.end.line, column: d.span.end.column } };
  return e;
}

export const languages: SupportLanguage[] = [{ name: 'neae', extensions: ['.neae'], parsers: ['neae'] }];

const neaeParser: Parser<NeaeRoot> = {
  astFormat: 'neae',
  parse(text, options) {
    const file = options.filepath ?? '<prettier>';
    const first = parse(text, file).diagnostics[0];
    if (first) throw syntaxError(first);
    return { type: 'neae-file', text, file };
  },
  locStart: () => 0,
  locEnd: (node) => node.text.length,
};

const neaePrinter: Printer<NeaeRoot> = {
  print(path: AstPath<NeaeRoot>) {
    const { text, file } = path.node;
    const result = formatSource(text, file);
    if (!result.ok) throw syntaxError(result.diagnostics[0]!);
    return result.text;
  },
};

export const parsers = { neae: neaeParser };
export const printers = { neae: neaePrinter };

const plugin: Plugin<NeaeRoot> = { languages, parsers, printers };
export default plugin;
