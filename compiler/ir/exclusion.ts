/**
 * Cases that exclude each other, found statically: once case i applies, case j's condition is
 * certainly false. «etapa = EI» excludes «etapa en {EP, ESO}»; «número_de_áreas = 1» excludes
 * «número_de_áreas >= 3»; «áreas = {LCL, MAT}» excludes «número(áreas) = 1».
 *
 * The direct evaluators use it to skip conditions that cannot hold and, when every two cases of a
 * table exclude each other, to run the table as a plain if-chain. That is only sound if the
 * skipped condition would have evaluated to false *with no failure* — so «certainly false» here
 * means exactly that, and anything this analysis cannot prove is «unknown».
 *
 * How: when case i applies, each of its conjuncts held (a three-valued «y» is true only when both
 * sides are true, never with a failure). A conjunct that tests an atom — an input or a rule value
 * — against a literal («=», «≠», «en», «no en», «<», «<=», «>», «>=», or a bare boolean) becomes a
 * fact about that atom. Case j's condition is then evaluated abstractly under those facts:
 * literals, atoms with a known value, formula definitions inlined, total built-ins, comparisons
 * an atom's facts decide, and «y»/«o»/«no» with the engine's three-valued rules.
 */
import type * as IR from './ir.ts';
import { BUILTIN_IMPLS } from '../../runtime/ops.ts';
import { iguales, pertenece } from '../../runtime/values.ts';

/** What is known about an atom: one of these holds. */
type Fact =
  | { readonly k: 'among'; readonly values: readonly unknown[] }
  | { readonly k: 'not_among'; readonly values: readonly unknown[] }
  /** Inclusive bounds; every ordered value (integer, scaled decimal, day number, course) is an integer. */
  | { readonly k: 'range'; readonly min: number; readonly max: number };

type Facts = ReadonlyMap<string, readonly Fact[]>;

/** A value known statically, or undefined when it is not. */
type Known = { readonly value: unknown } | undefined;

const known = (value: unknown): Known => ({ value });

/**
 * Built-ins that are pure functions of their arguments (no date, no calendar) and never throw on
 * well-typed ones.
 */
export const TOTAL_BUILTINS: ReadonlySet<string> = new Set(['número', 'unión', 'intersección', 'diferencia', 'mínimo', 'máximo', 'curso_que_empieza', 'año_de_inicio']);

