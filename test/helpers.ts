/** Shared helpers for the test suite. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir: string, predicate: (f: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    for (const entry of readdirSync(p).sort()) {
      const full = join(p, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (predicate(full)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

export const ruleFiles = () => filesUnder('rules', (f) => f.endsWith('.neae') && !f.endsWith('.pruebas.neae'));
export const testFiles = () => filesUnder('rules', (f) => f.endsWith('.pruebas.neae'));
