/** The file-system host used by the CLI and the tests (Node only; the playground has its own). */
import { readFileSync } from 'node:fs';
import type { SourceHost } from './host.ts';

export const nodeHost: SourceHost = {
  read(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};
