import { describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { crearCalendario, festivosDelAnio, esRegionValida, type Calendario } from '../../runtime/calendar.ts';
import { fechaDesdeTexto, fechaATexto, diaSemana, type Fecha } from '../../runtime/dates.ts';

const F = fechaDesdeTexto;
const T = fechaATexto;

const REGIONES = ['ES', 'ES-CN', 'ES-MC', 'ES-AN', 'ES-RI', 'ES-MD', 'ES-CT', 'ES-CN-TE'] as const;
const calendarios = new Map<string, Calendario>(REGIONES.map((r) => [r, crearCalendario(r)]));
const cal = (r: string): Calendario => calendarios.get(r)!;

describe('holidays from date-holidays (pinned)', () => {
  it('Canarias', () => {
    const cn = cal('ES-CN');
    expect(cn.esFestivo(F('2025-05-30'))).toBe('Día de Canarias');
    expect(cn.esHabil(F('2025-05-30'))).toBe(false);
    expect(cn.esFestivo(F('2026-05-30'))).toBe('Día de Canarias'); // a Saturday in 2026
    expect(cn.esFestivo(F('2011-05-30'))).toBe('Día de Canarias');
    expect(cn.esFestivo(F('2025-04-17'))).toBe('Jueves Santo');
    // The package lists 2025-10-13 (Monday after Fiesta Nacional) only as an
    // `observance`, so it is a working day in ES-CN.
    expect(cn.esFestivo(F('2025-10-13'))).toBeUndefined();
    expect(cn.esHabil(F('2025-10-13'))).toBe(true);
    expect(cn.esFestivo(F('2026-11-02'))).toBe('Todos los Santos (día sustituto)');
  });

  it('Canarias island level (ES-CN-TE) adds the insular holiday', () => {
    expect(cal('ES-CN-TE').esFestivo(F('2026-09-07'))).toBe('La Bajada de la Virgen del Socorro');
    expect(cal('ES-CN').esFestivo(F('2026-09-07'))).toBeUndefined();
  });

  it('Murcia: 9 June (Día de la Región de Murcia) is missing in date-holidays', () => {
    const mc = cal('ES-MC');
    expect(mc.esFestivo(F('2026-03-19'))).toBe('San José');
    // date-holidays 3.37.0 has no 06-09 rule for ES-MC. If this starts failing
    // the package has added it: update this pin. Until then callers must pass
    // it as an extra holiday.
    expect(mc.esFestivo(F('2026-06-09'))).toBeUndefined();
    const conExtra = crearCalendario('ES-MC', [F('2026-06-09')]);
    expect(conExtra.esFestivo(F('2026-06-09'))).toBe('festivo local');
    expect(conExtra.esHabil(F('2026-06-09'))).toBe(false);
  });

  it('Andalucía and La Rioja', () => {
    expect(cal('ES-AN').esFestivo(F('2026-02-28'))).toBe('Día de Andalucía');
    expect(cal('ES-AN').esFestivo(F('2025-02-28'))).toBe('Día de Andalucía');
    expect(cal('ES-AN').esHabil(F('2025-02-28'))).toBe(false);
    expect(cal('ES-RI').esFestivo(F('2026-06-09'))).toBe('Día de La Rioja');
    expect(cal('ES-RI').esHabil(F('2026-06-09'))).toBe(false);
    expect(cal('ES-RI').esFestivo(F('2026-04-06'))).toBe('Lunes de Pascua');
  });

  it('national calendar has no regional days and ignores observances', () => {
    const es = cal('ES');
    expect(es.esFestivo(F('2025-04-18'))).toBe('Viernes Santo');
    expect(es.esFestivo(F('2025-04-17'))).toBeUndefined(); // Jueves Santo is regional
    expect(es.esFestivo(F('2025-03-19'))).toBeUndefined(); // San José: observance nationally
    expect(es.esFestivo(F('2025-05-30'))).toBeUndefined();
    expect(es.esFestivo(F('2025-12-25'))).toBe('Navidad');
  });

  it('festivosDelAnio lists public holidays sorted by date', () => {
    const l = festivosDelAnio('ES-CN', 2026);
    expect(l.map((h) => T(h.fecha))).toEqual([
      '2026-01-01', '2026-01-06', '2026-04-02', '2026-04-03', '2026-05-01', '2026-05-30',
      '2026-08-15', '2026-10-12', '2026-11-01', '2026-11-02', '2026-12-06', '2026-12-08', '2026-12-25',
    ]);
  });

  it('does not depend on the process time zone', async () => {
    const original = process.env['TZ'];
    const resultados: string[] = [];
    const offsets = new Set<number>();
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Atlantic/Canary']) {
        process.env['TZ'] = tz;
        offsets.add(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset());
        vi.resetModules(); // fresh holiday cache
        const m = await import('../../runtime/calendar.ts');
        resultados.push(['ES-CN', 'ES-MD'].flatMap((r) => [2025, 2026].flatMap((y) =>
          m.festivosDelAnio(r, y).map((h) => `${h.fecha}:${h.nombre}`))).join('|'));
      }
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
    expect(offsets.size).toBeGreaterThan(1); // the TZ switch really took effect
    expect(new Set(resultados).size).toBe(1);
  });
});

