/**
 * The code generator back end: one TypeScript module per rule file, with the input types, a
 * zod schema for the inputs, and synchronous evaluators. Conditions and values become plain
 * functions; the shared runtime engine (runtime/engine.ts) does case selection, exceptions,
 * conflicts and traces exactly as for the interpreter.
 */
import type * as IR from '../ir/ir.ts';
import type { Span } from '../diagnostics/diagnostic.ts';
import { emitExpr as emitExprWith, engineRefs, registries, type Refs } from './expressions.ts';
import { inputTsType, outputTsType, zodSource } from './types.ts';
import { citeOf, origin, readsOf, vigenciaOf } from '../interpret/interpret.ts';
import { directEvaluators } from './direct.ts';

export interface GenerateOptions {
  /** Import path of the runtime folder, relative to the generated file (e.g. "../runtime"). */
  readonly runtimeImport: string;
}

const q = JSON.stringify;

export function generateModule(program: IR.Program, options: GenerateOptions): string {
  const rt = options.runtimeImport.replace(/\/$/, '');
  const vocabulary = { enums: program.enums, registros: program.records };
  const out: string[] = [];
  const fns: string[] = [];
  let counter = 0;
  const fn = (body: string, returns: string): string => {
    const name = `f${counter++}`;
    fns.push(`function ${name}(ctx: Contexto, args: readonly unknown[]): ${returns} {\n  return ${body} as ${returns};\n}`);
    return name;
  };
  const refs = engineRefs(registries(fns, ''));
  const emitExpr = (e: IR.Expr, r: Refs = refs) => emitExprWith(e, r);
  const value = (v: IR.ValueIR) => (v.k === 'indeterminado' ? `{ indeterminado: ${q(v.reason)} }` : fn(emitExpr(v.expr), 'unknown'));
  const json = (x: unknown) => JSON.stringify(x);
  const where = (s: Span) => json(origin(s));

  out.push(`// Generado por neae a partir de ${program.file}. No editar: se regenera con «neae build».`);
  if (program.resolution) out.push(`// ${program.resolution.titulo ?? program.resolution.id}`);
  out.push(`/* eslint-disable */`);
  out.push(`import { z } from 'zod';`);
  out.push(`import { evaluarPrograma, avisosDeVigencia, falloDeCondicion, conflictoDeCasos, ningunCaso, Directo, leerFallo, resultadoModal, type Contexto, type ProgramaSpec, type OpcionesEvaluacion } from '${rt}/engine.ts';`);
  out.push(`import { Indeterminacion, FalloRegla, comoFallo, resultadoDeFallo, faltaDato, sinFechaDeEvaluacion } from '${rt}/result.ts';`);
  out.push(`import { exportar } from '${rt}/values.ts';`);
  out.push(`import { decToNumber } from '${rt}/decimal.ts';`);
  out.push(`import { zBooleano, zEntero, zDecimal, zPorcentaje, zFecha, zDuracion, zTexto, zCurso, zEnum, zConjunto, zLista, zOpcional, validarEntrada } from '${rt}/input.ts';`);
  out.push(`import { BUILTIN_IMPLS, requerido, ladoIzquierdoIndeterminado, cuantificar, fechaMasDuracion, fechaMenosDuracion, cursoMasDuracion, duracionPor } from '${rt}/ops.ts';`);
  out.push(`import { iguales, pertenece, conjunto } from '${rt}/values.ts';`);
  out.push(`import { decAdd, decSub, decMul, decDiv, decNeg, decFromInt } from '${rt}/decimal.ts';`);
  out.push(`import type { Duracion, Unidad } from '${rt}/durations.ts';`);
  out.push(`import type { Evaluacion, ResultadoDe } from '${rt}/result.ts';`);
  out.push(`import type { PasoResultado } from '${rt}/engine.ts';`);
  out.push('');
  out.push(`type Builtin = (...args: unknown[]) => unknown;`);
  out.push(`type Registro = Record<string, unknown>;`);
  out.push(`void iguales; void pertenece; void conjunto; void decAdd; void decSub; void decMul; void decDiv; void decNeg; void decFromInt; void requerido; void fechaMasDuracion; void fechaMenosDuracion; void cursoMasDuracion; void duracionPor; void BUILTIN_IMPLS; void ladoIzquierdoIndeterminado; void cuantificar; void falloDeCondicion; void conflictoDeCasos; void ningunCaso; void Indeterminacion; void Directo; void leerFallo; void resultadoModal; void FalloRegla; void comoFallo; void faltaDato; void sinFechaDeEvaluacion; void resultadoDeFallo; void exportar; void decToNumber;`);
  out.push('');
  out.push(`/** Los datos de un caso, tal como llegan en JSON. */`);
  out.push(`export interface Caso {`);
  for (const i of program.inputs) {
    if (i.doc) out.push(`  /** ${i.doc.replace(/\*\//g, '*\\/')} */`);
    out.push(`  ${q(i.name)}${i.type.k === 'opcional' ? '?' : ''}: ${inputTsType(i.type, vocabulary)};`);
  }
  out.push(`}`);
  out.push('');
  out.push(`/** Esquema zod del caso: valida y convierte a la representación interna. */`);
  out.push(`export const esquemaCaso = z.object({`);
  for (const i of program.inputs) out.push(`  ${q(i.name)}: ${zodSource(i.type, vocabulary)},`);
  out.push(`}, { error: 'el caso debe ser un objeto JSON' }).strict();`);
  out.push(`/** El caso ya validado (representación interna: decimales exactos, fechas como días). */`);
  out.push(`export type CasoValidado = z.output<typeof esquemaCaso>;`);
  out.push('');
  out.push(`/** Los resultados de una evaluación, con el tipo JSON de cada valor. */`);
  out.push(`export interface Resultados {`);
  for (const o of program.outputs) {
    const t =
      o.kind === 'definition'
        ? outputTsType(program.definitions[o.name]!.type, vocabulary)
        : o.kind === 'norm'
          ? outputTsType({ k: 'enum', nombre: 'Cumplimiento' }, vocabulary)
          : 'PasoResultado[]';
    out.push(`  ${q(o.name)}: ResultadoDe<${t}>;`);
  }
  out.push(`}`);
  out.push('');

  // Specs: conditions and values become functions; everything else is data.
  const definitions: string[] = [];
  for (const d of Object.values(program.definitions)) {
    const parts = [`nombre: ${q(d.name)}`, `tipo: ${json(d.type)}`, `parametros: ${json(d.params.map((p) => ({ nombre: p.name, tipo: p.type })))}`];
    if (d.body) parts.push(`formula: { cita: ${json(citeOf(d.body.citation))}, origen: ${where(d.body.span)}, lee: ${json(readsOf(d.body.reads))}, valor: ${fn(emitExpr(d.body.expr), 'unknown')} }`);
    const cases = d.cases.map(
      (k) =>
        `{ id: ${q(k.id)}, cita: ${json(citeOf(k.citation))}, origen: ${where(k.span)}, domina: ${json(k.dominates)}, lee: ${json(readsOf(k.reads))}, condicion: ${fn(emitExpr(k.condition), 'boolean')}, valor: ${value(k.value)} }`,
    );
    parts.push(`casos: [\n      ${cases.join(',\n      ')}\n    ]`);
    const fast = d.body ? undefined : fastPath(d, fns, refs);
    if (fast) parts.push(`rapido: ${fast}`);
    if (d.otherwise) parts.push(`otro: { cita: ${json(citeOf(d.otherwise.citation))}, origen: ${where(d.otherwise.span)}, lee: ${json(readsOf(d.otherwise.reads))}, valor: ${value(d.otherwise.value)} }`);
    definitions.push(`    ${q(d.name)}: {\n    ${parts.join(',\n    ')}\n    }`);
  }
  const norms: string[] = [];
  for (const n of Object.values(program.norms)) {
    const displacedBy = Object.values(program.norms).filter((o) => o.overrides.includes(n.name)).map((o) => o.name);
    norms.push(
      `    ${q(n.name)}: { nombre: ${q(n.name)}, id: ${q(n.id)}, modalidad: ${q(n.modality)}, cita: ${json(citeOf(n.citation))}, origen: ${where(n.span)}, lee: ${json(readsOf(n.reads))}, ` +
        `${n.applies ? `aplica: ${fn(emitExpr(n.applies), 'boolean')}, ` : ''}exige: ${fn(emitExpr(n.requirement), 'boolean')}, desplazadaPor: ${json(displacedBy)} }`,
    );
  }
  const procedures: string[] = [];
  for (const p of Object.values(program.procedures)) {
    const steps = p.steps.map((s) => {
      const parts = [`id: ${q(s.id)}`, `nombre: ${q(s.name)}`, `doc: ${json(s.doc)}`, `documento: ${json(s.document)}`, `cita: ${json(citeOf(s.citation))}`, `origen: ${where(s.span)}`, `lee: ${json(readsOf(s.reads))}`, `tras: ${json(s.after)}`];
      if (s.responsible) parts.push(`responsable: ${fn(emitExpr(s.responsible), 'unknown')}`);
      if (s.deadline) parts.push(`plazo: ${fn(emitExpr(s.deadline), 'number')}`);
      if (s.done) parts.push(`realizado: ${fn(emitExpr(s.done), 'number | undefined')}`);
      if (s.when) parts.push(`cuando: ${fn(emitExpr(s.when), 'boolean')}`);
      return `{ ${parts.join(', ')} }`;
    });
    procedures.push(`    ${q(p.name)}: { nombre: ${q(p.name)}, pasos: [\n      ${steps.join(',\n      ')}\n    ] }`);
  }

  out.push(`// Condiciones y valores de cada caso, en el orden del fichero de reglas.`);
  out.push(...fns);
  out.push('');
  out.push(`/** La especificación que ejecuta el motor común (la misma forma que usa el intérprete). */`);
  out.push(`export const programa: ProgramaSpec = {`);
  out.push(`  vocabulario: ${json(vocabulary)},`);
  out.push(`  calendario: ${q(program.resolution?.calendario ?? 'ES')},`);
  if (program.resolution?.festivosLocales) out.push(`  festivosLocales: ${q(program.resolution.festivosLocales)},`);
  out.push(`  definiciones: {\n${definitions.join(',\n')}\n  },`);
  out.push(`  normas: {\n${norms.join(',\n')}\n  },`);
  out.push(`  procedimientos: {\n${procedures.join(',\n')}\n  },`);
  out.push(`  salidas: ${json(program.outputs.map((o) => ({ clase: o.kind, nombre: o.name })))},`);
  const vigencia = vigenciaOf(program);
  if (vigencia) out.push(`  vigencia: ${json(vigencia)},`);
  out.push(`};`);
  out.push('');
  out.push(...directEvaluators(program, vocabulary));
  out.push(`export interface EvaluacionTipada {\n  readonly resultados: Resultados;\n  readonly traza: Evaluacion['traza'];\n}`);
  out.push('');
  out.push(`/** Valida el caso (error EntradaNoValida que nombra cada campo mal) y lo evalúa. Síncrono. */`);
  out.push(`export function evaluar(caso: Caso | unknown, opciones?: OpcionesEvaluacion): EvaluacionTipada {`);
  out.push(`  return evaluarValidado(validarEntrada(esquemaCaso, caso) as CasoValidado, opciones);`);
  out.push(`}`);
  out.push('');
  out.push(`/** Evalúa un caso ya validado con esquemaCaso (para bucles: no vuelve a validar). */`);
  out.push(`export function evaluarValidado(caso: CasoValidado, opciones?: OpcionesEvaluacion): EvaluacionTipada {`);
  out.push(`  // Without a trace, the direct evaluators answer when they cover every output asked for.`);
  out.push(`  if (opciones?.traza === false) {`);
  out.push(`    const salidas = opciones.salidas ?? programa.salidas.map((s) => s.nombre);`);
  out.push(`    let todas = true;`);
  out.push(`    for (const s of salidas) if (!(s in directos)) todas = false;`);
  out.push(`    if (todas) {`);
  out.push(`      const resultados: Record<string, unknown> = {};`);
  out.push(`      for (const s of salidas) resultados[s] = directos[s]!(caso, opciones.fecha);`);
  out.push(`      const avisos = avisosDeVigencia(programa, opciones.fecha);`);
  out.push(`      return (avisos.length ? { resultados, traza: [], avisos } : { resultados, traza: [] }) as unknown as EvaluacionTipada;`);
  out.push(`    }`);
  out.push(`  }`);
  out.push(`  return evaluarPrograma(programa, caso as Record<string, unknown>, opciones) as unknown as EvaluacionTipada;`);
  out.push(`}`);
  out.push('');
  return out.join('\n');
}

