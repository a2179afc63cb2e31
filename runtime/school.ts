// School-year and age helpers.

import { componentes, fechaDesdeComponentes, fechaATexto, anioDe, sumarAnios, type Fecha } from './dates.ts';
import { Indeterminacion } from './result.ts';

/** A curso escolar is identified by the calendar year it starts in (2025 = "2025-2026"). */
export type Curso = number;

function comprobarMes(mesInicio: number): void {
  if (!Number.isInteger(mesInicio) || mesInicio < 1 || mesInicio > 12) {
    throw new RangeError(`mes de inicio de curso no válido: ${String(mesInicio)} (debe estar entre 1 y 12)`);
  }
}

/** Dates from the 1st of `mesInicio` (September by default) to the day before next year's belong to the course starting that year. */
export function cursoEscolarDe(f: Fecha, mesInicio = 9): Curso {
  comprobarMes(mesInicio);
  const c = componentes(f);
  return c.mes >= mesInicio ? c.anio : c.anio - 1;
}

/** "2025-2026". */
export function cursoATexto(c: Curso): string {
  return `${c}-${c + 1}`;
}

const CURSO_RE = /^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/;

/** Parses "2025-2026", "2025-26" (also "2025/2026", "2025/26"); the years must be consecutive. */
export function cursoDesdeTexto(s: string): Curso {
  const m = CURSO_RE.exec(s.trim());
  if (m === null) {
    throw new RangeError(`curso escolar no válido «${s}»: se espera el formato 2025-2026 o 2025-26`);
  }
  const inicio = Number(m[1]);
  const fin = m[2]!;
  const esperado = fin.length === 2 ? String((inicio + 1) % 100).padStart(2, '0') : String(inicio + 1);
  if (fin !== esperado) {
    throw new RangeError(`curso escolar no válido «${s}»: los años deben ser consecutivos (${cursoATexto(inicio)})`);
  }
  return inicio;
}

/** Nominal first day of the course: 1 September of year `c` (the 1st of `mesInicio`). */
export function inicioCurso(c: Curso, mesInicio = 9): Fecha {
  comprobarMes(mesInicio);
  return fechaDesdeComponentes(c, mesInicio, 1);
}

/**
 * Nominal last day: 31 August of `c + 1` (the day before next course's start).
 * This is the legal school year; a school's actual teaching calendar is a
 * case input, not computed here.
 */
export function finCurso(c: Curso, mesInicio = 9): Fecha {
  return inicioCurso(c + 1, mesInicio) - 1;
}

/**
 * Completed years of age on date `f`.
 *
 * Ages are computed "de fecha a fecha" (Código Civil art. 5.1: "si los plazos
 * estuviesen fijados por meses o años, se computarán de fecha a fecha. Cuando
 * en el mes del vencimiento no hubiera día equivalente al inicial del
 * cómputo, se entenderá que el plazo expira el último del mes"), with the
 * birthday itself counted whole (art. 315 CC: "se incluirá completo el día
 * del nacimiento"): a year is completed on each anniversary date.
 *
 * Someone born on 29 February therefore turns a year older on 28 February in
 * common years (the last day of the month), not on 1 March. This is the same
 * clamp as `sumarAnios`, so `edadEn(n, sumarAnios(n, k)) === k` always holds.
 *
 * Throws if `f` is before the birth date.
 */
export function edadEn(nacimiento: Fecha, f: Fecha): number {
  if (f < nacimiento) {
    throw new RangeError(`la fecha ${fechaATexto(f)} es anterior al nacimiento (${fechaATexto(nacimiento)})`);
  }
  const anios = anioDe(f) - anioDe(nacimiento);
  return f >= sumarAnios(nacimiento, anios) ? anios : anios - 1;
}

/**
 * Age reached during calendar year `anio` (by 31 December): anio − year of
 * birth. Spanish school placement uses this ("alumnado que cumpla N años en
 * el año natural en que comienza el curso").
 */
export function edadAlFinalDelAnio(nacimiento: Fecha, anio: number): number {
  return anio - anioDe(nacimiento);
}

/** The part of a centre's school calendar (CalendarioEscolar, rules/comun) that says which days are school days. */
export interface PeriodoLectivo {
  readonly inicio_de_clases: Fecha;
  readonly fin_de_clases: Fecha;
  readonly días_no_lectivos: readonly Fecha[];
}

/**
 * The last day of a period of `n` días lectivos counted from the day after `desde`: a día lectivo
 * is a día hábil (`esHabil`: the resolution's calendar, with local holidays) inside the centre's
 * teaching period and not one of its non-teaching days. A period that does not end by the last
 * day of classes needs the next course's calendar, which the case does not give: indeterminado.
 */
export function finDePlazoLectivo(desde: Fecha, n: number, esHabil: (f: Fecha) => boolean, periodo: PeriodoLectivo): Fecha {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`un plazo en días lectivos necesita un número entero positivo de días, no ${String(n)}`);
  const noLectivos = new Set(periodo.días_no_lectivos);
  // Days before the start of classes are not school days: counting starts there at the earliest.
  let d = Math.max(desde, periodo.inicio_de_clases - 1);
  for (let contados = 0; contados < n; ) {
    d++;
    if (d > periodo.fin_de_clases) {
      throw new Indeterminacion(`el plazo de ${n} días lectivos desde el ${fechaATexto(desde)} no acaba antes del fin de clases (${fechaATexto(periodo.fin_de_clases)}): hace falta el calendario del curso siguiente`);
    }
    if (esHabil(d) && !noLectivos.has(d)) contados++;
  }
  return d;
}
