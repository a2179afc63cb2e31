import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  fechaDesdeTexto, fechaATexto, fechaDesdeComponentes, componentes, anioDe, mesDe, diaDe,
  diaSemana, sumarDias, diasEntre, sumarMeses, sumarAnios, finDeMes, inicioDeMes, diasDelMes,
  esBisiesto, nombreMes, fechaLarga, nombreDiaSemana,
} from '../../runtime/dates.ts';

const F = fechaDesdeTexto;
const T = fechaATexto;

// Fechas for years 0001..9999.
const MIN = fechaDesdeComponentes(1, 1, 1);
const MAX = fechaDesdeComponentes(9999, 12, 31);
const arbFecha = fc.integer({ min: MIN, max: MAX });

describe('parsing and printing', () => {
  it('uses days since 1970-01-01', () => {
    expect(F('1970-01-01')).toBe(0);
    expect(F('1970-01-02')).toBe(1);
    expect(F('1969-12-31')).toBe(-1);
    expect(F('2000-03-01')).toBe(11017);
    expect(F('2025-10-31')).toBe(20392);
    expect(T(20392)).toBe('2025-10-31');
    expect(T(F('0001-01-01'))).toBe('0001-01-01');
    expect(T(F('9999-12-31'))).toBe('9999-12-31');
  });

  it('validates strictly with Spanish messages', () => {
    expect(() => F('2025-02-29')).toThrow('fecha no válida «2025-02-29»: febrero de 2025 tiene 28 días');
    expect(() => F('2025-02-30')).toThrow('fecha no válida «2025-02-30»: febrero de 2025 tiene 28 días');
    expect(() => F('2025-04-31')).toThrow('abril de 2025 tiene 30 días');
    expect(() => F('2025-13-01')).toThrow('el mes debe estar entre 01 y 12');
    expect(() => F('2025-00-10')).toThrow(RangeError);
    expect(() => F('2025-01-00')).toThrow(RangeError);
    for (const bad of ['2025-1-01', '2025/01/01', '25-01-01', ' 2025-01-01', '2025-01-01T00:00', '', '01-01-2025']) {
      expect(() => F(bad)).toThrow(/se espera el formato AAAA-MM-DD/);
    }
    expect(F('2024-02-29')).toBe(fechaDesdeComponentes(2024, 2, 29));
    expect(() => fechaDesdeComponentes(2025, 2, 29)).toThrow('fecha no válida «2025-02-29»: febrero de 2025 tiene 28 días');
    expect(() => fechaDesdeComponentes(2025, 1.5, 1)).toThrow(RangeError);
  });

  it('round-trips fechaATexto ∘ fechaDesdeTexto and components', () => {
    fc.assert(fc.property(arbFecha, (f) => {
      const t = T(f);
      expect(t).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(F(t)).toBe(f);
      const c = componentes(f);
      expect(fechaDesdeComponentes(c.anio, c.mes, c.dia)).toBe(f);
      expect(anioDe(f)).toBe(c.anio);
      expect(mesDe(f)).toBe(c.mes);
      expect(diaDe(f)).toBe(c.dia);
    }));
  });

  it('consecutive day numbers are consecutive calendar days', () => {
    fc.assert(fc.property(arbFecha, (f) => {
      const a = componentes(f);
      const b = componentes(f + 1);
      if (a.dia < diasDelMes(a.anio, a.mes)) {
        expect(b).toEqual({ anio: a.anio, mes: a.mes, dia: a.dia + 1 });
      } else if (a.mes < 12) {
        expect(b).toEqual({ anio: a.anio, mes: a.mes + 1, dia: 1 });
      } else {
        expect(b).toEqual({ anio: a.anio + 1, mes: 1, dia: 1 });
      }
    }));
  });

  it('does not depend on Date (agrees with UTC Date for a sample)', () => {
    fc.assert(fc.property(fc.integer({ min: F('1900-01-01'), max: F('2200-12-31') }), (f) => {
      expect(T(f)).toBe(new Date(f * 86_400_000).toISOString().slice(0, 10));
    }));
  });
});

