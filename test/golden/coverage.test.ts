/**
 * Each regulation's coverage files account for every rule of its catalog (R1…Rn): encoded rules
 * name definitions, norms, procedures (or «procedimiento.paso») that exist in the named rule file;
 * the others give the reason they cannot be computed.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../compiler/driver/compile.ts';
import { nodeHost } from '../../compiler/driver/node_host.ts';

interface Entry {
  estado: 'codificada' | 'no_computable' | 'indeterminada';
  fichero?: string;
  reglas?: string[];
  motivo?: string;
  nota?: string;
}

// La Rioja has two catalogs (programs 1–5 and 6–11), each numbering its rules from R1: one set
// of coverage files per catalog.
const REGULATIONS = [
  { folder: 'rules/canarias', rules: 191, files: /^cobertura.*\.json$/ },
  { folder: 'rules/murcia', rules: 95, files: /^cobertura.*\.json$/ },
  { folder: 'rules/andalucia', rules: 162, files: /^cobertura.*\.json$/ },
  { folder: 'rules/larioja', rules: 170, files: /^cobertura-a-.*\.json$/ },
  { folder: 'rules/larioja', rules: 201, files: /^cobertura-b-.*\.json$/ },
];

for (const { folder, rules, files } of REGULATIONS) {
  describe(`cobertura de ${folder} (${files.source})`, () => {
    const entries: Record<string, Entry> = {};
    for (const f of readdirSync(folder).filter((x) => files.test(x)).sort()) {
      Object.assign(entries, JSON.parse(readFileSync(join(folder, f), 'utf8')) as Record<string, Entry>);
    }

    it(`da cuenta de R1…R${rules}`, () => {
      const missing = Array.from({ length: rules }, (_, i) => `R${i + 1}`).filter((r) => !(r in entries));
      expect(missing).toEqual([]);
    });

    it('lo no computable dice por qué', () => {
      const silent = Object.entries(entries).filter(([, e]) => e.estado === 'no_computable' && !(e.motivo ?? e.nota)?.trim());
      expect(silent.map(([r]) => r)).toEqual([]);
    });

    it('lo codificado existe en el fichero que nombra', () => {
      const programs = new Map<string, Set<string>>();
      const namesIn = (file: string): Set<string> => {
        let names = programs.get(file);
        if (!names) {
          const program = compile(join(folder, file), nodeHost).program;
          names = new Set<string>();
          for (const d of Object.values(program?.definitions ?? {})) {
            names.add(d.name);
            for (const k of d.cases) names.add(k.id);
          }
          for (const n of Object.values(program?.norms ?? {})) names.add(n.name).add(n.id);
          for (const p of Object.values(program?.procedures ?? {})) {
            names.add(p.name);
            for (const s of p.steps) names.add(`${p.name}.${s.name}`).add(s.name).add(s.id);
          }
          programs.set(file, names);
        }
        return names;
      };
      const unknown: string[] = [];
      for (const [r, e] of Object.entries(entries)) {
        if (e.estado === 'no_computable') continue;
        expect(e.fichero, `${r} no dice en qué fichero está`).toBeTruthy();
        for (const name of e.reglas ?? []) if (!namesIn(e.fichero!).has(name)) unknown.push(`${r}: ${e.fichero} no tiene «${name}»`);
      }
      expect(unknown).toEqual([]);
    });
  });
}
