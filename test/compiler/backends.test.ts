/**
 * Two back ends, one semantics: for every rule file, the generated TypeScript module and the
 * interpreter return identical results and traces on random valid cases; and the generated
 * modules type-check with tsc.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { compile } from '../../compiler/driver/compile.ts';
import { nodeHost } from '../../compiler/driver/node_host.ts';
import { generateModule } from '../../compiler/codegen/generate.ts';
import { interpreter } from '../../compiler/interpret/interpret.ts';
import type * as IR from '../../compiler/ir/ir.ts';
import { ruleFiles } from '../helpers.ts';
import { caseArb, evaluationDateArb } from './arbitraries.ts';

const OUT = 'test/.generated';
const programs: { file: string; program: IR.Program; target: string }[] = [];
// Besides the real rule files, a fixture that uses every construct of the language.
for (const file of [...ruleFiles(), 'test/compiler/fixtures/lenguaje.neae']) {
  const result = compile(file, nodeHost);
  if (result.program && result.main?.header && !result.diagnostics.some((d) => d.severity === 'error')) {
    programs.push({ file, program: result.program, target: join(OUT, file.replace(/\.neae$/, '.ts')) });
  }
}

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  for (const p of programs) {
    mkdirSync(dirname(p.target), { recursive: true });
    const runtime = relative(dirname(p.target), 'runtime');
    writeFileSync(p.target, generateModule(p.program, { runtimeImport: runtime }));
  }
  writeFileSync(
    join(OUT, 'tsconfig.json'),
    JSON.stringify({ extends: '../../tsconfig.json', include: ['**/*.ts'], compilerOptions: { noUnusedLocals: false } }),
  );
});

describe('código generado', () => {
  it('hay ficheros de reglas que generar', () => {
    expect(programs.length).toBeGreaterThan(0);
  });

  it('compila con tsc --noEmit', () => {
    let output = '';
    try {
      execFileSync(join('node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(OUT, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (failure) {
      output = String((failure as { stdout?: string }).stdout ?? failure);
    }
    expect(output).toBe('');
  });

  for (const p of programs) {
    it(`intérprete y código generado coinciden: ${p.file}`, async () => {
      const generated = (await import(/* @vite-ignore */ join(process.cwd(), p.target))) as {
        evaluar: (c: unknown, o?: { fecha?: number; traza?: boolean }) => unknown;
        esquemaCaso: { parse(x: unknown): unknown };
        directos: Record<string, (c: unknown, fecha?: number) => unknown>;
      };
      const interp = interpreter(p.program);
      fc.assert(
        fc.property(caseArb(p.program), evaluationDateArb, (raw, fecha) => {
          const a = interp.evaluate(raw, { fecha }) as { resultados: Record<string, unknown> };
          const b = generated.evaluar(raw, { fecha });
          expect(b).toEqual(a);
          // Without a trace the generated code takes its straight-line fast path.
          const c = generated.evaluar(raw, { fecha, traza: false } as never) as { resultados: unknown };
          expect(c.resultados).toEqual(a.resultados);
          // The interpreter's own fast path (no trace) too.
          const d = interp.evaluate(raw, { fecha, traza: false }) as { resultados: unknown };
          expect(d.resultados).toEqual(a.resultados);
          // The direct evaluators (calcular_…) give each output's result too.
          const validated = generated.esquemaCaso.parse(raw);
          for (const [name, direct] of Object.entries(generated.directos)) {
            expect(direct(validated, fecha), name).toEqual(a.resultados[name]);
          }
        }),
        { numRuns: p.file.includes('fixtures') ? 400 : 150 },
      );
    });
  }
});
