import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sumarDuracion, finDePlazo, duracionATexto, type Duracion, type Unidad } from '../../runtime/durations.ts';
import { crearCalendario } from '../../runtime/calendar.ts';
import { fechaDesdeTexto, fechaATexto } from '../../runtime/dates.ts';

const F = fechaDesdeTexto;
const T = fechaATexto;
const cn = crearCalendario('ES-CN');
const dur = (cantidad: number, unidad: Unidad): Duracion => ({ cantidad, unidad });

describe('sumarDuracion', () => {
  it('plain arithmetic per unit', () => {
    const f = F('2026-01-31'); // sábado
    expect(T(sumarDuracion(f, dur(10, 'dias_naturales'), cn))).toBe('2026-02-10');
    expect(T(sumarDuracion(f, dur(1, 'dias_habiles'), cn))).toBe('2026-02-02');
    expect(T(sumarDuracion(f, dur(2, 'semanas'), cn))).toBe('2026-02-14');
    expect(T(sumarDuracion(f, dur(1, 'meses'), cn))).toBe('2026-02-28');
    expect(T(sumarDuracion(F('2024-02-29'), dur(1, 'anios'), cn))).toBe('2025-02-28');
    expect(T(sumarDuracion(F('2025-09-01'), dur(2, 'cursos'), cn))).toBe('2027-09-01');
    expect(T(sumarDuracion(F('2025-09-01'), dur(-1, 'meses'), cn))).toBe('2025-08-01');
    // No art. 30.5 shift here: a Sunday result stays.
    expect(T(sumarDuracion(F('2011-02-24'), dur(2, 'meses'), cn))).toBe('2011-04-24');
  });

  it('rejects non-integer amounts and unknown units', () => {
    expect(() => sumarDuracion(0, dur(1.5, 'meses'), cn)).toThrow(RangeError);
    expect(() => sumarDuracion(0, dur(1, 'quincenas' as Unidad), cn)).toThrow(/unidad de duración desconocida/);
  });
});

describe('finDePlazo (Ley 39/2015 art. 30)', () => {
  it('months date to date, moved to the next hábil day', () => {
    // 2011-04-24 is a Sunday → Monday 25 (not a holiday in Canarias).
    expect(T(finDePlazo(F('2011-02-24'), dur(2, 'meses'), cn))).toBe('2011-04-25');
    expect(T(finDePlazo(F('2025-11-10'), dur(1, 'meses'), cn))).toBe('2025-12-10');
    // No equivalent day: last day of the month (2026-02-28 is Saturday → Monday 2 March).
    expect(T(finDePlazo(F('2026-01-31'), dur(1, 'meses'), cn))).toBe('2026-03-02');
    expect(T(finDePlazo(F('2024-01-31'), dur(1, 'meses'), cn))).toBe('2024-02-29');
  });

  it('days', () => {
    // 10 hábiles from Friday 2025-10-31: Nov 3..7, 10..14 → 14 Nov.
    expect(T(finDePlazo(F('2025-10-31'), dur(10, 'dias_habiles'), cn))).toBe('2025-11-14');
    // 1 natural day ending on Saturday 1 Nov (holiday too) → Monday 3 Nov.
    expect(T(finDePlazo(F('2025-10-31'), dur(1, 'dias_naturales'), cn))).toBe('2025-11-03');
    expect(T(finDePlazo(F('2025-10-31'), dur(15, 'dias_naturales'), cn))).toBe('2025-11-17'); // 15 Nov is Saturday
    expect(T(finDePlazo(F('2025-11-05'), dur(2, 'semanas'), cn))).toBe('2025-11-19');
  });

  it('years and courses', () => {
    expect(T(finDePlazo(F('2024-02-29'), dur(1, 'anios'), cn))).toBe('2025-02-28');
    // 2027-05-30 is Día de Canarias and a Sunday; the package moves the
    // holiday to Monday 31 ("día sustituto"), so the period ends on Tuesday 1 June.
    expect(T(finDePlazo(F('2026-05-30'), dur(1, 'cursos'), cn))).toBe('2027-06-01');
  });

  it('extra (local) holidays also extend the period', () => {
    const local = crearCalendario('ES-CN', [F('2025-12-10')]);
    expect(T(finDePlazo(F('2025-11-10'), dur(1, 'meses'), local))).toBe('2025-12-11');
  });

  it('rejects negative periods', () => {
    expect(() => finDePlazo(0, dur(-1, 'meses'), cn)).toThrow(/negativa/);
  });

  it('always ends on a hábil day not before the plain sum', () => {
    const unidades: Unidad[] = ['dias_naturales', 'dias_habiles', 'semanas', 'meses', 'anios', 'cursos'];
    fc.assert(fc.property(
      fc.integer({ min: F('2000-01-01'), max: F('2040-12-31') }), fc.integer({ min: 0, max: 40 }), fc.constantFrom(...unidades),
      (desde, n, unidad) => {
        const d = dur(n, unidad);
        const fin = finDePlazo(desde, d, cn);
        const plano = sumarDuracion(desde, d, cn);
        expect(cn.esHabil(fin)).toBe(true);
        expect(fin >= plano).toBe(true);
        expect(cn.diasHabilesEntre(plano - 1, fin - 1)).toBe(0); // no hábil day in [plano, fin)
      },
    ));
  });
});

describe('duracionATexto', () => {
  it('singular and plural', () => {
    expect(duracionATexto(dur(1, 'meses'))).toBe('1 mes');
    expect(duracionATexto(dur(2, 'meses'))).toBe('2 meses');
    expect(duracionATexto(dur(15, 'dias_naturales'))).toBe('15 días naturales');
    expect(duracionATexto(dur(1, 'dias_naturales'))).toBe('1 día natural');
    expect(duracionATexto(dur(1, 'dias_habiles'))).toBe('1 día hábil');
    expect(duracionATexto(dur(10, 'dias_habiles'))).toBe('10 días hábiles');
    expect(duracionATexto(dur(3, 'cursos'))).toBe('3 cursos escolares');
    expect(duracionATexto(dur(1, 'cursos'))).toBe('1 curso escolar');
    expect(duracionATexto(dur(1, 'anios'))).toBe('1 año');
    expect(duracionATexto(dur(5, 'anios'))).toBe('5 años');
    expect(duracionATexto(dur(2, 'semanas'))).toBe('2 semanas');
    expect(duracionATexto(dur(1, 'semanas'))).toBe('1 semana');
    expect(duracionATexto(dur(0, 'meses'))).toBe('0 meses');
  });
});
