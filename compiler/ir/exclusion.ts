/**
 * Cases that exclude each other by construction, found statically: «etapa = EI» and
 * «etapa en {EP, ESO}» cannot both hold. Used by the direct evaluators to skip a condition that
 * is certainly false once an earlier case applies — the skipped condition would evaluate to
 * false with no failure and no exception (its first conjunct is a plain test on an input that
 * is always given), so the result is exactly the engine's.
 */
import type * as IR from './ir.ts';

interface Constraint {
  readonly input: string;
  /** The input's value is one of these… */
  readonly allowed?: ReadonlySet<unknown>;
  /** …or none of these. */
  readonly excluded?: ReadonlySet<unknown>;
}

function conjuncts(e: IR.Expr): IR.Expr[] {
  return e.k === 'bin' && e.op === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/** A test «input = v», «input en {…}» or «input no en {…}» on an input that is always given. */
function constraintOf(e: IR.Expr): Constraint | undefined {
  if (e.k !== 'bin' || e.left.k !== 'input' || e.left.type.k === 'opcional' || e.right.k !== 'lit') return undefined;
  const value = e.right.value;
  const input = e.left.name;
  if (e.op === 'eq' && typeof value !== 'object') return { input, allowed: new Set([value]) };
  const plainList = Array.isArray(value) && value.every((v) => typeof v !== 'object');
  if (e.op === 'in' && plainList) return { input, allowed: new Set(value as unknown[]) };
  if (e.op === 'not_in' && plainList) return { input, excluded: new Set(value as unknown[]) };
  return undefined;
}

function disjoint(a: Constraint, b: Constraint): boolean {
  if (a.input !== b.input) return false;
  if (a.allowed && b.allowed) return [...a.allowed].every((v) => !b.allowed!.has(v));
  if (a.allowed && b.excluded) return [...a.allowed].every((v) => b.excluded!.has(v));
  if (a.excluded && b.allowed) return [...b.allowed].every((v) => a.excluded!.has(v));
  return false;
}

/**
 * For each case j, the earlier cases i such that «case i applies» implies «case j's condition is
 * false»: j's first conjunct contradicts one of i's conjuncts.
 */
export function excludedBy(d: IR.DefinitionIR): number[][] {
  const all = d.cases.map((k) => conjuncts(k.condition).map(constraintOf));
  return d.cases.map((_, j) => {
    const first = all[j]![0];
    if (!first) return [];
    const out: number[] = [];
    for (let i = 0; i < j; i++) if (all[i]!.some((c) => c !== undefined && disjoint(c, first))) out.push(i);
    return out;
  });
}
