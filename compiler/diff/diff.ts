/**
 * Which rulings change between two versions of a rule file, with concrete cases: the golden test
 * cases of both versions plus generated boundary cases are evaluated by both, and every output
 * whose result differs is reported with the smallest differing cases found.
 */
import type * as IR from '../ir/ir.ts';
import { interpreter } from '../interpret/interpret.ts';
import { iguales } from '../../runtime/values.ts';
import { EntradaNoValida } from '../../runtime/input.ts';
import type { Resultado } from '../../runtime/result.ts';
import { generateCases } from './cases.ts';

export interface RulingChange {
  readonly output: string;
  /** How many of the compared cases change ruling for this output. */
  readonly changedCases: number;
  readonly examples: readonly { readonly caso: Record<string, unknown>; readonly antes: Resultado; readonly despues: Resultado }[];
}

export interface DiffReport {
  readonly addedInputs: readonly string[];
  readonly removedInputs: readonly string[];
  readonly retypedInputs: readonly string[];
  readonly addedOutputs: readonly string[];
  readonly removedOutputs: readonly string[];
  readonly comparedCases: number;
  readonly changes: readonly RulingChange[];
}

export interface DiffOptions {
  readonly generated?: number;
  readonly fecha?: number;
  /** Cases to compare besides the generated ones (e.g. both versions' golden tests, as JSON). */
  readonly extraCases?: readonly Record<string, unknown>[];
  readonly examplesPerOutput?: number;
}

const typeKey = (t: unknown) => JSON.stringify(t);

export function diffPrograms(before: IR.Program, after: IR.Program, options: DiffOptions = {}): DiffReport {
  const inputsBefore = new Map(before.inputs.map((i) => [i.name, i.type]));
  const inputsAfter = new Map(after.inputs.map((i) => [i.name, i.type]));
  const outputsBefore = new Set(before.outputs.filter((o) => o.kind !== 'procedure').map((o) => o.name));
  const outputsAfter = new Set(after.outputs.filter((o) => o.kind !== 'procedure').map((o) => o.name));
  const shared = [...outputsAfter].filter((o) => outputsBefore.has(o));

  const cases = [...(options.extraCases ?? []), ...generateCases(after, [before, after], options.generated ?? 300), ...generateCases(before, [before, after], Math.ceil((options.generated ?? 300) / 3), 7)];
  const a = interpreter(before);
  const b = interpreter(after);
  const changes = new Map<string, { count: number; examples: RulingChange['examples'][number][] }>();
  let compared = 0;
  for (const raw of cases) {
    // A case is compared only if both versions accept it (keys the other version lacks are dropped).
    const forBefore = Object.fromEntries(Object.entries(raw).filter(([k]) => inputsBefore.has(k)));
    const forAfter = Object.fromEntries(Object.entries(raw).filter(([k]) => inputsAfter.has(k)));
    let ra, rb;
    try {
      ra = a.evaluate(forBefore, { fecha: options.fecha, traza: false, salidas: shared });
      rb = b.evaluate(forAfter, { fecha: options.fecha, traza: false, salidas: shared });
    } catch (failure) {
      if (failure instanceof EntradaNoValida) continue;
      throw failure;
    }
    compared++;
    for (const output of shared) {
      const x = ra.resultados[output]!;
      const y = rb.resultados[output]!;
      if (sameRuling(x, y)) continue;
      const entry = changes.get(output) ?? { count: 0, examples: [] };
      entry.count++;
      entry.examples.push({ caso: raw, antes: x, despues: y });
      changes.set(output, entry);
    }
  }
  const limit = options.examplesPerOutput ?? 3;
  return {
    addedInputs: [...inputsAfter.keys()].filter((k) => !inputsBefore.has(k)),
    removedInputs: [...inputsBefore.keys()].filter((k) => !inputsAfter.has(k)),
    retypedInputs: [...inputsAfter.keys()].filter((k) => inputsBefore.has(k) && typeKey(inputsBefore.get(k)) !== typeKey(inputsAfter.get(k))),
    addedOutputs: [...outputsAfter].filter((o) => !outputsBefore.has(o)),
    removedOutputs: [...outputsBefore].filter((o) => !outputsAfter.has(o)),
    comparedCases: compared,
    changes: [...changes.entries()].map(([output, { count, examples }]) => ({
      output,
      changedCases: count,
      // The simplest cases first: fewest data given.
      examples: [...examples].sort((p, q) => Object.keys(p.caso).length - Object.keys(q.caso).length).slice(0, limit),
    })),
  };
}

/** Two results are the same ruling when their values (or indeterminado / conflicto) agree; reasons may be reworded. */
function sameRuling(x: Resultado, y: Resultado): boolean {
  if (x.estado !== y.estado) return false;
  if (x.estado === 'valor' && y.estado === 'valor') return iguales(x.valor, y.valor);
  if (x.estado === 'conflicto' && y.estado === 'conflicto') return iguales(x.casos.map((c) => c.caso), y.casos.map((c) => c.caso));
  return true;
}

function show(r: Resultado): string {
  if (r.estado === 'valor') return JSON.stringify(r.valor);
  if (r.estado === 'indeterminado') return `indeterminado (${r.motivo})`;
  return `conflicto (${r.casos.map((c) => c.caso).join(', ')})`;
}

export function renderDiff(report: DiffReport, title: string): string {
  const lines = [`Cambios de resolución: ${title}`, `Casos comparados: ${report.comparedCases}`];
  const list = (label: string, xs: readonly string[]) => xs.length && lines.push(`${label}: ${xs.join(', ')}`);
  list('Entradas nuevas', report.addedInputs);
  list('Entradas eliminadas', report.removedInputs);
  list('Entradas con otro tipo', report.retypedInputs);
  list('Resultados nuevos', report.addedOutputs);
  list('Resultados eliminados', report.removedOutputs);
  if (report.changes.length === 0) lines.push('Ningún resultado cambia en los casos comparados.');
  for (const c of report.changes) {
    lines.push('', `«${c.output}» cambia en ${c.changedCases} de ${report.comparedCases} casos. Por ejemplo:`);
    for (const e of c.examples) lines.push(`  caso ${JSON.stringify(e.caso)}`, `    antes:   ${show(e.antes)}`, `    después: ${show(e.despues)}`);
  }
  return lines.join('\n') + '\n';
}
