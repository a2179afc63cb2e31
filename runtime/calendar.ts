// Working-day calendars (Ley 39/2015, art. 30.2):
//   "Siempre que por Ley o en el Derecho de la Unión Europea no se exprese
//    otro cómputo, cuando los plazos se señalen por días, se entiende que
//    éstos son hábiles, excluyéndose del cómputo los sábados, los domingos y
//    los declarados festivos."
//
// Public holidays come from the `date-holidays` package (never hand-written
// tables). Only holidays of type `public` count; `observance`, `optional`,
// `bank` and `school` entries are ignored. The calendar date is taken from
// the first 10 characters of the holiday's `date` string, which the package
// renders in the region's own local calendar, so no time-zone conversion
// (and no dependency on the machine's TZ) is involved.
//
// Art. 30.6 (a day inhábil at either the interested party's residence or the
// body's seat counts as inhábil) and municipal holidays are modelled by the
// caller through `festivosExtra`.

import Holidays from 'date-holidays';
import { anioDe, fechaDesdeComponentes, fechaDesdeTexto, type Fecha } from './dates.ts';

export interface Calendario {
  /** Normalised region code, e.g. "ES-CN". */
  readonly region: string;
  /** Not Saturday, Sunday, public holiday nor extra holiday. */
  esHabil(f: Fecha): boolean;
  /** Holiday name, "festivo local" for extra days, undefined otherwise (weekends are not holidays). */
  esFestivo(f: Fecha): string | undefined;
  /** `f` itself if hábil, else the next hábil day. */
  siguienteHabil(f: Fecha): Fecha;
  /** The n-th hábil day after `f` (n = 0 returns f; n < 0 counts backwards: the |n|-th hábil day before f). */
  sumarDiasHabiles(f: Fecha, n: number): Fecha;
  /** Number of hábil days in (a, b]; negative of (b, a] when b < a. */
  diasHabilesEntre(a: Fecha, b: Fecha): number;
}

export interface Festivo {
  readonly fecha: Fecha;
  readonly nombre: string;
}

export const NOMBRE_FESTIVO_LOCAL = 'festivo local';

type FestivosAnio = ReadonlyMap<Fecha, string>;

interface Region {
  readonly hd: Holidays;
  readonly anios: Map<number, FestivosAnio>;
}

// Module-level caches: one `Holidays` instance per region and one holiday map
// per (region, year). Building a year costs a few milliseconds in
// date-holidays, so it must happen at most once.
const regiones = new Map<string, Region>();
let consulta: Holidays | undefined;

function normalizar(codigo: string): string {
  return codigo.trim().toUpperCase();
}

/** Validates a code like "ES", "ES-CN" or "ES-CN-TE" against date-holidays' own lists. */
function cargarRegion(codigo: string): Region {
  const region = normalizar(codigo);
  const cached = regiones.get(region);
  if (cached !== undefined) return cached;

  const partes = region.split('-');
  const [pais, estado, zona] = partes;
  consulta ??= new Holidays();
  const noValida = (motivo: string): never => {
    throw new RangeError(`región de calendario desconocida «${codigo}»: ${motivo}`);
  };
  if (partes.length > 3 || pais === undefined || pais === '') noValida('se espera un código como "ES" o "ES-CN"');
  const paises = consulta.getCountries('es');
  if (!Object.hasOwn(paises, pais!)) noValida(`no hay calendario para el país «${pais!}»`);
  if (estado !== undefined) {
    const estados = consulta.getStates(pais!, 'es') ?? {};
    if (!Object.hasOwn(estados, estado)) {
      noValida(`las subdivisiones disponibles para ${pais!} son ${Object.keys(estados).map((e) => `${pais!}-${e}`).join(', ') || 'ninguna'}`);
    }
    if (zona !== undefined) {
      const zonas = consulta.getRegions(pais!, estado, 'es') ?? {};
      if (!Object.hasOwn(zonas, zona)) {
        noValida(`las zonas disponibles para ${pais!}-${estado} son ${Object.keys(zonas).map((z) => `${pais!}-${estado}-${z}`).join(', ') || 'ninguna'}`);
      }
    }
  }

  const opts = { languages: ['es'] };
  const hd = zona !== undefined
    ? new Holidays(pais!, estado!, zona, opts)
    : estado !== undefined
      ? new Holidays(pais!, estado, opts)
      : new Holidays(pais!, opts);
  const r: Region = { hd, anios: new Map() };
  regiones.set(region, r);
  return r;
}

function festivosAnio(r: Region, anio: number): FestivosAnio {
  let m = r.anios.get(anio);
  if (m === undefined) {
    const nuevo = new Map<Fecha, string>();
    for (const h of r.hd.getHolidays(anio, 'es')) {
      if (h.type !== 'public') continue;
      // Multi-day holidays also carry start/end; only `date` is used, as a
      // plain calendar date (no TZ conversion of `start`).
      const f = fechaDesdeTexto(h.date.slice(0, 10));
      if (!nuevo.has(f)) nuevo.set(f, h.name);
    }
    m = nuevo;
    r.anios.set(anio, m);
  }
  return m;
}