describe('regions', () => {
  it('rejects unknown region codes with a Spanish message', () => {
    expect(() => crearCalendario('ES-XX')).toThrow(RangeError);
    expect(() => crearCalendario('ES-XX')).toThrow(/región de calendario desconocida «ES-XX»/);
    expect(() => crearCalendario('ZZ')).toThrow(/región de calendario desconocida/);
    expect(() => crearCalendario('')).toThrow(RangeError);
    expect(() => crearCalendario('ES-CN-XX')).toThrow(RangeError);
    expect(() => crearCalendario('ES-CN-TE-X')).toThrow(RangeError);
    expect(esRegionValida('ES-MC')).toBe(true);
    expect(esRegionValida('ES-ZZ')).toBe(false);
  });

  it('normalises case', () => {
    const c = crearCalendario('es-cn');
    expect(c.region).toBe('ES-CN');
    expect(c.esFestivo(F('2025-05-30'))).toBe('Día de Canarias');
  });
});

describe('working days (Ley 39/2015 art. 30.2)', () => {
  const cn = cal('ES-CN');

  it('weekends are inhábiles but not festivos', () => {
    expect(cn.esHabil(F('2025-11-08'))).toBe(false); // sábado
    expect(cn.esHabil(F('2025-11-09'))).toBe(false); // domingo
    expect(cn.esFestivo(F('2025-11-08'))).toBeUndefined();
    expect(cn.esHabil(F('2025-11-10'))).toBe(true);
  });

  it('siguienteHabil', () => {
    expect(T(cn.siguienteHabil(F('2025-11-10')))).toBe('2025-11-10');
    expect(T(cn.siguienteHabil(F('2025-04-17')))).toBe('2025-04-21'); // Jueves y Viernes Santo + finde
    expect(T(cn.siguienteHabil(F('2025-12-25')))).toBe('2025-12-26');
  });

  it('sumarDiasHabiles', () => {
    expect(T(cn.sumarDiasHabiles(F('2025-10-31'), 0))).toBe('2025-10-31');
    expect(T(cn.sumarDiasHabiles(F('2025-10-31'), 1))).toBe('2025-11-03');
    expect(T(cn.sumarDiasHabiles(F('2025-04-16'), 1))).toBe('2025-04-21');
    expect(T(cn.sumarDiasHabiles(F('2025-12-01'), 10))).toBe('2025-12-16'); // skips 6 (sáb) and 8 (lun)
    expect(T(cn.sumarDiasHabiles(F('2025-11-03'), -1))).toBe('2025-10-31');
    expect(T(cn.sumarDiasHabiles(F('2025-11-08'), 0))).toBe('2025-11-08');
    expect(() => cn.sumarDiasHabiles(F('2025-11-08'), 1.5)).toThrow(RangeError);
  });

  it('diasHabilesEntre counts (a, b]', () => {
    expect(cn.diasHabilesEntre(F('2025-12-31'), F('2026-12-31'))).toBe(261 - 9); // 261 weekdays, 9 public holidays on weekdays
    expect(cn.diasHabilesEntre(F('2025-11-07'), F('2025-11-10'))).toBe(1);
    expect(cn.diasHabilesEntre(F('2025-11-10'), F('2025-11-10'))).toBe(0);
    expect(cn.diasHabilesEntre(F('2025-11-10'), F('2025-11-07'))).toBe(-1);
    expect(Object.is(cn.diasHabilesEntre(F('2025-11-09'), F('2025-11-08')), 0)).toBe(true);
  });

  it('extra holidays count once, even on public holidays or weekends', () => {
    const local = crearCalendario('ES-CN', [F('2026-02-02'), F('2026-05-30'), F('2026-01-01')]);
    expect(local.esFestivo(F('2026-02-02'))).toBe('festivo local');
    expect(local.esFestivo(F('2026-01-01'))).toBe('Año Nuevo');
    expect(local.diasHabilesEntre(F('2025-12-31'), F('2026-12-31'))).toBe(261 - 10);
  });

  const arbFecha = fc.integer({ min: F('2000-01-01'), max: F('2040-12-31') });
  const arbRegion = fc.constantFrom(...REGIONES);

  it('sumarDiasHabiles lands on a hábil day and diasHabilesEntre agrees', () => {
    fc.assert(fc.property(arbRegion, arbFecha, fc.integer({ min: 0, max: 80 }), (r, f, n) => {
      const c = cal(r);
      const g = c.sumarDiasHabiles(f, n);
      if (n > 0) {
        expect(g > f).toBe(true);
        expect(c.esHabil(g)).toBe(true);
      } else {
        expect(g).toBe(f);
      }
      expect(c.diasHabilesEntre(f, g)).toBe(n);
      // Going back n hábil days from a hábil day returns to the previous chain.
      if (n > 0 && c.esHabil(f)) expect(c.sumarDiasHabiles(g, -n)).toBe(f);
    }));
  });

  it('diasHabilesEntre matches a day-by-day count (with extra holidays)', () => {
    fc.assert(fc.property(
      arbRegion, arbFecha, fc.integer({ min: -800, max: 800 }), fc.array(arbFecha, { maxLength: 5 }),
      (r, a, delta, extras) => {
        const c = crearCalendario(r, extras);
        const b = a + delta;
        expect(c.diasHabilesEntre(a, b)).toBe(delta >= 0 ? contar(c, a, b) : 0 - contar(c, b, a));
      },
    ), { numRuns: 200 });
  });

  it('siguienteHabil is the first hábil day ≥ f, never a weekend', () => {
    fc.assert(fc.property(arbRegion, arbFecha, (r, f) => {
      const c = cal(r);
      const g = c.siguienteHabil(f);
      expect(g >= f && c.esHabil(g)).toBe(true);
      expect(diaSemana(g)).toBeLessThan(6);
      for (let d = f; d < g; d++) expect(c.esHabil(d)).toBe(false);
    }));
  });
});

function contar(c: Calendario, a: Fecha, b: Fecha): number {
  let n = 0;
  for (let d = a + 1; d <= b; d++) if (c.esHabil(d)) n++;
  return n;
}