/**
 * A straight-line evaluator for a definition by cases, used when no trace is recorded: the
 * conditions are evaluated in order into small integers (0 no, 1 applies, 2 unknown), the
 * «prevalece sobre» relation is unrolled into boolean expressions at compile time, and failures
 * are built with the engine's own helpers so that results match the generic path exactly.
 */
function fastPath(d: IR.DefinitionIR, fns: string[], refs: Refs): string {
  const name = `rapido_${fns.length}`;
  const expr = (e: IR.Expr) => emitExprWith(e, refs);
  const ctxType = refs.ctxType;
  const q = JSON.stringify;
  // Citations used on failure paths are module constants: built once, not at every failure.
  const cite = (c: IR.CitationIR | undefined) => {
    const json = JSON.stringify(citeOf(c));
    return json === undefined ? 'undefined' : refs.constant(`cita:${json}`, (n) => `const ${n} = ${json};`);
  };
  const lines: string[] = [`function ${name}(ctx: ${ctxType}, args: readonly unknown[] = []): unknown {`];
  const n = d.cases.length;
  const fail = (failure: string) => `throw ${failure};`;
  d.cases.forEach((k, i) => {
    lines.push(`  let s${i} = 0;`);
    lines.push(`  let f${i}: unknown;`);
    lines.push(`  try { s${i} = (${expr(k.condition)}) ? 1 : 0; } catch (e) { s${i} = 2; f${i} = e; }`);
  });
  const displaced = (i: number) => {
    const by = d.cases.map((k, j) => (k.dominates.includes(d.cases[i]!.id) ? `s${j} === 1` : '')).filter(Boolean);
    return by.length ? `(${by.join(' || ')})` : 'false';
  };
  d.cases.forEach((_, i) => lines.push(`  const d${i} = ${displaced(i)};`));
  d.cases.forEach((k, i) => lines.push(`  if (s${i} === 2 && !d${i}) ${fail(`falloDeCondicion(${q(k.id)}, ${cite(k.citation)}, f${i})`)}`));
  if (n > 0) {
    lines.push(`  const live = ${d.cases.map((_, i) => `(s${i} === 1 && !d${i} ? 1 : 0)`).join(' + ')};`);
    lines.push(`  if (live > 1) {`);
    lines.push(`    const casos: { caso: string; cita?: unknown }[] = [];`);
    d.cases.forEach((k, i) => lines.push(`    if (s${i} === 1 && !d${i}) casos.push({ caso: ${q(k.id)}, cita: ${cite(k.citation)} });`));
    lines.push(`    ${fail('conflictoDeCasos(casos as never)')}`);
    lines.push(`  }`);
  }
  const value = (v: IR.ValueIR, c: IR.CitationIR | undefined) =>
    v.k === 'indeterminado' ? fail(`new Indeterminacion(${q(v.reason)}, ${cite(c)})`) : `return ${expr(v.expr)};`;
  d.cases.forEach((k, i) => lines.push(`  if (s${i} === 1 && !d${i}) { ${value(k.value, k.citation)} }`));
  if (d.otherwise) lines.push(`  ${value(d.otherwise.value, d.otherwise.citation)}`);
  else lines.push(`  ${fail(`ningunCaso(${q(d.name)})`)}`);
  lines.push(`}`);
  fns.push(lines.join('\n'));
  return name;
}

