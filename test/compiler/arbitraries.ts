/** fast-check arbitraries for valid JSON cases of a program, biased towards the small numbers where rule boundaries sit. */
import fc from 'fast-check';
import type { Tipo, Vocabulario } from '../../runtime/types.ts';
import { fechaATexto, fechaDesdeTexto } from '../../runtime/dates.ts';
import type * as IR from '../../compiler/ir/ir.ts';

const FROM = fechaDesdeTexto('2009-01-01');
const TO = fechaDesdeTexto('2031-12-31');

export function valueArb(t: Tipo, v: Vocabulario): fc.Arbitrary<unknown> {
  switch (t.k) {
    case 'booleano': return fc.boolean();
    case 'entero': return fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: -3, max: 3000 }));
    case 'decimal': case 'euros': case 'horas':
      return fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: -1000, max: 100000 }).map((n) => n / 100));
    case 'porcentaje': return fc.integer({ min: 0, max: 200 });
    case 'fecha': return fc.integer({ min: FROM, max: TO }).map(fechaATexto);
    case 'duración':
      return fc.record({ cantidad: fc.integer({ min: 0, max: 36 }), unidad: fc.constantFrom('dias_naturales', 'dias_habiles', 'semanas', 'meses', 'anios', 'cursos') });
    case 'texto': return fc.string({ maxLength: 12 });
    case 'curso_escolar': return fc.integer({ min: 2009, max: 2031 });
    case 'enum': return fc.constantFrom(...(v.enums[t.nombre]?.valores.map((x) => x.nombre) ?? ['?']));
    case 'conjunto': {
      if (t.de.k === 'enum') {
        const values = v.enums[t.de.nombre]?.valores.map((x) => x.nombre) ?? [];
        return fc.subarray(values, { maxLength: Math.min(4, values.length) });
      }
      return fc.array(valueArb(t.de, v), { maxLength: 4 });
    }
    case 'lista': return fc.array(valueArb(t.de, v), { maxLength: 4 });
    case 'opcional': return fc.option(valueArb(t.de, v), { nil: null, freq: 3 });
    case 'registro': {
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const c of v.registros[t.nombre]?.campos ?? []) shape[c.nombre] = valueArb(c.tipo, v);
      return fc.record(shape);
    }
    case 'error': return fc.constant(null);
  }
}

export function caseArb(program: IR.Program): fc.Arbitrary<Record<string, unknown>> {
  const v = { enums: program.enums, registros: program.records };
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const i of program.inputs) shape[i.name] = valueArb(i.type, v);
  return fc.record(shape);
}

export const evaluationDateArb = fc.option(fc.integer({ min: FROM, max: TO }), { nil: undefined });
