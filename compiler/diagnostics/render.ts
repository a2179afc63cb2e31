/** Renders diagnostics for a terminal: the message, the source line and a caret under the span. */
import type { Diagnostic, Span } from './diagnostic.ts';

export type SourceLookup = (file: string) => string | undefined;

function sourceLine(text: string, line: number): string {
  return text.split(/\r?\n/)[line - 1] ?? '';
}

function underline(span: Span, lineText: string, mark: string): string {
  const start = span.start.column;
  const end = span.end.line === span.start.line ? Math.max(span.end.column, start + 1) : lineText.length + 1;
  return ' '.repeat(start - 1) + mark.repeat(Math.max(1, end - start));
}

function excerpt(span: Span, text: string | undefined, mark: string, note?: string): string[] {
  const where = `${span.file}:${span.start.line}:${span.start.column}`;
  if (text === undefined) return [`  --> ${where}${note ? `: ${note}` : ''}`];
  const lineText = sourceLine(text, span.start.line);
  const gutter = String(span.start.line).length;
  const pad = ' '.repeat(gutter);
  return [
    `${pad}--> ${where}`,
    `${pad} |`,
    `${span.start.line} | ${lineText}`,
    `${pad} | ${underline(span, lineText, mark)}${note ? ` ${note}` : ''}`,
  ];
}

export function renderDiagnostic(d: Diagnostic, lookup: SourceLookup): string {
  const head = `${d.severity}[${d.code}]: ${d.message}`;
  const lines = [head, ...excerpt(d.span, lookup(d.span.file), '^')];
  for (const label of d.labels) lines.push(...excerpt(label.span, lookup(label.span.file), '-', label.message));
  // The hint lines up with the excerpt's gutter, however many digits the line number has.
  if (d.hint) lines.push(`${' '.repeat(String(d.span.start.line).length)} = ayuda: ${d.hint}`);
  return lines.join('\n');
}

export function renderDiagnostics(list: readonly Diagnostic[], lookup: SourceLookup): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const body = list.map((d) => renderDiagnostic(d, lookup)).join('\n\n');
  const summary = `${errors} ${errors === 1 ? 'error' : 'errores'}, ${warnings} ${warnings === 1 ? 'aviso' : 'avisos'}`;
  return list.length ? `${body}\n\n${summary}` : summary;
}
