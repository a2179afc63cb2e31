/**
 * Type checking of expressions: resolves every name, infers every type and inserts the
 * implicit conversions (integer → exact decimal, optional → value with «falta el dato»).
 * Errors are reported and replaced by an `error`-typed node so one mistake gives one message.
 */
import type * as A from '../ast/ast.ts';
import type * as IR from '../ir/ir.ts';
import type { Tipo } from '../../runtime/types.ts';
import { CUMPLIMIENTO } from '../../runtime/types.ts';
import { error, warning, type Diagnostic, type Span } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../diagnostics/suggest.ts';
import type { Environment } from '../resolve/environment.ts';
import { BUILTINS, ALL_BUILTIN_NAMES } from './builtins.ts';
import * as T from './types.ts';
import { decFromString, decDiv, decFromInt } from '../../runtime/decimal.ts';
import { fechaDesdeTexto } from '../../runtime/dates.ts';
import type { Unidad } from '../../runtime/durations.ts';
import { conjunto } from '../../runtime/values.ts';

export interface Scope {
  /** Parameters of the definition, then the variables bound by todos/alguno/cuántos («local»). */
  readonly params: readonly { readonly name: string; readonly type: Tipo; readonly local?: boolean }[];
  /** Steps of the procedure being checked: their names stand for the date they were done. */
  readonly steps?: readonly string[];
  readonly procedure?: string;
  /** Collects the names read, for the trace's data. */
  readonly reads: IR.Read[];
  /** Test data are constants: inputs and definitions cannot be read there. */
  readonly constantOnly?: boolean;
}

export interface Checker {
  readonly env: Environment;
  readonly diagnostics: Diagnostic[];
  readonly typeOfInput: (name: string) => Tipo;
  readonly typeOfDefinition: (name: string) => { params: readonly Tipo[]; result: Tipo } | undefined;
}

const DURATION_UNITS: Record<string, Unidad> = { semanas: 'semanas', meses: 'meses', años: 'anios', cursos: 'cursos' };

function err(c: Checker, code: string, message: string, span: Span, extra?: { hint?: string; labels?: { span: Span; message: string }[] }): IR.Expr {
  c.diagnostics.push(error(code, message, span, extra));
  return { k: 'lit', type: T.ERROR, value: undefined, span };
}

function addRead(scope: Scope, read: IR.Read): void {
  if (!scope.reads.some((r) => r.name === read.name && r.kind === read.kind)) scope.reads.push(read);
}

/** Converts `e` to `target` where the language allows it implicitly, or reports a mismatch. */
export function coerce(c: Checker, e: IR.Expr, target: Tipo, context: string): IR.Expr {
  const from = e.type;
  if (from.k === 'error' || target.k === 'error' || T.same(from, target)) return e;
  if (target.k === 'opcional') return coerce(c, e, target.de, context);
  if (from.k === 'opcional') return coerce(c, unwrap(e), target, context);
  if (from.k === 'entero' && target.k === 'decimal') return { k: 'to_dec', operand: e, type: target, span: e.span };
  // A bare number literal takes the unit of its context: «horas_previstas <= 5».
  if (e.k === 'lit' && T.isDecimal(target) && target.k !== 'porcentaje' && (from.k === 'entero' || from.k === 'decimal')) {
    const value = from.k === 'entero' ? decFromInt(e.value as number) : (e.value as number);
    return { k: 'lit', type: target, value, span: e.span };
  }
  if (T.isCollection(from) && T.isCollection(target) && from.k === target.k && from.de.k === 'error') return { ...e, type: target } as IR.Expr;
  if (from.k === 'lista' && target.k === 'conjunto' && e.k === 'list') return e;
  c.diagnostics.push(
    error('tipo-incompatible', `${context}: se esperaba ${T.show(target)} y la expresión es de tipo ${T.show(from)}.`, e.span),
  );
  return { k: 'lit', type: T.ERROR, value: undefined, span: e.span };
}

export function unwrap(e: IR.Expr): IR.Expr {
  if (e.type.k !== 'opcional') return e;
  return { k: 'unwrap', operand: e, what: describe(e), type: e.type.de, span: e.span };
}

