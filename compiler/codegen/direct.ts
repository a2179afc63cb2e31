/**
 * Direct evaluators: one exported function per output, `calcular_<salida>(caso, fecha?)`, with
 * no engine, no memo and no trace. The rules the output depends on are computed once each, in
 * dependency order, as local values; a failure (indeterminado, conflicto) is a *value* that
 * jumps, through a labelled block, to the nearest place that handles it — a case condition, a
 * three-valued «y»/«o», a quantifier, or the rule itself — instead of an exception, because a
 * throw costs hundreds of nanoseconds. Exceptions remain only for what the engine also treats as
 * exceptional (an impossible calculation), caught at the same boundaries as the engine.
 *
 * Semantics must equal the engine's (runtime/engine.ts) exactly: the back-end agreement property
 * test compares every output of every rule file on random cases.
 *
 * Computing every dependency up front is safe because rules are pure: a dependency the engine
 * would not have read only yields a value (or a failure value) that nobody looks at.
 */
import type * as IR from '../ir/ir.ts';
import type { Tipo } from '../../runtime/types.ts';
import { PALABRAS_MODALES } from '../../runtime/engine.ts';
import { citeOf } from '../interpret/interpret.ts';
import { countedInPlace, directRules } from '../ir/direct_rules.ts';
import { casesExclude, discriminant, excludedBy, specialize } from '../ir/exclusion.ts';
import { fallibility, type Fallibility } from '../ir/fallibility.ts';
import { emitOperation, registries, type Refs } from './expressions.ts';
import { children } from '../ir/walk.ts';

const q = JSON.stringify;

/** Where a failure goes: the label to break to and the variable that receives it. */
interface Catcher {
  readonly label: string;
  readonly failure: string;
}

interface Gen {
  readonly lines: string[];
  /** The local holding an input: each input the rule reads is read once, at its start. */
  input(name: string): string;
  indent: string;
  fresh(prefix: string): string;
  readonly constant: Refs['constant'];
  /** The expression giving each dependency's value (or failure), by rule name. */
  readonly deps: ReadonlyMap<string, string>;
  /** Expressions that may be repeated freely (a lazily computed dependency's memo). */
  readonly repeatable: ReadonlySet<string>;
  /** What can fail: only there are failure checks emitted. */
  readonly fallible: Fallibility;
  readonly program: IR.Program;
}

function emit(g: Gen, line: string): void {
  g.lines.push(g.indent + line);
}

function indented(g: Gen, body: () => void): void {
  const saved = g.indent;
  g.indent += '  ';
  body();
  g.indent = saved;
}

function block(g: Gen, head: string, body: () => void, tail = '}'): void {
  emit(g, head);
  indented(g, body);
  emit(g, tail);
}

/** Two blocks joined by `middle` («} else {», «} catch (e) {»…): `head first middle second }`. */
function twoBlocks(g: Gen, head: string, first: () => void, middle: string, second: () => void): void {
  block(g, head, first, middle);
  indented(g, second);
  emit(g, '}');
}

const PRIMITIVE_KINDS: ReadonlySet<Tipo['k']> = new Set<Tipo['k']>(['booleano', 'entero', 'decimal', 'euros', 'porcentaje', 'horas', 'fecha', 'texto', 'curso_escolar', 'enum']);

/** A norm's value: a word of Cumplimiento. */
const NORM: Tipo = { k: 'enum', nombre: 'Cumplimiento' };

/**
 * The test «this rule value is a failure». A rule of a plain type (number, date, word, boolean)
 * holds a primitive, so any object is a failure — a typeof, cheaper than instanceof.
 */
function isFailure(v: string, type: Tipo): string {
  const plain = PRIMITIVE_KINDS.has(type.k);
  return plain ? `typeof ${v} === 'object'` : `${v} instanceof FalloRegla`;
}

