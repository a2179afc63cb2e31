/** Type utilities for the checker: constructors, equality, display. */
import type { Tipo, TipoSimple } from '../../runtime/types.ts';
export { tipoATexto as show } from '../../runtime/types.ts';

const simple = new Map<TipoSimple, Tipo>();
export function t(k: TipoSimple): Tipo {
  let found = simple.get(k);
  if (!found) simple.set(k, (found = { k }));
  return found;
}

export const ERROR: Tipo = { k: 'error' };
export const BOOL = t('booleano');
export const INT = t('entero');
export const DEC = t('decimal');
export const DATE = t('fecha');
export const DURATION = t('duración');
export const TEXT = t('texto');
export const COURSE = t('curso_escolar');
export const set = (de: Tipo): Tipo => ({ k: 'conjunto', de });
export const list = (de: Tipo): Tipo => ({ k: 'lista', de });
export const optional = (de: Tipo): Tipo => (de.k === 'opcional' || de.k === 'error' ? de : { k: 'opcional', de });
export const enumType = (nombre: string): Tipo => ({ k: 'enum', nombre });

export function same(a: Tipo, b: Tipo): boolean {
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'enum':
    case 'registro':
      return a.nombre === (b as typeof a).nombre;
    case 'conjunto':
    case 'lista':
    case 'opcional':
      return same(a.de, (b as typeof a).de);
    default:
      return true;
  }
}

export function strip(a: Tipo): Tipo {
  return a.k === 'opcional' ? a.de : a;
}

/** Held as an exact scaled decimal at run time. */
export function isDecimal(a: Tipo): boolean {
  return a.k === 'decimal' || a.k === 'euros' || a.k === 'horas' || a.k === 'porcentaje';
}

export function isNumeric(a: Tipo): boolean {
  return a.k === 'entero' || isDecimal(a);
}

/** Types whose values are ordered numbers at run time (numbers, dates, school years). */
export function isOrdered(a: Tipo): boolean {
  return isNumeric(a) || a.k === 'fecha' || a.k === 'curso_escolar';
}

export function isCollection(a: Tipo): a is { k: 'conjunto' | 'lista'; de: Tipo } {
  return a.k === 'conjunto' || a.k === 'lista';
}