function describe(e: IR.Expr): string {
  switch (e.k) {
    case 'input':
    case 'def':
    case 'param':
      return e.name;
    case 'field':
      return `${describe(e.target)}.${e.field}`;
    case 'step':
      return `fecha de realización de «${e.step}»`;
    default:
      return 'un dato opcional';
  }
}

export function checkExpr(c: Checker, e: A.Expr, scope: Scope, expected?: Tipo): IR.Expr {
  switch (e.kind) {
    case 'number':
      return numberLiteral(c, e);
    case 'date':
      try {
        return { k: 'lit', type: T.DATE, value: fechaDesdeTexto(e.text), span: e.span };
      } catch (failure) {
        return err(c, 'fecha-no-valida', (failure as Error).message, e.span);
      }
    case 'string':
      return { k: 'lit', type: T.TEXT, value: e.value, span: e.span };
    case 'bool':
      return { k: 'lit', type: T.BOOL, value: e.value, span: e.span };
    case 'name':
      return nameRef(c, e.name, scope, expected);
    case 'field':
      return fieldRef(c, e, scope);
    case 'call':
      return call(c, e, scope);
    case 'not': {
      const operand = coerce(c, checkExpr(c, e.operand, scope, T.BOOL), T.BOOL, '«no»');
      return { k: 'not', operand, type: T.BOOL, span: e.span };
    }
    case 'negate': {
      const operand = unwrap(checkExpr(c, e.operand, scope));
      if (!T.isNumeric(operand.type) && operand.type.k !== 'error') return err(c, 'tipo-incompatible', `No se puede cambiar de signo un valor de tipo ${T.show(operand.type)}.`, e.span);
      return { k: 'neg', operand, type: operand.type, span: e.span };
    }
    case 'binary':
      return binary(c, e, scope);
    case 'if': {
      const condition = coerce(c, checkExpr(c, e.condition, scope, T.BOOL), T.BOOL, 'La condición de «si»');
      const thenE = checkExpr(c, e.then, scope, expected);
      const elseE = checkExpr(c, e.else, scope, expected ?? thenE.type);
      const [a, b, type] = unify(c, thenE, elseE, 'Las dos ramas de «si … entonces … si no …»');
      return { k: 'if', condition, then: a, else: b, type, span: e.span };
    }
    case 'exists': {
      const operand = checkExpr(c, e.operand, scope);
      if (operand.type.k !== 'opcional' && operand.type.k !== 'error') {
        c.diagnostics.push(warning('existe-innecesario', `«${describe(operand)}» no es opcional: «existe» siempre es verdadero.`, e.span));
      }
      return { k: 'exists', operand, type: T.BOOL, span: e.span };
    }
    case 'quantifier': {
      const collection = unwrap(checkExpr(c, e.collection, scope));
      if (collection.type.k === 'error') return collection;
      if (!T.isCollection(collection.type)) return err(c, 'tipo-incompatible', `«${e.quantifier}» recorre un conjunto o una lista, no ${T.show(collection.type)}.`, e.collection.span);
      // Later bindings shadow earlier ones: look names up from the end.
      const inner: Scope = { ...scope, params: [...scope.params, { name: e.variable.text, type: collection.type.de, local: true }] };
      const index = inner.params.length - 1;
      const found = inner.params.findIndex((p) => p.name === e.variable.text);
      if (found !== index) {
        c.diagnostics.push(error('variable-repetida', `«${e.variable.text}» ya es un parámetro o una variable en este punto: elige otro nombre.`, e.variable.span));
      }
      const body = coerce(c, checkExpr(c, e.body, inner, T.BOOL), T.BOOL, `La condición de «${e.quantifier}»`);
      return { k: 'quant', quantifier: e.quantifier, index, collection, body, type: e.quantifier === 'cuántos' ? T.INT : T.BOOL, span: e.span };
    }
    case 'set':
    case 'list': {
      const hint = expected && T.isCollection(T.strip(expected)) ? (T.strip(expected) as { de: Tipo }).de : undefined;
      const elements = e.elements.map((x) => checkExpr(c, x, scope, hint));
      let elementType: Tipo = hint ?? elements[0]?.type ?? T.ERROR;
      if (!hint && elements.some((x) => x.type.k === 'decimal')) elementType = T.DEC;
      const coerced = elements.map((x) => coerce(c, x, elementType, e.kind === 'set' ? 'Un elemento del conjunto' : 'Un elemento de la lista'));
      // A set of constants ({EP, ESO}) is built once, here, not on every evaluation.
      if (e.kind === 'set' && coerced.every((x) => x.k === 'lit' && x.type.k !== 'error')) {
        return { k: 'lit', type: T.set(elementType), value: conjunto(coerced.map((x) => (x as { value: unknown }).value)), span: e.span };
      }
      return { k: e.kind, elements: coerced, type: e.kind === 'set' ? T.set(elementType) : T.list(elementType), span: e.span };
    }
    case 'record': {
      const target = expected && T.strip(expected);
      if (!target || target.k !== 'registro') return err(c, 'registro-sin-tipo', 'No se sabe de qué registro es este valor: úsalo donde se espere un registro.', e.span);
      const info = c.env.records.get(target.nombre);
      const fields: { name: string; value: IR.Expr }[] = [];
      for (const f of e.fields) {
        const decl = info?.decl.fields.find((d) => d.name.text === f.key.text);
        if (!decl) {
          err(c, 'campo-desconocido', `El registro ${target.nombre} no tiene el campo «${f.key.text}».`, f.key.span, {
            hint: didYouMean(f.key.text, info?.decl.fields.map((d) => d.name.text) ?? []),
          });
          continue;
        }
        const fieldType = c.typeOfInput(`${target.nombre}.${f.key.text}`);
        fields.push({ name: f.key.text, value: coerce(c, checkExpr(c, f.value, scope, fieldType), fieldType, `El campo «${f.key.text}»`) });
      }
      for (const d of info?.decl.fields ?? []) {
        const fieldType = c.typeOfInput(`${target.nombre}.${d.name.text}`);
        if (fieldType.k !== 'opcional' && !e.fields.some((f) => f.key.text === d.name.text)) {
          err(c, 'campo-obligatorio', `Falta el campo obligatorio «${d.name.text}» del registro ${target.nombre}.`, e.span);
        }
      }
      return { k: 'record', fields, type: target, span: e.span };
    }
  }
}

