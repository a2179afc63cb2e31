/** TypeScript and zod source for runtime types: what a generated module declares for its inputs and outputs. */
import type { Tipo, Vocabulario } from '../../runtime/types.ts';

const q = JSON.stringify;

/** The JSON shape a caller passes in (z.input of the schema). */
export function inputTsType(t: Tipo, v: Vocabulario): string {
  switch (t.k) {
    case 'booleano': return 'boolean';
    case 'entero': return 'number';
    case 'decimal': case 'euros': case 'horas': case 'porcentaje': return 'number | string';
    case 'fecha': return 'string';
    case 'duración': return 'string | { cantidad: number; unidad: Unidad }';
    case 'texto': return 'string';
    case 'curso_escolar': return 'number | string';
    case 'enum': return (v.enums[t.nombre]?.valores ?? []).map((x) => q(x.nombre)).join(' | ') || 'never';
    case 'conjunto': case 'lista': return `Array<${inputTsType(t.de, v)}>`;
    case 'opcional': return `${inputTsType(t.de, v)} | null | undefined`;
    case 'registro': return `{ ${(v.registros[t.nombre]?.campos ?? []).map((c) => `${q(c.nombre)}${c.tipo.k === 'opcional' ? '?' : ''}: ${inputTsType(c.tipo, v)}`).join('; ')} }`;
    case 'error': return 'never';
  }
}

/** The JSON shape of an exported output value. */
export function outputTsType(t: Tipo, v: Vocabulario): string {
  switch (t.k) {
    case 'booleano': return 'boolean';
    case 'entero': case 'decimal': case 'euros': case 'horas': case 'porcentaje': return 'number';
    case 'fecha': case 'duración': case 'texto': case 'curso_escolar': return 'string';
    case 'enum': return (v.enums[t.nombre]?.valores ?? []).map((x) => q(x.nombre)).join(' | ') || 'never';
    case 'conjunto': case 'lista': return `Array<${outputTsType(t.de, v)}>`;
    case 'opcional': return `${outputTsType(t.de, v)} | null`;
    case 'registro': return `{ ${(v.registros[t.nombre]?.campos ?? []).map((c) => `${q(c.nombre)}: ${outputTsType(c.tipo, v)}`).join('; ')} }`;
    case 'error': return 'never';
  }
}

/** zod source that builds the same schema as runtime/input.ts's esquemaDeTipo. */
export function zodSource(t: Tipo, v: Vocabulario): string {
  switch (t.k) {
    case 'booleano': return 'zBooleano()';
    case 'entero': return 'zEntero()';
    case 'decimal': case 'euros': case 'horas': return 'zDecimal()';
    case 'porcentaje': return 'zPorcentaje()';
    case 'fecha': return 'zFecha()';
    case 'duración': return 'zDuracion()';
    case 'texto': return 'zTexto()';
    case 'curso_escolar': return 'zCurso()';
    case 'enum': return `zEnum(${q(t.nombre)}, ${q((v.enums[t.nombre]?.valores ?? []).map((x) => x.nombre))})`;
    case 'conjunto': return `zConjunto(${zodSource(t.de, v)})`;
    case 'lista': return `zLista(${zodSource(t.de, v)})`;
    case 'opcional': return `zOpcional(${zodSource(t.de, v)})`;
    case 'registro': return `z.object({ ${(v.registros[t.nombre]?.campos ?? []).map((c) => `${q(c.nombre)}: ${zodSource(c.tipo, v)}`).join(', ')} }).strict()`;
    case 'error': return 'z.never()';
  }
}
