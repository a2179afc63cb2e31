/** The semantics of cases, exceptions, conflicts, indeterminado, modality and procedures. */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { compile } from '../../compiler/driver/compile.ts';
import { memoryHost } from '../../compiler/driver/host.ts';
import { interpreter } from '../../compiler/interpret/interpret.ts';
import { fechaDesdeTexto } from '../../runtime/dates.ts';
import { EntradaNoValida } from '../../runtime/input.ts';

const TEXT = 'Uno dos tres. El plazo será de un mes. Se podrá ampliar. Preferentemente en grupo. No obstante, en caso de nueva valoración.';
const HEAD = 'resolución r { título: "R" texto: "t.txt" calendario: "ES-CN" }\nenumeración E { A "a" B "b" C "c" }\n';

function run(body: string, input: unknown, fecha?: string) {
  const c = compile('r.neae', memoryHost({ 'r.neae': HEAD + body, 't.txt': TEXT }));
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => d.message)).toEqual([]);
  return interpreter(c.program!).evaluate(input, { fecha: fecha ? fechaDesdeTexto(fecha) : undefined });
}

const cite = 'cita "x" «Uno dos tres»';

describe('definiciones por casos', () => {
  const def = `entrada e: E "e"\nentrada nv: booleano "nv"
definición v: entero "v"
  caso R1 si e = A entonces 1 ${cite}
  caso R2 si e = A o e = B entonces 2 ${cite}
  caso R3 si nv entonces 3 prevalece sobre R1, R2 cita "x" «No obstante, en caso de nueva valoración»
  en otro caso indeterminado "el texto no lo dice"\n`;

  it('un solo caso aplicable da su valor', () => {
    expect(run(def, { e: 'B', nv: false }).resultados.v).toEqual({ estado: 'valor', valor: 2 });
  });
  it('dos casos sin prioridad: conflicto con las dos citas', () => {
    const r = run(def, { e: 'A', nv: false }).resultados.v!;
    expect(r.estado).toBe('conflicto');
    expect(r.estado === 'conflicto' && r.casos.map((c) => c.caso)).toEqual(['R1', 'R2']);
  });
  it('la excepción prevalece y lo dice la traza', () => {
    const e = run(def, { e: 'A', nv: true });
    expect(e.resultados.v).toEqual({ estado: 'valor', valor: 3 });
    expect(e.traza.at(-1)).toMatchObject({ caso: 'R3', desplaza: ['R1', 'R2'], cita: { texto: 'No obstante, en caso de nueva valoración' } });
  });
  it('ningún caso: el indeterminado explícito con su motivo', () => {
    expect(run(def, { e: 'C', nv: false }).resultados.v).toEqual({ estado: 'indeterminado', motivo: 'el texto no lo dice' });
  });
});

describe('datos que faltan e indeterminado', () => {
  const def = `entrada h: horas? "h"\nentrada e: E "e"
definición máx: horas "m"
  caso R1 si e = A entonces 5 horas ${cite}
definición cumple: booleano "c" = h <= máx ${cite}\n`;
  it('un dato opcional ausente da indeterminado nombrando el dato', () => {
    expect(run(def, { e: 'A' }).resultados.cumple).toEqual({ estado: 'indeterminado', motivo: 'falta el dato «h»' });
  });
  it('el indeterminado se propaga con su motivo', () => {
    const r = run(def, { e: 'B', h: 3 }).resultados.cumple!;
    expect(r.estado).toBe('indeterminado');
    expect(r.estado === 'indeterminado' && r.motivo).toMatch(/máx/);
  });
  it('«y»/«o» de tres valores: falso y ? = falso; verdadero o ? = verdadero; si no, el motivo', () => {
    const body = `entrada h: horas? "h"\nentrada b: booleano "b"
definición y1: booleano "y" = h > 3 y b ${cite}
definición o1: booleano "o" = h > 3 o b ${cite}\n`;
    expect(run(body, { b: false }).resultados.y1).toEqual({ estado: 'valor', valor: false });
    expect(run(body, { b: true }).resultados.o1).toEqual({ estado: 'valor', valor: true });
    expect(run(body, { b: true }).resultados.y1).toEqual({ estado: 'indeterminado', motivo: 'falta el dato «h»' });
    expect(run(body, { b: false, h: 5 }).resultados.y1).toEqual({ estado: 'valor', valor: false });
  });

  it('decimales exactos: 0.1 + 0.2 = 0.3', () => {
    const r = run('entrada a: decimal "a"\nentrada b: decimal "b"\ndefinición s: booleano "s" = a + b = 0.3 ' + cite + '\n', { a: 0.1, b: 0.2 });
    expect(r.resultados.s).toEqual({ estado: 'valor', valor: true });
  });
});

