/**
 * The playground's step-through highlights each cited quote in the official text with its own
 * finder (whitespace-normalised, «[…]» omissions). Every quote that appears in the trace of a
 * golden test must be found there. Needs no browser; runs with the playground's e2e tests:
 *   npx vitest run --config test/e2e/vitest.config.ts
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTestFile } from '../../compiler/testing/golden.ts';
import { nodeHost } from '../../compiler/driver/node_host.ts';
import { findQuote } from '../../playground/src/official.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (p.endsWith('.pruebas.neae')) out.push(relative(ROOT, p));
  }
  return out;
}

describe('texto oficial del playground', () => {
  it('encuentra todas las citas de las trazas de las pruebas', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const f of [...testFiles(join(ROOT, 'rules')), 'playground/ejemplos/ejemplo.pruebas.neae']) {
      const r = runTestFile(join(ROOT, f), nodeHost);
      const text = r.compilation?.program?.officialText?.text;
      if (!text) continue;
      const seen = new Set<string>();
      for (const o of r.outcomes)
        for (const p of o.evaluation?.traza ?? []) {
          const c = p.cita;
          if (!c?.texto || seen.has(c.texto)) continue;
          seen.add(c.texto);
          checked++;
          if (!findQuote(text, c.texto, c.linea)) missing.push(`${f}: ${c.lugar} «${c.texto.slice(0, 60)}…»`);
        }
    }
    console.log(`[e2e] citas comprobadas en los textos oficiales: ${checked}`);
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('respeta las omisiones «[…]» y los espacios', () => {
    const text = 'Uno dos\n  tres cuatro.\nCinco seis siete.';
    expect(findQuote(text, 'dos tres', 1)).toEqual([[4, 14]]);
    expect(findQuote(text, 'Uno […] cuatro', 1)).toEqual([[0, 3], [15, 21]]);
    expect(findQuote(text, 'ocho')).toBeUndefined();
  });
});
