/** Shared checks for the formatter tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { formatSource } from '../../compiler/format/format.ts';
import { astWithoutSpans, tokenStream } from '../../compiler/format/verify.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Formats text that must be accepted; fails the test with the diagnostics otherwise. */
export function fmt(text: string, file = 'prueba.neae'): string {
  const result = formatSource(text, file);
  if (!result.ok) throw new Error(`formatSource refused ${file}: ${result.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.message}`).join('; ')}`);
  return result.text;
}

/** Every property the formatter promises, for one input that parses. */
export function expectFaithful(input: string, file = 'prueba.neae'): string {
  const once = fmt(input, file);
  expect(fmt(once, file), 'idempotent').toBe(once);
  expect(astWithoutSpans(once, file), 'same AST, spans aside').toEqual(astWithoutSpans(input, file));
  expect(tokenStream(once), 'same tokens and comments, same order').toEqual(tokenStream(input));
  // Quotes are reproduced byte for byte (spaces and line ends included): check the rest.
  for (const line of once.replace(/«[^»]*»/g, '«»').split('\n')) expect(line, 'no trailing spaces').toBe(line.trimEnd());
  expect(once.endsWith('\n') || once === '', 'ends with one newline').toBe(true);
  return once;
}

/** Every .neae file under the given directories (relative to the repository), found now. */
export function neaeFiles(...dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      let stat;
      try {
        stat = statSync(path);
      } catch {
        continue;
      }
      if (stat.isDirectory()) walk(path);
      else if (name.endsWith('.neae')) out.push(relative(ROOT, path));
    }
  };
  for (const dir of dirs) walk(join(ROOT, dir));
  return out.sort();
}

export function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}