describe('todos / alguno / cuántos', () => {
  const body = `registro Reunión "r" { mes: entero "m"  celebrada: booleano? "c" }
entrada reuniones: lista de Reunión "rs"
definición todas: booleano "t" = todos(r en reuniones: r.celebrada) ${cite}
definición alguna: booleano "a" = alguno(r en reuniones: r.celebrada y r.mes > 3) ${cite}
definición tardías: entero "n" = cuántos(r en reuniones: r.mes > 6) ${cite}\n`;
  it('cuantifican con la lógica de tres valores', () => {
    const r = run(body, { reuniones: [{ mes: 1, celebrada: false }, { mes: 7 }] }).resultados;
    expect(r.todas).toEqual({ estado: 'valor', valor: false }); // un falso decide aunque otro falte
    expect(r.alguna).toEqual({ estado: 'indeterminado', motivo: 'falta el dato «r.celebrada»' });
    expect(r.tardías).toEqual({ estado: 'valor', valor: 1 });
    expect(run(body, { reuniones: [] }).resultados.todas).toEqual({ estado: 'valor', valor: true });
  });
});

describe('modalidad', () => {
  const body = `entrada x: entero "x"
norma N1 obligación "o" debe x <= 5 ${cite}
norma N2 permiso "p" aplica si x > 0 puede x <= 3 cita "x" «Se podrá ampliar»
norma N3 recomendación "r" preferentemente x <= 4 cita "x" «Preferentemente en grupo»\n`;
  it('debe / puede / preferentemente', () => {
    const r = run(body, { x: 5 }).resultados;
    expect([r.obligación, r.permiso, r.recomendación]).toEqual([
      { estado: 'valor', valor: 'cumple' },
      { estado: 'valor', valor: 'no_permitido' },
      { estado: 'valor', valor: 'recomendación_no_seguida' },
    ]);
    expect(run(body, { x: 0 }).resultados.permiso).toEqual({ estado: 'valor', valor: 'no_aplica' });
  });
});

