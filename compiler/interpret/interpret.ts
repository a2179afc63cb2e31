/**
 * The interpreter back end: turns a checked Program into the engine's specs, with closures
 * that walk the IR. Used by `neae eval`, `neae test` and the playground.
 */
import type * as IR from '../ir/ir.ts';
import type { Span } from '../diagnostics/diagnostic.ts';
import type { CasoSpec, PasoSpec, DefinicionSpec, Lectura, NormaSpec, ProcedimientoSpec, ProgramaSpec, OpcionesEvaluacion } from '../../runtime/engine.ts';
import { evaluarPrograma, avisosDeVigencia } from '../../runtime/engine.ts';
import { compileFastPath, type FastPath } from './direct.ts';
import type { CitaTraza, Evaluacion, Origen } from '../../runtime/result.ts';
import { esquemaDeEntradas, validarEntrada } from '../../runtime/input.ts';
import { evalExpr } from './eval.ts';
import type { z } from 'zod';

export function origin(span: Span): Origen {
  return { fichero: span.file, linea: span.start.line, columna: span.start.column, lineaFin: span.end.line, columnaFin: span.end.column };
}

export function citeOf(c: IR.CitationIR | undefined): CitaTraza | undefined {
  if (!c) return undefined;
  const out: { lugar: string; texto?: string; linea?: number } = { lugar: c.place };
  if (c.quote !== undefined) out.texto = c.quote;
  if (c.line !== undefined) out.linea = c.line;
  return out;
}

export function readsOf(reads: readonly IR.Read[]): Lectura[] {
  return reads.map((r) => (r.index === undefined ? { nombre: r.name, clase: r.kind, tipo: r.type } : { nombre: r.name, clase: r.kind, indice: r.index, tipo: r.type }));
}

const fn = (e: IR.Expr) => (ctx: Parameters<CasoSpec['condicion']>[0], args: readonly unknown[]) => evalExpr(e, ctx, args);

function valueFn(v: IR.ValueIR) {
  return v.k === 'indeterminado' ? { indeterminado: v.reason } : fn(v.expr);
}

function definitionSpec(d: IR.DefinitionIR): DefinicionSpec {
  return {
    nombre: d.name,
    tipo: d.type,
    parametros: d.params.map((p) => ({ nombre: p.name, tipo: p.type })),
    formula: d.body && { cita: citeOf(d.body.citation), origen: origin(d.body.span), lee: readsOf(d.body.reads), valor: fn(d.body.expr) },
    casos: d.cases.map((k) => ({
      id: k.id,
      cita: citeOf(k.citation),
      origen: origin(k.span),
      domina: k.dominates,
      lee: readsOf(k.reads),
      condicion: fn(k.condition) as CasoSpec['condicion'],
      valor: valueFn(k.value),
    })),
    otro: d.otherwise && { cita: citeOf(d.otherwise.citation), origen: origin(d.otherwise.span), lee: readsOf(d.otherwise.reads), valor: valueFn(d.otherwise.value) },
  };
}

function normSpec(n: IR.NormIR, program: IR.Program): NormaSpec {
  return {
    nombre: n.name,
    id: n.id,
    modalidad: n.modality,
    cita: citeOf(n.citation),
    origen: origin(n.span),
    lee: readsOf(n.reads),
    aplica: n.applies && (fn(n.applies) as NormaSpec['exige']),
    exige: fn(n.requirement) as NormaSpec['exige'],
    desplazadaPor: Object.values(program.norms).filter((o) => o.overrides.includes(n.name)).map((o) => o.name),
  };
}

function procedureSpec(p: IR.ProcedureIR): ProcedimientoSpec {
  return {
    nombre: p.name,
    pasos: p.steps.map((s) => ({
      id: s.id,
      nombre: s.name,
      doc: s.doc,
      documento: s.document,
      cita: citeOf(s.citation),
      origen: origin(s.span),
      lee: readsOf(s.reads),
      responsable: s.responsible && fn(s.responsible),
      plazo: s.deadline && (fn(s.deadline) as PasoSpec['plazo']),
      realizado: s.done && (fn(s.done) as PasoSpec['realizado']),
      cuando: s.when && (fn(s.when) as PasoSpec['cuando']),
      tras: s.after,
    })),
  };
}

export function vigenciaOf(program: IR.Program): { desde?: string; hasta?: string } | undefined {
  const r = program.resolution;
  if (!r?.vigenteDesde && !r?.vigenteHasta) return undefined;
  return { ...(r.vigenteDesde ? { desde: r.vigenteDesde } : {}), ...(r.vigenteHasta ? { hasta: r.vigenteHasta } : {}) };
}

export function programSpec(program: IR.Program): ProgramaSpec {
  const map = <T, U>(o: Readonly<Record<string, T>>, f: (x: T) => U): Record<string, U> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
  return {
    vocabulario: { enums: program.enums, registros: program.records },
    calendario: program.resolution?.calendario ?? 'ES',
    festivosLocales: program.resolution?.festivosLocales,
    definiciones: map(program.definitions, definitionSpec),
    normas: map(program.norms, (n) => normSpec(n, program)),
    procedimientos: map(program.procedures, procedureSpec),
    salidas: program.outputs.map((o) => ({ clase: o.kind, nombre: o.name })),
    vigencia: vigenciaOf(program),
  };
}

export interface Interpreter {
  readonly spec: ProgramaSpec;
  readonly schema: z.ZodType;
  /** Validates the case (throws EntradaNoValida naming the fields) and evaluates it. */
  evaluate(rawCase: unknown, options?: OpcionesEvaluacion): Evaluacion;
  /** Evaluates an already validated case (internal representation). */
  evaluateValidated(validated: Readonly<Record<string, unknown>>, options?: OpcionesEvaluacion): Evaluacion;
}

/** The trace of an evaluation that asked for none (shared: it is never written to). */
const SIN_TRAZA: Evaluacion['traza'] = Object.freeze([]);

export function interpreter(program: IR.Program): Interpreter {
  const spec = programSpec(program);
  const schema = esquemaDeEntradas(program.inputs.map((i) => ({ nombre: i.name, tipo: i.type })), spec.vocabulario);
  let fast: FastPath | undefined;
  const allOutputs = spec.salidas.map((s) => s.nombre);
  const evaluateValidated = (validated: Readonly<Record<string, unknown>>, options: OpcionesEvaluacion = {}): Evaluacion => {
    if (options.traza === false) {
      // Without a trace, the closures of the fast path give the same results, much faster.
      fast ??= compileFastPath(program, spec.calendario, spec.festivosLocales);
      const plan = fast.plan(options.salidas ?? allOutputs);
      if (plan) {
        const avisos = avisosDeVigencia(spec, options.fecha);
        const resultados = fast.evaluate(validated, options.fecha, plan);
        return avisos.length ? { resultados, traza: SIN_TRAZA, avisos } : { resultados, traza: SIN_TRAZA };
      }
    }
    return evaluarPrograma(spec, validated, options);
  };
  return {
    spec,
    schema,
    evaluate: (raw, options) => evaluateValidated(validarEntrada(schema, raw) as Record<string, unknown>, options),
    evaluateValidated,
  };
}
