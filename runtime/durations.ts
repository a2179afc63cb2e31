// Durations and administrative deadlines (Ley 39/2015, art. 30).

import type { Calendario } from './calendar.ts';
import { sumarAnios, sumarMeses, type Fecha } from './dates.ts';

export type Unidad = 'dias_naturales' | 'dias_habiles' | 'semanas' | 'meses' | 'anios' | 'cursos';

export interface Duracion {
  /** Integer amount. */
  readonly cantidad: number;
  readonly unidad: Unidad;
}

function comprobarCantidad(d: Duracion): number {
  if (!Number.isSafeInteger(d.cantidad)) {
    throw new RangeError(`la cantidad de una duración debe ser un número entero: ${String(d.cantidad)}`);
  }
  return d.cantidad;
}

function unidadDesconocida(u: never): never {
  throw new RangeError(`unidad de duración desconocida: «${String(u)}»`);
}

/**
 * Plain calendar arithmetic (no art. 30.5 shift): naturales → +n days;
 * hábiles → n-th working day after `f`; semanas → +7n; meses → same day n
 * months later (clamped to the month's end); años and cursos → same date n
 * years later (a school year shifts a date by one calendar year).
 */
export function sumarDuracion(f: Fecha, d: Duracion, cal: Calendario): Fecha {
  const n = comprobarCantidad(d);
  switch (d.unidad) {
    case 'dias_naturales': return f + n;
    case 'dias_habiles': return cal.sumarDiasHabiles(f, n);
    case 'semanas': return f + 7 * n;
    case 'meses': return sumarMeses(f, n);
    case 'anios':
    case 'cursos': return sumarAnios(f, n);
    default: return unidadDesconocida(d.unidad);
  }
}

/**
 * Last day of a period notified/published on `desde` (Ley 39/2015, art. 30).
 *
 * Art. 30.3: "Los plazos expresados en días se contarán a partir del día
 * siguiente a aquel en que tenga lugar la notificación o publicación del acto
 * de que se trate, o desde el siguiente a aquel en que se produzca la
 * estimación o la desestimación por silencio administrativo."
 * → n días (hábiles or naturales) end on the n-th such day after `desde`.
 *
 * Art. 30.4: "Si el plazo se fija en meses o años, éstos se computarán a
 * partir del día siguiente a aquel en que tenga lugar la notificación o
 * publicación del acto de que se trate […]. El plazo concluirá el mismo día
 * en que se produjo la notificación, publicación o silencio administrativo en
 * el mes o el año de vencimiento. Si en el mes de vencimiento no hubiera día
 * equivalente a aquel en que comienza el cómputo, se entenderá que el plazo
 * expira el último día del mes."
 * → "de fecha a fecha": same day number as `desde` in the month/year of
 * expiry, or that month's last day when it has no such day (notified 31 Jan,
 * 1 month → 28/29 Feb). The "día equivalente a aquel en que comienza el
 * cómputo" wording is read as the notification day, as the preceding
 * sentence says and as case law holds.
 *
 * Art. 30.5: "Cuando el último día del plazo sea inhábil, se entenderá
 * prorrogado al primer día hábil siguiente."
 * → applied to every unit (for días hábiles it never triggers).
 *
 * Weeks are not regulated by art. 30; they are counted as 7n natural days
 * (equivalently, de fecha a fecha to the same weekday) and then art. 30.5
 * applies. Cursos are counted like años.
 */
export function finDePlazo(desde: Fecha, d: Duracion, cal: Calendario): Fecha {
  const n = comprobarCantidad(d);
  if (n < 0) throw new RangeError(`un plazo no puede tener una duración negativa: ${String(n)}`);
  let fin: Fecha;
  switch (d.unidad) {
    case 'dias_naturales': fin = desde + n; break;
    case 'dias_habiles': fin = cal.sumarDiasHabiles(desde, n); break;
    case 'semanas': fin = desde + 7 * n; break;
    case 'meses': fin = sumarMeses(desde, n); break;
    case 'anios':
    case 'cursos': fin = sumarAnios(desde, n); break;
    default: return unidadDesconocida(d.unidad);
  }
  return cal.siguienteHabil(fin);
}

const NOMBRES: Readonly<Record<Unidad, readonly [singular: string, plural: string]>> = {
  dias_naturales: ['día natural', 'días naturales'],
  dias_habiles: ['día hábil', 'días hábiles'],
  semanas: ['semana', 'semanas'],
  meses: ['mes', 'meses'],
  anios: ['año', 'años'],
  cursos: ['curso escolar', 'cursos escolares'],
};

/** "1 mes", "2 meses", "15 días naturales", "1 día hábil", "3 cursos escolares". */
export function duracionATexto(d: Duracion): string {
  const nombres = NOMBRES[d.unidad];
  if (nombres === undefined) return unidadDesconocida(d.unidad as never);
  // Spanish uses the singular only for ±1 ("0 meses", "1 mes").
  return `${d.cantidad} ${d.cantidad === 1 || d.cantidad === -1 ? nombres[0] : nombres[1]}`;
}
