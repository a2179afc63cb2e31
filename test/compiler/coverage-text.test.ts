/** neae citas: how much of the official text the rules cite, and which paragraphs none does. */
import { describe, it, expect } from 'vitest';
import { compile } from '../../compiler/driver/compile.ts';
import { memoryHost } from '../../compiler/driver/host.ts';
import { textCoverage } from '../../compiler/citations/coverage.ts';

describe('cobertura del texto oficial', () => {
  it('marca lo citado y deja sin citar el resto, sumando varios ficheros de la misma resolución', () => {
    const text = 'Primero. El plazo será de un mes.\nSegundo. Nadie lo cita.\nTercero. Preferentemente en grupo.\n';
    const files = {
      'r/a.neae': 'resolución a { título: "A" texto: "t.txt" calendario: "ES" }\ndefinición x: entero "x" = 1 cita "1" «El plazo será de un mes»\n',
      'r/b.neae': 'resolución b { título: "B" texto: "t.txt" calendario: "ES" }\ndefinición z: entero "z" = 2 cita "3" «Tercero. Preferentemente en grupo.»\n',
      'r/t.txt': text,
    };
    const programs = ['r/a.neae', 'r/b.neae'].map((f) => compile(f, memoryHost(files)).program!);
    const [coverage] = textCoverage(programs);
    expect(coverage!.quotes).toBe(2);
    const byLine = Object.fromEntries(coverage!.paragraphs.map((p) => [p.line, p.covered]));
    expect(byLine[1]).toBeGreaterThan(0.6);
    expect(byLine[2]).toBe(0);
    expect(byLine[3]).toBe(1);
    expect(coverage!.covered).toBeGreaterThan(0.4);
    expect(coverage!.covered).toBeLessThan(0.8);
  });
});
