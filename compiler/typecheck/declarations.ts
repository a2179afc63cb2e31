/**
 * Type checking of declarations: resolves types, checks every definition, norm and procedure,
 * verifies citations against the official text, and assembles the checked Program.
 */
import type * as A from '../ast/ast.ts';
import type * as IR from '../ir/ir.ts';
import type { Tipo, EnumInfo, RegistroInfo } from '../../runtime/types.ts';
import { CUMPLIMIENTO, ESTADO_PASO } from '../../runtime/types.ts';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../diagnostics/suggest.ts';
import { BUILTIN_TYPES, type Environment } from '../resolve/environment.ts';
import { checkExpr, coerce, type Checker, type Scope } from './expressions.ts';
import * as T from './types.ts';
import { findQuote, prepareText, type OfficialText } from '../citations/verify.ts';
import { visitAll } from '../ir/walk.ts';

export interface CheckInput {
  readonly env: Environment;
  readonly resolution?: IR.ResolutionInfo;
  /** The official text of the main module, when its header names one and it was found. */
  readonly officialText?: { readonly path: string; readonly text: string };
  /** The official text of every module that has one, by module file (imports included). */
  readonly officialTexts: ReadonlyMap<string, { readonly path: string; readonly text: string }>;
}

export function resolveType(env: Environment, ref: A.TypeRef, diagnostics: Diagnostic[]): Tipo {
  let base: Tipo;
  if (ref.kind === 'set' || ref.kind === 'list') {
    const element = resolveType(env, ref.element, diagnostics);
    base = ref.kind === 'set' ? T.set(element) : T.list(element);
  } else if (ref.kind === 'named') {
    const name = ref.name.text;
    const folded = name === 'duracion' ? 'duración' : name;
    if (BUILTIN_TYPES.includes(folded)) base = T.t(folded as never);
    else if (env.enums.has(name)) base = T.enumType(name);
    else if (env.records.has(name)) base = { k: 'registro', nombre: name };
    else {
      diagnostics.push(
        error('tipo-desconocido', `No se conoce el tipo «${name}».`, ref.name.span, {
          hint: didYouMean(name, [...BUILTIN_TYPES, ...env.enums.keys(), ...env.records.keys()]) ?? `Tipos predefinidos: ${BUILTIN_TYPES.join(', ')}.`,
        }),
      );
      base = T.ERROR;
    }
  } else base = T.ERROR;
  return ref.optional ? T.optional(base) : base;
}

