/**
 * Golden tests written in the language itself (`*.pruebas.neae`, beside the rule file):
 *
 *   pruebas "cuarta.neae"
 *   prueba "CAN-S01" "descripción" con fecha 2025-10-01
 *     dado etapa = EI  horas_previstas = 5 horas
 *     espera máximo_horas_fuera = 5 horas  cumple_horas = cumple
 *
 * Expected values may be `indeterminado ["parte del motivo"]` or `conflicto`; procedure steps
 * are reached as `procedimiento.paso.plazo` / `.estado` / `.realizado`.
 */
import type * as A from '../ast/ast.ts';
import type * as IR from '../ir/ir.ts';
import { parse } from '../../grammar/parse.ts';
import { fromCst } from '../ast/from_cst.ts';
import { error, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../diagnostics/suggest.ts';
import { compile, type Compilation } from '../driver/compile.ts';
import { joinPath, type SourceHost } from '../driver/host.ts';
import { buildEnvironment } from '../resolve/environment.ts';
import { checkExpr, coerce, type Checker } from '../typecheck/expressions.ts';
import * as T from '../typecheck/types.ts';
import { interpreter } from '../interpret/interpret.ts';
import { evalExpr } from '../interpret/eval.ts';
import { exportar, iguales } from '../../runtime/values.ts';
import { mostrarExportado } from '../../runtime/explain.ts';
import { fechaDesdeTexto } from '../../runtime/dates.ts';
import { Indeterminacion, type Resultado, type Evaluacion } from '../../runtime/result.ts';
import type { Tipo, Vocabulario } from '../../runtime/types.ts';
import { evaluarLlamada, type Contexto, type PasoResultado, type ProgramaSpec } from '../../runtime/engine.ts';

export interface TestOutcome {
  readonly name: string;
  readonly passed: boolean;
  readonly failures: readonly string[];
  readonly span: A.TestCase['span'];
  readonly evaluation?: Evaluacion;
}

export interface TestFileResult {
  readonly file: string;
  readonly rulesFile?: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly outcomes: readonly TestOutcome[];
  readonly compilation?: Compilation;
}

type Target =
  | { kind: 'output'; name: string; type: Tipo }
  | { kind: 'call'; name: string; args: readonly unknown[]; type: Tipo }
  | { kind: 'step'; procedure: string; step: string; attribute: 'plazo' | 'estado' | 'realizado' | 'responsable' | 'documento'; type: Tipo };

export interface PreparedTest {
  readonly test: A.TestCase;
  readonly inputs: Record<string, unknown>;
  readonly date?: number;
  readonly expectations: { target: Target; expected: A.Expected; value?: unknown; label: string }[];
}

export function prepareTests(testFile: string, host: SourceHost, text?: string): { diagnostics: Diagnostic[]; compilation?: Compilation; prepared: PreparedTest[]; module?: A.Module } {
  const diagnostics: Diagnostic[] = [];
  const source = text ?? host.read(testFile);
  if (source === undefined) {
    diagnostics.push(error('fichero-no-encontrado', `No se encuentra el fichero «${testFile}».`, { file: testFile, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }));
    return { diagnostics, prepared: [] };
  }
  const parsed = parse(source, testFile);
  diagnostics.push(...parsed.diagnostics);
  if (hasErrors(parsed.diagnostics) || !parsed.cst) return { diagnostics, prepared: [] };
  const module = fromCst(testFile, parsed.cst);
  if (!module.testsFor) {
    diagnostics.push(error('pruebas-sin-reglas', 'Un fichero de pruebas empieza por «pruebas "fichero.neae"».', module.tests[0]?.span ?? { file: testFile, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }));
    return { diagnostics, prepared: [], module };
  }
  if (module.declarations.length || module.header) diagnostics.push(error('reglas-en-pruebas', 'Un fichero de pruebas solo contiene pruebas.', module.declarations[0]?.span ?? module.header!.span));
  const compilation = compile(joinPath(testFile, module.testsFor.path), host);
  diagnostics.push(...compilation.diagnostics);
  const program = compilation.program;
  if (!program || hasErrors(compilation.diagnostics) || !compilation.main) return { diagnostics, compilation, prepared: [], module };

  const env = buildEnvironment(compilation.main, compilation.modules, []);
  const inputTypes = new Map(program.inputs.map((i) => [i.name, i.type]));
  const fieldTypes = new Map<string, Tipo>();
  for (const r of Object.values(program.records)) for (const c of r.campos) fieldTypes.set(`${r.nombre}.${c.nombre}`, c.tipo);
  const checker: Checker = {
    env,
    diagnostics,
    typeOfInput: (n) => inputTypes.get(n) ?? fieldTypes.get(n) ?? T.ERROR,
    typeOfDefinition: () => undefined,
  };
  const constant = (e: A.Expr, type: Tipo, context: string): unknown => {
    const before = diagnostics.length;
    const ir = coerce(checker, checkExpr(checker, e, { params: [], reads: [], constantOnly: true }, type), type, context);
    if (diagnostics.length > before) return undefined;
    try {
      return evalExpr(ir, CONSTANT_CONTEXT, []);
    } catch (failure) {
      const message = failure instanceof Indeterminacion ? failure.motivo : failure instanceof Error ? failure.message : String(failure);
      diagnostics.push(error('valor-no-calculable', `${context}: no se puede calcular (${message}).`, e.span));
      return undefined;
    }
  };

  const prepared: PreparedTest[] = [];
  const names = new Set<string>();
  for (const test of module.tests) {
    if (names.has(test.name)) diagnostics.push(error('prueba-duplicada', `Hay dos pruebas llamadas «${test.name}».`, test.nameSpan));
    names.add(test.name);
    const inputs: Record<string, unknown> = {};
    for (const g of test.given) {
      const [head, ...rest] = g.path;
      const type = inputTypes.get(head!.text);
      if (!type) {
        diagnostics.push(error('entrada-desconocida', `«${head!.text}» no es una entrada de las reglas.`, head!.span, { hint: didYouMean(head!.text, inputTypes.keys()) }));
        continue;
      }
      if (rest.length) {
        diagnostics.push(error('dato-compuesto', `Da el registro completo: ${head!.text} = { campo: valor, … }.`, g.span));
        continue;
      }
      inputs[head!.text] = constant(g.value, type, `El dato «${head!.text}»`);
    }
    for (const input of program.inputs) {
      if (input.type.k !== 'opcional' && !(input.name in inputs)) {
        diagnostics.push(error('falta-dato', `La prueba no da la entrada obligatoria «${input.name}».`, test.nameSpan, { hint: 'Si el caso puede no tener ese dato, declara la entrada como opcional («tipo?»).' }));
      }
    }
    const expectations: PreparedTest['expectations'] = [];
    for (const x of test.expected) {
      const target = x.args ? resolveCall(program, x.path, x.args, constant, diagnostics) : resolveTarget(program, x.path, diagnostics);
      if (!target) continue;
      const label = x.path.map((p) => p.text).join('.') + (x.args ? '(…)' : '');
      const value = x.expected.kind === 'value' ? constant(x.expected.expr, target.type, `El resultado esperado de «${label}»`) : undefined;
      expectations.push({ target, expected: x.expected, value, label });
    }
    let date: number | undefined;
    if (test.date) {
      try {
        date = fechaDesdeTexto(test.date.text);
      } catch (failure) {
        diagnostics.push(error('fecha-no-valida', (failure as Error).message, test.date.span));
      }
    }
    prepared.push({ test, inputs, date, expectations });
  }
  return { diagnostics, compilation, prepared, module };
}

/**
 * Test data are constants, but may use pure built-ins (curso_que_empieza(2025), fecha_de(…)).
 * Nothing here can read inputs or rules: the checker refuses them in test data.
 */
const CONSTANT_CONTEXT = {
  get calendario(): never {
    throw new Indeterminacion('los datos de una prueba no pueden depender del calendario');
  },
  fecha: undefined,
} as unknown as Contexto;

const STEP_ATTRIBUTES: Record<string, Tipo> = { plazo: T.DATE, estado: T.enumType('EstadoPaso'), realizado: T.DATE, responsable: T.TEXT, documento: T.TEXT };

function resolveTarget(program: IR.Program, path: readonly A.Name[], diagnostics: Diagnostic[]): Target | undefined {
  const [head, step, attribute] = path;
  const name = head!.text;
  const outputNames = program.outputs.map((o) => o.name);
  const output = program.outputs.find((o) => o.name === name);
  if (!output) {
    diagnostics.push(error('resultado-desconocido', `«${name}» no es un resultado de las reglas (definición, norma o procedimiento).`, head!.span, { hint: didYouMean(name, outputNames) }));
    return undefined;
  }
  if (output.kind === 'definition') return path.length === 1 ? { kind: 'output', name, type: program.definitions[name]!.type } : badPath(head!, diagnostics);
  if (output.kind === 'norm') return path.length === 1 ? { kind: 'output', name, type: T.enumType('Cumplimiento') } : badPath(head!, diagnostics);
  const proc = program.procedures[name]!;
  if (!step || !attribute || path.length !== 3) {
    diagnostics.push(error('ruta-de-paso', `Para un procedimiento indica el paso y el dato: ${name}.paso.plazo | estado | realizado.`, head!.span));
    return undefined;
  }
  if (!proc.steps.some((s) => s.name === step.text)) {
    diagnostics.push(error('paso-desconocido', `El procedimiento «${name}» no tiene el paso «${step.text}».`, step.span, { hint: didYouMean(step.text, proc.steps.map((s) => s.name)) }));
    return undefined;
  }
  let type = STEP_ATTRIBUTES[attribute.text];
  if (attribute.text === 'responsable') {
    // The responsible role is compared as the role's name (an enumeration value or a text).
    const responsible = proc.steps.find((s) => s.name === step.text)!.responsible;
    if (responsible) type = responsible.type;
  }
  if (!type) {
    diagnostics.push(error('dato-de-paso', `Un paso tiene plazo, estado, realizado, responsable y documento; no «${attribute.text}».`, attribute.span));
    return undefined;
  }
  return { kind: 'step', procedure: name, step: step.text, attribute: attribute.text as 'plazo', type };
}

/** `nivel(EP, 3) = 5`: a parameterised definition on constant arguments, typed like its parameters. */
function resolveCall(
  program: IR.Program,
  path: readonly A.Name[],
  args: readonly A.Expr[],
  constant: (e: A.Expr, type: Tipo, context: string) => unknown,
  diagnostics: Diagnostic[],
): Target | undefined {
  const head = path[0]!;
  const d = program.definitions[head.text];
  const parameterised = Object.values(program.definitions).filter((x) => x.params.length > 0).map((x) => x.name);
  if (!d || d.params.length === 0 || path.length !== 1) {
    diagnostics.push(error('llamada-desconocida', `«${path.map((p) => p.text).join('.')}» no es una definición con parámetros de las reglas.`, head.span, { hint: didYouMean(head.text, parameterised) }));
    return undefined;
  }
  if (d.params.length !== args.length) {
    diagnostics.push(error('numero-de-argumentos', `«${d.name}» recibe ${d.params.length} argumento(s) y se le dan ${args.length}.`, head.span, { hint: `${d.name}(${d.params.map((p) => p.name).join(', ')})` }));
    return undefined;
  }
  const values = args.map((a, i) => constant(a, d.params[i]!.type, `El argumento «${d.params[i]!.name}» de «${d.name}»`));
  return { kind: 'call', name: d.name, args: values, type: d.type };
}

function badPath(head: A.Name, diagnostics: Diagnostic[]): undefined {
  diagnostics.push(error('ruta-no-valida', `«${head.text}» es un valor: compáralo sin «.…».`, head.span));
  return undefined;
}

function describe(r: Resultado, type?: Tipo, vocabulary?: Vocabulario): string {
  if (r.estado === 'valor') return type ? mostrarExportado(type, r.valor, vocabulary) : JSON.stringify(r.valor);
  if (r.estado === 'indeterminado') return `indeterminado (${r.motivo})`;
  return `conflicto (${r.motivo})`;
}

function actualFor(evaluation: Evaluacion, target: Exclude<Target, { kind: 'call' }>): Resultado {
  const r = evaluation.resultados[target.kind === 'output' ? target.name : target.procedure]!;
  if (target.kind === 'output' || r.estado !== 'valor') return r;
  const step = (r.valor as PasoResultado[]).find((s) => s.paso === target.step)!;
  if (target.attribute === 'plazo') return step.plazo ?? { estado: 'indeterminado', motivo: 'el paso no tiene plazo' };
  if (target.attribute === 'realizado') return step.realizado === null ? { estado: 'indeterminado', motivo: 'no se ha realizado' } : { estado: 'valor', valor: step.realizado };
  if (target.attribute === 'responsable') return step.responsable === null ? { estado: 'indeterminado', motivo: 'el paso no tiene responsable' } : { estado: 'valor', valor: step.responsable };
  if (target.attribute === 'documento') return step.documento === undefined ? { estado: 'indeterminado', motivo: 'el paso no produce documento' } : { estado: 'valor', valor: step.documento };
  return typeof step.estado === 'string' ? { estado: 'valor', valor: step.estado } : step.estado;
}

/** A call's result in the same (exported) form as the outputs of an evaluation. */
function callResult(spec: ProgramaSpec, inputs: Readonly<Record<string, unknown>>, date: number | undefined, target: Extract<Target, { kind: 'call' }>, vocabulary: Vocabulario): Resultado {
  const r = evaluarLlamada(spec, inputs, date, target.name, target.args);
  return r.estado === 'valor' ? { estado: 'valor', valor: exportar(target.type, r.valor, vocabulary) } : r;
}

export function runTestFile(testFile: string, host: SourceHost): TestFileResult {
  const { diagnostics, compilation, prepared } = prepareTests(testFile, host);
  const sorted = sortDiagnostics(diagnostics);
  if (hasErrors(diagnostics) || !compilation?.program) return { file: testFile, diagnostics: sorted, outcomes: [], compilation };
  const program = compilation.program;
  const run = interpreter(program);
  const vocabulary = { enums: program.enums, registros: program.records };
  const outcomes: TestOutcome[] = prepared.map(({ test, inputs, date, expectations }) => {
    const evaluation = run.evaluateValidated(inputs, { fecha: date });
    const failures: string[] = [];
    for (const x of expectations) {
      const actual = x.target.kind === 'call' ? callResult(run.spec, inputs, date, x.target, vocabulary) : actualFor(evaluation, x.target);
      if (x.expected.kind === 'indeterminado') {
        if (actual.estado !== 'indeterminado') failures.push(`${x.label}: se esperaba indeterminado y se obtuvo ${describe(actual, x.target.type, vocabulary)}`);
        else if (x.expected.reason && !actual.motivo.includes(x.expected.reason)) failures.push(`${x.label}: indeterminado, pero el motivo «${actual.motivo}» no contiene «${x.expected.reason}»`);
      } else if (x.expected.kind === 'conflicto') {
        if (actual.estado !== 'conflicto') failures.push(`${x.label}: se esperaba un conflicto y se obtuvo ${describe(actual, x.target.type, vocabulary)}`);
      } else {
        const expected = exportar(x.target.type, x.value, vocabulary);
        if (actual.estado !== 'valor' || !iguales(actual.valor, expected)) {
          failures.push(`${x.label}: se esperaba ${mostrarExportado(x.target.type, expected, vocabulary)} y se obtuvo ${describe(actual, x.target.type, vocabulary)}`);
        }
      }
    }
    return { name: test.name, passed: failures.length === 0, failures, span: test.span, evaluation };
  });
  return { file: testFile, rulesFile: program.file, diagnostics: sorted, outcomes, compilation };
}

/** The inputs of every test of a test file, as JSON cases (for comparing versions of a rule file). */
export function goldenCasesAsJson(testFile: string, host: SourceHost): Record<string, unknown>[] {
  const { prepared, compilation } = prepareTests(testFile, host);
  const program = compilation?.program;
  if (!program) return [];
  const vocabulary = { enums: program.enums, registros: program.records };
  const types = new Map(program.inputs.map((i) => [i.name, i.type]));
  return prepared.map(({ inputs }) =>
    Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== undefined).map(([k, v]) => [k, exportar(types.get(k)!, v, vocabulary)])),
  );
}