function conjuncts(e: IR.Expr): IR.Expr[] {
  return e.k === 'bin' && e.op === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/** The atom an expression reads directly: an input (also through «falta el dato») or a rule value. */
function atomOf(e: IR.Expr): string | undefined {
  if (e.k === 'input') return `input:${e.name}`;
  if (e.k === 'unwrap' && e.operand.k === 'input') return `input:${e.operand.name}`;
  if (e.k === 'def' || e.k === 'norm') return `${e.k}:${e.name}`;
  return undefined;
}

const MIRRORED: Partial<Record<IR.Op, IR.Op>> = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

/** «atom op literal», with the literal on either side. */
function atomTest(e: IR.Expr): { atom: string; op: IR.Op; value: unknown } | undefined {
  if (e.k !== 'bin') return undefined;
  const left = atomOf(e.left);
  if (left && e.right.k === 'lit') return { atom: left, op: e.op, value: e.right.value };
  const right = atomOf(e.right);
  const op = MIRRORED[e.op];
  if (right && e.left.k === 'lit' && op) return { atom: right, op, value: e.left.value };
  return undefined;
}

const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** «x < v», «x <= v», «x > v», «x >= v» as inclusive bounds on x (ordered values are integers). */
function boundsOf(op: IR.Op, value: unknown): readonly [min: number, max: number] | undefined {
  if (!isInteger(value)) return undefined;
  switch (op) {
    case 'lt': return [-Infinity, value - 1];
    case 'le': return [-Infinity, value];
    case 'gt': return [value + 1, Infinity];
    case 'ge': return [value, Infinity];
    default: return undefined;
  }
}

function factOf(e: IR.Expr): { atom: string; fact: Fact } | undefined {
  const bare = atomOf(e);
  if (bare && e.type.k === 'booleano') return { atom: bare, fact: { k: 'among', values: [true] } };
  if (e.k === 'not') {
    const negated = atomOf(e.operand);
    if (negated && e.operand.type.k === 'booleano') return { atom: negated, fact: { k: 'among', values: [false] } };
  }
  const t = atomTest(e);
  if (!t) return undefined;
  const { atom, op, value } = t;
  switch (op) {
    case 'eq': return { atom, fact: { k: 'among', values: [value] } };
    case 'ne': return { atom, fact: { k: 'not_among', values: [value] } };
    case 'in': return Array.isArray(value) ? { atom, fact: { k: 'among', values: value } } : undefined;
    case 'not_in': return Array.isArray(value) ? { atom, fact: { k: 'not_among', values: value } } : undefined;
    default: {
      const bounds = boundsOf(op, value);
      return bounds && { atom, fact: { k: 'range', min: bounds[0], max: bounds[1] } };
    }
  }
}

/** Facts that hold whenever `condition` is true. */
function factsOf(condition: IR.Expr): Facts {
  const facts = new Map<string, Fact[]>();
  for (const c of conjuncts(condition)) {
    const f = factOf(c);
    if (f) facts.set(f.atom, [...(facts.get(f.atom) ?? []), f.fact]);
  }
  return facts;
}

/** Whether «atom op value» holds, from one fact about the atom; undefined when the fact does not decide. */
function decide(fact: Fact, op: IR.Op, value: unknown): boolean | undefined {
  const negate = (b: boolean | undefined) => (b === undefined ? undefined : !b);
  if (op === 'ne') return negate(decide(fact, 'eq', value));
  if (op === 'not_in') return negate(decide(fact, 'in', value));
  // A test is a set of accepted values (finite for eq/in) or a range (for orderings).
  const accepted: readonly unknown[] | undefined = op === 'eq' ? [value] : op === 'in' && Array.isArray(value) ? value : undefined;
  const bounds = boundsOf(op, value);
  const passes = (v: unknown): boolean | undefined => (accepted ? pertenece(v, accepted) : bounds && isInteger(v) ? v >= bounds[0] && v <= bounds[1] : undefined);
  switch (fact.k) {
    case 'among': {
      const results = fact.values.map(passes);
      if (results.every((r) => r === true)) return true;
      if (results.every((r) => r === false)) return false;
      return undefined;
    }
    case 'not_among':
      // Only a finite test can be ruled out entirely by what the atom is not.
      return accepted && accepted.every((v) => pertenece(v, fact.values)) ? false : undefined;
    case 'range': {
      if (accepted) {
        if (accepted.every((v) => isInteger(v) && (v < fact.min || v > fact.max))) return false;
        return fact.min === fact.max && pertenece(fact.min, accepted) ? true : undefined;
      }
      if (!bounds) return undefined;
      if (fact.min >= bounds[0] && fact.max <= bounds[1]) return true;
      if (fact.max < bounds[0] || fact.min > bounds[1]) return false;
      return undefined;
    }
  }
}

/** Applies a comparison or membership to two known values. */
function compute(op: IR.Op, a: unknown, b: unknown): Known {
  switch (op) {
    case 'eq': return known(iguales(a, b));
    case 'ne': return known(!iguales(a, b));
    case 'in': return Array.isArray(b) ? known(pertenece(a, b)) : undefined;
    case 'not_in': return Array.isArray(b) ? known(!pertenece(a, b)) : undefined;
    case 'lt': return typeof a === 'number' && typeof b === 'number' ? known(a < b) : undefined;
    case 'le': return typeof a === 'number' && typeof b === 'number' ? known(a <= b) : undefined;
    case 'gt': return typeof a === 'number' && typeof b === 'number' ? known(a > b) : undefined;
    case 'ge': return typeof a === 'number' && typeof b === 'number' ? known(a >= b) : undefined;
    case 'add_int': return typeof a === 'number' && typeof b === 'number' ? known(a + b) : undefined;
    case 'sub_int': return typeof a === 'number' && typeof b === 'number' ? known(a - b) : undefined;
    case 'mul_int': return typeof a === 'number' && typeof b === 'number' ? known(a * b) : undefined;
    default: return undefined;
  }
}

interface Analysis {
  readonly program: IR.Program;
  readonly mayFail: (e: IR.Expr) => boolean;
}

/** The value `e` certainly evaluates to, with no failure, whenever `facts` hold; or undefined. */
function evaluate(e: IR.Expr, facts: Facts, a: Analysis, depth = 0): Known {
  const ev = (x: IR.Expr) => evaluate(x, facts, a, depth);
  switch (e.k) {
    case 'lit': return known(e.value);
    case 'input':
    case 'unwrap':
    case 'def':
    case 'norm': {
      const atom = atomOf(e);
      const single = atom && facts.get(atom)?.find((f) => f.k === 'among' && f.values.length === 1);
      if (single && single.k === 'among') return known(single.values[0]);
      // A formula definition is its formula: evaluate it in place (rules are pure).
      const d = e.k === 'def' ? a.program.definitions[e.name] : undefined;
      if (d?.body && d.params.length === 0 && depth < 8) return evaluate(d.body.expr, facts, a, depth + 1);
      return undefined;
    }
    case 'not': {
      const v = ev(e.operand);
      return v && known(!v.value);
    }
    case 'builtin': {
      if (!TOTAL_BUILTINS.has(e.fn)) return undefined;
      const args = e.args.map(ev);
      if (args.some((x) => x === undefined)) return undefined;
      const impl = BUILTIN_IMPLS[e.fn] as (env: unknown, ...xs: unknown[]) => unknown;
      return known(impl(undefined, ...args.map((x) => x!.value)));
    }
    case 'bin': {
      if (e.op === 'and' || e.op === 'or') {
        // Three-valued, as the engine: the absorbing value on the left decides; an unknown left
        // side is rescued by an absorbing right side only if the left side cannot fail (a failed
        // left side that is a conflict is never absorbed).
        const absorbing = e.op === 'or';
        const left = ev(e.left);
        if (left) return left.value === absorbing ? known(absorbing) : ev(e.right);
        const right = ev(e.right);
        return right && right.value === absorbing && !a.mayFail(e.left) ? known(absorbing) : undefined;
      }
      const left = ev(e.left);
      const right = ev(e.right);
      if (left && right) return compute(e.op, left.value, right.value);
      const test = atomTest(e);
      if (!test) return undefined;
      for (const fact of facts.get(test.atom) ?? []) {
        const decided = decide(fact, test.op, test.value);
        if (decided !== undefined) return known(decided);
      }
      return undefined;
    }
    default: return undefined;
  }
}

/**
 * For a definition by cases: `excludes(i, j)` is true when «case i applies» implies «case j's
 * condition evaluates to false, with no failure». `mayFail` says whether an expression can fail
 * (see fallibility.ts).
 */
export function casesExclude(d: IR.DefinitionIR, program: IR.Program, mayFail: (e: IR.Expr) => boolean): (i: number, j: number) => boolean {
  const analysis: Analysis = { program, mayFail };
  const facts = d.cases.map((k) => factsOf(k.condition));
  const falseUnder = (j: number, i: number) => evaluate(d.cases[j]!.condition, facts[i]!, analysis)?.value === false;
  const memo = new Map<number, boolean>();
  return (i, j) => {
    const key = i * d.cases.length + j;
    let r = memo.get(key);
    if (r === undefined) {
      // Directly; or by contraposition: if j applying makes i false, then i applying means j does
      // not apply — and a condition that cannot fail and does not apply is false.
      r = falseUnder(j, i) || (!mayFail(d.cases[j]!.condition) && falseUnder(i, j));
      memo.set(key, r);
    }
    return r;
  };
}

/** For each case j, the earlier cases i whose applying makes j's condition certainly false. */
export function excludedBy(d: IR.DefinitionIR, program: IR.Program, mayFail: (e: IR.Expr) => boolean): number[][] {
  const excludes = casesExclude(d, program, mayFail);
  return d.cases.map((_, j) => d.cases.flatMap((_k, i) => (i < j && excludes(i, j) ? [i] : [])));
}

/**
 * `condition` (which cannot fail) simplified knowing that the input `input` has the value
 * `value`: what the fact decides becomes a literal, and «y»/«o» drop the operands that no longer
 * matter. Used to split a table by the value of one input, as a decision tree does.
 */
export function specialize(condition: IR.Expr, input: string, value: unknown, program: IR.Program, mayFail: (e: IR.Expr) => boolean): IR.Expr {
  const facts: Facts = new Map([[`input:${input}`, [{ k: 'among', values: [value] } as const]]]);
  const analysis: Analysis = { program, mayFail };
  const literal = (e: IR.Expr, v: unknown): IR.Expr => ({ k: 'lit', type: e.type, value: v, span: e.span });
  const simplify = (e: IR.Expr): IR.Expr => {
    const decided = evaluate(e, facts, analysis);
    if (decided) return literal(e, decided.value);
    if (e.k === 'bin' && (e.op === 'and' || e.op === 'or')) {
      // Operands cannot fail, so «y»/«o» are the two-valued ones: the neutral value drops out.
      const neutral = e.op === 'and';
      const left = simplify(e.left);
      const right = simplify(e.right);
      if (left.k === 'lit' && left.value === neutral) return right;
      if (right.k === 'lit' && right.value === neutral) return left;
      return { ...e, left, right };
    }
    if (e.k === 'not') {
      const operand = simplify(e.operand);
      return operand.k === 'lit' ? literal(e, !operand.value) : { ...e, operand };
    }
    return e;
  };
  return simplify(condition);
}

/**
 * The input worth splitting a table on: a required enumeration or boolean input that the
 * conditions of at least two cases test against literals. Undefined when there is none.
 */
export function discriminant(d: IR.DefinitionIR, program: IR.Program): { name: string; values: readonly unknown[] } | undefined {
  const counts = new Map<string, number>();
  for (const k of d.cases) {
    const tested = new Set([...factsOf(k.condition).keys()].filter((a) => a.startsWith('input:')).map((a) => a.slice('input:'.length)));
    for (const name of tested) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: { name: string; values: readonly unknown[] } | undefined;
  let bestCount = 1;
  for (const [name, count] of counts) {
    const input = program.inputs.find((i) => i.name === name);
    const values = input?.type.k === 'enum' ? program.enums[input.type.nombre]?.valores.map((v) => v.nombre) : input?.type.k === 'booleano' ? [true, false] : undefined;
    if (values && count > bestCount) {
      best = { name, values };
      bestCount = count;
    }
  }
  return best;
}
