/** neae diff: which rulings change between two versions of a rule file, with concrete cases. */
import { describe, it, expect } from 'vitest';
import { compile } from '../../compiler/driver/compile.ts';
import { memoryHost } from '../../compiler/driver/host.ts';
import { nodeHost } from '../../compiler/driver/node_host.ts';
import { diffPrograms } from '../../compiler/diff/diff.ts';
import { goldenCasesAsJson } from '../../compiler/testing/golden.ts';

const official = nodeHost.read('rules/canarias/texto-oficial.txt')!;
const vocabulary = nodeHost.read('rules/comun/vocabulario.neae')!;
const original = nodeHost.read('rules/canarias/cuarta.neae')!;

function programOf(text: string) {
  const files = { 'rules/canarias/cuarta.neae': text, 'rules/canarias/texto-oficial.txt': official, 'rules/comun/vocabulario.neae': vocabulary };
  const c = compile('rules/canarias/cuarta.neae', memoryHost(files));
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return c.program!;
}

describe('neae diff', () => {
  it('sin cambios en las reglas no hay cambios de resolución', () => {
    const p = programOf(original);
    const report = diffPrograms(p, programOf(original), { generated: 100 });
    expect(report.comparedCases).toBeGreaterThan(50);
    expect(report.changes).toEqual([]);
  });

  it('cambiar el máximo de ESO de 4 a 5 horas cambia esos resultados, con un caso que lo muestra', () => {
    const changed = original.replace(/(caso R39_ESO[^\n]*entonces) 4 horas/, '$1 5 horas');
    expect(changed).not.toBe(original);
    const golden = goldenCasesAsJson('rules/canarias/cuarta.pruebas.neae', nodeHost);
    expect(golden.length).toBeGreaterThan(10);
    const report = diffPrograms(programOf(original), programOf(changed), { generated: 300, extraCases: golden });
    const max = report.changes.find((c) => c.output === 'máximo_horas_fuera');
    expect(max).toBeDefined();
    const example = max!.examples[0]!;
    expect(example.caso['etapa']).toBe('ESO');
    expect(example.antes).toEqual({ estado: 'valor', valor: 4 });
    expect(example.despues).toEqual({ estado: 'valor', valor: 5 });
    // Only the rules downstream of the change move.
    expect(report.changes.map((c) => c.output).sort()).toEqual(['horas_fuera_del_aula', 'máximo_horas_fuera']);
  });
});
