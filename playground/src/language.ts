/**
 * The `neae` language for Monaco. Keywords come from the grammar's own `keywordInfo`, so the
 * highlighting and completion cannot drift from what the parser accepts.
 */
import * as monaco from './monaco.ts';
import { keywordInfo } from '../../grammar/tokens.ts';
import { BUILTINS, POLYMORPHIC_DOCS } from '../../compiler/typecheck/builtins.ts';

export const LANGUAGE_ID = 'neae';

const ACCENTS: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

/** Every spelling the lexer accepts for a keyword: each accented vowel with or without its accent. */
export function spellings(canonical: string): string[] {
  let out = [''];
  for (const ch of canonical) {
    const plain = ACCENTS[ch];
    out = out.flatMap((prefix) => (plain ? [prefix + ch, prefix + plain] : [prefix + ch]));
  }
  return out;
}

export const KEYWORDS: readonly { word: string; doc: string }[] = keywordInfo.map((k) => ({ word: k.canonical, doc: k.doc }));
export const BUILTIN_DOCS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(BUILTINS).map(([k, b]) => [k, b.doc])),
  ...POLYMORPHIC_DOCS,
};
export const TYPE_WORDS = ['booleano', 'entero', 'decimal', 'euros', 'porcentaje', 'horas', 'fecha', 'duración', 'texto', 'curso_escolar'];
const UNIT_WORDS = ['hora', 'horas', 'semana', 'semanas', 'mes', 'meses', 'año', 'años', 'curso', 'cursos', 'días', 'día', 'naturales', 'hábiles', 'habiles'];

export function registerLanguage(): void {
  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.neae'], aliases: ['neae', 'NEAE'] });
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: '#' },
    brackets: [['{', '}'], ['[', ']'], ['(', ')']],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: '"', close: '"', notIn: ['string'] },
      { open: '«', close: '»', notIn: ['string'] },
    ],
    surroundingPairs: [{ open: '«', close: '»' }, { open: '"', close: '"' }],
    wordPattern: /[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF][A-Za-z_0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]*/,
  });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, {
    keywords: keywordInfo.flatMap((k) => spellings(k.canonical)),
    typeKeywords: TYPE_WORDS.flatMap(spellings),
    builtins: Object.keys(BUILTIN_DOCS).flatMap(spellings),
    units: UNIT_WORDS,
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/«/, { token: 'string.quote', next: '@quote' }],
        [/"([^"\\\n]|\\.)*"/, 'string'],
        [/"([^"\\\n]|\\.)*$/, 'string.invalid'],
        [/\d{4}-\d{2}-\d{2}/, 'number.date'],
        [/\d+(?:[.,]\d+)?/, { token: 'number', next: '@afterNumber' }],
        [/[A-Z][A-Z0-9_]*\d[A-Za-z0-9_]*/, 'tag'], // case ids: R38, R39_EP
        [
          /[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF][A-Za-z_0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]*/,
          { cases: { '@keywords': 'keyword', '@builtins': 'predefined', '@default': 'identifier' } },
        ],
        [/[{}()[\]]/, '@brackets'],
        [/<=|>=|!=|≠|≤|≥|<>|[=<>+\-*/×%€]/, 'operator'],
        // After «:» (declarations) or «de» (conjunto de T) comes a type: colour it as one; elsewhere
        // «horas», «texto»… are ordinary names (an input may be called «horas»).
        [/:/, { token: 'delimiter', next: '@typePosition' }],
        [/[,.?]/, 'delimiter'],
      ],
      typePosition: [
        [/[ \t]+/, 'white'],
        [/(conjunto|lista)(?=\s+de\b)/, 'keyword'],
        [/de\b/, 'keyword'],
        [
          /[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF][A-Za-z_0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]*(?=\s*[?"=,)\n]|\s*$)/,
          { cases: { '@typeKeywords': { token: 'type', next: '@pop' }, '@keywords': { token: 'keyword', next: '@pop' }, '@default': { token: 'type.identifier', next: '@pop' } } },
        ],
        [/./, { token: '@rematch', next: '@pop' }],
        [/$/, { token: '', next: '@pop' }],
      ],
      // «5 horas», «10 días hábiles»: a unit only right after a number.
      afterNumber: [
        [/[ \t]+/, 'white'],
        [/(días|dias|día|dia)(\s+)(naturales|hábiles|habiles)/, ['number.unit', 'white', 'number.unit'], '@pop'],
        [/[A-Za-z\u00C0-\u00FF_]+/, { cases: { '@units': { token: 'number.unit', next: '@pop' }, '@default': { token: '@rematch', next: '@pop' } } }],
        [/./, { token: '@rematch', next: '@pop' }],
        [/$/, { token: '', next: '@pop' }],
      ],
      quote: [
        [/[^»]+/, 'string.quote'],
        [/»/, { token: 'string.quote', next: '@pop' }],
      ],
    },
  } as monaco.languages.IMonarchLanguage);
  monaco.editor.defineTheme('neae', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: '0b4f9c', fontStyle: 'bold' },
      { token: 'type', foreground: '7a3e9d' },
      { token: 'type.identifier', foreground: '7a3e9d' },
      { token: 'predefined', foreground: '795e26' },
      { token: 'string.quote', foreground: '1a6b35', fontStyle: 'italic' },
      { token: 'string', foreground: 'a31515' },
      { token: 'number.date', foreground: '098658' },
      { token: 'number.unit', foreground: '098658' },
      { token: 'tag', foreground: 'b35c00', fontStyle: 'bold' },
      { token: 'comment', foreground: '6a737d', fontStyle: 'italic' },
    ],
    colors: {},
  });
}
