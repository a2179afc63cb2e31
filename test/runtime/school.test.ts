import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  cursoEscolarDe, cursoATexto, cursoDesdeTexto, inicioCurso, finCurso, edadEn, edadAlFinalDelAnio,
} from '../../runtime/school.ts';
import { fechaDesdeTexto, fechaATexto, sumarAnios, componentes } from '../../runtime/dates.ts';

const F = fechaDesdeTexto;
const T = fechaATexto;

describe('cursos escolares', () => {
  it('assigns dates to the course starting in September', () => {
    expect(cursoEscolarDe(F('2025-09-01'))).toBe(2025);
    expect(cursoEscolarDe(F('2025-08-31'))).toBe(2024);
    expect(cursoEscolarDe(F('2026-06-20'))).toBe(2025);
    expect(cursoEscolarDe(F('2025-12-31'))).toBe(2025);
    expect(cursoEscolarDe(F('2026-01-01'))).toBe(2025);
    expect(cursoEscolarDe(F('2025-08-31'), 8)).toBe(2025);
    expect(() => cursoEscolarDe(F('2025-08-31'), 13)).toThrow(RangeError);
  });

  it('text forms', () => {
    expect(cursoATexto(2025)).toBe('2025-2026');
    expect(cursoDesdeTexto('2025-2026')).toBe(2025);
    expect(cursoDesdeTexto('2025-26')).toBe(2025);
    expect(cursoDesdeTexto('2025/26')).toBe(2025);
    expect(cursoDesdeTexto('1999-00')).toBe(1999);
    expect(() => cursoDesdeTexto('2025-2027')).toThrow(/los años deben ser consecutivos/);
    expect(() => cursoDesdeTexto('2025-25')).toThrow(RangeError);
    expect(() => cursoDesdeTexto('2025')).toThrow(/curso escolar no válido «2025»/);
    expect(() => cursoDesdeTexto('25-26')).toThrow(RangeError);
  });

  it('nominal start and end', () => {
    expect(T(inicioCurso(2025))).toBe('2025-09-01');
    expect(T(finCurso(2025))).toBe('2026-08-31');
  });

  it('every date lies within its course', () => {
    fc.assert(fc.property(fc.integer({ min: F('1900-01-01'), max: F('2200-12-31') }), (f) => {
      const c = cursoEscolarDe(f);
      expect(inicioCurso(c) <= f && f <= finCurso(c)).toBe(true);
      expect(cursoDesdeTexto(cursoATexto(c))).toBe(c);
    }));
  });
});

describe('edades', () => {
  it('completed years, birthday counted whole', () => {
    const n = F('2008-03-15');
    expect(edadEn(n, F('2026-03-14'))).toBe(17);
    expect(edadEn(n, F('2026-03-15'))).toBe(18);
    expect(edadEn(n, n)).toBe(0);
    expect(() => edadEn(n, F('2008-03-14'))).toThrow(/anterior al nacimiento/);
  });

  it('29 February birthdays: a year older on 28 February in common years', () => {
    const n = F('2008-02-29');
    expect(edadEn(n, F('2009-02-27'))).toBe(0);
    expect(edadEn(n, F('2009-02-28'))).toBe(1);
    expect(edadEn(n, F('2011-02-28'))).toBe(3);
    expect(edadEn(n, F('2012-02-28'))).toBe(3); // leap year: waits for the 29th
    expect(edadEn(n, F('2012-02-29'))).toBe(4);
  });

  it('edadEn agrees with sumarAnios', () => {
    fc.assert(fc.property(
      fc.integer({ min: F('1900-01-01'), max: F('2100-12-31') }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 400 }),
      (n, k, extra) => {
        const cumple = sumarAnios(n, k);
        expect(edadEn(n, cumple)).toBe(k);
        if (k > 0) expect(edadEn(n, cumple - 1)).toBe(k - 1);
        const f = cumple + extra;
        expect(edadEn(n, f) >= k).toBe(true);
        expect(edadEn(n, f)).toBeLessThanOrEqual(k + 2);
      },
    ));
  });

  it('edadAlFinalDelAnio', () => {
    expect(edadAlFinalDelAnio(F('2019-12-31'), 2025)).toBe(6);
    expect(edadAlFinalDelAnio(F('2019-01-01'), 2025)).toBe(6);
    fc.assert(fc.property(fc.integer({ min: F('1900-01-01'), max: F('2100-12-31') }), fc.integer({ min: 0, max: 100 }), (n, k) => {
      const anio = componentes(n).anio + k;
      expect(edadAlFinalDelAnio(n, anio)).toBe(edadEn(n, F(`${anio}-12-31`)));
    }));
  });
});