export function checkProgram(input: CheckInput, diagnostics: Diagnostic[]): IR.Program {
  const { env } = input;
  const main = env.main;
  const fieldTypes = new Map<string, Tipo>();
  const inputTypes = new Map<string, Tipo>();

  // Vocabulary first: records may refer to each other and to enumerations.
  const enums: Record<string, EnumInfo> = { [CUMPLIMIENTO.nombre]: CUMPLIMIENTO, [ESTADO_PASO.nombre]: ESTADO_PASO };
  for (const [name, owned] of env.enums) {
    if (owned === 'builtin') continue;
    enums[name] = { nombre: name, doc: owned.decl.doc, valores: owned.decl.variants.map((v) => ({ nombre: v.name.text, doc: v.doc })) };
  }
  const records: Record<string, RegistroInfo> = {};
  for (const [name, owned] of env.records) {
    const campos = owned.decl.fields.map((f) => {
      const tipo = resolveType(env, f.type, diagnostics);
      fieldTypes.set(`${name}.${f.name.text}`, tipo);
      return { nombre: f.name.text, tipo, doc: f.doc };
    });
    records[name] = { nombre: name, doc: owned.decl.doc, campos };
  }
  const inputs: IR.InputIR[] = [];
  for (const [name, owned] of env.inputs) {
    const type = resolveType(env, owned.decl.type, diagnostics);
    inputTypes.set(name, type);
    inputs.push({ name, type, doc: owned.decl.doc, span: owned.decl.span });
    if (!owned.decl.doc) diagnostics.push(warning('entrada-sin-descripcion', `La entrada «${name}» no tiene descripción.`, owned.decl.name.span, { hint: 'Añade un texto que diga qué dato es: lo verá quien rellene el caso.' }));
  }

  const signatures = new Map<string, { params: Tipo[]; result: Tipo }>();
  for (const [name, owned] of env.definitions) {
    signatures.set(name, {
      params: owned.decl.params.map((p) => resolveType(env, p.type, diagnostics)),
      result: resolveType(env, owned.decl.type, diagnostics),
    });
  }

  const checker: Checker = {
    env,
    diagnostics,
    typeOfInput: (name) => inputTypes.get(name) ?? fieldTypes.get(name) ?? T.ERROR,
    typeOfDefinition: (name) => signatures.get(name),
  };

  const texts = new Map<string, OfficialText>();
  const textFor = (module: A.Module): OfficialText | undefined => {
    const official = input.officialTexts.get(module.file);
    if (!official) return undefined;
    let prepared = texts.get(module.file);
    if (!prepared) texts.set(module.file, (prepared = prepareText(official.text)));
    return prepared;
  };

  const citation = (module: A.Module, c: A.Citation | undefined, ownerSpan: A.Name): IR.CitationIR | undefined => {
    if (!c) {
      diagnostics.push(
        error('cita-obligatoria', `«${ownerSpan.text}» no tiene cita: toda regla dice en qué lugar del texto oficial se apoya.`, ownerSpan.span, {
          hint: 'Añade: cita "Anexo I, Cuarta.3" «texto literal de la norma»',
        }),
      );
      return undefined;
    }
    return verifyCitation(module, c, textFor(module), diagnostics, input.officialTexts.has(module.file));
  };

  const definitions: Record<string, IR.DefinitionIR> = {};
  for (const [name, owned] of env.definitions) {
    definitions[name] = checkDefinition(checker, owned.decl, owned.module, signatures.get(name)!, citation);
  }
  const norms: Record<string, IR.NormIR> = {};
  for (const [name, owned] of env.norms) norms[name] = checkNorm(checker, owned.decl, owned.module, citation);
  const procedures: Record<string, IR.ProcedureIR> = {};
  for (const [name, owned] of env.procedures) procedures[name] = checkProcedure(checker, owned.decl, owned.module, citation);

  detectCycles(definitions, norms, diagnostics);

  const festivos = input.resolution?.festivosLocales;
  if (festivos) {
    const type = inputTypes.get(festivos);
    const span = main.header?.span ?? main.declarations[0]?.span;
    if (!type && span) diagnostics.push(error('festivos-desconocidos', `«festivos_locales» nombra la entrada «${festivos}», que no existe.`, span));
    else if (type && !T.same(T.strip(type), T.list(T.DATE)) && !T.same(T.strip(type), T.set(T.DATE)) && span) {
      diagnostics.push(error('festivos-tipo', `La entrada «${festivos}» de festivos locales debe ser una lista de fecha.`, span));
    }
  }

  const outputs: IR.Program['outputs'][number][] = [];
  for (const decl of main.declarations) {
    if (decl.kind === 'definition' && decl.params.length === 0 && definitions[decl.name.text]) outputs.push({ kind: 'definition', name: decl.name.text });
    if (decl.kind === 'norm' && norms[decl.name.text]) outputs.push({ kind: 'norm', name: decl.name.text });
    if (decl.kind === 'procedure' && procedures[decl.name.text]) outputs.push({ kind: 'procedure', name: decl.name.text });
  }

  return {
    file: main.file,
    resolution: input.resolution,
    officialText: input.officialText,
    officialTexts: Object.fromEntries(input.officialTexts),
    enums,
    records,
    inputs,
    definitions,
    norms,
    procedures,
    outputs,
  };
}

type CitationFn = (module: A.Module, c: A.Citation | undefined, owner: A.Name) => IR.CitationIR | undefined;

