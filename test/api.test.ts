/** The library API (index.ts): what a developer embedding neae uses. */
import { describe, it, expect } from 'vitest';
import * as neae from '../index.ts';

describe('API pública', () => {
  it('compila, evalúa y explica un fichero de reglas', () => {
    const c = neae.compile('rules/canarias/cuarta.neae', neae.nodeHost);
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const e = neae.interpreter(c.program!).evaluate({ etapa: 'EI', áreas_adaptadas: ['LCR'], horas_previstas_fuera: 5 }, { salidas: ['horas_fuera_del_aula'] });
    expect(e.resultados).toEqual({ horas_fuera_del_aula: { estado: 'valor', valor: 'cumple' } });
    expect(neae.explicar(e)).toMatch(/Anexo I, Cuarta\.3/);
  });

  it('expone el runtime: fechas, decimales y calendarios', () => {
    expect(neae.fechaATexto(neae.sumarMeses(neae.fechaDesdeTexto('2026-01-31'), 1))).toBe('2026-02-28');
    expect(neae.decToString(neae.decAdd(neae.decFromString('0.1'), neae.decFromString('0.2')))).toBe('0.3');
    expect(neae.crearCalendario('ES-CN').esHabil(neae.fechaDesdeTexto('2025-05-30'))).toBe(false);
  });

  it('las palabras clave del lenguaje, para editores', () => {
    expect(neae.keywordInfo.map((k) => k.canonical)).toEqual(expect.arrayContaining(['definición', 'caso', 'cita', 'prevalece', 'indeterminado']));
  });
});
