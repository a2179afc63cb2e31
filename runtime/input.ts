/**
 * Validation of case inputs with zod. Every evaluator (interpreted or generated) validates its
 * input with a schema built from these helpers, so a malformed case gets an error naming the
 * field instead of a wrong ruling. The transforms turn JSON into the runtime representation
 * (see values.ts).
 */
import { z } from 'zod';
import { decFromNumber, decFromString, decMulInt, decDiv, type Dec } from './decimal.ts';
import { fechaDesdeTexto } from './dates.ts';
import { cursoDesdeTexto } from './school.ts';
import type { Duracion, Unidad } from './durations.ts';
import type { Tipo, Vocabulario } from './types.ts';
import { conjunto } from './values.ts';

function conMensaje<T, R = string>(parse: (raw: R) => T) {
  return (raw: R, ctx: z.RefinementCtx): T => {
    try {
      return parse(raw);
    } catch (failure) {
      ctx.addIssue({ code: 'custom', message: failure instanceof Error ? failure.message : String(failure) });
      return z.NEVER;
    }
  };
}

export const zFecha = () =>
  z.string({ error: 'se esperaba una fecha «AAAA-MM-DD»' }).transform(conMensaje<number>(fechaDesdeTexto));

export const zEntero = () => z.number({ error: 'se esperaba un número entero' }).int({ error: 'se esperaba un número entero' });

/** decimal, euros and horas: a JSON number or a decimal string ("5.25", "5,25"). */
export const zDecimal = () =>
  z
    .union([z.number(), z.string()], { error: 'se esperaba un número' })
    .transform(conMensaje<Dec, string | number>((raw) => (typeof raw === 'number' ? decFromNumber(raw) : decFromString(String(raw).trim()))));

/** A percentage given in points: 50 (or "50 %") means 50 %, held as the fraction 0.5. */
export const zPorcentaje = () =>
  z
    .union([z.number(), z.string()], { error: 'se esperaba un porcentaje (p. ej. 50)' })
    .transform(
      conMensaje<Dec, string | number>((raw) => {
        const points = typeof raw === 'number' ? decFromNumber(raw) : decFromString(String(raw).replace('%', '').trim());
        return decDiv(points, decMulInt(decFromNumber(1), 100));
      }),
    );

const UNIDADES: Record<string, Unidad> = {
  dia_natural: 'dias_naturales', dias_naturales: 'dias_naturales',
  dia_habil: 'dias_habiles', dias_habiles: 'dias_habiles',
  semana: 'semanas', semanas: 'semanas',
  mes: 'meses', meses: 'meses',
  ano: 'anios', anos: 'anios', anio: 'anios', anios: 'anios',
  curso: 'cursos', cursos: 'cursos', curso_escolar: 'cursos', cursos_escolares: 'cursos',
};

/** Parses "1 mes", "15 días naturales", "3 cursos escolares". Bare "días" is refused: the text must say which. */
export function duracionDesdeTexto(text: string): Duracion {
  const match = /^\s*(-?\d+)\s+(.+?)\s*$/.exec(text);
  if (!match) throw new RangeError(`duración no válida «${text}»: escribe una cantidad y una unidad, p. ej. «1 mes»`);
  const key = match[2]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, '_');
  const unidad = UNIDADES[key];
  if (!unidad) {
    const extra = key === 'dias' || key === 'dia' ? ': indica «días naturales» o «días hábiles»' : '';
    throw new RangeError(`unidad de duración no válida «${match[2]}»${extra}`);
  }
  return { cantidad: Number(match[1]), unidad };
}

export const zDuracion = () =>
  z.union(
    [
      z.string().transform(conMensaje<Duracion>(duracionDesdeTexto)),
      z.object({ cantidad: z.number().int(), unidad: z.enum(['dias_naturales', 'dias_habiles', 'semanas', 'meses', 'anios', 'cursos']) }).strict(),
    ],
    { error: 'se esperaba una duración, p. ej. «1 mes» o «15 días naturales»' },
  );

