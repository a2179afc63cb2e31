/** Every rule file of rules/ compiles without errors (syntax, types, citations against the official text). */
import { describe, it, expect } from 'vitest';
import { compile } from '../../compiler/driver/compile.ts';
import { nodeHost } from '../../compiler/driver/node_host.ts';
import { renderDiagnostics } from '../../compiler/diagnostics/render.ts';
import { ruleFiles } from '../helpers.ts';

describe('rules/', () => {
  for (const file of ruleFiles()) {
    it(`${file} compila`, () => {
      const result = compile(file, nodeHost);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      expect(errors, renderDiagnostics(errors, (f) => result.sources.get(f))).toEqual([]);
    });
  }
});
