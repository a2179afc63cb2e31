/**
 * Operations on runtime values that both back ends share: structural equality, membership,
 * set construction, export to JSON and display in Spanish.
 *
 * Representation: booleano → boolean; entero → number; decimal/euros/porcentaje/horas → Dec
 * (scaled integer); fecha → day number; duración → {cantidad, unidad}; curso_escolar → start
 * year; enum → variant name; registro → plain object; conjunto → sorted array without
 * duplicates (so equality is structural); lista → array; absent optional → undefined.
 */
import { decToNumber, decToString } from './decimal.ts';
import { fechaATexto, fechaLarga } from './dates.ts';
import { duracionATexto, type Duracion } from './durations.ts';
import { cursoATexto } from './school.ts';
import type { Tipo, Vocabulario } from './types.ts';

export function iguales(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!iguales(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!iguales((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

export function compararValores(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** A set value: sorted, without duplicates. */
export function conjunto(elements: readonly unknown[]): unknown[] {
  const sorted = [...elements].sort(compararValores);
  const out: unknown[] = [];
  for (const e of sorted) if (out.length === 0 || !iguales(out[out.length - 1], e)) out.push(e);
  return out;
}

export function pertenece(element: unknown, collection: readonly unknown[]): boolean {
  if (typeof element !== 'object') return collection.includes(element);
  for (const e of collection) if (iguales(e, element)) return true;
  return false;
}

export function union(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  return conjunto([...a, ...b]);
}

export function interseccion(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  return a.filter((x) => pertenece(x, b));
}

export function diferencia(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  return a.filter((x) => !pertenece(x, b));
}

/** The JSON form of a value: what evaluators return and what the CLI prints. */
export function exportar(tipo: Tipo, valor: unknown, vocabulario: Vocabulario): unknown {
  if (valor === undefined) return null;
  switch (tipo.k) {
    case 'decimal':
    case 'euros':
    case 'horas':
      return decToNumber(valor as number);
    case 'porcentaje':
      return decToNumber((valor as number) * 100);
    case 'fecha':
      return fechaATexto(valor as number);
    case 'duración':
      return duracionATexto(valor as Duracion);
    case 'curso_escolar':
      return cursoATexto(valor as number);
    case 'conjunto':
    case 'lista':
      return (valor as unknown[]).map((v) => exportar(tipo.de, v, vocabulario));
    case 'opcional':
      return exportar(tipo.de, valor, vocabulario);
    case 'registro': {
      const info = vocabulario.registros[tipo.nombre];
      const out: Record<string, unknown> = {};
      for (const campo of info?.campos ?? []) out[campo.nombre] = exportar(campo.tipo, (valor as Record<string, unknown>)[campo.nombre], vocabulario);
      return out;
    }
    default:
      return valor;
  }
}

/** A value as a Spanish reader expects it in an explanation. */
export function mostrar(tipo: Tipo, valor: unknown, vocabulario: Vocabulario): string {
  if (valor === undefined) return '(sin dato)';
  switch (tipo.k) {
    case 'booleano':
      return valor ? 'sí' : 'no';
    case 'decimal':
      return decToString(valor as number);
    case 'euros':
      return `${decToString(valor as number)} €`;
    case 'horas':
      return `${decToString(valor as number)} ${valor === 1_000_000 ? 'hora' : 'horas'}`;
    case 'porcentaje':
      return `${decToString((valor as number) * 100)} %`;
    case 'fecha':
      return fechaLarga(valor as number);
    case 'duración':
      return duracionATexto(valor as Duracion);
    case 'curso_escolar':
      return `curso ${cursoATexto(valor as number)}`;
    case 'enum': {
      const doc = vocabulario.enums[tipo.nombre]?.valores.find((v) => v.nombre === valor)?.doc;
      return doc ? `${String(valor)} (${doc})` : String(valor);
    }
    case 'conjunto':
    case 'lista': {
      const items = (valor as unknown[]).map((v) => mostrar(tipo.de, v, vocabulario));
      return items.length ? `{${items.join(', ')}}` : '{} (vacío)';
    }
    case 'opcional':
      return mostrar(tipo.de, valor, vocabulario);
    case 'registro': {
      const info = vocabulario.registros[tipo.nombre];
      const parts = (info?.campos ?? []).map((c) => `${c.nombre}: ${mostrar(c.tipo, (valor as Record<string, unknown>)[c.nombre], vocabulario)}`);
      return `{${parts.join(', ')}}`;
    }
    default:
      return String(valor);
  }
}