export const zCurso = () =>
  z
    .union([z.number().int(), z.string()], { error: 'se esperaba un curso escolar «2025-2026»' })
    .transform(conMensaje<number, string | number>((raw) => (typeof raw === 'number' ? raw : cursoDesdeTexto(String(raw)))));

export const zEnum = (nombre: string, valores: readonly string[]) =>
  z.string({ error: `se esperaba un valor de ${nombre}: ${valores.join(', ')}` }).refine((v) => valores.includes(v), {
    error: (issue) => `«${String(issue.input)}» no es un valor de ${nombre}; valores posibles: ${valores.join(', ')}`,
  });

export const zConjunto = <T extends z.ZodType>(element: T) =>
  z.array(element, { error: 'se esperaba una lista de valores [..]' }).transform((xs) => conjunto(xs as unknown[]));

export const zLista = <T extends z.ZodType>(element: T) => z.array(element, { error: 'se esperaba una lista de valores [..]' });

export const zOpcional = <T extends z.ZodType>(inner: T) =>
  inner.nullish().transform((v) => (v === null ? undefined : v));

export const zTexto = () => z.string({ error: 'se esperaba un texto' });
export const zBooleano = () => z.boolean({ error: 'se esperaba verdadero o falso (true/false)' });

/** Builds the schema of a type programmatically (the interpreter's path; generated code spells the same calls out). */
export function esquemaDeTipo(tipo: Tipo, vocabulario: Vocabulario): z.ZodType {
  switch (tipo.k) {
    case 'booleano': return zBooleano();
    case 'entero': return zEntero();
    case 'decimal': case 'euros': case 'horas': return zDecimal();
    case 'porcentaje': return zPorcentaje();
    case 'fecha': return zFecha();
    case 'duración': return zDuracion();
    case 'texto': return zTexto();
    case 'curso_escolar': return zCurso();
    case 'enum': return zEnum(tipo.nombre, vocabulario.enums[tipo.nombre]?.valores.map((v) => v.nombre) ?? []);
    case 'conjunto': return zConjunto(esquemaDeTipo(tipo.de, vocabulario));
    case 'lista': return zLista(esquemaDeTipo(tipo.de, vocabulario));
    case 'opcional': return zOpcional(esquemaDeTipo(tipo.de, vocabulario));
    case 'registro': {
      const info = vocabulario.registros[tipo.nombre];
      const shape: Record<string, z.ZodType> = {};
      for (const campo of info?.campos ?? []) shape[campo.nombre] = esquemaDeTipo(campo.tipo, vocabulario);
      return z.object(shape).strict();
    }
    case 'error': return z.never();
  }
}

export function esquemaDeEntradas(entradas: readonly { nombre: string; tipo: Tipo }[], vocabulario: Vocabulario): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const e of entradas) shape[e.nombre] = esquemaDeTipo(e.tipo, vocabulario);
  return z.object(shape, { error: 'el caso debe ser un objeto JSON' }).strict();
}

export interface ErrorDeEntrada {
  readonly campo: string;
  readonly mensaje: string;
}

export class EntradaNoValida extends Error {
  constructor(readonly errores: readonly ErrorDeEntrada[]) {
    super(`Caso no válido:\n${errores.map((e) => `  - ${e.campo}: ${e.mensaje}`).join('\n')}`);
    this.name = 'EntradaNoValida';
  }
}

/** Validates a case; throws EntradaNoValida naming every bad field. */
export function validarEntrada<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new EntradaNoValida(
    parsed.error.issues.map((issue) => {
      const campo = issue.path.length ? issue.path.map(String).join('.') : '(caso)';
      let mensaje = issue.message;
      if (issue.code === 'unrecognized_keys') mensaje = `campo(s) desconocido(s): ${issue.keys.join(', ')}`;
      // zod does not say whether a field was absent or of the wrong type: look at the case itself.
      if (issue.code === 'invalid_type' && issue.path.length && !presente(raw, issue.path)) mensaje = 'falta este dato obligatorio';
      return { campo, mensaje };
    }),
  );
}

function presente(raw: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = raw;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !(key in at)) return false;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at !== undefined;
}
