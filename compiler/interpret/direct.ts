/**
 * The interpreter's fast path when no trace is asked for: the IR compiled once to closures in
 * value style — the same strategy as the generated direct evaluators (codegen/direct.ts): every
 * rule an output needs is computed once, in dependency order; an indeterminado or a conflict is a
 * returned value (a FalloRegla), not an exception. Same semantics as the engine, checked by the
 * back-end agreement property.
 */
import type * as IR from '../ir/ir.ts';
import { countedInPlace, directRules } from '../ir/direct_rules.ts';
import { casesExclude, excludedBy } from '../ir/exclusion.ts';
import { fallibility, type Fallibility } from '../ir/fallibility.ts';
import type { Fecha } from '../../runtime/dates.ts';
import { crearCalendario, type Calendario } from '../../runtime/calendar.ts';
import { decAdd, decSub, decMul, decDiv, decFromInt, decNeg } from '../../runtime/decimal.ts';
import type { Duracion } from '../../runtime/durations.ts';
import { conflictoDeCasos, falloDeCondicion, leerFallo, ningunCaso, PALABRAS_MODALES } from '../../runtime/engine.ts';
import { BUILTIN_IMPLS, fechaMasDuracion, fechaMenosDuracion, cursoMasDuracion, duracionPor } from '../../runtime/ops.ts';
import { comoFallo, faltaDato, FalloRegla, Indeterminacion, resultadoDeFallo, sinFechaDeEvaluacion, type CitaTraza, type Resultado } from '../../runtime/result.ts';
import { conjunto, exportar, iguales, pertenece } from '../../runtime/values.ts';
import type { Tipo, Vocabulario } from '../../runtime/types.ts';
import { citeOf } from './interpret.ts';

/** What an expression sees while it runs. */
interface Env {
  readonly entradas: Readonly<Record<string, unknown>>;
  readonly fecha: Fecha | undefined;
  readonly calendario: Calendario;
  /** Values (or failures) of the rules computed so far, by rule index. */
  readonly values: unknown[];
}

type Code = (env: Env, args: readonly unknown[]) => unknown;

/** What compiling an expression needs: where each rule's value is, and what can fail. */
interface Scope {
  readonly index: ReadonlyMap<string, number>;
  readonly fallible: Fallibility;
  readonly program: IR.Program;
}

/** Failures known when compiling are built once, not per evaluation (failures are immutable). */
const NO_DATE = sinFechaDeEvaluacion();

// Most values are primitives: «typeof» rules them out before the prototype walk of instanceof.
const isFailure = (v: unknown): v is FalloRegla => v instanceof FalloRegla;