describe('weekdays', () => {
  it('knows some weekdays', () => {
    expect(diaSemana(F('2025-10-31'))).toBe(5);
    expect(nombreDiaSemana(F('2025-10-31'))).toBe('viernes');
    expect(diaSemana(F('1970-01-01'))).toBe(4);
    expect(nombreDiaSemana(F('2011-04-24'))).toBe('domingo');
    expect(nombreDiaSemana(F('2026-01-05'))).toBe('lunes');
    expect(nombreDiaSemana(F('1969-12-31'))).toBe('miércoles');
    expect(nombreDiaSemana(F('2025-11-01'))).toBe('sábado');
  });

  it('cycles with period 7 and stays in 1..7', () => {
    fc.assert(fc.property(arbFecha, (f) => {
      const d = diaSemana(f);
      expect(d >= 1 && d <= 7).toBe(true);
      expect(diaSemana(f + 1)).toBe(d === 7 ? 1 : d + 1);
      expect(diaSemana(f + 7)).toBe(d);
    }));
  });
});

describe('arithmetic', () => {
  it('adds days', () => {
    expect(T(sumarDias(F('2025-12-31'), 1))).toBe('2026-01-01');
    expect(diasEntre(F('2025-01-01'), F('2026-01-01'))).toBe(365);
    expect(diasEntre(F('2024-01-01'), F('2025-01-01'))).toBe(366);
  });

  it('adds months date to date, clamping to the last day', () => {
    expect(T(sumarMeses(F('2026-01-31'), 1))).toBe('2026-02-28');
    expect(T(sumarMeses(F('2024-01-31'), 1))).toBe('2024-02-29');
    expect(T(sumarMeses(F('2025-11-10'), 1))).toBe('2025-12-10');
    expect(T(sumarMeses(F('2025-11-30'), 3))).toBe('2026-02-28');
    expect(T(sumarMeses(F('2025-03-31'), -1))).toBe('2025-02-28');
    expect(T(sumarMeses(F('2025-01-15'), -13))).toBe('2023-12-15');
    expect(T(sumarMeses(F('2025-08-31'), 1))).toBe('2025-09-30');
  });

  it('adds years with the 29 February clamp', () => {
    expect(T(sumarAnios(F('2024-02-29'), 1))).toBe('2025-02-28');
    expect(T(sumarAnios(F('2024-02-29'), 4))).toBe('2028-02-29');
    expect(T(sumarAnios(F('2025-10-31'), -2))).toBe('2023-10-31');
  });

  it('sumarMeses keeps the day or clamps to the month end', () => {
    fc.assert(fc.property(fc.integer({ min: F('1600-01-01'), max: F('2400-12-31') }), fc.integer({ min: -1200, max: 1200 }), (f, n) => {
      const a = componentes(f);
      const b = componentes(sumarMeses(f, n));
      expect((b.anio * 12 + b.mes) - (a.anio * 12 + a.mes)).toBe(n);
      expect(b.dia).toBe(Math.min(a.dia, diasDelMes(b.anio, b.mes)));
    }));
  });

  it('month boundaries', () => {
    expect(T(finDeMes(F('2024-02-10')))).toBe('2024-02-29');
    expect(T(finDeMes(F('2025-12-31')))).toBe('2025-12-31');
    expect(T(inicioDeMes(F('2025-12-31')))).toBe('2025-12-01');
    expect(diasDelMes(2025, 2)).toBe(28);
    expect(diasDelMes(2000, 2)).toBe(29);
    expect(diasDelMes(1900, 2)).toBe(28);
    expect(diasDelMes(2025, 4)).toBe(30);
    expect(() => diasDelMes(2025, 13)).toThrow(RangeError);
    expect(esBisiesto(2024)).toBe(true);
    expect(esBisiesto(2100)).toBe(false);
    expect(esBisiesto(2400)).toBe(true);
  });
});

describe('Spanish names', () => {
  it('months and long dates', () => {
    expect(nombreMes(1)).toBe('enero');
    expect(nombreMes(9)).toBe('septiembre');
    expect(() => nombreMes(0)).toThrow(RangeError);
    expect(fechaLarga(F('2025-10-31'))).toBe('31 de octubre de 2025');
    expect(fechaLarga(F('2026-01-01'))).toBe('1 de enero de 2026');
  });
});