function verifyCitation(module: A.Module, c: A.Citation, text: OfficialText | undefined, diagnostics: Diagnostic[], hasText: boolean): IR.CitationIR {
  if (!c.place.trim()) diagnostics.push(error('cita-sin-lugar', 'La cita no dice el lugar de la norma (p. ej. "Anexo I, Cuarta.3").', c.span));
  if (!c.quote) {
    if (hasText) diagnostics.push(error('cita-sin-texto', 'La cita no incluye el texto literal de la norma entre «…».', c.span, { hint: 'La cita literal es la que permite comprobar la regla contra el texto oficial.' }));
    return { place: c.place };
  }
  if (!text) {
    if (module.header === undefined) diagnostics.push(warning('cita-no-verificada', 'Este fichero no tiene texto oficial: la cita no se puede comprobar.', c.quoteSpan ?? c.span));
    return { place: c.place, quote: c.quote };
  }
  const check = findQuote(text, c.quote);
  if (check.found) {
    if (check.alsoAt.length) {
      diagnostics.push(
        warning('cita-ambigua', `La cita aparece ${check.alsoAt.length + 1} veces en el texto oficial (líneas ${[check.line, ...check.alsoAt].join(', ')}).`, c.quoteSpan ?? c.span, {
          hint: 'Alárgala hasta que sea única: así la explicación y el playground señalan el pasaje correcto. Si el pasaje se repite igual en otro lugar del texto, empieza la cita con un trozo anterior que sí sea único (el título o el primer párrafo del apartado) seguido de «[…]».',
        }),
      );
    }
    return { place: c.place, quote: c.quote, line: check.line };
  }
  const near = check.nearest;
  diagnostics.push(
    error('cita-no-encontrada', 'La cita no aparece literalmente en el texto oficial.', c.quoteSpan ?? c.span, {
      hint: near
        ? `Lo más parecido está en la línea ${near.line} del texto oficial: «${near.passage}»${near.matchedPrefix ? `. Coincide hasta «…${near.matchedPrefix.slice(-30)}»` : ''}.`
        : 'No se ha encontrado ningún pasaje parecido: ¿es el texto oficial correcto?',
    }),
  );
  return { place: c.place, quote: c.quote };
}

function checkValue(c: Checker, value: A.CaseValue, scope: Scope, type: Tipo, context: string, declared: A.TypeRef): IR.ValueIR {
  if (value.kind === 'indeterminado') {
    if (!value.reason.trim()) c.diagnostics.push(error('indeterminado-sin-motivo', '«indeterminado» debe decir por qué el texto no da respuesta.', value.span));
    return { k: 'indeterminado', reason: value.reason };
  }
  return { k: 'value', expr: withDeclaredType(c, declared, () => coerce(c, checkExpr(c, value.expr, scope, type), type, context)) };
}

/** Runs a check and points its type mismatches at the declaration that set the expected type. */
function withDeclaredType<T>(c: Checker, declared: A.TypeRef, check: () => T): T {
  const before = c.diagnostics.length;
  const result = check();
  for (let i = before; i < c.diagnostics.length; i++) {
    const d = c.diagnostics[i]!;
    if (d.code === 'tipo-incompatible' && d.message.includes('se esperaba')) {
      c.diagnostics[i] = { ...d, labels: [...d.labels, { span: declared.span, message: 'el tipo esperado se declara aquí' }] };
    }
  }
  return result;
}

