/**
 * Which expressions and rules can fail — give an indeterminado or a conflict, or throw an
 * impossible calculation — found statically. A rule that cannot fail needs no failure checks
 * where it is read, and a condition that cannot fail needs no «unknown» state: the direct
 * evaluators (interpreter closures and generated code) then run as plain value code.
 *
 * Conservative by construction: «cannot fail» is claimed only for what is total — literals,
 * inputs (an absent optional input is a value, `undefined`), comparisons, membership, integer
 * arithmetic, set operations — over operands that cannot fail either. Anything else, and every
 * rule outside the fast paths, may fail.
 */
import type * as IR from './ir.ts';
import { children } from './walk.ts';
import { casesExclude, TOTAL_BUILTINS } from './exclusion.ts';

/** Operations that never throw (decimal arithmetic can overflow; dates can leave the calendar). */
const TOTAL_OPS: ReadonlySet<IR.Op> = new Set<IR.Op>(['and', 'or', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'not_in', 'add_int', 'sub_int', 'mul_int', 'date_diff']);

export interface Fallibility {
  /** Whether the rule (zero-parameter definition or norm) can fail. */
  rule(name: string): boolean;
  /** Whether evaluating the expression can fail. */
  expr(e: IR.Expr): boolean;
}

/**
 * Fallibility of the rules the fast paths compute (`reads`: each rule with the rules it reads,
 * from directRules). A rule not in `reads` is taken as fallible.
 */
export function fallibility(program: IR.Program, reads: ReadonlyMap<string, readonly string[]>): Fallibility {
  const memo = new Map<string, boolean>();
  const expr = (e: IR.Expr): boolean => {
    switch (e.k) {
      case 'lit': case 'input': case 'param': return false;
      case 'def': case 'norm': return rule(e.name);
      case 'step': case 'call': case 'unwrap': case 'to_dec': return true;
      case 'neg': return e.type.k !== 'entero' || expr(e.operand);
      case 'builtin': return !TOTAL_BUILTINS.has(e.fn) || e.args.some(expr);
      case 'bin': return !TOTAL_OPS.has(e.op) || expr(e.left) || expr(e.right);
      default: return children(e).some(expr);
    }
  };
  const rule = (name: string): boolean => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    // Rules are acyclic (the checker rejects cycles); the provisional answer is never read.
    memo.set(name, true);
    const result = !reads.has(name) || ruleCanFail(name);
    memo.set(name, result);
    return result;
  };
  const ruleCanFail = (name: string): boolean => {
    const d = program.definitions[name];
    if (d?.body) return expr(d.body.expr);
    if (d) {
      const valueFails = (v: IR.ValueIR) => v.k === 'indeterminado' || expr(v.expr);
      if (!d.otherwise || valueFails(d.otherwise.value)) return true;
      if (d.cases.some((k) => expr(k.condition) || valueFails(k.value))) return true;
      // No conflict is possible when, for every two cases, one prevails or they exclude each other.
      const excludes = casesExclude(d, program, expr);
      return d.cases.some((a, i) => d.cases.some((b, j) => i < j && !a.dominates.includes(b.id) && !b.dominates.includes(a.id) && !excludes(i, j)));
    }
    const n = program.norms[name]!;
    const displacers = Object.values(program.norms).filter((o) => o.overrides.includes(name));
    return displacers.some((o) => rule(o.name)) || (n.applies !== undefined && expr(n.applies)) || expr(n.requirement);
  };
  return { rule, expr };
}