describe('procedimientos y plazos', () => {
  const body = `entrada firma: fecha "firma"\nentrada hecho: fecha? "hecho"
procedimiento p "p"
  paso R1 firmar "f" realizado firma ${cite}
  paso R2 formalizar "f" documento "Documento de AC" tras firmar plazo firmar + 1 mes realizado hecho cita "x" «El plazo será de un mes»\n`;
  const step = (e: ReturnType<typeof run>) => (e.resultados.p as { valor: { paso: string; plazo: unknown; estado: unknown }[] }).valor[1]!;
  it('plazo de fecha a fecha y estado a tiempo / tarde', () => {
    expect(step(run(body, { firma: '2026-01-31', hecho: '2026-02-28' }))).toMatchObject({ plazo: { estado: 'valor', valor: '2026-02-28' }, estado: 'a_tiempo' });
    expect(step(run(body, { firma: '2026-01-31', hecho: '2026-03-01' }))).toMatchObject({ estado: 'tarde' });
  });
  it('sin realizar: pendiente o vencido según la fecha de evaluación', () => {
    expect(step(run(body, { firma: '2025-11-10' }, '2025-12-10'))).toMatchObject({ estado: 'pendiente' });
    expect(step(run(body, { firma: '2025-11-10' }, '2025-12-11'))).toMatchObject({ estado: 'vencido' });
  });
  it('un paso anterior cuya fecha no se puede saber deja sin decidir el orden, sin romper la evaluación', () => {
    // «realizado» de un registro opcional que falta es indeterminado; el paso siguiente, hecho, no
    // puede saber si se hizo antes que ese: su estado es indeterminado con el motivo, no un error.
    const b = `registro Momento "m" { día: fecha "d" }\nentrada inicio: fecha "i"\nentrada bloqueo: Momento? "b"\nentrada seguido: fecha? "s"
procedimiento p "p"
  paso R1 bloquear "b" realizado bloqueo.día ${cite}
  paso R2 seguir "s" tras bloquear plazo inicio + 5 días naturales realizado seguido ${cite}\n`;
    const steps = (e: ReturnType<typeof run>) => (e.resultados.p as { valor: { estado: unknown }[] }).valor;
    const r = run(b, { inicio: '2025-09-01', seguido: '2025-09-03' });
    expect(steps(r)[0]!.estado).toMatchObject({ estado: 'indeterminado', motivo: 'falta el dato «bloqueo»' });
    expect(steps(r)[1]!.estado).toMatchObject({ estado: 'indeterminado', motivo: 'falta el dato «bloqueo»' });
    // Known dates decide as before: done before the step it must follow is out of order.
    const fuera = run(b, { inicio: '2025-09-01', bloqueo: { día: '2025-09-04' }, seguido: '2025-09-03' });
    expect(steps(fuera)[1]!.estado).toBe('fuera_de_orden');
  });
  it('un paso puede tener varios responsables que lo comparten', () => {
    const r = run(`entrada firma: fecha "firma"\nprocedimiento p "p"\n  paso R1 firmar "f" responsable {B, A} realizado firma ${cite}\n`, { firma: '2026-01-31' });
    expect((r.resultados.p as { valor: { responsable: unknown }[] }).valor[0]!.responsable).toEqual(['A', 'B']);
  });
  it('fin_de_plazo prorroga al siguiente hábil (Ley 39/2015, art. 30.5)', () => {
    const r = run(`entrada f: fecha "f"\ndefinición fin: fecha "x" = fin_de_plazo(f, 2 meses) ${cite}\n`, { f: '2011-02-24' });
    expect(r.resultados.fin).toEqual({ estado: 'valor', valor: '2011-04-25' });
  });
});

describe('casos mal formados', () => {
  it('un caso con un campo mal da un error que nombra el campo', () => {
    expect(() => run(`entrada e: E "e"\nentrada f: fecha "f"\ndefinición d: entero "d" = 1 ${cite}\n`, { e: 'Z', f: '2025-02-30' })).toThrow(EntradaNoValida);
    try {
      run(`entrada e: E "e"\nentrada f: fecha "f"\ndefinición d: entero "d" = 1 ${cite}\n`, { e: 'Z', f: '2025-02-30', extra: 1 });
    } catch (failure) {
      const campos = (failure as EntradaNoValida).errores.map((x) => x.campo);
      expect(campos).toEqual(expect.arrayContaining(['e', 'f', '(caso)']));
    }
  });
});

describe('importar otro fichero de reglas de la misma resolución', () => {
  it('usa sus definiciones y comprueba sus citas contra su propio texto', () => {
    const files = {
      'r/a.neae': 'resolución a { título: "A" texto: "ta.txt" calendario: "ES" }\nentrada x: entero "x"\ndefinición doble: entero "d" = x * 2 cita "1" «texto de a»\n',
      'r/b.neae': 'resolución b { título: "B" texto: "tb.txt" calendario: "ES" }\nimportar "a.neae"\ndefinición cuádruple: entero "c" = doble * 2 cita "2" «texto de b»\n',
      'r/ta.txt': 'línea uno\ntexto de a',
      'r/tb.txt': 'texto de b',
    };
    const c = compile('r/b.neae', memoryHost(files));
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const e = interpreter(c.program!).evaluate({ x: 3 });
    expect(e.resultados).toEqual({ cuádruple: { estado: 'valor', valor: 12 } });
    expect(e.traza[0]).toMatchObject({ regla: 'doble', cita: { texto: 'texto de a', linea: 2 }, origen: { fichero: 'r/a.neae' } });
    const bad = compile('r/b.neae', memoryHost({ ...files, 'r/ta.txt': 'otro texto' }));
    expect(bad.diagnostics.map((d) => [d.code, d.span.file])).toContainEqual(['cita-no-encontrada', 'r/a.neae']);
  });
});

