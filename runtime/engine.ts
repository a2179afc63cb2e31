/**
 * The evaluation engine shared by both back ends. A back end supplies each rule as a spec whose
 * conditions and values are functions (tree-walking closures in the interpreter, emitted code in
 * generated modules); the engine owns everything else: choosing the applicable case, exceptions
 * («prevalece sobre»), conflicts, indeterminado, modality, procedure checklists, memoisation and
 * the explanation trace. One engine, one semantics.
 */
import { fechaATexto, type Fecha } from './dates.ts';
import { crearCalendario, type Calendario } from './calendar.ts';
import type { Tipo, Vocabulario } from './types.ts';
import {
  ConflictoEntreCasos,
  Indeterminacion,
  type FalloRegla,
  resultadoDeFallo,
  falloLeido,
  type CitaTraza,
  type Evaluacion,
  type Origen,
  type PasoTraza,
  type Resultado,
} from './result.ts';
import { exportar, mostrar } from './values.ts';

export interface Lectura {
  readonly nombre: string;
  readonly clase: 'input' | 'def' | 'norm' | 'param';
  readonly indice?: number;
  readonly tipo: Tipo;
}

type Fn<T> = (ctx: Contexto, args: readonly unknown[]) => T;

export interface CasoSpec {
  readonly id: string;
  readonly cita?: CitaTraza;
  readonly origen: Origen;
  readonly domina: readonly string[];
  readonly lee: readonly Lectura[];
  readonly condicion: Fn<boolean>;
  /** A value, or the author's explicit «indeterminado "motivo"». */
  readonly valor: Fn<unknown> | { readonly indeterminado: string };
}

export interface DefinicionSpec {
  readonly nombre: string;
  readonly tipo: Tipo;
  readonly parametros: readonly { readonly nombre: string; readonly tipo: Tipo }[];
  readonly formula?: { readonly cita?: CitaTraza; readonly origen: Origen; readonly lee: readonly Lectura[]; readonly valor: Fn<unknown> };
  readonly casos: readonly CasoSpec[];
  readonly otro?: { readonly cita?: CitaTraza; readonly origen: Origen; readonly lee: readonly Lectura[]; readonly valor: Fn<unknown> | { readonly indeterminado: string } };
  /**
   * Optional straight-line evaluator emitted by the code generator, used when no trace is
   * recorded. It must return what the generic path returns (tested by the back-end agreement
   * property), so it builds its failures with the helpers below.
   */
  readonly rapido?: Fn<unknown>;
}

/** Failure of a case condition that no applicable case displaces. */
/** Failure of a case condition that no applicable case displaces. */
export function falloDeCondicion(id: string, cita: CitaTraza | undefined, failure: unknown): Indeterminacion | ConflictoEntreCasos {
  const r = resultadoDeFallo(failure);
  if (r.estado === 'conflicto') return new ConflictoEntreCasos(r.motivo, r.casos);
  return new Indeterminacion(`no se puede decidir si se aplica el caso ${id}: ${r.estado === 'indeterminado' ? r.motivo : ''}`, cita);
}

export function conflictoDeCasos(casos: readonly { readonly caso: string; readonly cita?: CitaTraza }[]): ConflictoEntreCasos {
  return new ConflictoEntreCasos(`se aplican a la vez los casos ${casos.map((c) => c.caso).join(' y ')} y ninguno prevalece sobre el otro`, casos);
}

export function ningunCaso(nombre: string): Indeterminacion {
  return new Indeterminacion(`ningún caso de «${nombre}» se aplica y el texto no dice qué ocurre entonces`);
}

export interface NormaSpec {
  readonly nombre: string;
  readonly id: string;
  readonly modalidad: 'debe' | 'puede' | 'preferentemente';
  readonly cita?: CitaTraza;
  readonly origen: Origen;
  readonly lee: readonly Lectura[];
  readonly aplica?: Fn<boolean>;
  readonly exige: Fn<boolean>;
  /** Norms that displace this one when they apply (the inverse of «prevalece sobre»). */
  readonly desplazadaPor: readonly string[];
}