function compileExpr(e: IR.Expr, scope: Scope): Code {
  const c = (x: IR.Expr) => compileExpr(x, scope);
  switch (e.k) {
    case 'lit': {
      const value = e.value;
      return () => value;
    }
    case 'input': {
      const name = e.name;
      return (env) => env.entradas[name];
    }
    case 'param': {
      const i = e.index;
      return (_env, args) => args[i];
    }
    case 'def':
    case 'norm': {
      const i = scope.index.get(e.name)!;
      const name = e.name;
      if (!scope.fallible.rule(name)) return (env) => env.values[i];
      return (env) => {
        const v = env.values[i];
        return isFailure(v) ? leerFallo(name, v) : v;
      };
    }
    case 'step':
    case 'call':
      throw new Error('the fast path does not handle calls or procedure steps');
    case 'builtin': {
      if (e.fn === 'hoy') return (env) => (env.fecha === undefined ? NO_DATE : env.fecha);
      const counted = countedInPlace(e);
      if (counted) {
        // Count in place instead of building the intersection (as codegen/direct.ts does).
        const collection = c(counted.collection);
        const members = counted.members;
        return (env, args) => {
          const a = collection(env, args);
          if (isFailure(a)) return a;
          let n = 0;
          for (const x of a as unknown[]) if (members.includes(x)) n++;
          return n;
        };
      }
      const impl = BUILTIN_IMPLS[e.fn] as (...xs: unknown[]) => unknown;
      const argCodes = e.args.map(c);
      if (argCodes.length === 1) {
        const [a] = argCodes as [Code];
        return (env, args) => {
          const v = a(env, args);
          return isFailure(v) ? v : impl(env, v);
        };
      }
      if (argCodes.length === 2) {
        const [a, b] = argCodes as [Code, Code];
        return (env, args) => {
          const v = a(env, args);
          if (isFailure(v)) return v;
          const w = b(env, args);
          return isFailure(w) ? w : impl(env, v, w);
        };
      }
      return (env, args) => {
        const values = evaluateAll(argCodes, env, args);
        return isFailure(values) ? values : impl(env, ...values);
      };
    }
    case 'field': {
      const target = c(e.target);
      const field = e.field;
      return (env, args) => {
        const t = target(env, args);
        return isFailure(t) ? t : (t as Record<string, unknown>)[field];
      };
    }
    case 'not':
    case 'neg':
    case 'exists':
    case 'to_dec': {
      const operand = c(e.operand);
      const f =
        e.k === 'not' ? (v: unknown) => !v
        : e.k === 'exists' ? (v: unknown) => v !== undefined
        : e.k === 'to_dec' ? (v: unknown) => decFromInt(v as number)
        : e.type.k === 'entero' ? (v: unknown) => -(v as number)
        : (v: unknown) => decNeg(v as number);
      return (env, args) => {
        const v = operand(env, args);
        return isFailure(v) ? v : f(v);
      };
    }
    case 'unwrap': {
      const missing = faltaDato(e.what);
      if (e.operand.k === 'input') {
        // An optional input read where a value is needed: one closure instead of two.
        const name = e.operand.name;
        return (env) => {
          const v = env.entradas[name];
          return v === undefined ? missing : v;
        };
      }
      const operand = c(e.operand);
      return (env, args) => {
        const v = operand(env, args);
        if (isFailure(v)) return v;
        return v === undefined ? missing : v;
      };
    }
    case 'if': {
      const condition = c(e.condition);
      const then = c(e.then);
      const otherwise = c(e.else);
      return (env, args) => {
        const v = condition(env, args);
        if (isFailure(v)) return v;
        return v ? then(env, args) : otherwise(env, args);
      };
    }
    case 'set':
    case 'list':
    case 'record': {
      const parts = e.k === 'record' ? e.fields.map((f) => c(f.value)) : e.elements.map(c);
      const names = e.k === 'record' ? e.fields.map((f) => f.name) : [];
      const kind = e.k;
      return (env, args) => {
        const values = evaluateAll(parts, env, args);
        if (isFailure(values)) return values;
        if (kind === 'set') return conjunto(values);
        if (kind === 'list') return values;
        return Object.fromEntries(names.map((n, i) => [n, values[i]]));
      };
    }
    case 'quant': return quantifier(e, scope);
    case 'bin': return binary(e, scope);
  }
}

/** Evaluates in order; the first failure stops it (later operands are not evaluated, as in the engine). */
function evaluateAll(codes: readonly Code[], env: Env, args: readonly unknown[]): unknown[] | FalloRegla {
  const values: unknown[] = [];
  for (const code of codes) {
    const v = code(env, args);
    if (isFailure(v)) return v;
    values.push(v);
  }
  return values;
}