/** Public holidays of a region in a calendar year, sorted by date. */
export function festivosDelAnio(region: string, anio: number): readonly Festivo[] {
  const m = festivosAnio(cargarRegion(region), anio);
  return [...m].map(([fecha, nombre]) => ({ fecha, nombre })).sort((a, b) => a.fecha - b.fecha);
}

/** Whether a region code is known to date-holidays. */
export function esRegionValida(region: string): boolean {
  try {
    cargarRegion(region);
    return true;
  } catch {
    return false;
  }
}

/** 0 = lunes … 6 = domingo; 1970-01-01 (day 0) was a Thursday. */
function dow0(f: Fecha): number {
  return (((f + 3) % 7) + 7) % 7;
}

/**
 * Precomputed working days of one calendar year for one calendar: `habil[i]`
 * is 1 when day `desde + i` is hábil and `acum[i]` counts the hábil days in
 * [desde, desde + i]. Lookups become an array index and day counts a
 * subtraction.
 */
interface AnioLaboral {
  readonly desde: Fecha;
  readonly hasta: Fecha;
  readonly habil: Uint8Array;
  readonly acum: Int32Array;
}

/**
 * Creates a calendar for `region` ("ES", "ES-CN", "ES-MC", "ES-CN-TE", …),
 * adding `festivosExtra` (local or otherwise declared inhábil days).
 */
export function crearCalendario(region: string, festivosExtra: readonly Fecha[] = []): Calendario {
  const r = cargarRegion(region);
  const extra: ReadonlySet<Fecha> = new Set(festivosExtra);
  const anios = new Map<number, AnioLaboral>();

  function anioLaboral(anio: number): AnioLaboral {
    let a = anios.get(anio);
    if (a === undefined) {
      const desde = fechaDesdeComponentes(anio, 1, 1);
      const hasta = fechaDesdeComponentes(anio, 12, 31);
      const festivos = festivosAnio(r, anio);
      const n = hasta - desde + 1;
      const habil = new Uint8Array(n);
      const acum = new Int32Array(n);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const f = desde + i;
        if (dow0(f) < 5 && !festivos.has(f) && !extra.has(f)) {
          habil[i] = 1;
          total++;
        }
        acum[i] = total;
      }
      a = { desde, hasta, habil, acum };
      anios.set(anio, a);
    }
    return a;
  }

  // One-entry memo of the last year used: loops over consecutive days almost
  // always stay in the same year and skip the year computation and Map lookup.
  let actual: AnioLaboral = { desde: 1, hasta: 0, habil: new Uint8Array(0), acum: new Int32Array(0) };

  function esHabil(f: Fecha): boolean {
    if (f < actual.desde || f > actual.hasta) actual = anioLaboral(anioDe(f));
    return actual.habil[f - actual.desde] === 1;
  }

  function esFestivo(f: Fecha): string | undefined {
    const nombre = festivosAnio(r, anioDe(f)).get(f);
    if (nombre !== undefined) return nombre;
    return extra.has(f) ? NOMBRE_FESTIVO_LOCAL : undefined;
  }

  function siguienteHabil(f: Fecha): Fecha {
    let d = f;
    while (!esHabil(d)) d++;
    return d;
  }

  function sumarDiasHabiles(f: Fecha, n: number): Fecha {
    if (!Number.isInteger(n)) throw new RangeError(`número de días hábiles no válido: ${String(n)}`);
    let d = f;
    if (n >= 0) {
      for (let i = n; i > 0; ) if (esHabil(++d)) i--;
    } else {
      for (let i = -n; i > 0; ) if (esHabil(--d)) i--;
    }
    return d;
  }

  /** Hábil days in [1 January of f's year, f]. */
  function habilesHastaEnAnio(a: AnioLaboral, f: Fecha): number {
    return a.acum[f - a.desde]!;
  }

  function diasHabilesEntre(a: Fecha, b: Fecha): number {
    if (b < a) return 0 - diasHabilesEntre(b, a); // `0 -` avoids −0
    const ya = anioDe(a);
    const yb = anioDe(b);
    const la = anioLaboral(ya);
    if (ya === yb) return habilesHastaEnAnio(la, b) - habilesHastaEnAnio(la, a);
    // Rest of a's year, whole years in between, then the start of b's year.
    let n = la.acum[la.acum.length - 1]! - habilesHastaEnAnio(la, a);
    for (let y = ya + 1; y < yb; y++) {
      const ly = anioLaboral(y);
      n += ly.acum[ly.acum.length - 1]!;
    }
    return n + habilesHastaEnAnio(anioLaboral(yb), b);
  }

  return {
    region: normalizar(region),
    esHabil,
    esFestivo,
    siguienteHabil,
    sumarDiasHabiles,
    diasHabilesEntre,
  };
}