/** The catcher of code that cannot fail: the generator itself fails if it is ever used. */
const NEVER: Catcher = { label: '', failure: '' };
/** The catcher at a rule's top level: the failure is the rule's result. */
const RETURN: Catcher = { label: '', failure: 'return' };

function fail(k: Catcher, value: string): string {
  if (k === NEVER) throw new Error('a failure was emitted in code that cannot fail (fallibility.ts and direct.ts disagree)');
  if (k === RETURN) return `return ${value};`;
  return `{ ${k.failure} = ${value}; break ${k.label}; }`;
}

/** A failure known when generating («falta el dato …», an explicit indeterminado): one module constant. */
function failureConstant(g: Gen, key: string, code: string): string {
  return g.constant(`fallo:${key}`, (n) => `const ${n} = ${code};`);
}

/**
 * Emits a labelled block that computes `e` into a fresh variable; a failure inside it lands in
 * another fresh variable (or in `failure`, when given) instead of propagating further. An
 * expression that cannot fail is computed in place, with no block and no failure variable.
 */
function capture(e: IR.Expr, g: Gen, args: string, failure?: string): { value: string; failure?: string } {
  if (!g.fallible.expr(e)) return { value: ev(e, g, NEVER, args) };
  const label = g.fresh('K');
  const f = failure ?? g.fresh('f');
  const value = g.fresh('v');
  if (!failure) emit(g, `let ${f}: unknown;`);
  emit(g, `let ${value}: unknown;`);
  block(g, `${label}: {`, () => emit(g, `${value} = ${ev(e, g, { label, failure: f }, args)};`));
  return { value, failure: f };
}

function literal(g: Gen, value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null) return g.constant(`lit:${JSON.stringify(value)}`, (n) => `const ${n}: unknown = ${JSON.stringify(value)};`);
  return JSON.stringify(value);
}

/**
 * Emits the statements that compute `e` and returns an expression for its value. On failure the
 * emitted code stores the failure in `k.failure` and breaks to `k.label`.
 */