function numberLiteral(c: Checker, e: Extract<A.Expr, { kind: 'number' }>): IR.Expr {
  const isInteger = !e.text.includes('.');
  const unit = e.unit?.toLowerCase();
  const span = e.span;
  if (unit === undefined) {
    if (isInteger) return { k: 'lit', type: T.INT, value: Number(e.text), span };
    return { k: 'lit', type: T.DEC, value: decFromString(e.text), span };
  }
  if (unit === '%') return { k: 'lit', type: T.t('porcentaje'), value: decDiv(decFromString(e.text), decFromInt(100)), span };
  if (unit === '€' || unit === 'euros' || unit === 'euro') return { k: 'lit', type: T.t('euros'), value: decFromString(e.text), span };
  if (unit === 'hora' || unit === 'horas') return { k: 'lit', type: T.t('horas'), value: decFromString(e.text), span };
  if (!isInteger) return err(c, 'duracion-no-entera', 'Una duración se expresa en unidades enteras (p. ej. «1 mes», «15 días naturales»).', span);
  const amount = Number(e.text);
  const folded = unit.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (folded === 'dia' || folded === 'dias') {
    const modifier = e.unitModifier?.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (modifier === 'naturales' || modifier === 'natural') return { k: 'lit', type: T.DURATION, value: { cantidad: amount, unidad: 'dias_naturales' }, span };
    if (modifier === 'habiles' || modifier === 'habil') return { k: 'lit', type: T.DURATION, value: { cantidad: amount, unidad: 'dias_habiles' }, span };
    return err(c, 'dias-ambiguos', `«${e.text} ${e.unit}»: indica si son días naturales o días hábiles.`, span, {
      hint: 'La Ley 39/2015 (art. 30.2) entiende «días» como hábiles salvo que se diga otra cosa; el texto de la norma debe decidirlo: escribe «días naturales» o «días hábiles».',
    });
  }
  const canonical = unit === 'hora' ? 'horas' : ({ semana: 'semanas', mes: 'meses', meses: 'meses', año: 'años', ano: 'años', anos: 'años', curso: 'cursos' } as Record<string, string>)[unit] ?? unit;
  const unidad = DURATION_UNITS[canonical];
  if (!unidad) return err(c, 'unidad-desconocida', `Unidad desconocida «${e.unit}».`, span);
  return { k: 'lit', type: T.DURATION, value: { cantidad: amount, unidad }, span };
}

