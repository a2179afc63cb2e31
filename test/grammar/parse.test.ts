import { describe, it, expect } from 'vitest';
import { parse } from '../../grammar/parse.ts';
import { fromCst } from '../../compiler/ast/from_cst.ts';

function ast(text: string) {
  const r = parse(text, 'x.neae');
  expect(r.diagnostics).toEqual([]);
  return fromCst('x.neae', r.cst!);
}

describe('gramática', () => {
  it('las palabras clave no distinguen tildes', () => {
    const m = ast('definicion x: entero = 1 cita "a" «b»\ndefinición z: entero = 2 cita "a" «b»');
    expect(m.declarations.map((d) => d.kind)).toEqual(['definition', 'definition']);
  });

  it('los nombres admiten tildes y ñ', () => {
    const m = ast('entrada año_de_diseño: entero "x"');
    expect(m.declarations[0]).toMatchObject({ kind: 'input', name: { text: 'año_de_diseño' } });
  });

  it('una unidad solo se lee en la misma línea que su número', () => {
    const m = ast('pruebas "r.neae"\nprueba "t" dado a = 5\n curso = 3 espera b = 1 mes');
    const t = m.tests[0]!;
    expect(t.given.map((g) => g.path[0]!.text)).toEqual(['a', 'curso']);
    expect(t.given[0]!.value).toMatchObject({ kind: 'number', text: '5', unit: undefined });
    expect(t.expected[0]!.expected).toMatchObject({ kind: 'value', expr: { kind: 'number', unit: 'mes' } });
  });

  it('precedencia: «y» antes que «o», comparación antes que «y»', () => {
    const m = ast('definición x: booleano = a = 1 o b < 2 y no c cita "a" «b»');
    const body = (m.declarations[0] as { body: { expr: unknown } }).body.expr;
    expect(body).toMatchObject({ kind: 'binary', op: 'o', left: { op: '=' }, right: { kind: 'binary', op: 'y', right: { kind: 'not' } } });
  });

  it('una fecha no es una resta', () => {
    const m = ast('definición x: fecha = 2025-10-31 cita "a" «b»');
    expect((m.declarations[0] as { body: { expr: unknown } }).body.expr).toMatchObject({ kind: 'date', text: '2025-10-31' });
  });

  it('recupera errores y los informa todos, con su línea', () => {
    const r = parse('entrada a entero "x"\nentrada b: "y"\ndefinición c: entero = 1 cita "a" «b»', 'x.neae');
    expect(r.diagnostics.length).toBeGreaterThanOrEqual(2);
    expect(r.diagnostics.map((d) => d.span.start.line)).toContain(1);
    expect(r.diagnostics.map((d) => d.span.start.line)).toContain(2);
    expect(r.diagnostics[0]!.message).toMatch(/Se esperaba «:»/);
  });

  it('texto sin cerrar y carácter desconocido', () => {
    const r = parse('entrada a: entero "sin cerrar\nentrada b: entero @', 'x.neae');
    expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['texto-sin-cerrar', 'lexico']));
  });
});