function ev(e: IR.Expr, g: Gen, k: Catcher, args: string): string {
  const num = (s: string) => `(${s} as number)`;
  const temp = (value: string, prefix = 't') => {
    const name = g.fresh(prefix);
    emit(g, `const ${name} = ${value};`);
    return name;
  };
  switch (e.k) {
    case 'lit': return literal(g, e.value);
    case 'input': return g.input(e.name);
    case 'param': return `${args}[${e.index}]`;
    case 'def':
    case 'norm': {
      const dep = g.deps.get(e.name)!;
      if (g.fallible.rule(e.name)) emit(g, `if (${isFailure(dep, e.type)}) ${fail(k, `leerFallo(${q(e.name)}, ${dep} as FalloRegla)`)}`);
      return dep;
    }
    case 'step':
    case 'call':
      throw new Error('direct evaluators do not support calls or procedure steps');
    case 'builtin': {
      if (e.fn === 'hoy') {
        emit(g, `if (ctx.fecha === undefined) ${fail(k, failureConstant(g, 'hoy', 'sinFechaDeEvaluacion()'))}`);
        return 'ctx.fecha';
      }
      if (e.fn === 'número') {
        const inner = e.args[0]!;
        const counted = countedInPlace(e);
        if (counted) {
          // número(intersección(a, {K1, K2})): count in place instead of building the intersection.
          const collection = temp(ev(counted.collection, g, k, args), 'a');
          const count = g.fresh('n');
          const element = g.fresh('x');
          const test = counted.members.map((m) => `${element} === ${JSON.stringify(m)}`).join(' || ') || 'false';
          emit(g, `let ${count} = 0;`);
          emit(g, `for (const ${element} of ${collection} as unknown[]) if (${test}) ${count}++;`);
          return count;
        }
        return `(${temp(ev(inner, g, k, args), 'a')} as unknown[]).length`;
      }
      const values = e.args.map((a) => temp(ev(a, g, k, args), 'a'));
      const impl = g.constant(`builtin:${e.fn}`, (n) => `const ${n} = BUILTIN_IMPLS[${q(e.fn)}] as Builtin;`);
      return temp(`${impl}(ctx${values.map((v) => `, ${v}`).join('')})`);
    }
    case 'field': return `(${temp(ev(e.target, g, k, args))} as Registro)[${q(e.field)}]`;
    case 'not': return `!(${ev(e.operand, g, k, args)})`;
    case 'neg': {
      const v = ev(e.operand, g, k, args);
      return e.type.k === 'entero' ? `-${num(v)}` : `decNeg(${num(v)})`;
    }
    case 'exists': return `(${ev(e.operand, g, k, args)} !== undefined)`;
    case 'unwrap': {
      const v = temp(ev(e.operand, g, k, args));
      emit(g, `if (${v} === undefined) ${fail(k, failureConstant(g, `falta:${e.what}`, `faltaDato(${q(e.what)})`))}`);
      return v;
    }
    case 'to_dec': return `decFromInt(${num(ev(e.operand, g, k, args))})`;
    case 'if': {
      const r = g.fresh('r');
      emit(g, `let ${r}: unknown;`);
      const c = ev(e.condition, g, k, args);
      twoBlocks(g, `if (${c}) {`, () => emit(g, `${r} = ${ev(e.then, g, k, args)};`), '} else {', () => emit(g, `${r} = ${ev(e.else, g, k, args)};`));
      return r;
    }
    case 'set':
    case 'list': {
      const values = e.elements.map((x) => temp(ev(x, g, k, args), 'e'));
      return e.k === 'set' ? `conjunto([${values.join(', ')}])` : `[${values.join(', ')}]`;
    }
    case 'record': {
      const values = e.fields.map((f) => [f.name, temp(ev(f.value, g, k, args), 'e')] as const);
      return `{ ${values.map(([n, v]) => `${q(n)}: ${v}`).join(', ')} }`;
    }
    case 'quant': return quantifier(e, g, k, args);
    case 'bin': return binary(e, g, k, args);
  }
}