export interface PasoSpec {
  readonly id: string;
  readonly nombre: string;
  readonly doc?: string;
  readonly documento?: string;
  readonly cita?: CitaTraza;
  readonly origen: Origen;
  readonly lee: readonly Lectura[];
  readonly responsable?: Fn<unknown>;
  readonly plazo?: Fn<Fecha>;
  readonly realizado?: Fn<Fecha | undefined>;
  readonly cuando?: Fn<boolean>;
  readonly tras: readonly string[];
}

export interface ProcedimientoSpec {
  readonly nombre: string;
  readonly pasos: readonly PasoSpec[];
}

export interface ProgramaSpec {
  readonly vocabulario: Vocabulario;
  readonly calendario: string;
  readonly festivosLocales?: string;
  readonly definiciones: Readonly<Record<string, DefinicionSpec>>;
  readonly normas: Readonly<Record<string, NormaSpec>>;
  readonly procedimientos: Readonly<Record<string, ProcedimientoSpec>>;
  readonly salidas: readonly { readonly clase: 'definition' | 'norm' | 'procedure'; readonly nombre: string }[];
  /** The regulation's vigencia (AAAA-MM-DD), to warn when a case is evaluated outside it. */
  readonly vigencia?: { readonly desde?: string; readonly hasta?: string };
}

export interface OpcionesEvaluacion {
  /** Evaluation date («hoy»), used by procedures to tell overdue steps and by «hoy». */
  readonly fecha?: Fecha;
  /** Record the explanation trace (default true). Off, evaluation allocates less. */
  readonly traza?: boolean;
  /** Only these outputs (default: all). */
  readonly salidas?: readonly string[];
}

export interface PasoResultado {
  readonly paso: string;
  readonly id: string;
  readonly descripcion?: string;
  readonly responsable: unknown;
  readonly documento?: string;
  /** null when the text sets no deadline for the step (an ordering-only step). */
  readonly plazo: Resultado | null;
  readonly realizado: string | null;
  readonly estado: string | Resultado;
  readonly cita?: CitaTraza;
}

export class Contexto {
  readonly memo = new Map<string, Resultado>();
  private pasosMemo: Map<string, Fecha | undefined> | undefined;
  readonly traza: PasoTraza[] | null;
  private calendarioCreado: Calendario | undefined;

  constructor(
    readonly programa: ProgramaSpec,
    readonly entradas: Readonly<Record<string, unknown>>,
    readonly fecha: Fecha | undefined,
    conTraza: boolean,
  ) {
    this.traza = conTraza ? [] : null;
  }

  /** Built on first use: most rules never count días hábiles. */
  get calendario(): Calendario {
    if (!this.calendarioCreado) {
      const festivos = this.programa.festivosLocales ? ((this.entradas[this.programa.festivosLocales] as Fecha[] | undefined) ?? []) : [];
      this.calendarioCreado = calendarioDe(this.programa.calendario, festivos);
    }
    return this.calendarioCreado;
  }

  /** Value of a zero-parameter definition (memoised); throws if it is indeterminado or in conflict. */
  definicion(nombre: string): unknown {
    return valorOFallo(nombre, this.resultadoDefinicion(nombre));
  }

  /** The memoised result of a zero-parameter definition, computing it once (never throws for rule failures). */
  resultadoDefinicion(nombre: string): Resultado {
    let r = this.memo.get(nombre);
    if (r === undefined) {
      r = resolverDefinicion(this, this.programa.definiciones[nombre]!, []);
      this.memo.set(nombre, r);
    }
    return r;
  }

  /** A call to a definition with parameters (not memoised: arguments differ). */
  llamar(nombre: string, args: readonly unknown[]): unknown {
    return valorOFallo(nombre, resolverDefinicion(this, this.programa.definiciones[nombre]!, args));
  }

  norma(nombre: string): unknown {
    return valorOFallo(nombre, this.resultadoNorma(nombre));
  }

  resultadoNorma(nombre: string): Resultado {
    const key = `norma:${nombre}`;
    let r = this.memo.get(key);
    if (r === undefined) {
      r = resolverNorma(this, this.programa.normas[nombre]!);
      this.memo.set(key, r);
    }
    return r;
  }

