/** `neae fmt` from the command line: rewrites files, --comprobar only reports, syntax errors leave the file alone. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'neae-fmt-'));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('neae fmt (CLI)', () => {
  it('rewrites an unformatted file, and then has nothing to do', async () => {
    const file = join(dir, 'a.neae');
    writeFileSync(file, 'entrada x:horas # dato\ndefinicion d: horas = x+1 horas\n');
    expect(await main(['fmt', '--comprobar', file])).toBe(1);
    expect(await main(['fmt', file])).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('entrada x: horas # dato\n\ndefinición d: horas = x + 1 horas\n');
    expect(await main(['fmt', '--comprobar', file])).toBe(0);
  });

  it('leaves a file with syntax errors untouched and fails', async () => {
    const file = join(dir, 'roto.neae');
    const text = 'definicion d: horas =\n';
    writeFileSync(file, text);
    expect(await main(['fmt', file])).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