function nameRef(c: Checker, name: A.Name, scope: Scope, expected?: Tipo): IR.Expr {
  const text = name.text;
  const span = name.span;
  const param = scope.params.findIndex((p) => p.name === text);
  if (param >= 0) {
    const type = scope.params[param]!.type;
    // A bound variable changes on every element: the trace shows the collection instead.
    if (!scope.params[param]!.local) addRead(scope, { name: text, kind: 'param', index: param, type });
    return { k: 'param', name: text, index: param, type, span };
  }
  if (scope.steps?.includes(text) && scope.procedure) {
    return { k: 'step', procedure: scope.procedure, step: text, type: T.optional(T.DATE), span };
  }
  // A bare enumeration value, when the context or the vocabulary makes it unambiguous.
  const expectedEnum = expected && T.strip(expected);
  if (expectedEnum?.k === 'enum' && enumHas(c, expectedEnum.nombre, text)) return { k: 'lit', type: expectedEnum, value: text, span };
  if (!scope.constantOnly) {
    if (c.env.inputs.has(text)) {
      const type = c.typeOfInput(text);
      addRead(scope, { name: text, kind: 'input', type });
      return { k: 'input', name: text, type, span };
    }
    const def = c.env.definitions.get(text);
    if (def) {
      const sig = c.typeOfDefinition(text)!;
      if (sig.params.length > 0) return err(c, 'faltan-argumentos', `«${text}» necesita ${sig.params.length} argumento(s): ${text}(…).`, span);
      addRead(scope, { name: text, kind: 'def', type: sig.result });
      return { k: 'def', name: text, type: sig.result, span };
    }
    if (c.env.norms.has(text)) {
      const type = T.enumType(CUMPLIMIENTO.nombre);
      addRead(scope, { name: text, kind: 'norm', type });
      return { k: 'norm', name: text, type, span };
    }
    if (text === 'hoy') return { k: 'builtin', fn: 'hoy', args: [], type: T.DATE, span };
  }
  const owners = c.env.variants.get(text);
  if (owners?.length === 1) return { k: 'lit', type: T.enumType(owners[0]!), value: text, span };
  if (owners && owners.length > 1) {
    return err(c, 'valor-ambiguo', `«${text}» es un valor de varias enumeraciones (${owners.join(', ')}).`, span, {
      hint: `Escribe el nombre completo, p. ej. «${owners[0]}.${text}».`,
    });
  }
  if (scope.constantOnly && (c.env.inputs.has(text) || c.env.definitions.has(text))) {
    return err(c, 'no-constante', `En los datos de una prueba solo caben valores, no «${text}».`, span);
  }
  const candidates = [
    ...scope.params.map((p) => p.name),
    ...(scope.steps ?? []),
    ...(scope.constantOnly ? [] : [...c.env.inputs.keys(), ...c.env.definitions.keys(), ...c.env.norms.keys(), 'hoy']),
    ...c.env.variants.keys(),
  ];
  return err(c, 'nombre-desconocido', `No se conoce el nombre «${text}».`, span, { hint: didYouMean(text, candidates) });
}

function enumHas(c: Checker, enumName: string, variant: string): boolean {
  return c.env.variants.get(variant)?.includes(enumName) ?? false;
}

