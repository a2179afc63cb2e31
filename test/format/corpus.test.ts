/**
 * Every .neae file in the repository (rules/ and scratch/t, listed when the tests run, so new
 * rule files are covered as they appear): formatting is accepted, idempotent, keeps the AST
 * and keeps every comment between the same two tokens.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/parse.ts';
import { formatSource } from '../../compiler/format/format.ts';
import { expectFaithful, neaeFiles, read } from './helpers.ts';

const files = neaeFiles('rules', 'scratch/t');

describe('neae fmt over the repository', () => {
  it('finds the rule files', () => {
    expect(files).toContain('rules/comun/vocabulario.neae');
    expect(files.length).toBeGreaterThan(2);
  });

  for (const file of files) {
    it(file, () => {
      const text = read(file);
      if (parse(text, file).diagnostics.length > 0) {
        // A file being written right now may not parse yet: the formatter must refuse it.
        expect(formatSource(text, file).ok).toBe(false);
        return;
      }
      expectFaithful(text, file);
    });
  }
});