function binary(e: Extract<IR.Expr, { k: 'bin' }>, g: Gen, k: Catcher, args: string): string {
  if (e.op === 'and' || e.op === 'or') return threeValued(e, g, k, args);
  // Both operands are evaluated in order, each into a temporary, as the engine does.
  const hold = (x: IR.Expr) => {
    const v = ev(x, g, k, args);
    if (/^[\w$]+$/.test(v) || /^"/.test(v) || g.repeatable.has(v)) return v;
    const name = g.fresh('o');
    emit(g, `const ${name} = ${v};`);
    return name;
  };
  const l = hold(e.left);
  const r = hold(e.right);
  // Against a constant set of plain values («etapa en {EP, ESO}», «áreas = {LCL, MAT}»), compare
  // element by element instead of calling the generic helpers: sets are sorted arrays, so this
  // is the same test.
  const constantSet = (x: IR.Expr): unknown[] | undefined =>
    x.k === 'lit' && Array.isArray(x.value) && x.value.every((v) => typeof v !== 'object') ? (x.value as unknown[]) : undefined;
  const members = constantSet(e.right);
  if ((e.op === 'in' || e.op === 'not_in') && members && members.length <= 8) {
    const test = members.length ? `(${members.map((m) => `${l} === ${JSON.stringify(m)}`).join(' || ')})` : 'false';
    return e.op === 'in' ? test : `!${test}`;
  }
  const setOnRight = e.right.type.k === 'conjunto' ? members : undefined;
  if ((e.op === 'eq' || e.op === 'ne') && setOnRight && setOnRight.length <= 8) {
    const list = `(${l} as unknown[])`;
    const test = `(${list}.length === ${setOnRight.length}${setOnRight.map((m, i) => ` && ${list}[${i}] === ${JSON.stringify(m)}`).join('')})`;
    return e.op === 'eq' ? test : `!${test}`;
  }
  return emitOperation(e, l, r);
}

/**
 * «y» / «o» with the engine's three-valued logic (runtime/ops.ts, ladoIzquierdoIndeterminado):
 * the right side is evaluated only when the left side does not decide; an indeterminate left side
 * is rescued only by a right side equal to the absorbing value.
 */
/** `e` (which cannot fail) as one JavaScript expression, if it needs no statements; otherwise undefined, with nothing emitted. */
function asExpression(e: IR.Expr, g: Gen, args: string): string | undefined {
  const before = g.lines.length;
  const value = ev(e, g, NEVER, args);
  if (g.lines.length === before) return value;
  g.lines.length = before;
  return undefined;
}

function threeValued(e: Extract<IR.Expr, { k: 'bin' }>, g: Gen, k: Catcher, args: string): string {
  const absorbing = e.op === 'or';
  const r = g.fresh('r');
  if (!g.fallible.expr(e.left)) {
    // A left side that cannot be indeterminate: plain short-circuit — a JavaScript «&&»/«||» when
    // the right side needs no statements.
    const left = ev(e.left, g, k, args);
    const right = !g.fallible.expr(e.right) ? asExpression(e.right, g, args) : undefined;
    if (right !== undefined) return `(${left} ${absorbing ? '||' : '&&'} ${right})`;
    emit(g, `let ${r}: unknown = ${left};`);
    block(g, `if (${r} !== ${absorbing}) {`, () => emit(g, `${r} = ${ev(e.right, g, k, args)};`));
    return r;
  }
  emit(g, `let ${r}: unknown;`);
  const left = capture(e.left, g, args);
  const leftFailure = left.failure!;
  emit(g, `${r} = ${left.value};`);
  twoBlocks(
    g,
    `if (${leftFailure} !== undefined) {`,
    () => {
      emit(g, `if (!(${leftFailure} instanceof Indeterminacion)) ${fail(k, leftFailure)}`);
      const right = capture(e.right, g, args);
      const rescued = right.failure ? `${right.failure} === undefined && ${right.value} === ${absorbing}` : `${right.value} === ${absorbing}`;
      emit(g, `if (${rescued}) ${r} = ${absorbing}; else ${fail(k, leftFailure)}`);
    },
    `} else if (${r} !== ${absorbing}) {`,
    () => emit(g, `${r} = ${ev(e.right, g, k, args)};`),
  );
  return r;
}

/** todos / alguno / cuántos, as runtime/ops.ts's cuantificar. */
function quantifier(e: Extract<IR.Expr, { k: 'quant' }>, g: Gen, k: Catcher, args: string): string {
  const collection = g.fresh('c');
  emit(g, `const ${collection} = ${ev(e.collection, g, k, args)} as unknown[];`);
  const r = g.fresh('r');
  const unknown = g.fresh('u');
  const count = g.fresh('n');
  const done = g.fresh('Q');
  // The first unknown element's failure, kept only when the body can fail.
  const bodyFails = g.fallible.expr(e.body);
  emit(g, `let ${r}: unknown;`);
  if (bodyFails) emit(g, `let ${unknown}: unknown;`);
  emit(g, `let ${count} = 0;`);
  block(g, `${done}: {`, () => {
    const element = g.fresh('x');
    block(g, `for (const ${element} of ${collection}) {`, () => {
      const inner = g.fresh('args');
      emit(g, `const ${inner} = [...${args}.slice(0, ${e.index}), ${element}];`);
      const { value: bv, failure: bf } = capture(e.body, g, inner);
      if (bf) block(g, `if (${bf} !== undefined) {`, () => {
        emit(g, `if (!(${bf} instanceof Indeterminacion)) ${fail(k, bf)}`);
        if (e.quantifier === 'cuántos') emit(g, fail(k, bf));
        else {
          emit(g, `if (${unknown} === undefined) ${unknown} = ${bf};`);
          emit(g, 'continue;');
        }
      });
      if (e.quantifier === 'todos') emit(g, `if (${bv} === false) { ${r} = false; break ${done}; }`);
      if (e.quantifier === 'alguno') emit(g, `if (${bv} === true) { ${r} = true; break ${done}; }`);
      emit(g, `if (${bv} === true) ${count}++;`);
    });
    if (bodyFails) emit(g, `if (${unknown} !== undefined) ${fail(k, unknown)}`);
    emit(g, `${r} = ${e.quantifier === 'todos' ? 'true' : e.quantifier === 'alguno' ? 'false' : count};`);
  });
  return r;
}

/** Statements that compute `e`, returning its failure from the rule's function; the value's expression. */
function valueOrReturn(e: IR.Expr, g: Gen, args: string): string {
  return ev(e, g, g.fallible.expr(e) ? RETURN : NEVER, args);
}

function casesBody(d: IR.DefinitionIR, g: Gen): void {
  const cite = (c: IR.CitationIR | undefined) => {
    const json = JSON.stringify(citeOf(c));
    return json === undefined ? 'undefined' : g.constant(`cita:${json}`, (n) => `const ${n} = ${json};`);
  };
  const value = (v: IR.ValueIR, c: IR.CitationIR | undefined) => {
    if (v.k === 'indeterminado') return emit(g, `return ${failureConstant(g, `indeterminado:${v.reason}:${cite(c)}`, `new Indeterminacion(${q(v.reason)}, ${cite(c)})`)};`);
    emit(g, `return ${valueOrReturn(v.expr, g, 'NO_ARGS')};`);
  };
  const otherwise = () => {
    if (d.otherwise) value(d.otherwise.value, d.otherwise.citation);
    else emit(g, `return ${failureConstant(g, `ningún caso:${d.name}`, `ningunCaso(${q(d.name)})`)};`);
  };
  /**
   * Conditions that cannot fail and no «prevalece sobre»: the table is an if-chain. Case i is
   * reached only when every earlier condition was false; once it holds, only the later cases it
   * does not exclude can still apply — each of those that does is a conflict.
   */
  const ifChain = (entries: readonly { k: IR.CaseIR; i: number; condition: IR.Expr }[]) => {
    for (const [n, x] of entries.entries()) {
      const body = () => {
        const rivals = entries.slice(n + 1).filter((r) => !excludes(x.i, r.i)).map((r) => ({ ...r, held: g.fresh('a') }));
        for (const r of rivals) emit(g, `const ${r.held} = ${ev(r.condition, g, NEVER, 'NO_ARGS')};`);
        if (rivals.length) {
          block(g, `if (${rivals.map((r) => r.held).join(' || ')}) {`, () => {
            emit(g, `const casos: { caso: string; cita?: unknown }[] = [{ caso: ${q(x.k.id)}, cita: ${cite(x.k.citation)} }];`);
            for (const r of rivals) emit(g, `if (${r.held}) casos.push({ caso: ${q(r.k.id)}, cita: ${cite(r.k.citation)} });`);
            emit(g, `return conflictoDeCasos(casos as never);`);
          });
        }
        value(x.k.value, x.k.citation);
      };
      // A condition the split made certainly true ends the chain: nothing after it is reached.
      if (x.condition.k === 'lit' && x.condition.value === true) return body();
      block(g, `if (${ev(x.condition, g, NEVER, 'NO_ARGS')}) {`, body);
    }
    otherwise();
  };
  const excludes = casesExclude(d, g.program, g.fallible.expr);
  const noPriorities = d.cases.every((k) => k.dominates.length === 0);
  if (noPriorities && d.cases.every((k) => !g.fallible.expr(k.condition))) {
    const all = d.cases.map((k, i) => ({ k, i, condition: k.condition }));
    const split = discriminant(d, g.program);
    if (!split) return ifChain(all);
    // Split on one input first, as a decision tree: under each of its values, each condition is
    // simplified and the cases it rules out are dropped. Values with the same chain share it.
    const chains = new Map<string, { labels: unknown[]; entries: typeof all }>();
    for (const v of split.values) {
      const entries = all
        .map((x) => ({ ...x, condition: specialize(x.condition, split.name, v, g.program, g.fallible.expr) }))
        .filter((x) => !(x.condition.k === 'lit' && x.condition.value === false));
      const key = JSON.stringify(entries.map((x) => [x.i, x.condition]));
      const group = chains.get(key) ?? { labels: [], entries };
      group.labels.push(v);
      chains.set(key, group);
    }
    const groups = [...chains.values()].sort((a, b) => a.labels.length - b.labels.length);
    block(g, `switch (${g.input(split.name)}) {`, () => {
      groups.forEach((group, n) => {
        // The largest group is the default: the input is validated, so no other value comes.
        const labels = n === groups.length - 1 ? 'default:' : group.labels.map((l) => `case ${q(l)}:`).join(' ');
        block(g, `${labels} {`, () => ifChain(group.entries));
      });
    });
    return;
  }
  // Each condition: 1 applies, 0 does not, 2 unknown (its failure kept), as the engine's states.
  // A condition that an earlier applicable case makes certainly false is not evaluated.
  const exclusions = excludedBy(d, g.program, g.fallible.expr);
  d.cases.forEach((k, i) => {
    emit(g, `let s${i} = 0;`);
    emit(g, `let f${i}: unknown;`);
    const skip = exclusions[i]!.map((j) => `s${j} === 1`).join(' || ');
    twoBlocks(
      g,
      skip ? `if (!(${skip})) try {` : 'try {',
      () => {
        const { value: held } = capture(k.condition, g, 'NO_ARGS', `f${i}`);
        emit(g, `s${i} = f${i} !== undefined ? 2 : ${held} ? 1 : 0;`);
      },
      '} catch (e) {',
      () => {
        emit(g, `s${i} = 2;`);
        emit(g, `f${i} = e;`);
      },
    );
  });
  const displaced = (i: number) => {
    const by = d.cases.map((k, j) => (k.dominates.includes(d.cases[i]!.id) ? `s${j} === 1` : '')).filter(Boolean);
    return by.length ? `(${by.join(' || ')})` : 'false';
  };
  d.cases.forEach((_, i) => emit(g, `const d${i} = ${displaced(i)};`));
  d.cases.forEach((k, i) => emit(g, `if (s${i} === 2 && !d${i}) return falloDeCondicion(${q(k.id)}, ${cite(k.citation)}, f${i});`));
  if (d.cases.length) {
    emit(g, `const live = ${d.cases.map((_, i) => `(s${i} === 1 && !d${i} ? 1 : 0)`).join(' + ')};`);
    block(g, 'if (live > 1) {', () => {
      emit(g, `const casos: { caso: string; cita?: unknown }[] = [];`);
      d.cases.forEach((k, i) => emit(g, `if (s${i} === 1 && !d${i}) casos.push({ caso: ${q(k.id)}, cita: ${cite(k.citation)} });`));
      emit(g, `return conflictoDeCasos(casos as never);`);
    });
  }
  d.cases.forEach((k, i) => block(g, `if (s${i} === 1 && !d${i}) {`, () => value(k.value, k.citation)));
  otherwise();
}

function normBody(n: IR.NormIR, displacers: readonly string[], g: Gen): void {
  for (const other of displacers) {
    const dep = g.deps.get(other)!;
    if (g.fallible.rule(other)) emit(g, `if (${isFailure(dep, NORM)}) return leerFallo(${q(other)}, ${dep} as FalloRegla);`);
    emit(g, `if (${dep} !== 'no_aplica') return 'no_aplica';`);
  }
  if (n.applies) emit(g, `if (!(${valueOrReturn(n.applies, g, 'NO_ARGS')})) return 'no_aplica';`);
  const [met, unmet] = PALABRAS_MODALES[n.modality];
  emit(g, `return ${valueOrReturn(n.requirement, g, 'NO_ARGS')} ? ${q(met)} : ${q(unmet)};`);
}

/** Whether a rule's code reads the evaluation context: the date, the calendar or a built-in (as ev emits them). */
function ruleReadsContext(program: IR.Program, name: string): boolean {
  const d = program.definitions[name];
  const n = program.norms[name];
  const exprs = d
    ? [d.body?.expr, ...d.cases.flatMap((k) => [k.condition, k.value.k === 'value' ? k.value.expr : undefined]), d.otherwise?.value.k === 'value' ? d.otherwise.value.expr : undefined]
    : [n?.applies, n?.requirement];
  const reads = (x: IR.Expr): boolean => {
    if (x.k === 'bin' && (x.op === 'date_plus' || x.op === 'date_minus')) return true;
    if (x.k === 'builtin') {
      // número() is emitted in place, and so is número(intersección(a, {…})).
      if (x.fn !== 'número') return true;
      const counted = countedInPlace(x);
      if (counted) return reads(counted.collection);
    }
    return children(x).some(reads);
  };
  return exprs.some((e) => e !== undefined && reads(e));
}

/** The module text of the direct evaluators, to be appended to a generated module. */
export function directEvaluators(program: IR.Program, vocabulary: { enums: unknown; registros: unknown }): string[] {
  const deps = directRules(program);
  const fallible = fallibility(program, deps);
  const lines: string[] = ['', '// ---- Evaluadores directos: sin motor, sin memoria, sin traza; los fallos como valores ----'];
  // Constants (sets, citations, built-ins) go before the functions that use them.
  const { constant } = registries(lines, 'd');
  lines.push(`const NO_ARGS: readonly unknown[] = [];`);
  const names = [...deps.keys()];
  const index = new Map(names.map((n, i) => [n, i]));
  // The rules that read the date, the calendar or a built-in take the context (ruleReadsContext
  // mirrors what ev emits; the generated modules are type-checked, so a mismatch cannot pass).
  const needsContext = new Set(names.filter((n) => ruleReadsContext(program, n)));
  // A rule that reads only inputs, cannot fail and needs no context is computed lazily, by each
  // rule that reads it, when first needed: a table branch that never looks at it never pays for
  // it. (Two readers in one evaluation compute it twice; such rules are cheap leaves.)
  const lazy = new Set(names.filter((n) => deps.get(n)!.length === 0 && !fallible.rule(n) && !needsContext.has(n)));
  const eagerReads = (n: string) => deps.get(n)!.filter((r) => !lazy.has(r));
  // One function per rule, taking the case, the context if it needs one, and the values of the
  // rules it reads eagerly (computed before it).
  for (const name of names) {
    const reads = deps.get(name)!;
    const params = eagerReads(name).map((r) => `dep${index.get(r)}: unknown`);
    const memo = (r: string) => `(dep${index.get(r)} ??= R${index.get(r)}(caso))`;
    let counter = 0;
    const inputs = new Map<string, string>();
    const g: Gen = {
      lines: [],
      input: (n) => {
        let local = inputs.get(n);
        if (!local) inputs.set(n, (local = `in${inputs.size}`));
        return local;
      },
      indent: '    ',
      // Fresh names start with «_»: nothing else in a generated function does.
      fresh: (prefix) => `_${prefix}${counter++}`,
      constant,
      deps: new Map(reads.map((r) => [r, lazy.has(r) ? memo(r) : `dep${index.get(r)}`])),
      repeatable: new Set(reads.filter((r) => lazy.has(r)).map(memo)),
      fallible,
      program,
    };
    const d = program.definitions[name];
    if (d?.body) emit(g, `return ${valueOrReturn(d.body.expr, g, 'NO_ARGS')};`);
    else if (d) casesBody(d, g);
    else {
      const displacers = Object.values(program.norms).filter((o) => o.overrides.includes(name)).map((o) => o.name);
      normBody(program.norms[name]!, displacers, g);
    }
    // Reading an input cannot fail and has no effect: all of them are read up front.
    g.lines.unshift(
      ...[...inputs].map(([n, local]) => `    const ${local} = caso[${q(n)}];`),
      ...reads.filter((r) => lazy.has(r)).map((r) => `    let dep${index.get(r)}: unknown;`),
    );
    lines.push(`/** ${name}: su valor o su fallo (como valor). */`);
    lines.push(`function R${index.get(name)}(caso: Registro${needsContext.has(name) ? ', ctx: Directo' : ''}${params.map((p) => `, ${p}`).join('')}): unknown {`);
    if (fallible.rule(name)) {
      // An impossible calculation is thrown; the rule turns it into its failure, as the engine.
      lines.push('  try {', ...g.lines, '  } catch (failure) {', '    return comoFallo(failure);', '  }');
    } else lines.push(...g.lines.map((l) => l.slice(2)));
    lines.push('}');
  }
  const region = q(program.resolution?.calendario ?? 'ES');
  const festivos = program.resolution?.festivosLocales ? `, ${q(program.resolution.festivosLocales)}` : '';
  const vocabularyName = constant('vocabulario', (n) => `const ${n} = ${JSON.stringify(vocabulary)};`);
  const directos: string[] = [];
  for (const o of program.outputs) {
    if (o.kind === 'procedure' || !deps.has(o.name)) continue;
    // Dependencies first (a topological order of the closure of what the output reads).
    const order: string[] = [];
    const seen = new Set<string>();
    const visit = (n: string) => {
      if (seen.has(n)) return;
      seen.add(n);
      for (const r of deps.get(n)!) visit(r);
      order.push(n);
    };
    visit(o.name);
    const type = o.kind === 'norm' ? ({ k: 'enum', nombre: 'Cumplimiento' } as const) : program.definitions[o.name]!.type;
    const exportValue =
      type.k === 'horas' || type.k === 'euros' || type.k === 'decimal'
        ? `decToNumber(v as number)`
        : type.k === 'booleano' || type.k === 'entero' || type.k === 'enum' || type.k === 'texto'
          ? 'v'
          : `exportar(${JSON.stringify(type)}, v, ${vocabularyName} as never)`;
    const fname = `calcular_${o.name}`;
    lines.push(`/** ${o.name}: su resultado para un caso validado, sin traza (lo mismo que evaluar(…).resultados[${q(o.name)}]). */`);
    lines.push(`export function ${fname}(caso: CasoValidado, fecha?: number): Resultados[${q(o.name)}] {`);
    lines.push(`  const datos = caso as Registro;`);
    if (order.some((n) => needsContext.has(n))) lines.push(`  const ctx = new Directo(datos, fecha, ${region}${festivos});`);
    else lines.push(`  void fecha;`);
    for (const n of order) {
      if (lazy.has(n) && n !== o.name) continue;
      const i = index.get(n)!;
      lines.push(`  const v${i} = R${i}(datos${needsContext.has(n) ? ', ctx' : ''}${eagerReads(n).map((r) => `, v${index.get(r)}`).join('')});`);
    }
    lines.push(`  const v = v${index.get(o.name)};`);
    if (fallible.rule(o.name)) lines.push(`  if (${isFailure('v', type)}) return (v as FalloRegla).resultado() as Resultados[${q(o.name)}];`);
    lines.push(`  return { estado: 'valor', valor: ${exportValue} } as Resultados[${q(o.name)}];`);
    lines.push(`}`);
    directos.push(`  ${q(o.name)}: ${fname},`);
  }
  lines.push(`/** Los evaluadores directos por nombre de salida. */`);
  lines.push(`export const directos: Readonly<Record<string, (caso: CasoValidado, fecha?: number) => unknown>> = {\n${directos.join('\n')}\n};`);
  lines.push('');
  return lines;
}