function fieldRef(c: Checker, e: Extract<A.Expr, { kind: 'field' }>, scope: Scope): IR.Expr {
  // Etapa.EI: a qualified enumeration value.
  if (e.target.kind === 'name' && c.env.enums.has(e.target.name.text)) {
    const enumName = e.target.name.text;
    if (enumHas(c, enumName, e.field.text)) return { k: 'lit', type: T.enumType(enumName), value: e.field.text, span: e.span };
    const variants = [...c.env.variants.entries()].filter(([, owners]) => owners.includes(enumName)).map(([v]) => v);
    return err(c, 'valor-desconocido', `${enumName} no tiene el valor «${e.field.text}».`, e.field.span, { hint: didYouMean(e.field.text, variants) ?? `Valores: ${variants.join(', ')}.` });
  }
  // procedimiento.paso: the date the step was done.
  if (e.target.kind === 'name' && c.env.procedures.has(e.target.name.text)) {
    const proc = c.env.procedures.get(e.target.name.text)!.decl;
    if (!proc.steps.some((s) => s.name.text === e.field.text)) {
      return err(c, 'paso-desconocido', `El procedimiento «${proc.name.text}» no tiene el paso «${e.field.text}».`, e.field.span, {
        hint: didYouMean(e.field.text, proc.steps.map((s) => s.name.text)),
      });
    }
    return { k: 'step', procedure: proc.name.text, step: e.field.text, type: T.optional(T.DATE), span: e.span };
  }
  const target = unwrap(checkExpr(c, e.target, scope));
  if (target.type.k === 'error') return target;
  if (target.type.k !== 'registro') return err(c, 'no-es-registro', `Un valor de tipo ${T.show(target.type)} no tiene campos.`, e.field.span);
  const record = c.env.records.get(target.type.nombre);
  const field = record?.decl.fields.find((f) => f.name.text === e.field.text);
  if (!field) {
    return err(c, 'campo-desconocido', `El registro ${target.type.nombre} no tiene el campo «${e.field.text}».`, e.field.span, {
      hint: didYouMean(e.field.text, record?.decl.fields.map((f) => f.name.text) ?? []),
    });
  }
  return { k: 'field', target, field: e.field.text, type: c.typeOfInput(`${target.type.nombre}.${e.field.text}`), span: e.span };
}

function call(c: Checker, e: Extract<A.Expr, { kind: 'call' }>, scope: Scope): IR.Expr {
  const name = e.callee.text;
  const span = e.span;
  const def = scope.constantOnly ? undefined : c.typeOfDefinition(name);
  if (def) {
    if (def.params.length !== e.args.length) return err(c, 'numero-de-argumentos', `«${name}» recibe ${def.params.length} argumento(s) y se le dan ${e.args.length}.`, span);
    const args = e.args.map((a, i) => coerce(c, checkExpr(c, a, scope, def.params[i]), def.params[i]!, `El argumento ${i + 1} de «${name}»`));
    return { k: 'call', name, args, type: def.result, span };
  }
  const builtin = BUILTINS[name];
  if (builtin) {
    if (builtin.params.length !== e.args.length) return err(c, 'numero-de-argumentos', `«${name}» recibe ${builtin.params.length} argumento(s) y se le dan ${e.args.length}.`, span, { hint: builtin.doc });
    const args = e.args.map((a, i) => coerce(c, checkExpr(c, a, scope, builtin.params[i]), builtin.params[i]!, `El argumento ${i + 1} de «${name}»`));
    return { k: 'builtin', fn: name, args, type: builtin.result, span };
  }
  const args = e.args.map((a) => unwrap(checkExpr(c, a, scope)));
  const arity = (n: number) => (args.length === n ? undefined : err(c, 'numero-de-argumentos', `«${name}» recibe ${n} argumento(s).`, span));
  switch (name) {
    case 'número': {
      const bad = arity(1);
      if (bad) return bad;
      if (!T.isCollection(args[0]!.type) && args[0]!.type.k !== 'error') return err(c, 'tipo-incompatible', '«número» cuenta los elementos de un conjunto o una lista.', span);
      return { k: 'builtin', fn: 'número', args, type: T.INT, span };
    }
    case 'unión':
    case 'intersección':
    case 'diferencia': {
      const bad = arity(2);
      if (bad) return bad;
      const [a, b, type] = unify(c, args[0]!, args[1]!, `Los conjuntos de «${name}»`);
      if (type.k !== 'conjunto' && type.k !== 'error') return err(c, 'tipo-incompatible', `«${name}» opera con conjuntos.`, span);
      return { k: 'builtin', fn: name, args: [a, b], type, span };
    }
    case 'mínimo':
    case 'máximo': {
      const bad = arity(2);
      if (bad) return bad;
      const [a, b, type] = unify(c, args[0]!, args[1]!, `Los valores de «${name}»`);
      if (!T.isOrdered(type) && type.k !== 'error') return err(c, 'tipo-incompatible', `«${name}» compara números o fechas.`, span);
      return { k: 'builtin', fn: T.isDecimal(type) ? `${name}_dec` : name, args: [a, b], type, span };
    }
    case 'suma': {
      const bad = arity(1);
      if (bad) return bad;
      const type = args[0]!.type;
      if (!T.isCollection(type) || !T.isNumeric(type.de)) return err(c, 'tipo-incompatible', '«suma» suma una lista de números.', span);
      return { k: 'builtin', fn: T.isDecimal(type.de) ? 'suma_dec' : 'suma', args, type: type.de, span };
    }
  }
  const candidates = [...ALL_BUILTIN_NAMES, ...c.env.definitions.keys()];
  return err(c, 'funcion-desconocida', `No se conoce la función «${name}».`, e.callee.span, { hint: didYouMean(name, candidates) });
}

