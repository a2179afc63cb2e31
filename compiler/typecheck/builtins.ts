/**
 * Built-in functions: their signatures (for the checker and the playground's completion) and
 * documentation in Spanish. Their implementations live in interpret/builtins.ts and are
 * emitted by codegen; both call the same runtime functions.
 */
import type { Tipo } from '../../runtime/types.ts';
import { BOOL, INT, DATE, DURATION, COURSE } from './types.ts';

export interface Builtin {
  readonly params: readonly Tipo[];
  readonly result: Tipo;
  readonly doc: string;
}

/** Monomorphic builtins. Polymorphic ones (número, unión, mínimo…) are typed in expressions.ts. */
export const BUILTINS: Readonly<Record<string, Builtin>> = {
  fecha_de: { params: [INT, INT, INT], result: DATE, doc: 'fecha_de(año, mes, día): la fecha de esos componentes.' },
  año: { params: [DATE], result: INT, doc: 'año(f): el año natural de la fecha.' },
  mes: { params: [DATE], result: INT, doc: 'mes(f): el mes (1 a 12).' },
  día: { params: [DATE], result: INT, doc: 'día(f): el día del mes.' },
  día_semana: { params: [DATE], result: INT, doc: 'día_semana(f): 1 = lunes … 7 = domingo.' },
  fin_de_mes: { params: [DATE], result: DATE, doc: 'fin_de_mes(f): el último día del mes de la fecha.' },
  inicio_de_mes: { params: [DATE], result: DATE, doc: 'inicio_de_mes(f): el primer día del mes de la fecha.' },
  días_entre: { params: [DATE, DATE], result: INT, doc: 'días_entre(a, b): días naturales de a a b (b − a).' },
  días_hábiles_entre: { params: [DATE, DATE], result: INT, doc: 'días_hábiles_entre(a, b): días hábiles en (a, b] según el calendario de la resolución.' },
  es_hábil: { params: [DATE], result: BOOL, doc: 'es_hábil(f): ni sábado, ni domingo, ni festivo (Ley 39/2015, art. 30.2).' },
  hábil_siguiente: { params: [DATE], result: DATE, doc: 'hábil_siguiente(f): f si es hábil; si no, el siguiente día hábil.' },
  fin_de_plazo: {
    params: [DATE, DURATION],
    result: DATE,
    doc: 'fin_de_plazo(desde, duración): último día de un plazo contado desde el día siguiente, de fecha a fecha, prorrogado al siguiente hábil si acaba en inhábil (Ley 39/2015, art. 30).',
  },
  fin_de_plazo_lectivo: {
    params: [DATE, INT, { k: 'registro', nombre: 'CalendarioEscolar' }],
    result: DATE,
    doc: 'fin_de_plazo_lectivo(desde, n, calendario_escolar): último día de un plazo de n días lectivos contado desde el día siguiente: días hábiles entre el inicio y el fin de clases del calendario del centro que no son días no lectivos; si no acaba antes del fin de clases, indeterminado.',
  },
  curso_escolar: { params: [DATE], result: COURSE, doc: 'curso_escolar(f): el curso escolar (1 de septiembre a 31 de agosto) al que pertenece la fecha.' },
  curso_que_empieza: { params: [INT], result: COURSE, doc: 'curso_que_empieza(año): el curso escolar que empieza en septiembre de ese año.' },
  año_de_inicio: { params: [COURSE], result: INT, doc: 'año_de_inicio(c): el año natural en que empieza el curso.' },
  inicio_curso: { params: [COURSE], result: DATE, doc: 'inicio_curso(c): 1 de septiembre del año de inicio (inicio nominal).' },
  fin_curso: { params: [COURSE], result: DATE, doc: 'fin_curso(c): 31 de agosto del año siguiente (fin nominal).' },
  edad: { params: [DATE, DATE], result: INT, doc: 'edad(nacimiento, f): años cumplidos en la fecha f.' },
  edad_a_31_diciembre: {
    params: [DATE, INT],
    result: INT,
    doc: 'edad_a_31_diciembre(nacimiento, año): edad que se alcanza en ese año natural (año − año de nacimiento).',
  },
  hoy: { params: [], result: DATE, doc: 'hoy: la fecha de evaluación del caso (--fecha); sin ella, indeterminado.' },
};

export const POLYMORPHIC_DOCS: Readonly<Record<string, string>> = {
  número: 'número(c): cuántos elementos tiene un conjunto o una lista.',
  unión: 'unión(a, b): el conjunto con los elementos de a y de b.',
  intersección: 'intersección(a, b): los elementos de a que están en b.',
  diferencia: 'diferencia(a, b): los elementos de a que no están en b.',
  mínimo: 'mínimo(a, b): el menor de dos números o fechas.',
  máximo: 'máximo(a, b): el mayor de dos números o fechas.',
  suma: 'suma(lista): la suma de una lista de números.',
};

export const ALL_BUILTIN_NAMES = [...Object.keys(BUILTINS), ...Object.keys(POLYMORPHIC_DOCS)];
