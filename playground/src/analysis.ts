/**
 * Adapter over the compiler for the playground: compile with in-memory sources, collect the
 * symbols the editor needs (hover, completion, go to definition), turn golden tests into JSON
 * cases, and evaluate a case. Runs in the worker; nothing here touches the DOM.
 */
import { compile, type Compilation } from '../../compiler/driver/compile.ts';
import { memoryHost } from '../../compiler/driver/host.ts';
import { hasErrors, type Diagnostic, type Span } from '../../compiler/diagnostics/diagnostic.ts';
import { prepareTests, runTestFile } from '../../compiler/testing/golden.ts';
import { interpreter } from '../../compiler/interpret/interpret.ts';
import type * as A from '../../compiler/ast/ast.ts';
import type * as IR from '../../compiler/ir/ir.ts';
import { exportar } from '../../runtime/values.ts';
import { tipoATexto, type Tipo } from '../../runtime/types.ts';
import { EntradaNoValida, type ErrorDeEntrada } from '../../runtime/input.ts';
import type { z } from 'zod';
import { fechaDesdeTexto } from '../../runtime/dates.ts';
import { FILES, isTestFile, rulesFileOf, testFileOf } from './files.ts';
import type { Place, ProgramInfo, Response, SymbolInfo, TestInfo } from './protocol.ts';

const place = (s: Span): Place => ({ file: s.file, line: s.start.line, column: s.start.column, endLine: s.end.line, endColumn: s.end.column });

function hostWith(overlays: Record<string, string>) {
  return memoryHost({ ...FILES, ...overlays });
}

// A small cache: the check of the buffer and a following evaluation reuse the compilation.
const cache = new Map<string, Compilation>();
function compileCached(entry: string, overlays: Record<string, string>): Compilation {
  const key = JSON.stringify([entry, overlays]);
  let c = cache.get(key);
  if (!c) {
    c = compile(entry, hostWith(overlays));
    cache.set(key, c);
    if (cache.size > 6) cache.delete(cache.keys().next().value!);
  }
  return c;
}

function typeRefText(t: A.TypeRef): string {
  const base = t.kind === 'named' ? t.name.text : `${t.kind === 'set' ? 'conjunto' : 'lista'} de ${typeRefText(t.element)}`;
  return t.optional ? `${base}?` : base;
}

function cite(c: IR.CitationIR | A.Citation | undefined, caso?: string) {
  if (!c) return [];
  return [{ caso, lugar: c.place, texto: c.quote }];
}

export function symbolsOf(c: Compilation): SymbolInfo[] {
  const out: SymbolInfo[] = [];
  const program = c.program;
  for (const m of c.modules) {
    for (const d of m.declarations) {
      switch (d.kind) {
        case 'enum':
          out.push({ name: d.name.text, kind: 'enumeración', detail: `enumeración ${d.name.text}`, doc: d.doc, place: place(d.name.span) });
          for (const v of d.variants) out.push({ name: v.name.text, kind: 'valor', detail: `${d.name.text}.${v.name.text}`, doc: v.doc, place: place(v.name.span), of: d.name.text });
          break;
        case 'record':
          out.push({ name: d.name.text, kind: 'registro', detail: `registro ${d.name.text}`, doc: d.doc, place: place(d.name.span) });
          for (const f of d.fields) out.push({ name: f.name.text, kind: 'campo', detail: `${d.name.text}.${f.name.text}: ${typeRefText(f.type)}`, doc: f.doc, place: place(f.name.span), of: d.name.text });
          break;
        case 'input':
          out.push({ name: d.name.text, kind: 'entrada', detail: `entrada ${d.name.text}: ${typeRefText(d.type)}`, doc: d.doc, place: place(d.name.span) });
          break;
        case 'definition': {
          const params = d.params.length ? `(${d.params.map((p) => `${p.name.text}: ${typeRefText(p.type)}`).join(', ')})` : '';
          const ir = program?.definitions[d.name.text];
          const citas = ir
            ? [...cite(ir.body?.citation), ...ir.cases.flatMap((k) => cite(k.citation, k.id)), ...cite(ir.otherwise?.citation, 'en otro caso')]
            : [...cite(d.body?.citation), ...d.cases.flatMap((k) => cite(k.citation, k.id.text))];
          out.push({ name: d.name.text, kind: 'definición', detail: `definición ${d.name.text}${params}: ${typeRefText(d.type)}`, doc: d.doc, place: place(d.name.span), citas });
          // Case ids (R38…): hover shows the quote, «prevalece sobre R29» goes to the case.
          for (const k of d.cases) out.push({ name: k.id.text, kind: 'caso', detail: `caso ${k.id.text} de ${d.name.text}`, doc: d.doc, place: place(k.id.span), citas: cite(k.citation, k.id.text), of: d.name.text });
          break;
        }
        case 'norm':
          out.push({ name: d.name.text, kind: 'norma', detail: `norma ${d.id.text} ${d.name.text} (${d.modality}): Cumplimiento`, doc: d.doc, place: place(d.name.span), citas: cite(d.citation, d.id.text) });
          out.push({ name: d.id.text, kind: 'caso', detail: `norma ${d.id.text} ${d.name.text} (${d.modality})`, doc: d.doc, place: place(d.id.span), citas: cite(d.citation, d.id.text), of: d.name.text });
          break;
        case 'procedure':
          out.push({ name: d.name.text, kind: 'procedimiento', detail: `procedimiento ${d.name.text}`, doc: d.doc, place: place(d.name.span) });
          for (const s of d.steps) out.push({ name: s.name.text, kind: 'paso', detail: `paso ${s.id.text} ${s.name.text} (de ${d.name.text})`, doc: s.doc, place: place(s.name.span), citas: cite(s.citation, s.id.text), of: d.name.text });
          break;
      }
    }
  }
  return out;
}

