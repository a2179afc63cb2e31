/**
 * Golden examples: test/format/golden/X.neae formats to X.formateado.neae (comments in awkward
 * places, one-line sources, long cases, expressions, test files, empty and comment-only files).
 * UPDATE_GOLDEN=1 rewrites the expected files (review the diff!).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSource } from '../../compiler/format/format.ts';
import { ROOT, expectFaithful, fmt, read } from './helpers.ts';

const DIR = 'test/format/golden';
const inputs = readdirSync(join(ROOT, DIR)).filter((f) => f.endsWith('.neae') && !f.endsWith('.formateado.neae')).sort();

describe('neae fmt golden examples', () => {
  for (const name of inputs) {
    it(name, () => {
      const input = read(`${DIR}/${name}`);
      const expectedFile = `${DIR}/${name.replace(/\.neae$/, '.formateado.neae')}`;
      const output = expectFaithful(input, name);
      if (process.env['UPDATE_GOLDEN']) writeFileSync(join(ROOT, expectedFile), output);
      const expected = read(expectedFile);
      expect(output).toBe(expected);
      expect(fmt(expected, name), 'the expected output is already formatted').toBe(expected);
    });
  }
});

describe('neae fmt refuses what does not parse', () => {
  it('returns the syntax diagnostics and no text', () => {
    const result = formatSource('definición x: horas =\nnorma R1 n debe', 'roto.neae');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.severity === 'error' && d.span.file === 'roto.neae')).toBe(true);
    expect(result.diagnostics[0]!.code).toBe('sintaxis');
  });

  it('refuses unterminated texts and unknown characters', () => {
    for (const text of ['entrada x: texto "sin cerrar\n', 'definición x: horas = 1 $ 2\n', 'definición x: horas = 1 cita "a" «sin cerrar']) {
      const result = formatSource(text, 'roto.neae');
      expect(result.ok, text).toBe(false);
    }
  });

  it('refuses the repository file with syntax errors', () => {
    const result = formatSource(read('test/bad/sintaxis.neae'), 'test/bad/sintaxis.neae');
    expect(result.ok).toBe(false);
  });
});

describe('neae fmt details', () => {
  it('writes keywords in their canonical spelling', () => {
    const out = fmt('definicion x: horas = 1\nenumeracion E { A }\nresolucion r { titulo: "t" }\nnorma R1 n aplica si verdadero debe x = 1 horas\n');
    expect(out).toContain('definición x: horas = 1');
    expect(out).toContain('enumeración E {');
    expect(out).toContain('resolución r {');
    expect(out).not.toMatch(/definicion|enumeracion|resolucion/);
  });

  it('keeps quotes byte for byte, even long or multi-line ones', () => {
    const quote = `«${'palabra  '.repeat(60)}\n  y   más»`;
    const out = fmt(`definición x: horas = 1 cita "L" ${quote}\n`);
    expect(out).toContain(quote);
  });

  it('never loses a comment, wherever it is', () => {
    const input = 'definición # a\n x # b\n : # c\n horas # d\n = # e\n 1 horas # f\n # g\n + 2 # h\n';
    const out = expectFaithful(input);
    expect(out).toBe('definición # a\n    x # b\n    : # c\n    horas # d\n  = # e\n    1 horas # f\n    # g\n    + 2 # h\n');
  });

  it('reads CRLF files, writes LF, and leaves the inside of quotes alone', () => {
    const out = expectFaithful('entrada x: horas # a\r\n\r\n# b\r\ndefinicion d: horas = 1 cita "L" «dos\r\nlíneas»\r\n');
    expect(out).toBe('entrada x: horas # a\n\n# b\ndefinición d: horas = 1\n  cita "L" «dos\r\nlíneas»\n');
  });

  it('keeps a comment with the declaration it is written under', () => {
    const out = fmt('norma R1 n debe a\n  # sobre R1: sigue a la norma\n# sobre d\ndefinición d: horas = 1\n');
    expect(out).toBe('norma R1 n\n  debe a\n  # sobre R1: sigue a la norma\n\n# sobre d\ndefinición d: horas = 1\n');
  });
});
