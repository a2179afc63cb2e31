/** The Prettier plugin gives exactly neae fmt's output, through Prettier's own API. */
import { describe, expect, it } from 'vitest';
import * as prettier from 'prettier';
import plugin from '../../compiler/format/prettier-plugin.ts';
import { fmt, neaeFiles, read } from './helpers.ts';
import { parse } from '../../grammar/parse.ts';

const format = (text: string, filepath?: string) => prettier.format(text, { parser: 'neae', plugins: [plugin], filepath });

describe('prettier plugin', () => {
  it('declares the language and its parser', () => {
    expect(plugin.languages?.[0]).toMatchObject({ name: 'neae', extensions: ['.neae'], parsers: ['neae'] });
    expect(plugin.parsers?.['neae']?.astFormat).toBe('neae');
  });

  it('formats like neae fmt, comments and quotes included', async () => {
    const input = read('test/format/golden/comentarios.neae');
    expect(await format(input)).toBe(read('test/format/golden/comentarios.formateado.neae'));
    const multiline = 'definición q: horas = 1 cita "L" «una cita   \n   en varias líneas» # fin\n';
    expect(await format(multiline)).toBe(fmt(multiline));
  });

  it('agrees with neae fmt on every rule file', async () => {
    for (const file of neaeFiles('rules', 'scratch/t')) {
      const text = read(file);
      if (parse(text, file).diagnostics.length > 0) continue;
      expect(await format(text, file), file).toBe(fmt(text, file));
    }
  });

  it('is found by file extension', async () => {
    const out = await prettier.format('entrada x:horas\n', { filepath: 'reglas/a.neae', plugins: [plugin] });
    expect(out).toBe('entrada x: horas\n');
  });

  it('rejects a file with syntax errors, with its location', async () => {
    await expect(format('definición x: horas =\n')).rejects.toThrow(/expresión|esperaba/);
    await expect(format('norma R1 n debe\n')).rejects.toMatchObject({ loc: { start: { line: 1 } } });
  });
});