  /** The date a procedure step was done, or undefined. */
  fechaPaso(procedimiento: string, paso: string): Fecha | undefined {
    const key = `${procedimiento}.${paso}`;
    this.pasosMemo ??= new Map();
    if (this.pasosMemo.has(key)) return this.pasosMemo.get(key);
    const spec = this.programa.procedimientos[procedimiento]!.pasos.find((p) => p.nombre === paso)!;
    const value = spec.realizado ? spec.realizado(this, []) : undefined;
    this.pasosMemo.set(key, value);
    return value;
  }
}

const calendariosSinExtras = new Map<string, Calendario>();

/** Calendars without local holidays are shared across evaluations (their year tables are the costly part). */
function calendarioDe(region: string, festivos: readonly Fecha[]): Calendario {
  if (festivos.length) return crearCalendario(region, festivos);
  let c = calendariosSinExtras.get(region);
  if (!c) calendariosSinExtras.set(region, (c = crearCalendario(region)));
  return c;
}

function valorOFallo(nombre: string, r: Resultado): unknown {
  if (r.estado === 'valor') return r.valor;
  throw falloLeido(nombre, r);
}

/** A rule that reads another rule's failure sees this (generated direct evaluators use it too). */
export function leerFallo(nombre: string, failure: FalloRegla): FalloRegla {
  return failure.leidoComo(nombre);
}

/**
 * What the generated direct evaluators («calcular_…») give the built-ins: the case, the
 * evaluation date and the calendar (built on first use).
 */
export class Directo {
  private calendarioCreado: Calendario | undefined;
  constructor(
    readonly entradas: Readonly<Record<string, unknown>>,
    readonly fecha: Fecha | undefined,
    private readonly region: string,
    private readonly festivosLocales?: string,
  ) {}
  get calendario(): Calendario {
    if (!this.calendarioCreado) {
      const festivos = this.festivosLocales ? ((this.entradas[this.festivosLocales] as Fecha[] | undefined) ?? []) : [];
      this.calendarioCreado = calendarioDe(this.region, festivos);
    }
    return this.calendarioCreado;
  }
}

/** What a norm gives when its requirement holds, and when it does not, by modality. */
export const PALABRAS_MODALES: Readonly<Record<NormaSpec['modalidad'], readonly [cumplida: string, noCumplida: string]>> = {
  debe: ['cumple', 'incumple'],
  puede: ['permitido', 'no_permitido'],
  preferentemente: ['cumple', 'recomendación_no_seguida'],
};

/** The modality outcome of a norm (shared by the engine and the interpreter; generated code spells the words out). */
export function resultadoModal(modalidad: NormaSpec['modalidad'], ok: boolean): string {
  const [cumplida, noCumplida] = PALABRAS_MODALES[modalidad];
  return ok ? cumplida : noCumplida;
}

function datos(ctx: Contexto, lee: readonly Lectura[], args: readonly unknown[]): PasoTraza['datos'] {
  const v = ctx.programa.vocabulario;
  return lee.map((l) => {
    let valor: unknown = '(no evaluado)';
    if (l.clase === 'input') valor = mostrar(l.tipo, ctx.entradas[l.nombre], v);
    else if (l.clase === 'param') valor = mostrar(l.tipo, args[l.indice!], v);
    else {
      const r = ctx.memo.get(l.clase === 'norm' ? `norma:${l.nombre}` : l.nombre);
      if (r) valor = r.estado === 'valor' ? mostrar(l.tipo, r.valor, v) : r.estado;
    }
    return { nombre: l.nombre, valor };
  });
}

function exportarResultado(ctx: Contexto, tipo: Tipo, r: Resultado): Resultado {
  return r.estado === 'valor' ? { estado: 'valor', valor: exportar(tipo, r.valor, ctx.programa.vocabulario) } : r;
}

function anotar(ctx: Contexto, paso: Omit<PasoTraza, 'resultado'> & { resultado: Resultado }, tipo: Tipo, args: readonly unknown[]): void {
  if (!ctx.traza) return; // callers check first too, so that `datos` is not computed for nothing
  const argumentos = args.length ? args.map((a, i) => mostrar(ctx.programa.definiciones[paso.regla]?.parametros[i]?.tipo ?? { k: 'texto' }, a, ctx.programa.vocabulario)) : undefined;
  ctx.traza.push({ ...paso, argumentos, resultado: exportarResultado(ctx, tipo, paso.resultado) });
}

