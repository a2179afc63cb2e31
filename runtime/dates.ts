// Calendar dates as integer day numbers.
//
// A `Fecha` is the number of days since 1970-01-01 in the proleptic Gregorian
// calendar. Everything here is pure integer arithmetic (Howard Hinnant's
// `days_from_civil` / `civil_from_days`, http://howardhinnant.github.io/date_algorithms.html):
// no `Date` objects, so results never depend on the machine's time zone and
// date arithmetic is just number arithmetic.

export type Fecha = number;

export interface Componentes {
  readonly anio: number;
  readonly mes: number; // 1..12
  readonly dia: number; // 1..31
}

const NOMBRES_MES = [
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio',
  'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
] as const;

// Index 0 = lunes (ISO weekday 1).
const NOMBRES_DIA = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'] as const;

// Days in each month of a common year; February is adjusted by `diasDelMes`.
const DIAS_MES = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function esBisiesto(anio: number): boolean {
  return (anio % 4 === 0 && anio % 100 !== 0) || anio % 400 === 0;
}

export function diasDelMes(anio: number, mes: number): number {
  if (mes === 2) return esBisiesto(anio) ? 29 : 28;
  const d = DIAS_MES[mes - 1];
  if (d === undefined) throw new RangeError(`mes no válido: ${String(mes)} (debe estar entre 1 y 12)`);
  return d;
}

/** days_from_civil without validation; m in 1..12, d in 1..31. */
function diasDesdeCivil(y: number, m: number, d: number): Fecha {
  // Shift the year so it starts on 1 March: the leap day becomes the last day
  // of the (shifted) year and month lengths follow a regular 153-day pattern.
  const ya = m <= 2 ? y - 1 : y;
  const era = Math.floor(ya / 400);
  const yoe = ya - era * 400; // [0, 399]
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** civil_from_days. */
export function componentes(f: Fecha): Componentes {
  const z = f + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11], March-based
  const dia = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mes = mp < 10 ? mp + 3 : mp - 9;
  const anio = yoe + era * 400 + (mes <= 2 ? 1 : 0);
  return { anio, mes, dia };
}

/** Year of `f`, without allocating the components object (hot path of calendars). */
export function anioDe(f: Fecha): number {
  const z = f + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  // doy ≥ 306 means January or February of the following civil year.
  return yoe + era * 400 + (doy >= 306 ? 1 : 0);
}

export function mesDe(f: Fecha): number {
  return componentes(f).mes;
}

export function diaDe(f: Fecha): number {
  return componentes(f).dia;
}

function dos(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function textoAnio(anio: number): string {
  const abs = Math.abs(anio);
  const t = abs < 1000 ? String(abs).padStart(4, '0') : String(abs);
  return anio < 0 ? `-${t}` : t;
}

function textoComponentes(anio: number, mes: number, dia: number): string {
  return `${textoAnio(anio)}-${dos(mes)}-${dos(dia)}`;
}

/** Validates components and returns an error reason in Spanish, or undefined if valid. */
function motivoInvalida(anio: number, mes: number, dia: number): string | undefined {
  if (!Number.isSafeInteger(anio) || !Number.isInteger(mes) || !Number.isInteger(dia)) {
    return 'año, mes y día deben ser números enteros';
  }
  if (mes < 1 || mes > 12) return 'el mes debe estar entre 01 y 12';
  const max = diasDelMes(anio, mes);
  if (dia < 1) return 'el día debe ser 01 o posterior';
  if (dia > max) return `${NOMBRES_MES[mes - 1]} de ${anio} tiene ${max} días`;
  return undefined;
}

/** Builds a date from year, month (1..12) and day, validating them. */
export function fechaDesdeComponentes(anio: number, mes: number, dia: number): Fecha {
  const motivo = motivoInvalida(anio, mes, dia);
  if (motivo !== undefined) {
    const texto = Number.isInteger(mes) && Number.isInteger(dia)
      ? textoComponentes(anio, mes, dia)
      : `${String(anio)}-${String(mes)}-${String(dia)}`;
    throw new RangeError(`fecha no válida «${texto}»: ${motivo}`);
  }
  return diasDesdeCivil(anio, mes, dia);
}

const FECHA_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses strict `YYYY-MM-DD`. */
export function fechaDesdeTexto(s: string): Fecha {
  const m = FECHA_RE.exec(s);
  if (m === null) throw new RangeError(`fecha no válida «${s}»: se espera el formato AAAA-MM-DD`);
  const anio = Number(m[1]);
  const mes = Number(m[2]);
  const dia = Number(m[3]);
  const motivo = motivoInvalida(anio, mes, dia);
  if (motivo !== undefined) throw new RangeError(`fecha no válida «${s}»: ${motivo}`);
  return diasDesdeCivil(anio, mes, dia);
}

/** `YYYY-MM-DD` (years outside 0..9999 are written with as many digits as needed). */
export function fechaATexto(f: Fecha): string {
  const c = componentes(f);
  return textoComponentes(c.anio, c.mes, c.dia);
}

/** ISO weekday: 1 = lunes … 7 = domingo. */
export function diaSemana(f: Fecha): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps negatives in range.
  return (((f + 3) % 7) + 7) % 7 + 1;
}

export function sumarDias(f: Fecha, n: number): Fecha {
  return f + n;
}

/** b − a, in days. */
export function diasEntre(a: Fecha, b: Fecha): number {
  return b - a;
}

/**
 * Same day number `n` months later ("de fecha a fecha"); if the target month
 * is shorter, the last day of that month (31 Jan + 1 month = 28/29 Feb).
 */
export function sumarMeses(f: Fecha, n: number): Fecha {
  const c = componentes(f);
  const total = c.anio * 12 + (c.mes - 1) + n;
  const anio = Math.floor(total / 12);
  const mes = total - anio * 12 + 1;
  const max = diasDelMes(anio, mes);
  return diasDesdeCivil(anio, mes, c.dia <= max ? c.dia : max);
}

/** Same clamp as `sumarMeses`: 29 Feb + 1 year = 28 Feb. */
export function sumarAnios(f: Fecha, n: number): Fecha {
  return sumarMeses(f, n * 12);
}

export function inicioDeMes(f: Fecha): Fecha {
  const c = componentes(f);
  return f - c.dia + 1;
}

export function finDeMes(f: Fecha): Fecha {
  const c = componentes(f);
  return f - c.dia + diasDelMes(c.anio, c.mes);
}

export function nombreMes(mes: number): string {
  const n = NOMBRES_MES[mes - 1];
  if (n === undefined) throw new RangeError(`mes no válido: ${String(mes)} (debe estar entre 1 y 12)`);
  return n;
}

/** "31 de octubre de 2025". */
export function fechaLarga(f: Fecha): string {
  const c = componentes(f);
  return `${c.dia} de ${NOMBRES_MES[c.mes - 1]!} de ${c.anio}`;
}

/** "viernes". */
export function nombreDiaSemana(f: Fecha): string {
  return NOMBRES_DIA[diaSemana(f) - 1]!;
}
