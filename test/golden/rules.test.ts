/**
 * Runs every golden test file of rules/ (the `.pruebas.neae` beside each rule file), one vitest
 * test per `prueba`, so a failing scenario is reported by its id.
 */
import { describe, it, expect } from 'vitest';
import { runTestFile } from '../../compiler/testing/golden.ts';
import { nodeHost } from '../../compiler/driver/node_host.ts';
import { renderDiagnostics } from '../../compiler/diagnostics/render.ts';
import { hasErrors } from '../../compiler/diagnostics/diagnostic.ts';
import { testFiles } from '../helpers.ts';

for (const file of testFiles()) {
  describe(file, () => {
    const result = runTestFile(file, nodeHost);
    it('compila sin errores', () => {
      const rendered = renderDiagnostics(result.diagnostics.filter((d) => d.severity === 'error'), (f) => nodeHost.read(f));
      expect(hasErrors(result.diagnostics), rendered).toBe(false);
    });
    for (const outcome of result.outcomes) {
      it(outcome.name, () => {
        expect(outcome.failures).toEqual([]);
      });
    }
  });
}
