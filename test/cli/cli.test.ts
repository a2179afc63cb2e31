/** The `neae` command as users run it: output, exit codes and help. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function neae(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/neae.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same, run from another folder (as a user whose rules live outside this repository). */
function neaeIn(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/neae.mjs'), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('neae (CLI)', () => {
  it('--help explica las órdenes y sale con 0; sin orden sale con 2', () => {
    const help = neae('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/neae check/);
    expect(help.out).toMatch(/neae eval/);
    expect(neae().code).toBe(2);
  });

  it('una orden desconocida es un error de uso (2)', () => {
    const r = neae('comprobar');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Orden desconocida «comprobar»/);
  });

  it('check: errores situados en español y salida 1', () => {
    const r = neae('check', 'test/bad/nombres.neae');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error\[nombre-desconocido\]: No se conoce el nombre «etap»/);
    expect(r.err).toMatch(/--> test\/bad\/nombres\.neae:6:14/);
    expect(r.err).toMatch(/¿Quisiste decir «etapa»\?/);
  });

  it('check --json: los diagnósticos como datos', () => {
    const r = neae('check', 'test/bad/tipos.neae', '--json');
    const list = JSON.parse(r.out) as { code: string; span: { start: { line: number } } }[];
    expect(list.map((d) => d.code)).toContain('dias-ambiguos');
    expect(list.every((d) => d.span.start.line > 0)).toBe(true);
  });

  it('eval: un caso mal formado nombra el campo y sale con 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'neae-'));
    const file = join(dir, 'caso.json');
    writeFileSync(file, JSON.stringify({ etapa: 'ESO', áreas_adaptadas: ['LCL'], horas_previstas_fuera: 'cinco', firma_inspector: '2026-02-30' }));
    const r = neae('eval', 'rules/canarias/cuarta.neae', '--caso', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/horas_previstas_fuera: /);
    expect(r.err).toMatch(/firma_inspector: fecha no válida «2026-02-30»/);
  });

  it('eval --explicar: cada paso con su cita y el texto literal', () => {
    const r = neae('eval', 'rules/canarias/cuarta.neae', '--caso', 'rules/canarias/ejemplos/eso-nueva-valoracion.json', '--fecha', '2026-03-10', '--explicar');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/máximo_horas_fuera: 8/);
    expect(r.out).toMatch(/según: Anexo I, Cuarta\.3 \(texto oficial, línea \d+\)/);
    expect(r.out).toMatch(/«En el supuesto de dos áreas o materias adaptadas, siendo éstas Lengua Castellana y Literatura y Matemáticas/);
  });

  it('eval: JSON con resultados y traza', () => {
    const r = neae('eval', 'rules/canarias/cuarta.neae', '--case', 'rules/canarias/ejemplos/eso-nueva-valoracion.json');
    const e = JSON.parse(r.out) as { resultados: Record<string, { estado: string; valor?: unknown }>; traza: unknown[] };
    expect(e.resultados['máximo_horas_fuera']).toEqual({ estado: 'valor', valor: 8 });
    expect(e.traza.length).toBeGreaterThan(5);
  });

  it('test: resumen «N passed, N failed» y salida 0 si todo pasa', () => {
    const r = neae('test', 'rules/canarias/cuarta.pruebas.neae');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it('test: una prueba que falla da salida 1 y dice qué esperaba', () => {
    const dir = mkdtempSync(join(tmpdir(), 'neae-'));
    writeFileSync(join(dir, 't.txt'), 'el máximo será de cinco');
    writeFileSync(join(dir, 'r.neae'), 'resolución r { título: "R" texto: "t.txt" calendario: "ES" }\nentrada h: entero "h"\ndefinición ok: booleano "ok" = h <= 5 cita "x" «será de cinco»\n');
    writeFileSync(join(dir, 'r.pruebas.neae'), 'pruebas "r.neae"\nprueba "mal" dado h = 6 espera ok = verdadero\n');
    const r = neae('test', dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ mal/);
    expect(r.out).toMatch(/ok: se esperaba sí y se obtuvo no/);
    expect(r.out).toMatch(/^0 passed, 1 failed$/m);
  });

  it('nuevo: empieza un fichero de reglas que ya comprueba y pasa sus pruebas', () => {
    const dir = mkdtempSync(join(tmpdir(), 'neae-nuevo-'));
    writeFileSync(join(dir, 'boletin.txt'), 'Resolución de 1 de enero de 2025 de prueba.\nPrimero. Texto del articulado.\n');
    const target = join(dir, 'reglas', 'nueva.neae');
    const r = neae('nuevo', target, '--texto', join(dir, 'boletin.txt'), '--calendario', 'ES-RI');
    expect(r.code).toBe(0);
    expect(neae('check', target).code).toBe(0);
    expect(neae('test', join(dir, 'reglas')).out).toMatch(/^1 passed, 0 failed$/m);
    expect(neae('nuevo', target, '--texto', join(dir, 'boletin.txt')).code).toBe(2); // no sobrescribe
  });

  it('nuevo fuera de este repositorio: el fichero importa el vocabulario común que trae neae', () => {
    const dir = mkdtempSync(join(tmpdir(), 'neae-nuevo-fuera-'));
    writeFileSync(join(dir, 'boletin.txt'), 'Resolución de 1 de enero de 2025 de prueba.\nPrimero. Texto del articulado.\n');
    expect(neaeIn(dir, 'nuevo', 'reglas/nueva.neae', '--texto', 'boletin.txt').code).toBe(0);
    const check = neaeIn(dir, 'check', 'reglas/nueva.neae');
    expect(check.out + check.err).toMatch(/sin errores/);
    expect(check.code).toBe(0);
  });

  it('diff --desde: compara toda la carpeta de reglas (megabytes de textos oficiales) sin romperse', () => {
    // git archive used to go through a 1 MB buffer: with four regulations it stopped with ENOBUFS.
    const r = neae('diff', '--desde', 'HEAD', 'rules');
    expect(r.err).not.toMatch(/ENOBUFS|at .*\(/);
    expect(r.code).toBe(0);
    const bad = neae('diff', '--desde', 'HEAD', 'no-existe');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/git no puede/);
  });

  it('build: un módulo TypeScript por fichero de reglas', () => {
    const dir = mkdtempSync(join(tmpdir(), 'neae-build-'));
    const r = neae('build', 'rules/canarias/cuarta.neae', '--salida', dir);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/cuarta\.neae → /);
  });
});
