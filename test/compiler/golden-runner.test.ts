/** The golden-test runner (`*.pruebas.neae`): expectations on outputs, steps and calls. */
import { describe, it, expect } from 'vitest';
import { memoryHost } from '../../compiler/driver/host.ts';
import { runTestFile } from '../../compiler/testing/golden.ts';
import { formatSource } from '../../compiler/format/format.ts';

const RULES = `resolución r { título: "R" texto: "t.txt" calendario: "ES" }
enumeración Etapa2 { EP "Primaria" ESO "Secundaria" }
entrada alumnos: entero "alumnos"
definición tramo(n: entero, e: Etapa2): texto "Tramo de un grupo"
  caso pequeño si n < 3 entonces "pequeño" cita "x" «Uno dos tres»
  caso grande si n >= 3 y e = EP entonces "grande" cita "x" «Uno dos tres»
  en otro caso indeterminado "en Secundaria el texto no lo dice"
definición tramo_del_grupo: texto "Tramo" = tramo(alumnos, EP) cita "x" «Uno dos tres»
definición horas_de_apoyo(n: entero): horas "Horas de apoyo" = 1.5 horas * n cita "x" «Uno dos tres»
`;

function run(tests: string) {
  const host = memoryHost({ 'r.neae': RULES, 't.txt': 'Uno dos tres.', 'r.pruebas.neae': `pruebas "r.neae"\n${tests}` });
  return runTestFile('r.pruebas.neae', host);
}

describe('pruebas: expectativas sobre definiciones con parámetros', () => {
  it('se comprueban con los argumentos dados, en el caso de la prueba', () => {
    const r = run(`prueba "T1" "t"\n  dado\n    alumnos = 4\n  espera\n    tramo(2, EP) = "pequeño"\n    tramo(alumnos_fijos_no, EP) = "x"\n`);
    // An argument must be a constant: a name that is not one is an error, located.
    expect(r.diagnostics.map((d) => d.severity)).toContain('error');
    const ok = run(`prueba "T1" "t"\n  dado\n    alumnos = 4\n  espera\n    tramo(2, EP) = "pequeño"\n    tramo(5, EP) = "grande"\n    tramo(5, ESO) = indeterminado "Secundaria"\n    tramo_del_grupo = "grande"\n`);
    expect(ok.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ok.outcomes.map((o) => [o.name, o.passed, o.failures])).toEqual([['T1', true, []]]);
  });
  it('los valores se comparan como los resultados: horas y decimales en su unidad', () => {
    const r = run(`prueba "T4" "t"\n  dado\n    alumnos = 4\n  espera\n    horas_de_apoyo(2) = 3 horas\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.outcomes.map((o) => [o.passed, o.failures])).toEqual([[true, []]]);
  });
  it('un resultado distinto falla con un mensaje que nombra la llamada', () => {
    const r = run(`prueba "T2" "t"\n  dado\n    alumnos = 4\n  espera\n    tramo(2, EP) = "grande"\n`);
    expect(r.outcomes[0]!.passed).toBe(false);
    expect(r.outcomes[0]!.failures[0]).toMatch(/^tramo\(…\): se esperaba "?grande"? y se obtuvo "?pequeño"?/);
  });
  it('llamadas mal escritas dan errores situados', () => {
    const r = run(`prueba "T3" "t"\n  dado\n    alumnos = 4\n  espera\n    trama(2, EP) = "x"\n    tramo(2) = "x"\n    tramo("dos", EP) = "x"\n    tramo_del_grupo(1) = "x"\n`);
    const codes = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['llamada-desconocida', 'numero-de-argumentos']));
    expect(codes.length).toBeGreaterThanOrEqual(4);
    expect(r.diagnostics.find((d) => d.code === 'llamada-desconocida')!.hint).toMatch(/tramo/);
  });
  it('el formateador conserva los argumentos', () => {
    const text = `pruebas "r.neae"\n\nprueba "T1" "t"\n  dado\n    alumnos = 4\n  espera\n    tramo(2,EP) = "pequeño"\n`;
    const formatted = formatSource(text, 'r.pruebas.neae');
    expect(formatted.ok && formatted.text).toMatch(/tramo\(2, EP\) = "pequeño"/);
  });
});
