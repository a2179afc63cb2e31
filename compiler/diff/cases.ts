/**
 * Concrete cases for comparing two versions of a rule file: deterministic (seeded), valid for the
 * input types, and biased towards the boundaries the rules themselves mention — every number and
 * date literal in the rules, one below and one above — because that is where rulings flip.
 */
import type * as IR from '../ir/ir.ts';
import type { Tipo } from '../../runtime/types.ts';
import { visitAll } from '../ir/walk.ts';
import { fechaATexto, fechaDesdeTexto } from '../../runtime/dates.ts';
import { decToNumber } from '../../runtime/decimal.ts';

/** mulberry32: a tiny seeded generator, so the same versions always give the same cases. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Boundaries {
  numbers: number[];
  dates: number[];
}

function boundariesOf(programs: readonly IR.Program[]): Boundaries {
  const numbers = new Set<number>([0, 1, 2]);
  const dates = new Set<number>();
  const visit = (e: IR.Expr) => {
    if (e.k !== 'lit') return;
    if (e.type.k === 'entero' && typeof e.value === 'number') [e.value - 1, e.value, e.value + 1].forEach((n) => numbers.add(n));
    if ((e.type.k === 'horas' || e.type.k === 'decimal' || e.type.k === 'euros') && typeof e.value === 'number') {
      const n = decToNumber(e.value);
      [n - 1, n - 0.5, n, n + 0.5, n + 1].forEach((x) => numbers.add(x));
    }
    if (e.type.k === 'fecha' && typeof e.value === 'number') [e.value - 1, e.value, e.value + 1].forEach((d) => dates.add(d));
  };
  for (const p of programs) {
    for (const d of Object.values(p.definitions)) {
      visitAll(d.body?.expr, visit);
      for (const k of d.cases) {
        visitAll(k.condition, visit);
        if (k.value.k === 'value') visitAll(k.value.expr, visit);
      }
    }
    for (const n of Object.values(p.norms)) {
      visitAll(n.applies, visit);
      visitAll(n.requirement, visit);
    }
  }
  const base = fechaDesdeTexto('2025-09-01');
  for (let i = 0; i < 400; i += 37) dates.add(base + i);
  return { numbers: [...numbers].filter((n) => n >= 0).sort((a, b) => a - b), dates: [...dates].sort((a, b) => a - b) };
}

function pick<T>(next: () => number, xs: readonly T[]): T {
  return xs[Math.floor(next() * xs.length)]!;
}

function valueOf(t: Tipo, program: IR.Program, b: Boundaries, next: () => number): unknown {
  switch (t.k) {
    case 'booleano': return next() < 0.5;
    case 'entero': return Math.round(pick(next, b.numbers));
    case 'decimal': case 'euros': case 'horas': return pick(next, b.numbers);
    case 'porcentaje': return pick(next, [0, 10, 20, 25, 50, 100]);
    case 'fecha': return fechaATexto(pick(next, b.dates));
    case 'duración': return pick(next, ['1 mes', '15 días naturales', '10 días hábiles', '1 año']);
    case 'texto': return pick(next, ['', 'a', 'texto']);
    case 'curso_escolar': return pick(next, [2018, 2024, 2025, 2026]);
    case 'enum': return pick(next, program.enums[t.nombre]?.valores.map((v) => v.nombre) ?? ['?']);
    case 'conjunto': {
      if (t.de.k === 'enum') {
        // Small sets are where rules distinguish cases («only one area», «two areas»).
        const pool = (program.enums[t.de.nombre]?.valores ?? []).map((v) => v.nombre);
        const size = Math.min(pool.length, pick(next, [0, 1, 1, 1, 2, 2, 3]));
        const chosen = new Set<string>();
        while (chosen.size < size) chosen.add(pick(next, pool));
        return [...chosen];
      }
      return Array.from({ length: Math.floor(next() * 3) }, () => valueOf(t.de, program, b, next));
    }
    case 'lista': return Array.from({ length: Math.floor(next() * 4) }, () => valueOf(t.de, program, b, next));
    case 'opcional': return next() < 0.25 ? undefined : valueOf(t.de, program, b, next);
    case 'registro': {
      const out: Record<string, unknown> = {};
      for (const c of program.records[t.nombre]?.campos ?? []) {
        const v = valueOf(c.tipo, program, b, next);
        if (v !== undefined) out[c.nombre] = v;
      }
      return out;
    }
    case 'error': return undefined;
  }
}

/** `count` JSON cases over the inputs of `program`, with boundaries taken from every program given. */
export function generateCases(program: IR.Program, all: readonly IR.Program[], count: number, seed = 20260101): Record<string, unknown>[] {
  const b = boundariesOf(all);
  const next = random(seed);
  const cases: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const c: Record<string, unknown> = {};
    for (const input of program.inputs) {
      const v = valueOf(input.type, program, b, next);
      if (v !== undefined) c[input.name] = v;
    }
    cases.push(c);
  }
  return cases;
}
