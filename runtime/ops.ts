/**
 * Operations and built-in functions as the evaluators run them. The interpreter calls these
 * through a table; generated code calls them by name. Keeping one implementation is what
 * makes the two back ends agree.
 */
import { decAdd, decSub, decMul, decDiv, decFromInt, decMin, decMax, type Dec } from './decimal.ts';
import { anioDe, mesDe, diaDe, diaSemana, finDeMes, inicioDeMes, diasEntre, fechaDesdeComponentes, type Fecha } from './dates.ts';
import { sumarDuracion, finDePlazo, type Duracion } from './durations.ts';
import { cursoEscolarDe, inicioCurso, finCurso, edadEn, edadAlFinalDelAnio, finDePlazoLectivo, type PeriodoLectivo } from './school.ts';
import type { Calendario } from './calendar.ts';
import { ConflictoEntreCasos, Indeterminacion, faltaDato, sinFechaDeEvaluacion } from './result.ts';
import { iguales, pertenece, union, interseccion, diferencia } from './values.ts';

export { iguales, pertenece };

export function fechaMasDuracion(f: Fecha, d: Duracion, cal: Calendario): Fecha {
  return sumarDuracion(f, d, cal);
}

export function fechaMenosDuracion(f: Fecha, d: Duracion, cal: Calendario): Fecha {
  return sumarDuracion(f, { cantidad: -d.cantidad, unidad: d.unidad }, cal);
}

export function cursoMasDuracion(c: number, d: Duracion, sign: 1 | -1): number {
  if (d.unidad !== 'cursos' && d.unidad !== 'anios') throw new RangeError(`a un curso escolar solo se le suman cursos o años, no ${d.unidad}`);
  return c + sign * d.cantidad;
}

export function duracionPor(d: Duracion, n: number): Duracion {
  return { cantidad: d.cantidad * n, unidad: d.unidad };
}

export function sumaEnteros(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

export function sumaDecimales(xs: readonly Dec[]): Dec {
  let total = 0;
  for (const x of xs) total = decAdd(total, x);
  return total;
}

/** An optional value read where a value is needed: absent → indeterminado «falta el dato». */
export function requerido<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw faltaDato(what);
  return v;
}

export function hoy(fecha: Fecha | undefined): Fecha {
  if (fecha === undefined) throw sinFechaDeEvaluacion();
  return fecha;
}

export function edadEnFecha(nacimiento: Fecha, f: Fecha): number {
  if (f < nacimiento) throw new RangeError('la fecha es anterior al nacimiento');
  return edadEn(nacimiento, f);
}

/** What a built-in may need from the evaluation: the calendar is built lazily, on first use. */
export interface EntornoBuiltin {
  readonly calendario: Calendario;
  readonly fecha: Fecha | undefined;
}

/** Built-ins keyed by their .neae name; each takes the evaluation's environment first (most ignore it). */
export const BUILTIN_IMPLS: Readonly<Record<string, (env: EntornoBuiltin, ...args: never[]) => unknown>> = {
  fecha_de: (_e, a: number, m: number, d: number) => fechaDesdeComponentes(a, m, d),
  año: (_e, f: Fecha) => anioDe(f),
  mes: (_e, f: Fecha) => mesDe(f),
  día: (_e, f: Fecha) => diaDe(f),
  día_semana: (_e, f: Fecha) => diaSemana(f),
  fin_de_mes: (_e, f: Fecha) => finDeMes(f),
  inicio_de_mes: (_e, f: Fecha) => inicioDeMes(f),
  días_entre: (_e, a: Fecha, b: Fecha) => diasEntre(a, b),
  días_hábiles_entre: (e, a: Fecha, b: Fecha) => e.calendario.diasHabilesEntre(a, b),
  es_hábil: (e, f: Fecha) => e.calendario.esHabil(f),
  hábil_siguiente: (e, f: Fecha) => e.calendario.siguienteHabil(f),
  fin_de_plazo: (e, f: Fecha, d: Duracion) => finDePlazo(f, d, e.calendario),
  fin_de_plazo_lectivo: (e, f: Fecha, n: number, c: PeriodoLectivo) => finDePlazoLectivo(f, n, (d) => e.calendario.esHabil(d), c),
  curso_escolar: (_e, f: Fecha) => cursoEscolarDe(f),
  curso_que_empieza: (_e, y: number) => y,
  año_de_inicio: (_e, c: number) => c,
  inicio_curso: (_e, c: number) => inicioCurso(c),
  fin_curso: (_e, c: number) => finCurso(c),
  edad: (_e, n: Fecha, f: Fecha) => edadEnFecha(n, f),
  edad_a_31_diciembre: (_e, n: Fecha, y: number) => edadAlFinalDelAnio(n, y),
  hoy: (e) => hoy(e.fecha),
  número: (_e, xs: readonly unknown[]) => xs.length,
  unión: (_e, a: readonly unknown[], b: readonly unknown[]) => union(a, b),
  intersección: (_e, a: readonly unknown[], b: readonly unknown[]) => interseccion(a, b),
  diferencia: (_e, a: readonly unknown[], b: readonly unknown[]) => diferencia(a, b),
  mínimo: (_e, a: number, b: number) => Math.min(a, b),
  máximo: (_e, a: number, b: number) => Math.max(a, b),
  mínimo_dec: (_e, a: Dec, b: Dec) => decMin(a, b),
  máximo_dec: (_e, a: Dec, b: Dec) => decMax(a, b),
  suma: (_e, xs: readonly number[]) => sumaEnteros(xs),
  suma_dec: (_e, xs: readonly Dec[]) => sumaDecimales(xs),
};

export { decAdd, decSub, decMul, decDiv, decFromInt };

/**
 * Three-valued «y» / «o» (Kleene): when the left side is indeterminado, the right side can still
 * decide — «falso y ?» is falso, «verdadero o ?» is verdadero, whatever the unknown is. Otherwise
 * the left side's reason stands. Conflicts and errors are never absorbed.
 */
export function ladoIzquierdoIndeterminado(failure: unknown, right: () => unknown, absorbing: boolean): boolean {
  if (!(failure instanceof Indeterminacion)) throw failure;
  let r: unknown;
  try {
    r = right();
  } catch (other) {
    if (other instanceof Indeterminacion || other instanceof ConflictoEntreCasos) throw failure;
    throw other;
  }
  if (r === absorbing) return absorbing;
  throw failure;
}

/**
 * todos / alguno / cuántos over a collection, with the same three-valued logic as «y»/«o»: one
 * element that decides (falso for todos, verdadero for alguno) decides even if others are
 * unknown; otherwise the first unknown element's reason stands. cuántos needs every element.
 */
export function cuantificar(quantifier: 'todos' | 'alguno' | 'cuántos', elements: readonly unknown[], body: (element: unknown) => unknown): boolean | number {
  let unknown: unknown;
  let count = 0;
  for (const element of elements) {
    let holds: unknown;
    try {
      holds = body(element);
    } catch (failure) {
      if (!(failure instanceof Indeterminacion)) throw failure;
      if (quantifier === 'cuántos') throw failure;
      unknown ??= failure;
      continue;
    }
    if (quantifier === 'todos' && holds === false) return false;
    if (quantifier === 'alguno' && holds === true) return true;
    if (holds === true) count++;
  }
  if (unknown !== undefined) throw unknown;
  return quantifier === 'todos' ? true : quantifier === 'alguno' ? false : count;
}
