/**
 * Diagnostics are data: every stage returns them instead of throwing, so the CLI, the tests
 * and the playground render the same objects. Messages are in Spanish (the users are Spanish
 * policy staff); codes are stable identifiers for tests and documentation.
 */
export interface Position {
  readonly line: number; // 1-based
  readonly column: number; // 1-based
  readonly offset: number; // 0-based
}

export interface Span {
  readonly file: string;
  readonly start: Position;
  readonly end: Position; // exclusive
}

export type Severity = 'error' | 'aviso';

export interface Label {
  readonly span: Span;
  readonly message: string;
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly labels: readonly Label[];
  readonly hint?: string;
}

export function error(code: string, message: string, span: Span, extra: { labels?: Label[]; hint?: string } = {}): Diagnostic {
  return { code, severity: 'error', message, span, labels: extra.labels ?? [], hint: extra.hint };
}

export function warning(code: string, message: string, span: Span, extra: { labels?: Label[]; hint?: string } = {}): Diagnostic {
  return { code, severity: 'aviso', message, span, labels: extra.labels ?? [], hint: extra.hint };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function spanBetween(a: Span, b: Span): Span {
  return { file: a.file, start: a.start, end: b.end };
}

/** A zero-width span at the start of a file, for problems that have no better place. */
export function fileStart(file: string): Span {
  const p = { line: 1, column: 1, offset: 0 };
  return { file, start: p, end: p };
}

/** Sorts by file, then position, so output is stable whatever order the stages ran in. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.span.file.localeCompare(b.span.file) || a.span.start.offset - b.span.start.offset || a.code.localeCompare(b.code),
  );
}
