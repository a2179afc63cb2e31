/**
 * The static analyses the direct evaluators rest on (compiler/ir/fallibility.ts, exclusion.ts):
 * what they prove must be true, and what they cannot prove must stay unproven — a wrong «cannot
 * fail» or «excludes» would silently change rulings.
 */
import { describe, it, expect } from 'vitest';
import { compile } from '../../compiler/driver/compile.ts';
import { memoryHost } from '../../compiler/driver/host.ts';
import { nodeHost } from '../../compiler/driver/node_host.ts';
import { directRules } from '../../compiler/ir/direct_rules.ts';
import { fallibility } from '../../compiler/ir/fallibility.ts';
import { casesExclude, discriminant, specialize } from '../../compiler/ir/exclusion.ts';
import { interpreter } from '../../compiler/interpret/interpret.ts';
import type * as IR from '../../compiler/ir/ir.ts';

const TEXT = 'Uno dos tres.';
const HEAD = 'resolución r { título: "R" texto: "t.txt" calendario: "ES-CN" }\nenumeración E { A "a" B "b" C "c" }\n';
const cite = 'cita "x" «Uno dos tres»';

function program(body: string): IR.Program {
  const c = compile('r.neae', memoryHost({ 'r.neae': HEAD + body, 't.txt': TEXT }));
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return c.program!;
}

/** All pairs (i, j), i < j, of the definition's cases that the analysis proves exclusive. */
function exclusivePairs(p: IR.Program, name: string): string[] {
  const f = fallibility(p, directRules(p));
  const d = p.definitions[name]!;
  const excludes = casesExclude(d, p, f.expr);
  const out: string[] = [];
  d.cases.forEach((a, i) => d.cases.forEach((b, j) => i < j && excludes(i, j) && out.push(`${a.id}-${b.id}`)));
  return out;
}

describe('exclusión entre casos', () => {
  it('Cuarta.3 de Canarias: las ocho filas de la tabla se excluyen dos a dos, así que la tabla no puede fallar por conflicto', () => {
    const c = compile('rules/canarias/cuarta.neae', nodeHost);
    const p = c.program!;
    const d = p.definitions['máximo_horas_fuera']!;
    const n = d.cases.length;
    expect(exclusivePairs(p, 'máximo_horas_fuera')).toHaveLength((n * (n - 1)) / 2);
    // …and the rule still fails, because some rows are explicit indeterminados.
    expect(fallibility(p, directRules(p)).rule('máximo_horas_fuera')).toBe(true);
    expect(fallibility(p, directRules(p)).rule('número_de_áreas_LM')).toBe(false);
  });

  it('igualdades, pertenencia, rangos y fórmulas en línea', () => {
    const p = program(`entrada e: E "e"\nentrada n: entero "n"\nentrada s: conjunto de E "s"
definición tamaño: entero "t" = número(s) ${cite}
definición v: entero "v"
  caso K1 si e = A entonces 1 ${cite}
  caso K2 si e en {B, C} y n <= 2 entonces 2 ${cite}
  caso K3 si e en {B, C} y n >= 3 entonces 3 ${cite}
  caso K4 si e no en {A, B} y s = {A, B} entonces 4 ${cite}
  caso K5 si tamaño = 1 entonces 5 ${cite}
  en otro caso 0 ${cite}\n`);
    expect(exclusivePairs(p, 'v')).toEqual(['K1-K2', 'K1-K3', 'K1-K4', 'K2-K3', 'K4-K5']);
  });

  it('lo que no se puede probar no se da por excluido', () => {
    const p = program(`entrada e: E "e"\nentrada n: entero "n"
definición v: entero "v"
  caso K1 si e = A entonces 1 ${cite}
  caso K2 si n = 1 entonces 2 ${cite}
  caso K3 si e = A o n = 2 entonces 3 ${cite}
  en otro caso 0 ${cite}\n`);
    expect(exclusivePairs(p, 'v')).toEqual([]);
  });

  it('un lado izquierdo que puede dar conflicto no se absorbe: «conflicto y falso» no es falso', () => {
    // K2's «c = 1» may be a conflict (c's cases overlap): even when «e = B» is false, K2 is not
    // certainly false, so K1 does not exclude it.
    const p = program(`entrada e: E "e"
definición c: entero "c"
  caso C1 si e = A entonces 1 ${cite}
  caso C2 si e en {A, B} entonces 2 ${cite}
  en otro caso 0 ${cite}
definición v: entero "v"
  caso K1 si e = A entonces 1 ${cite}
  caso K2 si c = 1 y e = B entonces 2 ${cite}
  en otro caso 0 ${cite}\n`);
    const f = fallibility(p, directRules(p));
    expect(f.rule('c')).toBe(true);
    expect(exclusivePairs(p, 'v')).toEqual([]);
    // And the ruling is the conflict, read through v, on every back end.
    const r = interpreter(p).evaluate({ e: 'A' }, { salidas: ['v'] }).resultados.v!;
    expect(r.estado).toBe('conflicto');
  });
});