function checkDefinition(c: Checker, d: A.Definition, module: A.Module, sig: { params: Tipo[]; result: Tipo }, citation: CitationFn): IR.DefinitionIR {
  const params = d.params.map((p, i) => ({ name: p.name.text, type: sig.params[i]! }));
  const scopeFor = (): Scope => ({ params, reads: [] });
  const context = `El valor de «${d.name.text}»`;
  let body: IR.DefinitionIR['body'];
  const formula = d.body;
  if (formula) {
    const scope = scopeFor();
    const expr = withDeclaredType(c, d.type, () => coerce(c, checkExpr(c, formula.expr, scope, sig.result), sig.result, context));
    body = { expr, citation: citation(module, formula.citation, d.name), span: formula.span, reads: scope.reads };
  }
  const ids = new Map<string, A.Case>();
  for (const k of d.cases) {
    const before = ids.get(k.id.text);
    if (before) c.diagnostics.push(error('caso-duplicado', `El caso «${k.id.text}» está repetido en «${d.name.text}».`, k.id.span, { labels: [{ span: before.id.span, message: 'primera vez aquí' }] }));
    else ids.set(k.id.text, k);
  }
  // «prevalece sobre»: targets must be cases of the same definition; the relation must be acyclic.
  const direct = new Map<string, string[]>();
  for (const k of d.cases) {
    const targets: string[] = [];
    for (const o of k.overrides) {
      if (!ids.has(o.text)) {
        c.diagnostics.push(error('caso-desconocido', `«${d.name.text}» no tiene el caso «${o.text}».`, o.span, { hint: didYouMean(o.text, [...ids.keys()]) }));
      } else if (o.text === k.id.text) {
        c.diagnostics.push(error('prioridad-circular', `El caso «${k.id.text}» no puede prevalecer sobre sí mismo.`, o.span));
      } else targets.push(o.text);
    }
    direct.set(k.id.text, targets);
  }
  const dominates = (id: string): string[] => {
    const seen = new Set<string>();
    const stack = [...(direct.get(id) ?? [])];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(direct.get(next) ?? []));
    }
    return [...seen];
  };
  for (const k of d.cases) {
    if (dominates(k.id.text).includes(k.id.text)) {
      c.diagnostics.push(error('prioridad-circular', `Las prioridades de «${d.name.text}» forman un ciclo que pasa por «${k.id.text}».`, k.id.span));
    }
  }
  const cases: IR.CaseIR[] = d.cases.map((k) => {
    const scope = scopeFor();
    const condition = coerce(c, checkExpr(c, k.condition, scope, T.BOOL), T.BOOL, `La condición del caso «${k.id.text}»`);
    const value = checkValue(c, k.value, scope, sig.result, context, d.type);
    return { id: k.id.text, condition, value, citation: citation(module, k.citation, k.id), span: k.span, dominates: dominates(k.id.text), reads: scope.reads };
  });
  let otherwise: IR.DefinitionIR['otherwise'];
  if (d.otherwise) {
    const scope = scopeFor();
    const value = checkValue(c, d.otherwise.value, scope, sig.result, context, d.type);
    // An explicit «indeterminado» needs a citation only when it rests on the text; the reason is mandatory.
    const cited = d.otherwise.citation ? citation(module, d.otherwise.citation, d.name) : undefined;
    if (!cited && value.k === 'value') citation(module, undefined, { text: `${d.name.text} (en otro caso)`, span: d.otherwise.span });
    otherwise = { value, citation: cited, span: d.otherwise.span, reads: scope.reads };
  }
  if (!d.body && d.cases.length === 0 && !d.otherwise) {
    c.diagnostics.push(error('definicion-vacia', `«${d.name.text}» no tiene ni casos, ni fórmula, ni «en otro caso».`, d.name.span));
  }
  if (sig.result.k === 'opcional') {
    c.diagnostics.push(error('definicion-opcional', `Una definición no puede ser opcional: donde el texto no da respuesta, usa «indeterminado "motivo"».`, d.type.span));
  }
  return { kind: 'definition', name: d.name.text, module: module.file, params, type: sig.result, doc: d.doc, span: d.span, body, cases, otherwise };
}

function checkNorm(c: Checker, n: A.NormDecl, module: A.Module, citation: CitationFn): IR.NormIR {
  const scope: Scope = { params: [], reads: [] };
  const applies = n.applies && coerce(c, checkExpr(c, n.applies, scope, T.BOOL), T.BOOL, `«aplica si» de «${n.name.text}»`);
  const requirement = coerce(c, checkExpr(c, n.requirement, scope, T.BOOL), T.BOOL, `Lo que exige «${n.name.text}»`);
  const overrides: string[] = [];
  for (const o of n.overrides) {
    if (!c.env.norms.has(o.text)) c.diagnostics.push(error('norma-desconocida', `No hay ninguna norma «${o.text}».`, o.span, { hint: didYouMean(o.text, [...c.env.norms.keys()]) }));
    else overrides.push(o.text);
  }
  return {
    kind: 'norm',
    id: n.id.text,
    name: n.name.text,
    module: module.file,
    doc: n.doc,
    applies,
    modality: n.modality,
    requirement,
    overrides,
    citation: citation(module, n.citation, n.name),
    span: n.span,
    reads: scope.reads,
  };
}

