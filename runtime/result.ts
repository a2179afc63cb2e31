/**
 * Results and explanation traces, shared by the interpreter and generated evaluators so that
 * both back ends return the very same objects.
 *
 * Inside an evaluation, a value that cannot be determined travels as a thrown `Indeterminacion`
 * (or `ConflictoEntreCasos`): the happy path pays nothing for it, and the definition that was
 * being evaluated turns it into a `Resultado` at its boundary.
 */

export interface CitaTraza {
  readonly lugar: string;
  readonly texto?: string;
  /** Line of the official text where the quote starts, when the rule file has one. */
  readonly linea?: number;
}

export interface Origen {
  readonly fichero: string;
  readonly linea: number;
  readonly columna: number;
  readonly lineaFin: number;
  readonly columnaFin: number;
}

/** A result that is not a value: an indeterminado or a conflict. */
export type ResultadoFallido = Exclude<Resultado, { readonly estado: 'valor' }>;

export type Resultado =
  | { readonly estado: 'valor'; readonly valor: unknown }
  | { readonly estado: 'indeterminado'; readonly motivo: string; readonly cita?: CitaTraza }
  | { readonly estado: 'conflicto'; readonly motivo: string; readonly casos: readonly { readonly caso: string; readonly cita?: CitaTraza }[] };

/** A result whose value has a known JSON type (what generated evaluators declare). */
export type ResultadoDe<T> = { readonly estado: 'valor'; readonly valor: T } | ResultadoFallido;

export interface PasoTraza {
  /** The definition, norm or procedure step this step belongs to. */
  readonly regla: string;
  readonly tipo: 'caso' | 'en_otro_caso' | 'formula' | 'norma' | 'paso' | 'indeterminado' | 'conflicto';
  /** Case id (R38…), norm id or step id. */
  readonly caso?: string;
  readonly argumentos?: readonly unknown[];
  readonly cita?: CitaTraza;
  readonly origen: Origen;
  /** Values (exported to JSON) of the inputs and definitions the step reads. */
  readonly datos: readonly { readonly nombre: string; readonly valor: unknown }[];
  readonly resultado: Resultado;
  /** Cases displaced by this one through «prevalece sobre». */
  readonly desplaza?: readonly string[];
}

export interface Evaluacion {
  readonly resultados: Readonly<Record<string, Resultado>>;
  readonly traza: readonly PasoTraza[];
  /** Warnings about the evaluation itself, e.g. an evaluation date outside the regulation's vigencia. */
  readonly avisos?: readonly string[];
}

/**
 * What a rule produces when it cannot give a value: an indeterminacy or a conflict.
 *
 * Failures are immutable, so what is derived from one — its result, what a reader of the failed
 * rule sees — is built once and kept on it (private fields: invisible to equality and JSON).
 * Evaluators can then hold a failure known at compile time (an explicit `indeterminado`, «falta
 * el dato …») as a constant and give it out without building anything per evaluation.
 */
export abstract class FalloRegla {
  #resultado: ResultadoFallido | undefined;
  #lectura: { readonly nombre: string; readonly fallo: FalloRegla } | undefined;

  /** This failure as a result (frozen: it is shared by every evaluation that gives it). */
  resultado(): ResultadoFallido {
    return (this.#resultado ??= Object.freeze(this.comoResultado()));
  }

  /** What a reader of the rule `nombre`, failed with this, sees (kept for the name read last). */
  leidoComo(nombre: string): FalloRegla {
    const last = this.#lectura;
    if (last !== undefined && last.nombre === nombre) return last.fallo;
    const fallo = falloLeido(nombre, this.resultado());
    this.#lectura = { nombre, fallo };
    return fallo;
  }

  protected abstract comoResultado(): ResultadoFallido;
}

export class Indeterminacion extends FalloRegla {
  constructor(
    readonly motivo: string,
    readonly cita?: CitaTraza,
  ) {
    super();
  }
  protected override comoResultado(): ResultadoFallido {
    return this.cita === undefined ? { estado: 'indeterminado', motivo: this.motivo } : { estado: 'indeterminado', motivo: this.motivo, cita: this.cita };
  }
}

export class ConflictoEntreCasos extends FalloRegla {
  constructor(
    readonly motivo: string,
    readonly casos: readonly { readonly caso: string; readonly cita?: CitaTraza }[],
  ) {
    super();
  }
  protected override comoResultado(): ResultadoFallido {
    return { estado: 'conflicto', motivo: this.motivo, casos: this.casos };
  }
}

/**
 * A thrown value as the failure a rule reports: rule failures as they are, an impossible
 * calculation (RangeError) as an indeterminacy — as resultadoDeFallo does — and anything else
 * (a bug) rethrown.
 */
export function comoFallo(failure: unknown): FalloRegla {
  if (failure instanceof FalloRegla) return failure;
  if (failure instanceof RangeError) return new Indeterminacion(`Cálculo imposible: ${failure.message}`);
  throw failure;
}

/** Turns a thrown indeterminacy or conflict into a result; rethrows anything else (a bug). */
export function resultadoDeFallo(failure: unknown): Resultado {
  if (failure instanceof FalloRegla) return failure.resultado();
  if (failure instanceof RangeError) return { estado: 'indeterminado', motivo: `Cálculo imposible: ${failure.message}` };
  throw failure;
}

/** What a reader of the failed rule `nombre` sees: the rule's name and its reason. */
export function falloLeido(nombre: string, r: ResultadoFallido): Indeterminacion | ConflictoEntreCasos {
  if (r.estado === 'indeterminado') return new Indeterminacion(r.motivo.startsWith('«') ? r.motivo : `«${nombre}» es indeterminado: ${r.motivo}`, r.cita);
  return new ConflictoEntreCasos(`«${nombre}» tiene un conflicto: ${r.motivo}`, r.casos);
}

/** The failures every evaluation path builds alike (their wording is part of the results). */
export function faltaDato(nombre: string): Indeterminacion {
  return new Indeterminacion(`falta el dato «${nombre}»`);
}

export function sinFechaDeEvaluacion(): Indeterminacion {
  return new Indeterminacion('no se ha dado la fecha de evaluación del caso («hoy»)');
}