/** A parameterised definition on given arguments, for a validated case (golden tests use it). */
export function evaluarLlamada(programa: ProgramaSpec, entradas: Readonly<Record<string, unknown>>, fecha: Fecha | undefined, nombre: string, args: readonly unknown[]): Resultado {
  return resolverDefinicion(new Contexto(programa, entradas, fecha, false), programa.definiciones[nombre]!, args);
}

function resolverDefinicion(ctx: Contexto, d: DefinicionSpec, args: readonly unknown[]): Resultado {
  if (!ctx.traza && d.rapido) {
    try {
      return { estado: 'valor', valor: d.rapido(ctx, args) };
    } catch (failure) {
      return resultadoDeFallo(failure);
    }
  }
  if (d.formula) {
    const f = d.formula;
    let r: Resultado;
    try {
      r = { estado: 'valor', valor: f.valor(ctx, args) };
    } catch (failure) {
      r = resultadoDeFallo(failure);
    }
    if (ctx.traza) anotar(ctx, { regla: d.nombre, tipo: r.estado === 'valor' ? 'formula' : r.estado, cita: f.cita, origen: f.origen, datos: datos(ctx, f.lee, args), resultado: r }, d.tipo, args);
    return r;
  }

  // Which cases apply? Evaluate every condition: two applicable cases may be a conflict.
  const applicable: number[] = [];
  const unknown: { index: number; failure: unknown }[] = [];
  for (let i = 0; i < d.casos.length; i++) {
    try {
      if (d.casos[i]!.condicion(ctx, args)) applicable.push(i);
    } catch (failure) {
      resultadoDeFallo(failure); // rethrows anything that is not an indeterminacy or a conflict
      unknown.push({ index: i, failure });
    }
  }
  // A case is displaced when an applicable case prevails over it.
  const displaced = (i: number) => applicable.some((j) => d.casos[j]!.domina.includes(d.casos[i]!.id));
  const live = applicable.filter((i) => !displaced(i));
  const liveUnknown = unknown.filter((u) => !displaced(u.index));

  if (liveUnknown.length > 0) {
    const u = liveUnknown[0]!;
    const caso = d.casos[u.index]!;
    const r = resultadoDeFallo(falloDeCondicion(caso.id, caso.cita, u.failure));
    if (ctx.traza) anotar(ctx, { regla: d.nombre, tipo: r.estado === 'conflicto' ? 'conflicto' : 'indeterminado', caso: caso.id, cita: caso.cita, origen: caso.origen, datos: datos(ctx, caso.lee, args), resultado: r }, d.tipo, args);
    return r;
  }

  if (live.length > 1) {
    const casos = live.map((i) => ({ caso: d.casos[i]!.id, cita: d.casos[i]!.cita }));
    const r = resultadoDeFallo(conflictoDeCasos(casos));
    const first = d.casos[live[0]!]!;
    if (ctx.traza) anotar(ctx, { regla: d.nombre, tipo: 'conflicto', caso: casos.map((c) => c.caso).join(', '), cita: first.cita, origen: first.origen, datos: datos(ctx, first.lee, args), resultado: r }, d.tipo, args);
    return r;
  }

  if (live.length === 1) {
    const caso = d.casos[live[0]!]!;
    const r = valorDeRama(ctx, caso.valor, args, caso.cita);
    const desplaza = applicable.filter((i) => i !== live[0]).map((i) => d.casos[i]!.id);
    if (ctx.traza) anotar(
      ctx,
      { regla: d.nombre, tipo: r.estado === 'valor' ? 'caso' : r.estado, caso: caso.id, cita: caso.cita, origen: caso.origen, datos: datos(ctx, caso.lee, args), resultado: r, desplaza: desplaza.length ? desplaza : undefined },
      d.tipo,
      args,
    );
    return r;
  }

  if (d.otro) {
    const r = valorDeRama(ctx, d.otro.valor, args, d.otro.cita);
    if (ctx.traza) anotar(ctx, { regla: d.nombre, tipo: r.estado === 'valor' ? 'en_otro_caso' : r.estado, caso: 'en otro caso', cita: d.otro.cita, origen: d.otro.origen, datos: datos(ctx, d.otro.lee, args), resultado: r }, d.tipo, args);
    return r;
  }
  const r = resultadoDeFallo(ningunCaso(d.nombre));
  const origen = d.casos[0]?.origen ?? { fichero: '', linea: 1, columna: 1, lineaFin: 1, columnaFin: 1 };
  if (ctx.traza) anotar(ctx, { regla: d.nombre, tipo: 'indeterminado', origen, datos: [], resultado: r }, d.tipo, args);
  return r;
}

