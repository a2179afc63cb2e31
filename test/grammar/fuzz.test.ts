/** Neither parse nor the whole checking pipeline ever throws: on arbitrary text, and on mutated real rule files. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../grammar/parse.ts';
import { compile } from '../../compiler/driver/compile.ts';
import { memoryHost } from '../../compiler/driver/host.ts';
import { nodeHost } from '../../compiler/driver/node_host.ts';
import { keywordInfo } from '../../grammar/tokens.ts';
import { ruleFiles } from '../helpers.ts';

const pieces = [...keywordInfo.map((k) => k.canonical), '«', '»', '"', '{', '}', '(', ')', ':', '=', '5 horas', '2025-02-30', '1 mes', 'x', '\n', ' ', '#', '%', '€', '.', ',', '[…]'];
const tokenSoup = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((xs) => xs.join(' '));

function neverThrows(text: string, file = 'f.neae'): void {
  const parsed = parse(text, file);
  expect(Array.isArray(parsed.diagnostics)).toBe(true);
  const result = compile(file, memoryHost({ [file]: text, 'texto.txt': 'texto oficial de prueba' }));
  for (const d of result.diagnostics) {
    expect(typeof d.message).toBe('string');
    expect(d.span.start.line).toBeGreaterThanOrEqual(1);
  }
}

describe('robustez', () => {
  it('parse y check no lanzan con texto arbitrario', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => neverThrows(s)), { numRuns: 300 });
  });

  it('parse y check no lanzan con sopas de palabras clave', () => {
    fc.assert(fc.property(tokenSoup, (s) => neverThrows(s)), { numRuns: 400 });
  });

  const real = ruleFiles().map((f) => ({ file: f, text: nodeHost.read(f)! }));
  it('parse y check no lanzan con ficheros reales mutados', () => {
    if (real.length === 0) return;
    const mutation = fc.record({
      which: fc.integer({ min: 0, max: real.length - 1 }),
      at: fc.nat(),
      cut: fc.integer({ min: 0, max: 40 }),
      insert: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...pieces)),
    });
    fc.assert(
      fc.property(mutation, ({ which, at, cut, insert }) => {
        const { file, text } = real[which]!;
        const pos = at % (text.length + 1);
        const mutated = text.slice(0, pos) + insert + text.slice(pos + cut);
        const parsed = parse(mutated, file);
        expect(Array.isArray(parsed.diagnostics)).toBe(true);
        const official = nodeHost.read(file.replace(/[^/]+$/, 'texto-oficial.txt')) ?? '';
        const result = compile(file, memoryHost({ [file]: mutated, [file.replace(/[^/]+$/, 'texto-oficial.txt')]: official, 'rules/comun/vocabulario.neae': nodeHost.read('rules/comun/vocabulario.neae')! }));
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
