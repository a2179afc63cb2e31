/**
 * parse(text) → CST and located diagnostics. Never throws: lexing errors, syntax errors and
 * even an internal failure of the parser come back as diagnostics.
 */
import type { CstNode, IToken, IRecognitionException, ILexingError } from 'chevrotain';
import { lexer, UnterminatedString, UnterminatedQuote } from './tokens.ts';
import { parser } from './parser.ts';
import { error, type Diagnostic, type Span } from '../compiler/diagnostics/diagnostic.ts';

export interface ParseResult {
  readonly cst: CstNode | undefined;
  readonly comments: readonly IToken[];
  readonly tokens: readonly IToken[];
  readonly diagnostics: readonly Diagnostic[];
}

export function tokenSpan(file: string, token: IToken): Span {
  const line = token.startLine ?? 1;
  const column = token.startColumn ?? 1;
  const endLine = token.endLine ?? line;
  const endColumn = (token.endColumn ?? column) + 1;
  const endOffset = (token.endOffset ?? token.startOffset) + 1;
  return {
    file,
    start: { line, column, offset: token.startOffset },
    end: { line: endLine, column: endColumn, offset: Number.isNaN(endOffset) ? token.startOffset : endOffset },
  };
}

function lexingDiagnostic(file: string, text: string, e: ILexingError): Diagnostic {
  const char = text.slice(e.offset, e.offset + e.length);
  const span: Span = {
    file,
    start: { line: e.line ?? 1, column: e.column ?? 1, offset: e.offset },
    end: { line: e.line ?? 1, column: (e.column ?? 1) + e.length, offset: e.offset + e.length },
  };
  return error('lexico', `Carácter no reconocido «${char}».`, span, {
    hint: 'Los nombres usan letras (con tildes y ñ), cifras y «_»; los textos van entre comillas "…" y las citas entre «…».',
  });
}

function syntaxDiagnostic(file: string, e: IRecognitionException): Diagnostic {
  let token = e.token;
  // At the end of input Chevrotain reports the EOF token, which has no position: use the last real one.
  if (token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset)) token = (e as IRecognitionException & { previousToken?: IToken }).previousToken ?? token;
  const span = Number.isNaN(token.startOffset)
    ? { file, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }
    : tokenSpan(file, token);
  const hint =
    e.token.tokenType.name !== 'Identifier' && e.token.tokenType.name !== 'EOF' && /Se esperaba un nombre/.test(e.message)
      ? `«${e.token.image}» es una palabra reservada del lenguaje y no puede usarse como nombre.`
      : undefined;
  return error('sintaxis', e.message, span, { hint });
}

export function parse(text: string, file = '<entrada>'): ParseResult {
  try {
    const lexed = lexer.tokenize(text);
    const diagnostics: Diagnostic[] = lexed.errors.map((e) => lexingDiagnostic(file, text, e));
    const tokens: IToken[] = [];
    for (const token of lexed.tokens) {
      if (token.tokenType === UnterminatedString || token.tokenType === UnterminatedQuote) {
        const closer = token.tokenType === UnterminatedString ? '"' : '»';
        diagnostics.push(error('texto-sin-cerrar', `Falta cerrar el texto con ${closer}.`, tokenSpan(file, token)));
        continue;
      }
      tokens.push(token);
    }
    parser.input = tokens;
    const cst = parser.file();
    for (const e of parser.errors) diagnostics.push(syntaxDiagnostic(file, e));
    return { cst, comments: lexed.groups['comments'] ?? [], tokens, diagnostics };
  } catch (failure) {
    const message = failure instanceof Error ? failure.message : String(failure);
    const span = { file, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    return { cst: undefined, comments: [], tokens: [], diagnostics: [error('interno', `Error interno del analizador: ${message}`, span)] };
  }
}

