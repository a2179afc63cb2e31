import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runTestFile } from '../compiler/testing/golden.ts';
import { nodeHost } from '../compiler/driver/node_host.ts';
import { findQuote } from './src/official.ts';
const files: string[] = [];
const walk = (d: string) => { for (const e of readdirSync(d)) { const p = join(d, e); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.pruebas.neae')) files.push(p); } };
walk('rules');
let total = 0, missing = 0, noline = 0;
const seen = new Set<string>();
for (const f of files) {
  const r = runTestFile(f, nodeHost);
  const text = r.compilation?.program?.officialText?.text;
  if (!text) continue;
  for (const o of r.outcomes) for (const p of o.evaluation?.traza ?? []) {
    const c = p.cita;
    if (!c?.texto) continue;
    const key = f + c.texto;
    if (seen.has(key)) continue;
    seen.add(key);
    total++;
    if (!c.linea) noline++;
    if (!findQuote(text, c.texto, c.linea)) { missing++; if (missing < 5) console.log('NO', f, c.lugar, c.texto.slice(0, 80)); }
  }
}
console.log({ total, missing, noline });