function binary(e: Extract<IR.Expr, { k: 'bin' }>, scope: Scope): Code {
  const left = compileExpr(e.left, scope);
  const right = compileExpr(e.right, scope);
  if (e.op === 'and' || e.op === 'or') {
    const absorbing = e.op === 'or';
    // «a y b y c» parses as ((a y b) y c): one closure over the flattened chain calls fewer
    // closures, with the same three-valued result as the nested form (see chainOf).
    const operands = chainOf(e, e.op).map((x) => compileExpr(x, scope));
    if (operands.length > 2) return chain(operands, absorbing);
    if (!scope.fallible.expr(e.left)) return (env, args) => (left(env, args) === absorbing ? absorbing : right(env, args));
    return (env, args) => {
      const l = left(env, args);
      if (isFailure(l)) {
        // Three-valued, as runtime/ops.ts: only an absorbing right side rescues an unknown left.
        if (!(l instanceof Indeterminacion)) return l;
        const r = right(env, args);
        return !isFailure(r) && r === absorbing ? absorbing : l;
      }
      return l === absorbing ? absorbing : right(env, args);
    };
  }
  const op = operation(e.op);
  // The commonest shape in conditions, «entrada = valor» / «entrada en {…}», without the generic calls.
  if (e.left.k === 'input' && e.right.k === 'lit') {
    const name = e.left.name;
    const value = e.right.value;
    if ((e.op === 'eq' || e.op === 'ne') && typeof value !== 'object') {
      const eq = e.op === 'eq';
      return (env) => (env.entradas[name] === value) === eq;
    }
    if ((e.op === 'in' || e.op === 'not_in') && Array.isArray(value) && value.every((x) => typeof x !== 'object')) {
      const inside = e.op === 'in';
      // A handful of values: a linear scan beats hashing the string.
      if (value.length <= 8) {
        const list = value as readonly unknown[];
        return (env) => list.includes(env.entradas[name]) === inside;
      }
      const members = new Set(value);
      return (env) => members.has(env.entradas[name]) === inside;
    }
    return (env) => op(env.entradas[name], value, env);
  }
  // «dato <= regla» (an input, required or not, against a rule's value): one closure.
  const leftInput = e.left.k === 'input' ? e.left : e.left.k === 'unwrap' && e.left.operand.k === 'input' ? e.left.operand : undefined;
  if (leftInput && (e.right.k === 'def' || e.right.k === 'norm') && typeof primitiveComparison(e.op) === 'function') {
    const name = leftInput.name;
    const missing = e.left.k === 'unwrap' ? faltaDato(e.left.what) : undefined;
    const i = scope.index.get(e.right.name)!;
    const rule = e.right.name;
    const cmp = primitiveComparison(e.op)!;
    return (env) => {
      const l = env.entradas[name];
      if (missing !== undefined && l === undefined) return missing;
      const r = env.values[i];
      return isFailure(r) ? leerFallo(rule, r) : cmp(l, r);
    };
  }
  // «regla = valor», «regla >= valor»…: one closure reads the rule's value and compares.
  if ((e.left.k === 'def' || e.left.k === 'norm') && e.right.k === 'lit' && typeof e.right.value !== 'object') {
    const i = scope.index.get(e.left.name)!;
    const name = e.left.name;
    const value = e.right.value as number | string | boolean;
    const test = comparison(e.op, value);
    if (test) {
      return (env) => {
        const v = env.values[i];
        return isFailure(v) ? leerFallo(name, v) : test(v);
      };
    }
  }
  if (e.right.k === 'lit') {
    const value = e.right.value;
    return (env, args) => {
      const l = left(env, args);
      return isFailure(l) ? l : op(l, value, env);
    };
  }
  return (env, args) => {
    const l = left(env, args);
    if (isFailure(l)) return l;
    const r = right(env, args);
    if (isFailure(r)) return r;
    return op(l, r, env);
  };
}

/** The operands of a left-nested chain of the same operator: ((a y b) y c) → [a, b, c]. */
function chainOf(e: IR.Expr, op: 'and' | 'or'): IR.Expr[] {
  return e.k === 'bin' && e.op === op ? [...chainOf(e.left, op), e.right] : [e];
}

/**
 * A chain «a y b y c …» evaluated left to right with the nested form's results: an absorbing
 * operand decides at once; the first indeterminate operand is remembered and reported unless a
 * later operand is absorbing; a conflict is reported at once unless an indeterminate operand came
 * before it (the nested form then keeps the earlier indeterminacy).
 */
function chain(operands: readonly Code[], absorbing: boolean): Code {
  return (env, args) => {
    let unknown: FalloRegla | undefined;
    let last: unknown;
    for (const operand of operands) {
      const v = operand(env, args);
      if (isFailure(v)) {
        if (unknown) continue;
        if (!(v instanceof Indeterminacion)) return v;
        unknown = v;
        continue;
      }
      if (v === absorbing) return absorbing;
      last = v;
    }
    return unknown ?? last;
  };
}

/** A comparison of two plain values (numbers, dates, words), or undefined for other operators. */
function primitiveComparison(op: IR.Op): ((a: unknown, b: unknown) => boolean) | undefined {
  switch (op) {
    case 'lt': return (a, b) => (a as number) < (b as number);
    case 'le': return (a, b) => (a as number) <= (b as number);
    case 'gt': return (a, b) => (a as number) > (b as number);
    case 'ge': return (a, b) => (a as number) >= (b as number);
    default: return undefined;
  }
}

/** A comparison with a constant plain value, or undefined when the operator is not one. */
function comparison(op: IR.Op, value: number | string | boolean): ((v: unknown) => boolean) | undefined {
  switch (op) {
    case 'eq': return (v) => v === value;
    case 'ne': return (v) => v !== value;
    case 'lt': return (v) => (v as number) < (value as number);
    case 'le': return (v) => (v as number) <= (value as number);
    case 'gt': return (v) => (v as number) > (value as number);
    case 'ge': return (v) => (v as number) >= (value as number);
    default: return undefined;
  }
}