function valorDeRama(ctx: Contexto, valor: Fn<unknown> | { readonly indeterminado: string }, args: readonly unknown[], cita: CitaTraza | undefined): Resultado {
  if (typeof valor !== 'function') return resultadoDeFallo(new Indeterminacion(valor.indeterminado, cita));
  try {
    return { estado: 'valor', valor: valor(ctx, args) };
  } catch (failure) {
    return resultadoDeFallo(failure);
  }
}

const CUMPLIMIENTO_TIPO: Tipo = { k: 'enum', nombre: 'Cumplimiento' };

function resolverNorma(ctx: Contexto, n: NormaSpec): Resultado {
  let r: Resultado;
  try {
    r = { estado: 'valor', valor: cumplimiento(ctx, n) };
  } catch (failure) {
    r = resultadoDeFallo(failure);
  }
  if (ctx.traza) anotar(ctx, { regla: n.nombre, tipo: r.estado === 'valor' ? 'norma' : r.estado, caso: n.id, cita: n.cita, origen: n.origen, datos: datos(ctx, n.lee, []), resultado: r }, CUMPLIMIENTO_TIPO, []);
  return r;
}

function cumplimiento(ctx: Contexto, n: NormaSpec): string {
  for (const other of n.desplazadaPor) if (ctx.norma(other) !== 'no_aplica') return 'no_aplica';
  if (n.aplica && !n.aplica(ctx, [])) return 'no_aplica';
  return resultadoModal(n.modalidad, n.exige(ctx, []));
}

function intentar<T>(f: () => T): { ok: true; valor: T } | { ok: false; resultado: Resultado } {
  try {
    return { ok: true, valor: f() };
  } catch (failure) {
    return { ok: false, resultado: resultadoDeFallo(failure) };
  }
}

const FECHA: Tipo = { k: 'fecha' };

/**
 * Whether a step done on `hecho` was done before one of the steps it must follow — with three
 * values: one earlier step done later decides it; otherwise an earlier step whose date cannot be
 * known (its «realizado» is indeterminado) leaves it undecided, with that step's reason.
 */
function fueraDeOrden(ctx: Contexto, procedimiento: string, tras: readonly string[], hecho: Fecha): { ok: true; valor: boolean } | { ok: false; resultado: Resultado } {
  let desconocido: { ok: false; resultado: Resultado } | undefined;
  for (const t of tras) {
    const antes = intentar(() => ctx.fechaPaso(procedimiento, t));
    if (!antes.ok) desconocido ??= antes;
    else if (antes.valor !== undefined && antes.valor > hecho) return { ok: true, valor: true };
  }
  return desconocido ?? { ok: true, valor: false };
}

