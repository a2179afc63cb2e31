/**
 * IR expression → TypeScript source. Must mean exactly what interpret/eval.ts does: same
 * evaluation order, same short-circuits, same runtime functions for every non-trivial operation.
 */
import type * as IR from '../ir/ir.ts';
import type { Tipo } from '../../runtime/types.ts';
import { children } from '../ir/walk.ts';

const q = JSON.stringify;

function literal(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** Values compared with === at run time (iguales would give the same answer, slower). */
function primitive(t: Tipo): boolean {
  return t.k !== 'conjunto' && t.k !== 'lista' && t.k !== 'registro' && t.k !== 'duración' && t.k !== 'opcional' && t.k !== 'error';
}


/** How references to other rules are spelt: through the engine's context, or as direct calls. */
export interface Refs {
  def(name: string): string;
  norm(name: string): string;
  /** The context's type in this mode (Contexto or the module's Memo). */
  readonly ctxType: string;
  /** Adds a module-level helper function and returns its name. */
  helper(body: (name: string) => string): string;
  /** A module-level constant, shared by every use with the same key; returns its name. */
  constant(key: string, code: (name: string) => string): string;
}

/** Helper and constant registries that write into `fns` (names prefixed to stay unique per registry). */
export function registries(fns: string[], prefix: string): Pick<Refs, 'helper' | 'constant'> {
  let count = 0;
  const constants = new Map<string, string>();
  return {
    helper: (body) => {
      const name = `${prefix}k${count++}`;
      fns.push(body(name));
      return name;
    },
    constant: (key, code) => {
      let name = constants.get(key);
      if (!name) {
        name = `${prefix}c${count++}`;
        constants.set(key, name);
        fns.push(code(name));
      }
      return name;
    },
  };
}

export function engineRefs(registry: Pick<Refs, 'helper' | 'constant'>): Refs {
  return { def: (name) => `ctx.definicion(${q(name)})`, norm: (name) => `ctx.norma(${q(name)})`, ctxType: 'Contexto', ...registry };
}

/** Whether evaluating `e` may throw an indeterminacy (so «y»/«o» need their three-valued form). */
export function mayBeUnknown(e: IR.Expr): boolean {
  switch (e.k) {
    case 'def': case 'norm': case 'call': case 'step': case 'unwrap': return true;
    case 'builtin': return e.fn === 'hoy' || e.args.some(mayBeUnknown);
    default: return children(e).some(mayBeUnknown);
  }
}

export function emitExpr(e: IR.Expr, refs: Refs): string {
  const emit = (x: IR.Expr) => emitExpr(x, refs);
  const num = (s: string) => `(${s} as number)`;
  switch (e.k) {
    case 'lit':
      // Sets, records and durations are built once per module, not on every evaluation (never mutated).
      return typeof e.value === 'object' && e.value !== null
        ? refs.constant(`lit:${JSON.stringify(e.value)}`, (n) => `const ${n}: unknown = ${literal(e.value)};`)
        : literal(e.value);
    case 'input': return `ctx.entradas[${q(e.name)}]`;
    case 'param': return `args[${e.index}]`;
    case 'def': return refs.def(e.name);
    case 'norm': return refs.norm(e.name);
    case 'step': return `ctx.fechaPaso(${q(e.procedure)}, ${q(e.step)})`;
    case 'call': return `ctx.llamar(${q(e.name)}, [${e.args.map(emit).join(', ')}])`;
    case 'builtin': {
      // One constant per built-in: each call site is then a plain, monomorphic function call.
      const impl = refs.constant(`builtin:${e.fn}`, (n) => `const ${n} = BUILTIN_IMPLS[${q(e.fn)}] as Builtin;`);
      return `${impl}(ctx${e.args.map((a) => `, ${emit(a)}`).join('')})`;
    }
    case 'field': return `(${emit(e.target)} as Registro)[${q(e.field)}]`;
    case 'not': return `!(${emit(e.operand)})`;
    case 'neg': return e.type.k === 'entero' ? `-${num(emit(e.operand))}` : `decNeg(${num(emit(e.operand))})`;
    case 'exists': return `(${emit(e.operand)} !== undefined)`;
    case 'quant': {
      // The bound variable is args[index]: the body runs with the arguments extended by the element.
      const body = emit(e.body);
      return `cuantificar(${q(e.quantifier)}, ${emit(e.collection)} as unknown[], (element) => ((args: readonly unknown[]) => ${body})([...args.slice(0, ${e.index}), element]))`;
    }
    case 'unwrap': return `requerido(${emit(e.operand)}, ${q(e.what)})`;
    case 'to_dec': return `decFromInt(${num(emit(e.operand))})`;
    case 'if': return `(${emit(e.condition)} ? ${emit(e.then)} : ${emit(e.else)})`;
    case 'set': return `conjunto([${e.elements.map(emit).join(', ')}])`;
    case 'list': return `[${e.elements.map(emit).join(', ')}]`;
    case 'record': return `{ ${e.fields.map((f) => `${q(f.name)}: ${emit(f.value)}`).join(', ')} }`;
    case 'bin': return binary(e, emit, refs);
  }
}

function binary(e: Extract<IR.Expr, { k: 'bin' }>, emit: (x: IR.Expr) => string, refs: Refs): string {
  const l = emit(e.left);
  const r = emit(e.right);
  switch (e.op) {
    case 'and':
    case 'or': {
      const js = e.op === 'and' ? '&&' : '||';
      if (!mayBeUnknown(e.left)) return `((${l} as boolean) ${js} (${r} as boolean))`;
      // Three-valued: an unknown left side may still be decided by the right (see runtime/ops.ts).
      const absorbing = e.op === 'or';
      const name = refs.helper(
        (n) =>
          `function ${n}(ctx: ${refs.ctxType}, args: readonly unknown[]): boolean {\n` +
          `  let left: boolean;\n` +
          `  try {\n    left = ${l} as boolean;\n  } catch (failure) {\n` +
          `    return ladoIzquierdoIndeterminado(failure, () => ${r}, ${absorbing});\n  }\n` +
          `  return left === ${absorbing} ? ${absorbing} : (${r} as boolean);\n}`,
      );
      return `${name}(ctx, args)`;
    }
    default: return emitOperation(e, l, r);
  }
}

/** The JavaScript of an arithmetic, comparison or membership operation on evaluated operands. */
export function emitOperation(e: Extract<IR.Expr, { k: 'bin' }>, l: string, r: string): string {
  const num = (x: string) => `(${x} as number)`;
  switch (e.op) {
    case 'eq': return primitive(e.left.type) && primitive(e.right.type) ? `(${l} === ${r})` : `iguales(${l}, ${r})`;
    case 'ne': return primitive(e.left.type) && primitive(e.right.type) ? `(${l} !== ${r})` : `!iguales(${l}, ${r})`;
    case 'lt': return `(${num(l)} < ${num(r)})`;
    case 'le': return `(${num(l)} <= ${num(r)})`;
    case 'gt': return `(${num(l)} > ${num(r)})`;
    case 'ge': return `(${num(l)} >= ${num(r)})`;
    case 'in': return `pertenece(${l}, ${r} as unknown[])`;
    case 'not_in': return `!pertenece(${l}, ${r} as unknown[])`;
    case 'add_int': return `(${num(l)} + ${num(r)})`;
    case 'sub_int': return `(${num(l)} - ${num(r)})`;
    case 'mul_int': return `(${num(l)} * ${num(r)})`;
    case 'add_dec': return `decAdd(${num(l)}, ${num(r)})`;
    case 'sub_dec': return `decSub(${num(l)}, ${num(r)})`;
    case 'mul_dec': return `decMul(${num(l)}, ${num(r)})`;
    case 'div_dec': return `decDiv(${num(l)}, ${num(r)})`;
    case 'date_plus': return `fechaMasDuracion(${num(l)}, ${r} as Duracion, ctx.calendario)`;
    case 'date_minus': return `fechaMenosDuracion(${num(l)}, ${r} as Duracion, ctx.calendario)`;
    case 'date_diff': return `(${num(l)} - ${num(r)})`; // = diasEntre(right, left), keeping left-to-right order
    case 'course_plus': return `cursoMasDuracion(${num(l)}, ${r} as Duracion, 1)`;
    case 'course_minus': return `cursoMasDuracion(${num(l)}, ${r} as Duracion, -1)`;
    case 'dur_times': return `duracionPor(${l} as Duracion, ${num(r)})`;
    case 'and':
    case 'or':
      throw new Error('«y»/«o» are emitted by each back end (they short-circuit)');
  }
}