/** A rule file that imports the common vocabulary (CalendarioEscolar), compiled once, and its interpreter. */
function withCommonVocabulary(region: string, body: string) {
  const files = {
    'rules/comun/vocabulario.neae': nodeHostRead('rules/comun/vocabulario.neae'),
    'rules/x/r.neae': `resolución r { título: "R" texto: "t.txt" calendario: "${region}" }\nimportar "../comun/vocabulario.neae"\nentrada cal: CalendarioEscolar "c"\n${body}`,
    'rules/x/t.txt': 'uno',
  };
  const c = compile('rules/x/r.neae', memoryHost(files));
  return { errors: c.diagnostics.filter((d) => d.severity === 'error'), run: interpreter(c.program!) };
}

const CALENDARIO = { inicio_de_clases: '2025-09-08', fin_primer_trimestre: '2025-12-19', fin_segundo_trimestre: '2026-03-27', fin_de_clases: '2026-06-19', días_no_lectivos: [] as string[] };

describe('vocabulario común: trimestre según el calendario del centro', () => {
  it('sitúa una fecha en su trimestre, e indeterminado fuera del periodo lectivo', () => {
    const { errors, run } = withCommonVocabulary('ES', 'entrada f: fecha "f"\ndefinición t: entero "t" = trimestre(f, cal) cita "x" «uno»\n');
    expect(errors).toEqual([]);
    const t = (f: string) => run.evaluate({ cal: CALENDARIO, f }).resultados.t;
    expect(t('2025-12-19')).toEqual({ estado: 'valor', valor: 1 });
    expect(t('2025-12-20')).toEqual({ estado: 'valor', valor: 2 });
    expect(t('2026-07-01')!.estado).toBe('indeterminado');
  });
});

describe('plazos en días lectivos según el calendario del centro', () => {
  const { errors, run } = withCommonVocabulary('ES-RI', 'entrada f: fecha "f"\nentrada n: entero "n"\ndefinición fin: fecha "t" = fin_de_plazo_lectivo(f, n, cal) cita "x" «uno»\n');
  const cal = { ...CALENDARIO, días_no_lectivos: ['2025-12-22', '2025-12-23', '2025-12-24', '2025-12-26', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02', '2026-01-05', '2026-01-07'] };
  const fin = (f: string, n: number) => run.evaluate({ cal, f, n }).resultados.fin;
  it('cuenta desde el día siguiente, sin fines de semana, festivos ni días no lectivos del centro', () => {
    expect(errors).toEqual([]);
    // Mon 2025-12-15 + 15 días lectivos: 16–19 Dec (4), then the Christmas break and the holidays
    // of 25 Dec, 1 and 6 Jan are skipped; 8–9 Jan (6), 12–16 (11), 19–22 Jan (15).
    expect(fin('2025-12-15', 15)).toEqual({ estado: 'valor', valor: '2026-01-22' });
    // Before the start of classes, counting starts on the first school day.
    expect(fin('2025-08-01', 1)).toEqual({ estado: 'valor', valor: '2025-09-08' });
  });
  it('un plazo que no acaba antes del fin de clases es indeterminado, con el motivo', () => {
    const r = fin('2026-06-10', 15);
    expect(r).toMatchObject({ estado: 'indeterminado' });
    expect(r!.estado === 'indeterminado' && r!.motivo).toMatch(/hace falta el calendario del curso siguiente/);
  });
});

function nodeHostRead(path: string): string {
  return readFileSync(path, 'utf8');
}

describe('mensajes de validación del caso', () => {
  it('distingue un dato que falta de uno con el tipo equivocado', () => {
    const body = `entrada n: entero "n"\nentrada m: entero "m"\ndefinición d: entero "d" = n + m ${cite}\n`;
    try {
      run(body, { n: 2.5 });
      expect.unreachable();
    } catch (failure) {
      const errores = (failure as EntradaNoValida).errores;
      expect(errores).toContainEqual({ campo: 'n', mensaje: 'se esperaba un número entero' });
      expect(errores).toContainEqual({ campo: 'm', mensaje: 'falta este dato obligatorio' });
    }
  });
});
