/**
 * Bad rule files and their rendered diagnostics, pinned: what policy staff see is part of the
 * product. Re-pin with `npx vitest run test/bad -u` and review the diff.
 */
import { describe, it, expect } from 'vitest';
import { compile } from '../../compiler/driver/compile.ts';
import { nodeHost } from '../../compiler/driver/node_host.ts';
import { renderDiagnostics } from '../../compiler/diagnostics/render.ts';
import { filesUnder } from '../helpers.ts';

describe('diagnósticos de ficheros con errores', () => {
  for (const file of filesUnder('test/bad', (f) => f.endsWith('.neae'))) {
    it(file, async () => {
      const result = compile(file, nodeHost);
      expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      for (const d of result.diagnostics) expect(d.span.start.line).toBeGreaterThan(0);
      const rendered = renderDiagnostics(result.diagnostics, (f) => result.sources.get(f));
      await expect(rendered + '\n').toMatchFileSnapshot(file.replace(/\.neae$/, '.salida.txt').replace('test/bad/', './'));
    });
  }
});