function resolverProcedimiento(ctx: Contexto, p: ProcedimientoSpec): Resultado {
  const v = ctx.programa.vocabulario;
  const pasos: PasoResultado[] = [];
  for (const paso of p.pasos) {
    const exigible = paso.cuando ? intentar(() => paso.cuando!(ctx, [])) : { ok: true as const, valor: true };
    const responsable = paso.responsable ? intentar(() => paso.responsable!(ctx, [])) : undefined;
    const plazo = paso.plazo ? intentar(() => paso.plazo!(ctx, [])) : undefined;
    const hecho = intentar(() => ctx.fechaPaso(p.nombre, paso.nombre));
    const orden = hecho.ok && hecho.valor !== undefined ? fueraDeOrden(ctx, p.nombre, paso.tras, hecho.valor) : { ok: true as const, valor: false };
    let estado: string | Resultado;
    if (!exigible.ok) estado = exigible.resultado;
    else if (!exigible.valor) estado = 'no_exigible';
    else if (!hecho.ok) estado = hecho.resultado;
    else if (!orden.ok) estado = orden.resultado;
    else if (orden.valor) estado = 'fuera_de_orden';
    else if (!plazo) estado = hecho.valor !== undefined ? 'realizado' : 'pendiente';
    else if (!plazo.ok) estado = hecho.valor !== undefined || ctx.fecha !== undefined ? plazo.resultado : 'pendiente';
    else if (hecho.valor !== undefined) estado = hecho.valor <= plazo.valor ? 'a_tiempo' : 'tarde';
    else estado = ctx.fecha !== undefined && ctx.fecha > plazo.valor ? 'vencido' : 'pendiente';
    const resultadoPlazo: Resultado | null = !plazo ? null : plazo.ok ? { estado: 'valor', valor: exportar(FECHA, plazo.valor, v) } : plazo.resultado;
    const item: PasoResultado = {
      paso: paso.nombre,
      id: paso.id,
      descripcion: paso.doc,
      responsable: responsable?.ok ? responsable.valor : null,
      documento: paso.documento,
      plazo: resultadoPlazo,
      realizado: hecho.ok && hecho.valor !== undefined ? (exportar(FECHA, hecho.valor, v) as string) : null,
      estado,
      cita: paso.cita,
    };
    pasos.push(item);
    if (ctx.traza) {
      const shown: Resultado = typeof estado === 'string' ? { estado: 'valor', valor: estado } : estado;
      ctx.traza.push({ regla: p.nombre, tipo: 'paso', caso: paso.id, cita: paso.cita, origen: paso.origen, datos: datos(ctx, paso.lee, []), resultado: shown });
    }
  }
  return { estado: 'valor', valor: pasos };
}

const salidasPorNombre = new WeakMap<ProgramaSpec, ReadonlyMap<string, ProgramaSpec['salidas'][number]>>();

/** The outputs to evaluate, in program order or in the order the caller asked for them. */
function salidasPedidas(programa: ProgramaSpec, nombres: readonly string[] | undefined): readonly ProgramaSpec['salidas'][number][] {
  if (!nombres) return programa.salidas;
  let index = salidasPorNombre.get(programa);
  if (!index) salidasPorNombre.set(programa, (index = new Map(programa.salidas.map((s) => [s.nombre, s]))));
  const out: ProgramaSpec['salidas'][number][] = [];
  for (const nombre of nombres) {
    const salida = index.get(nombre);
    if (!salida) throw new RangeError(`«${nombre}» no es un resultado de estas reglas`);
    out.push(salida);
  }
  return out;
}

/** Evaluates the outputs of a program on a validated case. */
export function evaluarPrograma(programa: ProgramaSpec, entradas: Readonly<Record<string, unknown>>, opciones: OpcionesEvaluacion = {}): Evaluacion {
  const ctx = new Contexto(programa, entradas, opciones.fecha, opciones.traza !== false);
  const resultados: Record<string, Resultado> = {};
  for (const salida of salidasPedidas(programa, opciones.salidas)) {
    if (salida.clase === 'procedure') {
      resultados[salida.nombre] = resolverProcedimiento(ctx, programa.procedimientos[salida.nombre]!);
      continue;
    }
    // Results are read without rethrowing: an indeterminado output costs no exception here.
    const r = salida.clase === 'norm' ? ctx.resultadoNorma(salida.nombre) : ctx.resultadoDefinicion(salida.nombre);
    const tipo = salida.clase === 'norm' ? CUMPLIMIENTO_TIPO : programa.definiciones[salida.nombre]!.tipo;
    resultados[salida.nombre] = exportarResultado(ctx, tipo, r);
  }
  const avisos = avisosDeVigencia(programa, opciones.fecha);
  return avisos.length ? { resultados, traza: ctx.traza ?? [], avisos } : { resultados, traza: ctx.traza ?? [] };
}

const SIN_AVISOS: readonly string[] = Object.freeze([]);

export function avisosDeVigencia(programa: Pick<ProgramaSpec, 'vigencia'>, fecha: Fecha | undefined): readonly string[] {
  const v = programa.vigencia;
  if (fecha === undefined || !v) return SIN_AVISOS;
  const dia = fechaATexto(fecha);
  if (v.desde && dia < v.desde) return [`La fecha de evaluación (${dia}) es anterior a la vigencia de la resolución (desde ${v.desde}).`];
  if (v.hasta && dia > v.hasta) return [`La fecha de evaluación (${dia}) es posterior a la vigencia de la resolución (hasta ${v.hasta}).`];
  return SIN_AVISOS;
}