function operation(op: IR.Op): (a: unknown, b: unknown, env: Env) => unknown {
  switch (op) {
    case 'eq': return (a, b) => iguales(a, b);
    case 'ne': return (a, b) => !iguales(a, b);
    case 'lt': return (a, b) => (a as number) < (b as number);
    case 'le': return (a, b) => (a as number) <= (b as number);
    case 'gt': return (a, b) => (a as number) > (b as number);
    case 'ge': return (a, b) => (a as number) >= (b as number);
    case 'in': return (a, b) => pertenece(a, b as unknown[]);
    case 'not_in': return (a, b) => !pertenece(a, b as unknown[]);
    case 'add_int': return (a, b) => (a as number) + (b as number);
    case 'sub_int': return (a, b) => (a as number) - (b as number);
    case 'mul_int': return (a, b) => (a as number) * (b as number);
    case 'add_dec': return (a, b) => decAdd(a as number, b as number);
    case 'sub_dec': return (a, b) => decSub(a as number, b as number);
    case 'mul_dec': return (a, b) => decMul(a as number, b as number);
    case 'div_dec': return (a, b) => decDiv(a as number, b as number);
    case 'date_plus': return (a, b, env) => fechaMasDuracion(a as number, b as Duracion, env.calendario);
    case 'date_minus': return (a, b, env) => fechaMenosDuracion(a as number, b as Duracion, env.calendario);
    case 'date_diff': return (a, b) => (a as number) - (b as number);
    case 'course_plus': return (a, b) => cursoMasDuracion(a as number, b as Duracion, 1);
    case 'course_minus': return (a, b) => cursoMasDuracion(a as number, b as Duracion, -1);
    case 'dur_times': return (a, b) => duracionPor(a as Duracion, b as number);
    case 'and': case 'or': throw new Error('handled by binary');
  }
}

function quantifier(e: Extract<IR.Expr, { k: 'quant' }>, scope: Scope): Code {
  const collection = compileExpr(e.collection, scope);
  const body = compileExpr(e.body, scope);
  const { quantifier: q, index: at } = e;
  return (env, args) => {
    const elements = collection(env, args);
    if (isFailure(elements)) return elements;
    let unknown: FalloRegla | undefined;
    let count = 0;
    for (const element of elements as unknown[]) {
      const holds = body(env, [...args.slice(0, at), element]);
      if (isFailure(holds)) {
        if (!(holds instanceof Indeterminacion) || q === 'cuántos') return holds;
        unknown ??= holds;
        continue;
      }
      if (q === 'todos' && holds === false) return false;
      if (q === 'alguno' && holds === true) return true;
      if (holds === true) count++;
    }
    if (unknown) return unknown;
    return q === 'todos' ? true : q === 'alguno' ? false : count;
  };
}

type Rule = (env: Env) => unknown;

function valueOf(v: IR.ValueIR, cita: CitaTraza | undefined, scope: Scope): Rule {
  if (v.k === 'indeterminado') {
    const failure = new Indeterminacion(v.reason, cita);
    return () => failure;
  }
  const code = compileExpr(v.expr, scope);
  return (env) => code(env, NO_ARGS);
}

const NO_ARGS: readonly unknown[] = [];