function checkProcedure(c: Checker, p: A.ProcedureDecl, module: A.Module, citation: CitationFn): IR.ProcedureIR {
  const names: string[] = [];
  const steps: IR.StepIR[] = [];
  for (const s of p.steps) {
    if (names.includes(s.name.text)) c.diagnostics.push(error('paso-duplicado', `El paso «${s.name.text}» está repetido.`, s.name.span));
    const scope: Scope = { params: [], reads: [], steps: names.slice(), procedure: p.name.text };
    const selfScope: Scope = { ...scope, steps: [...names, s.name.text] };
    const responsible = s.responsible && checkExpr(c, s.responsible, scope);
    // One role or text, or several that share the step («responsable {tutor, orientador}»).
    const whoType = responsible && (responsible.type.k === 'conjunto' || responsible.type.k === 'lista' ? responsible.type.de : responsible.type);
    if (whoType && whoType.k !== 'enum' && whoType.k !== 'texto' && whoType.k !== 'error') {
      c.diagnostics.push(error('tipo-incompatible', 'El responsable de un paso es un rol (un valor de enumeración) o un texto, o un conjunto de ellos si lo comparten.', responsible!.span));
    }
    const deadline = s.deadline && coerce(c, checkExpr(c, s.deadline, scope, T.DATE), T.DATE, `El plazo de «${s.name.text}»`);
    const done = s.done && coerce(c, checkExpr(c, s.done, selfScope, T.optional(T.DATE)), T.optional(T.DATE), `La fecha de realización de «${s.name.text}»`);
    if (s.documentExpr && s.documentExpr.kind !== 'string') c.diagnostics.push(error('documento-no-texto', 'El documento de un paso se escribe como texto entre comillas.', s.documentExpr.span));
    const when = s.when && coerce(c, checkExpr(c, s.when, scope, T.BOOL), T.BOOL, `«cuando» de «${s.name.text}»`);
    const after: string[] = [];
    for (const a of s.after) {
      if (!names.includes(a.text)) {
        c.diagnostics.push(error('paso-desconocido', `«tras ${a.text}»: no hay un paso anterior con ese nombre.`, a.span, { hint: didYouMean(a.text, names) }));
      } else after.push(a.text);
    }
    if (!s.done) c.diagnostics.push(warning('paso-sin-realizado', `El paso «${s.name.text}» no dice qué dato indica cuándo se realizó («realizado …»).`, s.name.span));
    steps.push({
      id: s.id.text,
      name: s.name.text,
      doc: s.doc,
      responsible,
      document: s.document,
      deadline,
      done,
      when,
      after,
      citation: citation(module, s.citation, s.name),
      span: s.span,
      reads: scope.reads,
    });
    names.push(s.name.text);
  }
  return { kind: 'procedure', name: p.name.text, module: module.file, doc: p.doc, steps, span: p.span };
}

/** A definition or norm that depends on itself would never finish: report the cycle. */
function detectCycles(definitions: Record<string, IR.DefinitionIR>, norms: Record<string, IR.NormIR>, diagnostics: Diagnostic[]): void {
  const deps = new Map<string, Set<string>>();
  // The rules an expression reads (definitions, norms, calls).
  const collect = (e: IR.Expr | undefined, out: Set<string>): void =>
    visitAll(e, (node) => {
      if (node.k === 'def' || node.k === 'norm' || node.k === 'call') out.add(node.name);
    });
  const spans = new Map<string, IR.DefinitionIR['span']>();
  for (const d of Object.values(definitions)) {
    const out = new Set<string>();
    collect(d.body?.expr, out);
    for (const k of d.cases) { collect(k.condition, out); if (k.value.k === 'value') collect(k.value.expr, out); }
    if (d.otherwise?.value.k === 'value') collect(d.otherwise.value.expr, out);
    deps.set(d.name, out);
    spans.set(d.name, d.span);
  }
  for (const n of Object.values(norms)) {
    const out = new Set<string>();
    collect(n.applies, out);
    collect(n.requirement, out);
    for (const o of n.overrides) out.add(o);
    deps.set(n.name, out);
    spans.set(n.name, n.span);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = path.slice(path.indexOf(name));
      const key = [...cycle].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        diagnostics.push(error('dependencia-circular', `«${name}» depende de sí misma: ${[...cycle, name].join(' → ')}.`, spans.get(name)!));
      }
      return;
    }
    state.set(name, 'visiting');
    for (const dep of deps.get(name) ?? []) if (deps.has(dep)) visit(dep, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of deps.keys()) visit(name, []);
}