describe('qué puede fallar', () => {
  const p = program(`entrada e: E "e"\nentrada opc: entero? "o"\nentrada d: decimal "d"
definición total: entero "t" = número({A, B}) + 1 ${cite}
definición falta: entero "f" = opc + 1 ${cite}
definición decimal_: decimal "x" = d * d ${cite}
definición sin_otro_caso: entero "s"
  caso K1 si e = A entonces 1 ${cite}
definición completa: entero "c"
  caso K1 si e = A entonces 1 ${cite}
  caso K2 si e = B entonces 2 ${cite}
  en otro caso 3 ${cite}
definición solapada: entero "c"
  caso K1 si e = A entonces 1 ${cite}
  caso K2 si e en {A, B} entonces 2 ${cite}
  en otro caso 3 ${cite}\n`);
  const f = fallibility(p, directRules(p));
  it('fórmulas totales no fallan; un dato opcional o un decimal que puede desbordar, sí', () => {
    expect(f.rule('total')).toBe(false);
    expect(f.rule('falta')).toBe(true);
    expect(f.rule('decimal_')).toBe(true);
  });
  it('una tabla falla si le falta «en otro caso» o si dos casos pueden solaparse', () => {
    expect(f.rule('sin_otro_caso')).toBe(true);
    expect(f.rule('completa')).toBe(false);
    expect(f.rule('solapada')).toBe(true);
  });
});

describe('tablas partidas por el valor de una entrada', () => {
  const p = program(`entrada e: E "e"\nentrada n: entero "n"\nentrada b: booleano "b"
definición v: entero "v"
  caso K1 si e = A entonces 1 ${cite}
  caso K2 si e en {B, C} y n <= 2 entonces 2 ${cite}
  caso K3 si e no en {A} y b entonces 3 ${cite}
  caso K4 si n > 7 entonces 4 ${cite}
  en otro caso 0 ${cite}\n`);
  const f = fallibility(p, directRules(p));
  const d = p.definitions.v!;
  /** Each case's condition under e = value, shown as «cierto», «falso» or «queda». */
  const under = (value: string) =>
    d.cases.map((k) => {
      const s = specialize(k.condition, 'e', value, p, f.expr);
      return s.k === 'lit' ? (s.value ? 'cierto' : 'falso') : 'queda';
    });
  it('se parte por la entrada que más casos prueban', () => {
    expect(discriminant(d, p)).toEqual({ name: 'e', values: ['A', 'B', 'C'] });
  });
  it('bajo cada valor, lo que ese valor decide desaparece', () => {
    expect(under('A')).toEqual(['cierto', 'falso', 'falso', 'queda']);
    expect(under('B')).toEqual(['falso', 'queda', 'queda', 'queda']);
    // What remains no longer tests e: K2 under B is just «n <= 2».
    const k2 = specialize(d.cases[1]!.condition, 'e', 'B', p, f.expr);
    expect(k2.k === 'bin' && k2.op).toBe('le');
  });
  it('sin una entrada probada por dos casos no se parte', () => {
    const q = program(`entrada e: E "e"\nentrada n: entero "n"
definición w: entero "w"
  caso K1 si e = A entonces 1 ${cite}
  caso K2 si n = 1 entonces 2 ${cite}
  en otro caso 0 ${cite}\n`);
    expect(discriminant(q.definitions.w!, q)).toBeUndefined();
  });
});