function compileDefinition(d: IR.DefinitionIR, scope: Scope): Rule {
  if (d.body) {
    const body = compileExpr(d.body.expr, scope);
    return (env) => body(env, NO_ARGS);
  }
  const cases = d.cases.map((k) => ({
    id: k.id,
    cita: citeOf(k.citation),
    condition: compileExpr(k.condition, scope),
    value: valueOf(k.value, citeOf(k.citation), scope),
    // Indices of the cases that prevail over this one.
    dominatedBy: d.cases.flatMap((o, j) => (o.dominates.includes(k.id) ? [j] : [])),
  }));
  const none = ningunCaso(d.name);
  const otherwise = d.otherwise ? valueOf(d.otherwise.value, citeOf(d.otherwise.citation), scope) : () => none;
  const n = cases.length;
  if (cases.every((k) => k.dominatedBy.length === 0) && d.cases.every((k) => !scope.fallible.expr(k.condition))) {
    return ifChain(d, cases, otherwise, scope);
  }
  // No closures are created per evaluation: under tsx every closure creation also names it.
  // Scratch arrays are reused: a rule never runs inside itself (its dependencies are computed
  // before it runs), so one evaluation at a time uses them.
  const states = new Array<number>(n).fill(0);
  const failures = new Array<unknown>(n);
  const conditions = cases.map((k) => k.condition);
  const skippable = excludedBy(d, scope.program, scope.fallible.expr);
  // Most tables have no «prevalece sobre»: then no case can be displaced.
  const hasPriorities = cases.some((k) => k.dominatedBy.length > 0);
  return (env) => {
    // One try around the loop (re-entered after an exception), not one per condition.
    let i = 0;
    while (i < n) {
      try {
        for (; i < n; i++) {
          // A condition an earlier applicable case makes certainly false is not evaluated.
          if (skippable[i]!.length && anyApplies(skippable[i]!, states)) {
            states[i] = 0;
            continue;
          }
          const v = conditions[i]!(env, NO_ARGS);
          if (isFailure(v)) {
            states[i] = 2;
            failures[i] = v;
          } else states[i] = v ? 1 : 0;
        }
      } catch (failure) {
        states[i] = 2;
        failures[i] = failure;
        i++;
      }
    }
    let live = 0;
    let chosen = -1;
    for (let i = 0; i < n; i++) {
      const displaced = hasPriorities && anyApplies(cases[i]!.dominatedBy, states);
      if (states[i] === 2 && !displaced) return falloDeCondicion(cases[i]!.id, cases[i]!.cita, failures[i]);
      if (states[i] === 1 && !displaced) {
        live++;
        if (chosen < 0) chosen = i;
      }
    }
    if (live > 1) {
      const casos: { caso: string; cita?: CitaTraza }[] = [];
      for (let i = 0; i < n; i++) if (states[i] === 1 && !anyApplies(cases[i]!.dominatedBy, states)) casos.push({ caso: cases[i]!.id, cita: cases[i]!.cita });
      return conflictoDeCasos(casos);
    }
    if (live === 1) return cases[chosen]!.value(env);
    return otherwise(env);
  };
}

/**
 * A table without «prevalece sobre» whose conditions cannot fail, as codegen/direct.ts emits it:
 * the first case that holds gives the value, unless a later case it does not exclude
 * (ir/exclusion.ts) holds too — a conflict.
 */
function ifChain(d: IR.DefinitionIR, cases: readonly { id: string; cita?: CitaTraza; condition: Code; value: Rule }[], otherwise: Rule, scope: Scope): Rule {
  const excludes = casesExclude(d, scope.program, scope.fallible.expr);
  const rivals = cases.map((_, i) => cases.flatMap((_k, j) => (j > i && !excludes(i, j) ? [j] : [])));
  const n = cases.length;
  return (env) => {
    for (let i = 0; i < n; i++) {
      if (!cases[i]!.condition(env, NO_ARGS)) continue;
      let casos: { caso: string; cita?: CitaTraza }[] | undefined;
      for (const j of rivals[i]!) {
        if (cases[j]!.condition(env, NO_ARGS)) (casos ??= [{ caso: cases[i]!.id, cita: cases[i]!.cita }]).push({ caso: cases[j]!.id, cita: cases[j]!.cita });
      }
      return casos ? conflictoDeCasos(casos) : cases[i]!.value(env);
    }
    return otherwise(env);
  };
}

/** Whether any of these cases applies (state 1). */
function anyApplies(cases: readonly number[], states: readonly number[]): boolean {
  for (const j of cases) if (states[j] === 1) return true;
  return false;
}

function compileNorm(n: IR.NormIR, program: IR.Program, scope: Scope): Rule {
  const displacers = Object.values(program.norms).filter((o) => o.overrides.includes(n.name)).map((o) => ({ name: o.name, i: scope.index.get(o.name)! }));
  const applies = n.applies && compileExpr(n.applies, scope);
  const requirement = compileExpr(n.requirement, scope);
  const [met, unmet] = PALABRAS_MODALES[n.modality];
  return (env) => {
    for (const d of displacers) {
      const v = env.values[d.i];
      if (isFailure(v)) return leerFallo(d.name, v);
      if (v !== 'no_aplica') return 'no_aplica';
    }
    if (applies) {
      const a = applies(env, NO_ARGS);
      if (isFailure(a)) return a;
      if (!a) return 'no_aplica';
    }
    const ok = requirement(env, NO_ARGS);
    return isFailure(ok) ? ok : ok ? met : unmet;
  };
}