/** Brings two operands to a common type (integer → decimal, literal → unit), or reports. */
function unify(c: Checker, a: IR.Expr, b: IR.Expr, context: string): [IR.Expr, IR.Expr, Tipo] {
  a = unwrap(a);
  b = unwrap(b);
  if (a.type.k === 'error' || b.type.k === 'error') return [a, b, a.type.k === 'error' ? b.type : a.type];
  if (T.same(a.type, b.type)) return [a, b, a.type];
  if (T.isNumeric(a.type) && T.isNumeric(b.type)) {
    if (a.type.k === 'entero' || (a.k === 'lit' && a.type.k === 'decimal')) return [coerce(c, a, b.type, context), b, b.type];
    if (b.type.k === 'entero' || (b.k === 'lit' && b.type.k === 'decimal')) return [a, coerce(c, b, a.type, context), a.type];
  }
  if (T.isCollection(a.type) && T.isCollection(b.type)) {
    if (a.type.de.k === 'error') return [{ ...a, type: b.type } as IR.Expr, b, b.type];
    if (b.type.de.k === 'error') return [a, { ...b, type: a.type } as IR.Expr, a.type];
  }
  c.diagnostics.push(error('tipo-incompatible', `${context} no son del mismo tipo: ${T.show(a.type)} y ${T.show(b.type)}.`, { ...a.span, end: b.span.end }));
  return [a, b, T.ERROR];
}