export function infoOf(c: Compilation, rulesPath: string): ProgramInfo | undefined {
  const p = c.program;
  if (!p) return undefined;
  const outputType = (o: IR.Program['outputs'][number]): Tipo | undefined =>
    o.kind === 'definition' ? p.definitions[o.name]?.type : o.kind === 'norm' ? { k: 'enum', nombre: 'Cumplimiento' } : undefined;
  const outputDoc = (o: IR.Program['outputs'][number]) =>
    o.kind === 'definition' ? p.definitions[o.name]?.doc : o.kind === 'norm' ? p.norms[o.name]?.doc : p.procedures[o.name]?.doc;
  return {
    rulesPath,
    titulo: p.resolution?.titulo,
    inputs: p.inputs.map((i) => ({ name: i.name, type: i.type, doc: i.doc })),
    vocabulario: { enums: p.enums, registros: p.records },
    officialTextPath: p.officialText?.path,
    outputs: p.outputs.map((o) => ({ kind: o.kind, name: o.name, doc: outputDoc(o), type: outputType(o) })),
    symbols: symbolsOf(c),
  };
}

export function check(path: string, text: string, overlays: Record<string, string>): { diagnostics: readonly Diagnostic[]; info?: ProgramInfo } {
  const all = { ...overlays, [path]: text };
  if (isTestFile(path)) {
    const prepared = prepareTests(path, hostWith(all), text);
    const rulesPath = prepared.compilation?.program?.file ?? rulesFileOf(path);
    return { diagnostics: prepared.diagnostics, info: prepared.compilation ? infoOf(prepared.compilation, rulesPath) : undefined };
  }
  const c = compileCached(path, all);
  return { diagnostics: c.diagnostics, info: infoOf(c, path) };
}

export function tests(rulesPath: string, overlays: Record<string, string>): { tests: TestInfo[]; problem?: string } {
  const testPath = testFileOf(rulesPath);
  const host = hostWith(overlays);
  if (host.read(testPath) === undefined) return { tests: [], problem: `No hay fichero de pruebas «${testPath}».` };
  const prepared = prepareTests(testPath, host);
  const program = prepared.compilation?.program;
  if (!program) return { tests: [], problem: 'Las reglas no compilan: corrige los errores para usar las pruebas.' };
  const vocabulario = { enums: program.enums, registros: program.records };
  const types = new Map(program.inputs.map((i) => [i.name, i.type]));
  let outcomes = new Map<string, { passed: boolean; failures: readonly string[] }>();
  try {
    outcomes = new Map(runTestFile(testPath, host).outcomes.map((o) => [o.name, { passed: o.passed, failures: o.failures }]));
  } catch {
    /* the cases are still useful without their outcome */
  }
  const out = prepared.prepared.map((t): TestInfo => {
    const caso: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(t.inputs)) {
      const type = types.get(name);
      if (type && value !== undefined) caso[name] = exportar(type, value, vocabulario);
    }
    const outcome = outcomes.get(t.test.name);
    return { name: t.test.name, doc: t.test.doc, fecha: t.test.date?.text, caso, passed: outcome?.passed, failures: outcome?.failures };
  });
  return { tests: out, problem: hasErrors(prepared.diagnostics) ? 'El fichero de pruebas tiene errores; algunas pruebas pueden estar incompletas.' : undefined };
}

export function evaluate(rulesPath: string, overlays: Record<string, string>, caso: unknown, fecha?: string): Omit<Extract<Response, { kind: 'evaluate' }>, 'kind' | 'id'> {
  const c = compileCached(rulesPath, overlays);
  if (!c.program || hasErrors(c.diagnostics)) return { diagnostics: c.diagnostics.filter((d) => d.severity === 'error') };
  let date: number | undefined;
  if (fecha) {
    try {
      date = fechaDesdeTexto(fecha);
    } catch (failure) {
      return { errores: [{ campo: '(fecha)', mensaje: (failure as Error).message }] };
    }
  }
  const run = interpreter(c.program);
  try {
    return { evaluacion: run.evaluate(caso, { fecha: date }) };
  } catch (failure) {
    if (failure instanceof EntradaNoValida) return { errores: clarify(failure.errores, run.schema, caso) };
    return { problem: failure instanceof Error ? failure.message : String(failure) };
  }
}

/**
 * validarEntrada says «falta este dato obligatorio» for every invalid_type issue, because zod 4
 * does not report the offending input by default: a field that was given but has the wrong type
 * (2.5 for an entero) would read as missing. Where the case does have a value at that path, use
 * zod's own message for the issue instead (e.g. «se esperaba un número entero»).
 */
function clarify(errores: readonly ErrorDeEntrada[], schema: z.ZodType, caso: unknown): ErrorDeEntrada[] {
  const parsed = schema.safeParse(caso);
  const byPath = new Map<string, string>();
  if (!parsed.success) for (const issue of parsed.error.issues) byPath.set(issue.path.map(String).join('.'), issue.message);
  const valueAt = (path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), caso);
  return errores.map((e) => (e.mensaje === 'falta este dato obligatorio' && valueAt(e.campo) !== undefined && byPath.has(e.campo) ? { campo: e.campo, mensaje: byPath.get(e.campo)! } : e));
}

export { tipoATexto };
