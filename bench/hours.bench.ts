/**
 * Benchmark: the hours-outside-the-classroom rule of Canarias 2011 (Anexo I, Cuarta.3), as
 * compiled by neae, against a hand-written TypeScript function and against the interpreter,
 * measured in the same run. Prints per-repetition ratios against the hand-written baseline.
 *
 *   npm run bench
 *
 * Every variant is first checked to agree with the baseline on every case (a fast wrong answer
 * is not a result). Variants run interleaved, several repetitions, so machine noise hits all.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { compile } from '../compiler/driver/compile.ts';
import { nodeHost } from '../compiler/driver/node_host.ts';
import { generateModule } from '../compiler/codegen/generate.ts';
import { interpreter } from '../compiler/interpret/interpret.ts';
import type { Evaluacion } from '../runtime/result.ts';

const RULES = 'rules/canarias/cuarta.neae';
const OUTPUTS = ['horas_fuera_del_aula'];
const MAX = 'máximo_horas_fuera';

// ---- the baseline: what a developer would write by hand from Cuarta.3 ----
type Stage = 'EI' | 'EP' | 'ESO' | 'BACH';
interface HoursCase { stage: Stage; areas: readonly string[]; hours: number | undefined }
interface HoursRuling { max: number | undefined; compliant: boolean | undefined }

function handWritten(c: HoursCase): HoursRuling {
  let max: number | undefined;
  if (c.stage === 'EI') max = 5;
  else if (c.stage === 'EP' || c.stage === 'ESO') {
    const n = c.areas.length;
    let lm = 0;
    for (const a of c.areas) if (a === 'LCL' || a === 'MAT') lm++;
    if (n === 1 && lm === 1) max = c.stage === 'EP' ? 5 : 4;
    else if (n === 2 && lm === 1) max = 6;
    else if (n === 2 && lm === 2) max = 8;
  }
  return { max, compliant: max === undefined || c.hours === undefined ? undefined : c.hours <= max };
}

// ---- the cases: every stage × area combination × hours around each limit ----
const AREAS = [[], ['LCL'], ['MAT'], ['CN'], ['LCL', 'CN'], ['LCL', 'MAT'], ['CN', 'CS'], ['LCL', 'MAT', 'CN']];
const cases: HoursCase[] = [];
for (const stage of ['EI', 'EP', 'ESO', 'BACH'] as Stage[]) for (const areas of AREAS) for (const hours of [undefined, 3, 4, 5, 6, 8, 9]) cases.push({ stage, areas, hours });

const asJson = (c: HoursCase) => ({ etapa: c.stage, áreas_adaptadas: [...c.areas], ...(c.hours === undefined ? {} : { horas_previstas_fuera: c.hours }) });

function rulingOf(e: Evaluacion): HoursRuling {
  const norm = e.resultados[OUTPUTS[0]!]!;
  const compliant = norm.estado === 'valor' ? (norm.valor === 'cumple' ? true : norm.valor === 'incumple' ? false : undefined) : undefined;
  return { max: undefined, compliant };
}

async function main(): Promise<void> {
  const compilation = compile(RULES, nodeHost);
  if (!compilation.program) throw new Error(`${RULES} no compila`);
  const program = compilation.program;
  const target = join('bench', '.generated', 'cuarta.ts');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, generateModule(program, { runtimeImport: relative(dirname(target), 'runtime') }));
  const generated = (await import(join(process.cwd(), target))) as {
    esquemaCaso: { parse(x: unknown): unknown };
    evaluar(c: unknown, o?: object): Evaluacion;
    evaluarValidado(c: unknown, o?: object): Evaluacion;
    calcular_horas_fuera_del_aula(c: unknown): { estado: string; valor?: unknown };
  };
  const interp = interpreter(program);
  const validated = cases.map((c) => generated.esquemaCaso.parse(asJson(c)) as Record<string, unknown>);
  const raw = cases.map(asJson);

  // Correctness gate: every variant agrees with the baseline on every case (and on the maximum).
  for (let i = 0; i < cases.length; i++) {
    const expected = handWritten(cases[i]!);
    const full = generated.evaluarValidado(validated[i], { traza: false, salidas: [MAX, ...OUTPUTS] });
    const maxR = full.resultados[MAX]!;
    const gotMax = maxR.estado === 'valor' ? (maxR.valor as number) : undefined;
    const direct = generated.calcular_horas_fuera_del_aula(validated[i]);
    const directCompliant = direct.estado === 'valor' ? (direct.valor === 'cumple' ? true : direct.valor === 'incumple' ? false : undefined) : undefined;
    if (directCompliant !== expected.compliant) throw new Error(`Desacuerdo del evaluador directo en ${JSON.stringify(cases[i])}`);
    const variants = {
      compiled: rulingOf(generated.evaluarValidado(validated[i], { traza: false, salidas: OUTPUTS })).compliant,
      interpreter: rulingOf(interp.evaluateValidated(validated[i]!, { traza: false, salidas: OUTPUTS })).compliant,
    };
    if (gotMax !== expected.max || variants.compiled !== expected.compliant || variants.interpreter !== expected.compliant) {
      throw new Error(`Desacuerdo en el caso ${JSON.stringify(cases[i])}: esperado ${JSON.stringify(expected)}, compilado max=${gotMax} ${JSON.stringify(variants)}`);
    }
  }

  // The cases the text decides (a maximum exists and the hours are given): no indeterminado,
  // so no exception is thrown. Shown separately because an indeterminado costs a few throws.
  const decided = cases.map((c, i) => ({ c, i })).filter(({ c }) => handWritten(c).compliant !== undefined).map(({ i }) => i);

  let sink = 0;
  // Results are kept, as a caller keeps what it asked for: a result read and dropped at once lets
  // V8 delete the allocation of the baseline's result object altogether (escape analysis), which
  // measures the JIT, not the evaluator. Both ways are printed; the targets use the kept one.
  const kept: unknown[] = new Array(1024);
  const consume = (r: Evaluacion, k: number) => {
    kept[k & 1023] = r;
    sink += Object.keys(r.resultados).length;
  };
  const L = cases.length;
  const D = decided.length;
  // Each variant runs its own loop, written out: a loop shared by all variants (or built by one
  // factory) would call them through one megamorphic call site, adding the same call overhead to
  // every variant and flattering the ratios.
  const variants: Record<string, (n: number) => void> = {
    'a mano (referencia)': (n) => {
      for (let k = 0; k < n; k++) {
        const r = handWritten(cases[k % L]!);
        kept[k & 1023] = r;
        sink += r.compliant ? 1 : 0;
      }
    },
    'compilado, evaluador directo (calcular_…)': (n) => {
      for (let k = 0; k < n; k++) {
        const r = generated.calcular_horas_fuera_del_aula(validated[k % L]);
        kept[k & 1023] = r;
        sink += r.estado === 'valor' ? 1 : 0;
      }
    },
    'a mano, solo casos decididos': (n) => {
      for (let k = 0; k < n; k++) {
        const r = handWritten(cases[decided[k % D]!]!);
        kept[k & 1023] = r;
        sink += r.compliant ? 1 : 0;
      }
    },
    'compilado directo, solo casos decididos': (n) => {
      for (let k = 0; k < n; k++) {
        const r = generated.calcular_horas_fuera_del_aula(validated[decided[k % D]!]);
        kept[k & 1023] = r;
        sink += r.estado === 'valor' ? 1 : 0;
      }
    },
    'a mano, resultado leído y descartado': (n) => {
      for (let k = 0; k < n; k++) sink += handWritten(cases[k % L]!).compliant ? 1 : 0;
    },
    'compilado directo, resultado leído y descartado': (n) => {
      for (let k = 0; k < n; k++) sink += generated.calcular_horas_fuera_del_aula(validated[k % L]).estado === 'valor' ? 1 : 0;
    },
    'compilado, evaluar sin traza': (n) => {
      for (let k = 0; k < n; k++) consume(generated.evaluarValidado(validated[k % L], { traza: false, salidas: OUTPUTS }), k);
    },
    'compilado, evaluar con traza': (n) => {
      for (let k = 0; k < n; k++) consume(generated.evaluarValidado(validated[k % L], { salidas: OUTPUTS }), k);
    },
    'compilado, validando con zod': (n) => {
      for (let k = 0; k < n; k++) consume(generated.evaluar(raw[k % L], { traza: false, salidas: OUTPUTS }), k);
    },
    'intérprete, sin traza': (n) => {
      for (let k = 0; k < n; k++) consume(interp.evaluateValidated(validated[k % L]!, { traza: false, salidas: OUTPUTS }), k);
    },
    'intérprete, con traza': (n) => {
      for (let k = 0; k < n; k++) consume(interp.evaluateValidated(validated[k % L]!, { salidas: OUTPUTS }), k);
    },
  };

  // Calibrate: iterations per repetition so that each variant runs ~100 ms.
  const iterations: Record<string, number> = {};
  for (const [name, run] of Object.entries(variants)) {
    let n = 1000;
    for (;;) {
      const t0 = process.hrtime.bigint();
      run(n);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (ms > 30) {
        iterations[name] = Math.max(1000, Math.round((n * 100) / ms));
        break;
      }
      n *= 4;
    }
  }

  const REPS = 11;
  const perEval: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const ratios: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let rep = 0; rep < REPS; rep++) {
    const names = Object.keys(variants);
    const order = rep % 2 === 0 ? names : [...names].reverse();
    const thisRep: Record<string, number> = {};
    for (const name of order) {
      const n = iterations[name]!;
      const t0 = process.hrtime.bigint();
      variants[name]!(n);
      thisRep[name] = Number(process.hrtime.bigint() - t0) / n;
    }
    for (const name of names) {
      perEval[name]!.push(thisRep[name]!);
      ratios[name]!.push(thisRep[name]! / thisRep['a mano (referencia)']!);
    }
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const fmt = (ns: number) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(1)} ns`);
  console.log(`Regla: ${RULES} (Anexo I, Cuarta.3), ${cases.length} casos, ${REPS} repeticiones intercaladas`);
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
  console.log('Correcto: todas las variantes coinciden con la referencia en todos los casos.\n');
  // Two estimators: the median of the per-repetition ratios, and the ratio of the best times
  // (interference from the machine only ever adds time, so the minimum is the least disturbed).
  const best = (name: string) => Math.min(...perEval[name]!);
  console.log('| variante | tiempo por evaluación (mediana) | × referencia (mediana, mín–máx) | × referencia (mejores tiempos) |');
  console.log('|---|---:|---:|---:|');
  for (const name of Object.keys(variants)) {
    const r = ratios[name]!;
    console.log(`| ${name} | ${fmt(median(perEval[name]!))} | ${median(r).toFixed(2)} (${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)}) | ${(best(name) / best('a mano (referencia)')).toFixed(2)} |`);
  }
  const compiled = median(ratios['compilado, evaluador directo (calcular_…)']!);
  const interpreted = median(ratios['intérprete, sin traza']!);
  const decidedRatio = (perEval['compilado directo, solo casos decididos']!.length ? median(perEval['compilado directo, solo casos decididos']!.map((x, k) => x / perEval['a mano, solo casos decididos']![k]!)) : NaN);
  console.log(`\nSolo casos decididos (${decided.length} de ${cases.length}): compilado directo = ${decidedRatio.toFixed(2)}× la referencia sobre los mismos casos.`);
  const dropped = median(perEval['compilado directo, resultado leído y descartado']!.map((x, k) => x / perEval['a mano, resultado leído y descartado']![k]!));
  console.log(`Con el resultado leído y descartado (V8 elimina el objeto de la referencia): compilado directo = ${dropped.toFixed(2)}× la referencia en esa misma forma.`);
  console.log(`\nObjetivos: compilado ≤ 2× la referencia → ${compiled.toFixed(2)}× ${compiled <= 2 ? '(cumple)' : '(NO cumple)'}; intérprete ≤ 50× → ${interpreted.toFixed(2)}× ${interpreted <= 50 ? '(cumple)' : '(NO cumple)'}`);
  if (sink === -1) console.log(sink);
}

await main();
