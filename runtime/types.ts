/**
 * Type descriptors shared by the compiler (which infers them) and the runtime (which validates
 * inputs and exports values with them). Plain JSON data, so generated modules can embed them.
 */
export type TipoSimple =
  | 'booleano'
  | 'entero'
  | 'decimal'
  | 'euros'
  | 'porcentaje'
  | 'horas'
  | 'fecha'
  | 'duración'
  | 'texto'
  | 'curso_escolar';

export type Tipo =
  | { readonly k: TipoSimple }
  | { readonly k: 'enum'; readonly nombre: string }
  | { readonly k: 'registro'; readonly nombre: string }
  | { readonly k: 'conjunto' | 'lista'; readonly de: Tipo }
  | { readonly k: 'opcional'; readonly de: Tipo }
  | { readonly k: 'error' };

export interface EnumInfo {
  readonly nombre: string;
  readonly doc?: string;
  readonly valores: readonly { readonly nombre: string; readonly doc?: string }[];
}

export interface RegistroInfo {
  readonly nombre: string;
  readonly doc?: string;
  readonly campos: readonly { readonly nombre: string; readonly tipo: Tipo; readonly doc?: string }[];
}

/** The vocabulary a value's type may refer to. */
export interface Vocabulario {
  readonly enums: Readonly<Record<string, EnumInfo>>;
  readonly registros: Readonly<Record<string, RegistroInfo>>;
}

/** Numeric kinds held as exact scaled decimals (see decimal.ts); `entero` is a plain integer. */
export const DECIMALES: ReadonlySet<string> = new Set(['decimal', 'euros', 'porcentaje', 'horas']);

export function tipoATexto(t: Tipo): string {
  switch (t.k) {
    case 'enum':
    case 'registro':
      return t.nombre;
    case 'conjunto':
      return `conjunto de ${tipoATexto(t.de)}`;
    case 'lista':
      return `lista de ${tipoATexto(t.de)}`;
    case 'opcional':
      return `${tipoATexto(t.de)}?`;
    case 'error':
      return '(desconocido)';
    default:
      return t.k;
  }
}

/** Built-in enumerations: the outcome of a norm and the state of a procedure step. */
export const CUMPLIMIENTO: EnumInfo = {
  nombre: 'Cumplimiento',
  doc: 'Resultado de una norma según su modalidad.',
  valores: [
    { nombre: 'cumple', doc: 'Se aplica la norma y se cumple lo que exige.' },
    { nombre: 'incumple', doc: 'Obligación («debe») que no se cumple: un incumplimiento.' },
    { nombre: 'permitido', doc: 'Permiso («puede»): lo hecho está dentro de lo permitido.' },
    { nombre: 'no_permitido', doc: 'Permiso («puede»): lo hecho excede lo que la norma permite.' },
    { nombre: 'recomendación_no_seguida', doc: 'Recomendación («preferentemente») no seguida: un aviso, no un incumplimiento.' },
    { nombre: 'no_aplica', doc: 'La norma no rige en este caso (o la desplaza otra que prevalece).' },
  ],
};

export const ESTADO_PASO: EnumInfo = {
  nombre: 'EstadoPaso',
  doc: 'Situación de un paso de un procedimiento.',
  valores: [
    { nombre: 'a_tiempo', doc: 'Realizado dentro de plazo.' },
    { nombre: 'tarde', doc: 'Realizado después del plazo.' },
    { nombre: 'pendiente', doc: 'No realizado y aún en plazo (o sin fecha de evaluación).' },
    { nombre: 'vencido', doc: 'No realizado y el plazo ya pasó en la fecha de evaluación.' },
    { nombre: 'fuera_de_orden', doc: 'Realizado antes que un paso que debía precederlo.' },
    { nombre: 'no_exigible', doc: 'El paso no se exige en este caso.' },
    { nombre: 'realizado', doc: 'Realizado; el paso no tiene plazo.' },
  ],
};