export interface FastPlan {
  readonly order: readonly number[];
  /** Slots an evaluation needs: one past the highest rule index in `order`. */
  readonly slots: number;
  readonly outputs: readonly { readonly name: string; readonly i: number; readonly type: Tipo; readonly plain: boolean }[];
}

export interface FastPath {
  /** How to compute these outputs, or undefined if the fast path cannot (calls, procedure steps). */
  plan(outputs: readonly string[]): FastPlan | undefined;
  evaluate(entradas: Readonly<Record<string, unknown>>, fecha: Fecha | undefined, plan: FastPlan): Record<string, Resultado>;
}

/** Compiles the program's rules to closures, once. */
export function compileFastPath(program: IR.Program, calendarRegion: string, festivosLocales: string | undefined): FastPath {
  const reads = directRules(program);
  const names = [...reads.keys()];
  const index = new Map(names.map((n, i) => [n, i]));
  const scope: Scope = { index, fallible: fallibility(program, reads), program };
  const rules = names.map((n) => (program.definitions[n] ? compileDefinition(program.definitions[n]!, scope) : compileNorm(program.norms[n]!, program, scope)));
  const vocabulary: Vocabulario = { enums: program.enums, registros: program.records };
  const types = new Map<string, Tipo>(names.map((n) => [n, program.definitions[n]?.type ?? { k: 'enum', nombre: 'Cumplimiento' }]));
  const outputs = new Set(program.outputs.filter((o) => o.kind !== 'procedure' && index.has(o.name)).map((o) => o.name));

  const readIndices = names.map((n) => reads.get(n)!.map((r) => index.get(r)!));
  // Planned once per set of outputs asked for; undefined when the fast path cannot answer them all.
  const plans = new Map<string, FastPlan | undefined>();
  const planFor = (wanted: readonly string[]): FastPlan | undefined => {
    const key = wanted.length === 1 ? wanted[0]! : wanted.join('\u0000');
    if (plans.has(key)) return plans.get(key);
    let plan: FastPlan | undefined;
    if (wanted.every((w) => outputs.has(w))) {
      const order: number[] = [];
      const seen = new Set<number>();
      const visit = (i: number) => {
        if (seen.has(i)) return;
        seen.add(i);
        for (const r of readIndices[i]!) visit(r);
        order.push(i);
      };
      for (const name of wanted) visit(index.get(name)!);
      // Booleans, integers, words and enumeration values export as they are.
      const plainKinds = new Set(['booleano', 'entero', 'texto', 'enum']);
      plan = { order, slots: Math.max(...order) + 1, outputs: wanted.map((name) => ({ name, i: index.get(name)!, type: types.get(name)!, plain: plainKinds.has(types.get(name)!.k) })) };
    }
    plans.set(key, plan);
    return plan;
  };
  return {
    plan: planFor,
    evaluate(entradas, fecha, plan) {
      // A fresh environment per evaluation: reusing one turned out slower (old-to-young stores).
      const env = new EnvImpl(entradas, fecha, plan.slots, calendarRegion, festivosLocales);
      for (const i of plan.order) {
        try {
          env.values[i] = rules[i]!(env);
        } catch (failure) {
          env.values[i] = comoFallo(failure);
        }
      }
      const out: Record<string, Resultado> = {};
      for (const o of plan.outputs) {
        const v = env.values[o.i];
        out[o.name] = isFailure(v) ? resultadoDeFallo(v) : { estado: 'valor', valor: o.plain ? v : exportar(o.type, v, vocabulary) };
      }
      return out;
    },
  };
}

class EnvImpl implements Env {
  readonly values: unknown[];
  private calendar: Calendario | undefined;
  constructor(
    readonly entradas: Readonly<Record<string, unknown>>,
    readonly fecha: Fecha | undefined,
    size: number,
    private readonly region: string,
    private readonly festivosLocales: string | undefined,
  ) {
    // A rule's value is never undefined (definitions are not optional; norms give a word), so an
    // empty slot means «not computed yet»; a holey array needs no filling.
    this.values = new Array<unknown>(size);
  }
  get calendario(): Calendario {
    if (!this.calendar) {
      const festivos = this.festivosLocales ? ((this.entradas[this.festivosLocales] as Fecha[] | undefined) ?? []) : [];
      this.calendar = crearCalendario(this.region, festivos);
    }
    return this.calendar;
  }
}
