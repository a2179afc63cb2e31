/**
 * Tree-walking evaluation of typed IR expressions. Semantics to keep in step with codegen:
 * left-to-right, «y»/«o» short-circuit, an absent optional read throws «falta el dato».
 */
import type * as IR from '../ir/ir.ts';
import type { Contexto } from '../../runtime/engine.ts';
import { decAdd, decSub, decMul, decDiv, decFromInt, decNeg } from '../../runtime/decimal.ts';
import { diasEntre } from '../../runtime/dates.ts';
import type { Duracion } from '../../runtime/durations.ts';
import { iguales, pertenece, conjunto } from '../../runtime/values.ts';
import { BUILTIN_IMPLS, requerido, ladoIzquierdoIndeterminado, cuantificar, fechaMasDuracion, fechaMenosDuracion, cursoMasDuracion, duracionPor } from '../../runtime/ops.ts';

export function evalExpr(e: IR.Expr, ctx: Contexto, args: readonly unknown[]): unknown {
  switch (e.k) {
    case 'lit':
      return e.value;
    case 'input':
      return ctx.entradas[e.name];
    case 'param':
      return args[e.index];
    case 'def':
      return ctx.definicion(e.name);
    case 'norm':
      return ctx.norma(e.name);
    case 'step':
      return ctx.fechaPaso(e.procedure, e.step);
    case 'call':
      return ctx.llamar(e.name, e.args.map((a) => evalExpr(a, ctx, args)));
    case 'builtin': {
      const values = e.args.map((a) => evalExpr(a, ctx, args));
      return (BUILTIN_IMPLS[e.fn] as (...xs: unknown[]) => unknown)(ctx, ...values);
    }
    case 'field':
      return (evalExpr(e.target, ctx, args) as Record<string, unknown>)[e.field];
    case 'not':
      return !evalExpr(e.operand, ctx, args);
    case 'neg':
      return e.type.k === 'entero' ? -(evalExpr(e.operand, ctx, args) as number) : decNeg(evalExpr(e.operand, ctx, args) as number);
    case 'exists':
      return evalExpr(e.operand, ctx, args) !== undefined;
    case 'quant': {
      const elements = evalExpr(e.collection, ctx, args) as unknown[];
      return cuantificar(e.quantifier, elements, (element) => evalExpr(e.body, ctx, [...args.slice(0, e.index), element]));
    }
    case 'unwrap':
      return requerido(evalExpr(e.operand, ctx, args), e.what);
    case 'to_dec':
      return decFromInt(evalExpr(e.operand, ctx, args) as number);
    case 'if':
      return evalExpr(e.condition, ctx, args) ? evalExpr(e.then, ctx, args) : evalExpr(e.else, ctx, args);
    case 'set':
      return conjunto(e.elements.map((x) => evalExpr(x, ctx, args)));
    case 'list':
      return e.elements.map((x) => evalExpr(x, ctx, args));
    case 'record': {
      const out: Record<string, unknown> = {};
      for (const f of e.fields) out[f.name] = evalExpr(f.value, ctx, args);
      return out;
    }
    case 'bin':
      return binary(e, ctx, args);
  }
}

function binary(e: Extract<IR.Expr, { k: 'bin' }>, ctx: Contexto, args: readonly unknown[]): unknown {
  if (e.op === 'and' || e.op === 'or') {
    const absorbing = e.op === 'or';
    let left: boolean;
    try {
      left = evalExpr(e.left, ctx, args) as boolean;
    } catch (failure) {
      return ladoIzquierdoIndeterminado(failure, () => evalExpr(e.right, ctx, args), absorbing);
    }
    return left === absorbing ? absorbing : (evalExpr(e.right, ctx, args) as boolean);
  }
  const a = evalExpr(e.left, ctx, args);
  const b = evalExpr(e.right, ctx, args);
  switch (e.op) {
    case 'eq': return iguales(a, b);
    case 'ne': return !iguales(a, b);
    case 'lt': return (a as number) < (b as number);
    case 'le': return (a as number) <= (b as number);
    case 'gt': return (a as number) > (b as number);
    case 'ge': return (a as number) >= (b as number);
    case 'in': return pertenece(a, b as unknown[]);
    case 'not_in': return !pertenece(a, b as unknown[]);
    case 'add_int': return (a as number) + (b as number);
    case 'sub_int': return (a as number) - (b as number);
    case 'mul_int': return (a as number) * (b as number);
    case 'add_dec': return decAdd(a as number, b as number);
    case 'sub_dec': return decSub(a as number, b as number);
    case 'mul_dec': return decMul(a as number, b as number);
    case 'div_dec': return decDiv(a as number, b as number);
    case 'date_plus': return fechaMasDuracion(a as number, b as Duracion, ctx.calendario);
    case 'date_minus': return fechaMenosDuracion(a as number, b as Duracion, ctx.calendario);
    case 'date_diff': return diasEntre(b as number, a as number);
    case 'course_plus': return cursoMasDuracion(a as number, b as Duracion, 1);
    case 'course_minus': return cursoMasDuracion(a as number, b as Duracion, -1);
    case 'dur_times': return duracionPor(a as Duracion, b as number);
  }
}