function binary(c: Checker, e: Extract<A.Expr, { kind: 'binary' }>, scope: Scope): IR.Expr {
  const span = e.span;
  const mk = (op: IR.Op, left: IR.Expr, right: IR.Expr, type: Tipo): IR.Expr => ({ k: 'bin', op, left, right, type, span });
  switch (e.op) {
    case 'y':
    case 'o': {
      const word = e.op === 'y' ? '«y»' : '«o»';
      const left = coerce(c, checkExpr(c, e.left, scope, T.BOOL), T.BOOL, `El lado izquierdo de ${word}`);
      const right = coerce(c, checkExpr(c, e.right, scope, T.BOOL), T.BOOL, `El lado derecho de ${word}`);
      return mk(e.op === 'y' ? 'and' : 'or', left, right, T.BOOL);
    }
    case '=':
    case '≠': {
      const left = checkExpr(c, e.left, scope);
      const right = checkExpr(c, e.right, scope, left.type);
      const [a, b] = unify(c, left, right, 'Los dos lados de la comparación');
      return mk(e.op === '=' ? 'eq' : 'ne', a, b, T.BOOL);
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const left = checkExpr(c, e.left, scope);
      const right = checkExpr(c, e.right, scope, left.type);
      const [a, b, type] = unify(c, left, right, 'Los dos lados de la comparación');
      if (!T.isOrdered(type) && type.k !== 'error') return err(c, 'tipo-incompatible', `No se pueden ordenar valores de tipo ${T.show(type)}.`, span);
      const op = ({ '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const)[e.op];
      return mk(op, a, b, T.BOOL);
    }
    case 'en':
    case 'no en': {
      // The element's type drives the collection's: in «x en {TDAH, DEA}» the values are read as
      // values of x's enumeration. When the element alone has no type (a bare value), the
      // collection's type is used instead («LCL en áreas_adaptadas»).
      const tentative = { ...c, diagnostics: [] as Diagnostic[] };
      const leftFirst = unwrap(checkExpr(tentative, e.left, { ...scope, reads: [] }));
      let left: IR.Expr;
      let right: IR.Expr;
      if (tentative.diagnostics.length === 0 && leftFirst.type.k !== 'error') {
        left = unwrap(checkExpr(c, e.left, scope));
        right = unwrap(checkExpr(c, e.right, scope, T.set(left.type)));
      } else {
        right = unwrap(checkExpr(c, e.right, scope));
        left = checkExpr(c, e.left, scope, T.isCollection(right.type) ? right.type.de : undefined);
      }
      if (right.type.k === 'error' || left.type.k === 'error') return { ...right, type: T.ERROR } as IR.Expr;
      if (!T.isCollection(right.type)) return err(c, 'tipo-incompatible', `«${e.op}» necesita un conjunto o una lista a la derecha, no ${T.show(right.type)}.`, e.right.span);
      const element = right.type.de;
      left = coerce(c, left, element, `El elemento de «${e.op}»`);
      return mk(e.op === 'en' ? 'in' : 'not_in', left, right, T.BOOL);
    }
    case '+':
    case '-': {
      const left = unwrap(checkExpr(c, e.left, scope));
      const right = unwrap(checkExpr(c, e.right, scope, left.type));
      if (left.type.k === 'error' || right.type.k === 'error') return { ...left, type: T.ERROR };
      if (left.type.k === 'fecha' && right.type.k === 'duración') return mk(e.op === '+' ? 'date_plus' : 'date_minus', left, right, T.DATE);
      if (left.type.k === 'fecha' && right.type.k === 'fecha' && e.op === '-') return mk('date_diff', left, right, T.INT);
      if (left.type.k === 'curso_escolar' && right.type.k === 'duración') return mk(e.op === '+' ? 'course_plus' : 'course_minus', left, right, T.COURSE);
      if (T.isNumeric(left.type) && T.isNumeric(right.type)) {
        const [a, b, type] = unify(c, left, right, `Los dos lados de «${e.op}»`);
        if (type.k === 'entero') return mk(e.op === '+' ? 'add_int' : 'sub_int', a, b, type);
        return mk(e.op === '+' ? 'add_dec' : 'sub_dec', a, b, type);
      }
      return err(c, 'tipo-incompatible', `No se puede ${e.op === '+' ? 'sumar' : 'restar'} ${T.show(right.type)} ${e.op === '+' ? 'a' : 'de'} ${T.show(left.type)}.`, span);
    }
    case '*': {
      const left = unwrap(checkExpr(c, e.left, scope));
      const right = unwrap(checkExpr(c, e.right, scope));
      if (left.type.k === 'error' || right.type.k === 'error') return { ...left, type: T.ERROR };
      if (left.type.k === 'duración' && right.type.k === 'entero') return mk('dur_times', left, right, T.DURATION);
      if (left.type.k === 'entero' && right.type.k === 'duración') return mk('dur_times', right, left, T.DURATION);
      if (left.type.k === 'entero' && right.type.k === 'entero') return mk('mul_int', left, right, T.INT);
      if (T.isNumeric(left.type) && T.isNumeric(right.type)) {
        const dimension = (x: Tipo) => x.k === 'euros' || x.k === 'horas';
        if (dimension(left.type) && dimension(right.type)) return err(c, 'tipo-incompatible', `No se pueden multiplicar ${T.show(left.type)} por ${T.show(right.type)}.`, span);
        const type = dimension(left.type) ? left.type : dimension(right.type) ? right.type : T.DEC;
        return mk('mul_dec', toDec(left), toDec(right), type);
      }
      return err(c, 'tipo-incompatible', `No se puede multiplicar ${T.show(left.type)} por ${T.show(right.type)}.`, span);
    }
    case '/': {
      const left = unwrap(checkExpr(c, e.left, scope));
      const right = unwrap(checkExpr(c, e.right, scope));
      if (left.type.k === 'error' || right.type.k === 'error') return { ...left, type: T.ERROR };
      if (T.isNumeric(left.type) && T.isNumeric(right.type)) {
        const sameUnit = T.same(left.type, right.type) && left.type.k !== 'entero';
        const type = sameUnit || !(left.type.k === 'euros' || left.type.k === 'horas') ? T.DEC : left.type;
        return mk('div_dec', toDec(left), toDec(right), type);
      }
      return err(c, 'tipo-incompatible', `No se puede dividir ${T.show(left.type)} entre ${T.show(right.type)}.`, span);
    }
  }
}

function toDec(e: IR.Expr): IR.Expr {
  return e.type.k === 'entero' ? { k: 'to_dec', operand: e, type: T.DEC, span: e.span } : e;
}

