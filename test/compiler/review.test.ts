/** neae revisar: conflicts and gaps found on generated cases, each with a minimal example. */
import { describe, it, expect } from 'vitest';
import { compile } from '../../compiler/driver/compile.ts';
import { memoryHost } from '../../compiler/driver/host.ts';
import { reviewProgram } from '../../compiler/diff/review.ts';

const TEXT = 'El grupo tendrá entre tres y cinco alumnos. Los mayores de doce años, en otro grupo.';
function program(body: string) {
  const c = compile('r.neae', memoryHost({ 'r.neae': `resolución r { título: "R" texto: "t.txt" calendario: "ES" }\n${body}`, 't.txt': TEXT }));
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return c.program!;
}

describe('revisión de conflictos y huecos', () => {
  it('encuentra el solape sin prioridad y el hueco, con un caso mínimo', () => {
    const p = program(`entrada edad: entero "edad"\nentrada alumnos: entero "alumnos"\nentrada otro_dato: booleano? "irrelevante"
definición grupo: texto "grupo"
  caso pequeño si alumnos >= 3 y alumnos <= 5 entonces "A" cita "x" «entre tres y cinco alumnos»
  caso mayores si edad > 12 entonces "B" cita "x" «Los mayores de doce años, en otro grupo»\n`);
    const found = reviewProgram(p, { cases: 300 });
    const conflict = found.find((d) => d.code === 'conflicto-posible');
    const gap = found.find((d) => d.code === 'hueco');
    expect(conflict?.message).toMatch(/pequeño y mayores/);
    expect(gap).toBeDefined();
    // The example keeps only the data the fault needs: never the irrelevant input.
    expect(conflict!.hint).not.toMatch(/otro_dato/);
    expect(gap!.hint).not.toMatch(/otro_dato/);
  });

  it('acepta un hueco declarado y una prioridad explícita', () => {
    const p = program(`entrada edad: entero "edad"\nentrada alumnos: entero "alumnos"
definición grupo: texto "grupo"
  caso pequeño si alumnos >= 3 y alumnos <= 5 entonces "A" cita "x" «entre tres y cinco alumnos»
  caso mayores si edad > 12 entonces "B" prevalece sobre pequeño cita "x" «Los mayores de doce años, en otro grupo»
  en otro caso indeterminado "el texto no dice qué grupo corresponde"\n`);
    expect(reviewProgram(p, { cases: 300 })).toEqual([]);
  });
});
