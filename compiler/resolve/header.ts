/** Validates the «resolución» header: known fields, their types, and the calendar region. */
import type * as A from '../ast/ast.ts';
import type { ResolutionInfo } from '../ir/ir.ts';
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../diagnostics/suggest.ts';
import { esRegionValida } from '../../runtime/calendar.ts';
import { fechaDesdeTexto } from '../../runtime/dates.ts';

type FieldKind = 'texto' | 'fecha' | 'lista' | 'nombre';
const FIELDS: Record<string, { kind: FieldKind; doc: string }> = {
  título: { kind: 'texto', doc: 'Título oficial de la resolución' },
  región: { kind: 'texto', doc: 'Comunidad autónoma' },
  órgano: { kind: 'texto', doc: 'Órgano que la dicta' },
  firma: { kind: 'fecha', doc: 'Fecha de firma' },
  publicación: { kind: 'fecha', doc: 'Fecha de publicación en el boletín oficial' },
  vigente_desde: { kind: 'fecha', doc: 'Primer día de vigencia' },
  vigente_hasta: { kind: 'fecha', doc: 'Último día de vigencia (si se conoce)' },
  versión: { kind: 'texto', doc: 'Versión de este fichero de reglas' },
  desarrolla: { kind: 'lista', doc: 'Normas que desarrolla' },
  modifica: { kind: 'lista', doc: 'Normas que modifica' },
  deroga: { kind: 'lista', doc: 'Normas que deroga' },
  texto: { kind: 'texto', doc: 'Fichero con el texto oficial, junto al fichero de reglas' },
  calendario: { kind: 'texto', doc: 'Calendario de festivos para días hábiles (p. ej. "ES-CN")' },
  festivos_locales: { kind: 'nombre', doc: 'Entrada (lista de fecha) con los festivos locales' },
};

export const headerFieldDocs = FIELDS;

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function readHeader(header: A.Header, diagnostics: Diagnostic[]): ResolutionInfo {
  const values: Record<string, string | string[]> = {};
  const seen = new Set<string>();
  for (const { key, value } of header.fields) {
    const canonical = Object.keys(FIELDS).find((k) => fold(k) === fold(key.text));
    if (!canonical) {
      diagnostics.push(
        error('cabecera-campo-desconocido', `La cabecera no admite el campo «${key.text}».`, key.span, {
          hint: didYouMean(key.text, Object.keys(FIELDS)) ?? `Campos admitidos: ${Object.keys(FIELDS).join(', ')}.`,
        }),
      );
      continue;
    }
    if (seen.has(canonical)) diagnostics.push(error('cabecera-campo-repetido', `El campo «${canonical}» aparece dos veces.`, key.span));
    seen.add(canonical);
    const kind = FIELDS[canonical]!.kind;
    if (kind === 'fecha') {
      if (value.kind !== 'date') {
        diagnostics.push(error('cabecera-tipo', `«${canonical}» debe ser una fecha AAAA-MM-DD.`, value.span));
        continue;
      }
      try {
        fechaDesdeTexto(value.text);
      } catch (failure) {
        diagnostics.push(error('fecha-no-valida', (failure as Error).message, value.span));
      }
      values[canonical] = value.text;
    } else if (kind === 'texto') {
      if (value.kind !== 'string') diagnostics.push(error('cabecera-tipo', `«${canonical}» debe ser un texto entre comillas.`, value.span));
      else values[canonical] = value.value;
    } else if (kind === 'nombre') {
      if (value.kind !== 'name') diagnostics.push(error('cabecera-tipo', `«${canonical}» debe ser el nombre de una entrada.`, value.span));
      else values[canonical] = value.name.text;
    } else {
      const items = value.kind === 'list' ? value.elements : [value];
      const texts: string[] = [];
      for (const item of items) {
        if (item.kind === 'string') texts.push(item.value);
        else diagnostics.push(error('cabecera-tipo', `«${canonical}» debe ser un texto o una lista de textos.`, item.span));
      }
      values[canonical] = texts;
    }
  }
  const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  const calendario = text('calendario') ?? 'ES';
  const calendarField = header.fields.find((f) => fold(f.key.text) === 'calendario');
  if (!esRegionValida(calendario)) {
    diagnostics.push(
      error('calendario-desconocido', `No hay calendario de festivos para la región «${calendario}».`, calendarField?.value.span ?? header.name.span, {
        hint: 'Usa un código ISO como "ES-CN" (Canarias), "ES-MC" (Murcia), "ES-AN" (Andalucía) o "ES-RI" (La Rioja).',
      }),
    );
  }
  const desde = text('vigente_desde');
  const hasta = text('vigente_hasta');
  if (desde && hasta && hasta < desde) {
    const span = header.fields.find((f) => fold(f.key.text) === 'vigente_hasta')!.value.span;
    diagnostics.push(error('vigencia-invertida', `La vigencia termina (${hasta}) antes de empezar (${desde}).`, span));
  }
  return {
    id: header.name.text,
    titulo: text('título'),
    region: text('región'),
    organo: text('órgano'),
    firma: text('firma'),
    publicacion: text('publicación'),
    vigenteDesde: desde,
    vigenteHasta: hasta,
    version: text('versión'),
    desarrolla: list('desarrolla'),
    modifica: list('modifica'),
    deroga: list('deroga'),
    texto: text('texto'),
    calendario: esRegionValida(calendario) ? calendario : 'ES',
    festivosLocales: text('festivos_locales'),
  };
}
