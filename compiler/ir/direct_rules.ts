/**
 * The rules the fast paths (interpreter closures, generated direct evaluators) can compute: zero-
 * parameter definitions and norms that call no parameterised definition and read no procedure
 * step, directly or through the rules they read — each with the rules it reads.
 */
import type * as IR from './ir.ts';
import { visitAll } from './walk.ts';

export function directRules(program: IR.Program): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  const blocked = new Set<string>();
  const collect = (owner: string, exprs: readonly (IR.Expr | undefined)[], extra: readonly string[] = []) => {
    const out = new Set<string>(extra);
    for (const e of exprs) {
      visitAll(e, (x) => {
        if (x.k === 'def' || x.k === 'norm') out.add(x.name);
        if (x.k === 'call' || x.k === 'step') blocked.add(owner);
      });
    }
    reads.set(owner, [...out]);
  };
  for (const d of Object.values(program.definitions)) {
    if (d.params.length) continue;
    collect(d.name, [d.body?.expr, ...d.cases.flatMap((k) => [k.condition, k.value.k === 'value' ? k.value.expr : undefined]), d.otherwise?.value.k === 'value' ? d.otherwise.value.expr : undefined]);
  }
  for (const n of Object.values(program.norms)) {
    // A norm also reads the norms that may displace it.
    collect(n.name, [n.applies, n.requirement], Object.values(program.norms).filter((o) => o.overrides.includes(n.name)).map((o) => o.name));
  }
  // A rule that reads a blocked rule (or a parameterised one, absent from `reads`) is blocked too.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, r] of reads) {
      if (!blocked.has(name) && r.some((x) => blocked.has(x) || !reads.has(x))) {
        blocked.add(name);
        changed = true;
      }
    }
  }
  for (const name of blocked) reads.delete(name);
  return reads;
}

/**
 * número(intersección(a, {K1, K2…})) with plain constants: both fast paths count the elements
 * of `a` that are members instead of building the intersection. Undefined for any other shape.
 */
export function countedInPlace(e: IR.Expr): { readonly collection: IR.Expr; readonly members: readonly unknown[] } | undefined {
  if (e.k !== 'builtin' || e.fn !== 'número') return undefined;
  const inner = e.args[0];
  if (inner?.k !== 'builtin' || inner.fn !== 'intersección') return undefined;
  const constant = inner.args[1];
  if (constant?.k !== 'lit' || !Array.isArray(constant.value) || !constant.value.every((v) => typeof v !== 'object')) return undefined;
  return { collection: inner.args[0]!, members: constant.value };
}
