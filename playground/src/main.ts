/**
 * The playground: Monaco editor over the rule files, diagnostics from a Web Worker, a case form
 * generated from the inputs, the ruling with its explanation, step-through over the trace with
 * the official text, and a shareable URL. Everything runs in the browser.
 */
import './style.css';
import * as monaco from './monaco.ts';
import { LANGUAGE_ID, registerLanguage } from './language.ts';
import { registerProviders } from './providers.ts';
import { FILES, RULE_FILES, isTestFile, rulesFileOf } from './files.ts';
import { CaseForm } from './form.ts';
import { OfficialText } from './official.ts';
import { renderRuling, stepDetail } from './results.ts';
import { decodeState, encodeState, type SharedState } from './share.ts';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import type { Evaluacion } from '../../runtime/result.ts';
import type { ProgramInfo, Request, Response, TestInfo } from './protocol.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------
const state = {
  path: '',
  info: undefined as ProgramInfo | undefined,
  /** The last case form built for this rules file and its inputs' shape. */
  formKey: '',
  caso: {} as Record<string, unknown>,
  tests: [] as TestInfo[],
  evaluation: undefined as Evaluacion | undefined,
  evaluatedRules: '',
  step: -1,
  diagnostics: [] as readonly Diagnostic[],
  /** Version of the model the shown diagnostics belong to. */
  diagVersion: 0,
  /** File the shown diagnostics belong to. */
  diagPath: '',
  /** Sources the shown ruling was computed from (to flag it as outdated after edits). */
  evaluatedKey: '',
  /** performance.now() when the shown diagnostics were applied (for latency measurement). */
  diagAt: 0,
  checkMs: 0,
};
// Exposed for the end-to-end test (latency measurement and waiting for diagnostics).
(window as unknown as { __neae: unknown }).__neae = state;

// ---------------------------------------------------------------------------------------------
// Editor and models
// ---------------------------------------------------------------------------------------------
registerLanguage();
const uriOf = (path: string) => monaco.Uri.from({ scheme: 'file', path: `/${path}` });
const pathOf = (uri: monaco.Uri) => uri.path.replace(/^\//, '');

function modelOf(path: string): monaco.editor.ITextModel {
  return monaco.editor.getModel(uriOf(path)) ?? monaco.editor.createModel(FILES[path] ?? '', LANGUAGE_ID, uriOf(path));
}

const editor = monaco.editor.create($('editor'), {
  theme: 'neae',
  language: LANGUAGE_ID,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  wordWrap: 'on',
  wrappingIndent: 'indent',
  scrollBeyondLastLine: false,
  renderWhitespace: 'none',
  glyphMargin: true,
  fixedOverflowWidgets: true,
  tabSize: 2,
  'semanticHighlighting.enabled': false,
});
(window as unknown as { __editor: unknown }).__editor = editor;

/** Files whose buffer differs from the embedded original. */
function overlays(except?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of monaco.editor.getModels()) {
    const p = pathOf(m.uri);
    if (p !== except && m.getValue() !== FILES[p]) out[p] = m.getValue();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Worker: diagnostics as you type (coalesced: one check in flight, the latest one queued)
// ---------------------------------------------------------------------------------------------
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
let nextId = 1;
const pending = new Map<number, (r: Response) => void>();
let checkInFlight = false;
let checkQueued = false;

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
function ask<R extends Response>(req: WithoutId<Request>): Promise<R> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve as (r: Response) => void);
    worker.postMessage({ ...req, id } as Request);
  });
}
worker.onmessage = (event: MessageEvent<Response>) => {
  const done = pending.get(event.data.id);
  pending.delete(event.data.id);
  done?.(event.data);
};

function requestCheck(): void {
  if (checkInFlight) {
    checkQueued = true;
    return;
  }
  checkInFlight = true;
  const model = editor.getModel()!;
  const path = pathOf(model.uri);
  const version = model.getVersionId();
  void ask<Extract<Response, { kind: 'check' }>>({ kind: 'check', path, text: model.getValue(), overlays: overlays(path) }).then((r) => {
    checkInFlight = false;
    if (r.path === state.path) applyCheck(r, version);
    if (checkQueued) {
      checkQueued = false;
      requestCheck();
    }
  });
}

function applyCheck(r: Extract<Response, { kind: 'check' }>, version: number): void {
  const model = modelOf(r.path);
  state.diagnostics = r.diagnostics;
  state.checkMs = r.ms;
  const mine = r.diagnostics.filter((d) => d.span.file === r.path);
  monaco.editor.setModelMarkers(
    model,
    'neae',
    mine.map((d) => ({
      severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: d.hint ? `${d.message}\nSugerencia: ${d.hint}` : d.message,
      code: d.code,
      source: 'neae',
      startLineNumber: d.span.start.line,
      startColumn: d.span.start.column,
      endLineNumber: d.span.end.line,
      endColumn: d.span.end.line === d.span.start.line && d.span.end.column <= d.span.start.column ? d.span.start.column + 1 : d.span.end.column,
      relatedInformation: d.labels.map((l) => ({
        resource: uriOf(l.span.file),
        message: l.message,
        startLineNumber: l.span.start.line,
        startColumn: l.span.start.column,
        endLineNumber: l.span.end.line,
        endColumn: l.span.end.column,
      })),
    })),
  );
  renderDiagnostics(r.diagnostics);
  state.diagVersion = version;
  state.diagPath = r.path;
  state.diagAt = performance.now();
  $('obsoleto').hidden = !state.evaluation || state.evaluatedKey === JSON.stringify(overlays());
  if (r.info) {
    const rulesChanged = state.info?.rulesPath !== r.info.rulesPath;
    state.info = r.info;
    picker.title = r.info.titulo ?? r.info.rulesPath;
    updateForm();
    if (rulesChanged) {
      void loadTests();
      if (state.evaluation && state.evaluatedRules !== r.info.rulesPath) clearEvaluation();
    }
    showOfficialText();
  }
}

function renderDiagnostics(list: readonly Diagnostic[]): void {
  const ul = $('diagnosticos');
  ul.replaceChildren();
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const status = $('estado');
  status.textContent = errors ? `${errors} error${errors > 1 ? 'es' : ''}${warnings ? `, ${warnings} aviso${warnings > 1 ? 's' : ''}` : ''}` : warnings ? `Sin errores; ${warnings} aviso${warnings > 1 ? 's' : ''}` : 'Sin errores';
  status.className = `estado ${errors ? 'con-errores' : 'sin-errores'}`;
  status.dataset['version'] = String(editor.getModel()?.getVersionId());
  if (!list.length) {
    const li = document.createElement('li');
    li.className = 'vacio';
    li.textContent = 'Sin problemas: sintaxis, tipos y citas correctos.';
    ul.append(li);
    return;
  }
  for (const d of list) {
    const li = document.createElement('li');
    li.tabIndex = 0;
    const sev = document.createElement('span');
    sev.className = `sev-${d.severity}`;
    sev.textContent = d.severity === 'error' ? 'error' : 'aviso';
    const where = document.createElement('span');
    where.className = 'donde';
    where.textContent = ` ${d.span.file}:${d.span.start.line}:${d.span.start.column} `;
    li.append(sev, where, d.message);
    if (d.hint) {
      const hint = document.createElement('div');
      hint.className = 'pista';
      hint.textContent = `Sugerencia: ${d.hint}`;
      li.append(hint);
    }
    const go = () => reveal(d.span.file, d.span.start.line, d.span.start.column);
    li.addEventListener('click', go);
    li.addEventListener('keydown', (e) => e.key === 'Enter' && go());
    ul.append(li);
  }
}

function reveal(path: string, line: number, column: number, endLine?: number, endColumn?: number): void {
  if (path !== state.path && RULE_FILES.includes(path)) openFile(path);
  if (path !== state.path) return;
  const range = new monaco.Range(line, column, endLine ?? line, endColumn ?? column);
  editor.revealRangeInCenterIfOutsideViewport(range);
  editor.setSelection(new monaco.Range(line, column, line, column));
  editor.focus();
}

// ---------------------------------------------------------------------------------------------
// File picker
// ---------------------------------------------------------------------------------------------
const picker = $<HTMLSelectElement>('fichero');
{
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const f of RULE_FILES) {
    const dir = f.startsWith('playground/') ? 'Ejemplo del playground' : f.split('/').slice(0, -1).join('/');
    let g = groups.get(dir);
    if (!g) {
      g = document.createElement('optgroup');
      g.label = dir;
      groups.set(dir, g);
      picker.append(g);
    }
    const o = document.createElement('option');
    o.value = f;
    o.textContent = f.split('/').pop()!;
    g.append(o);
  }
}
picker.addEventListener('change', () => openFile(picker.value));

let changeListener: monaco.IDisposable | undefined;
function openFile(path: string): void {
  if (!(path in FILES)) return;
  state.path = path;
  picker.value = path;
  const model = modelOf(path);
  if (editor.getModel() !== model) editor.setModel(model);
  changeListener?.dispose();
  changeListener = model.onDidChangeContent(() => {
    requestCheck();
    scheduleSave();
  });
  decorations.clear();
  requestCheck();
  scheduleSave();
  document.title = `${path.split('/').pop()} · neae playground`;
}

$('restaurar').addEventListener('click', () => {
  const model = editor.getModel();
  // As an edit, so that Ctrl+Z brings the changes back.
  if (model && FILES[state.path] !== undefined && model.getValue() !== FILES[state.path]) {
    model.pushStackElement();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: FILES[state.path]! }], () => null);
    model.pushStackElement();
  }
});

// ---------------------------------------------------------------------------------------------
// Case form, golden tests and evaluation date
// ---------------------------------------------------------------------------------------------
const form = new CaseForm($<HTMLFormElement>('formulario'), () => {
  state.caso = form.value();
  if (!form.hasErrors && /no es válido/.test($('errores-caso').textContent ?? '')) $('errores-caso').textContent = '';
  syncJson();
  // A prefilled case that has been changed is no longer the golden test: say so.
  const t = testPicker.value === '' ? undefined : state.tests[Number(testPicker.value)];
  if (t && canonical(state.caso) !== canonical(t.caso)) {
    const box = $('resultado-prueba');
    box.className = 'resultado-prueba';
    box.textContent = `El caso se ha modificado: ya no es el de la prueba «${t.name}».`;
  } else if (t) showTestOutcome();
  scheduleSave();
});
const dateInput = $<HTMLInputElement>('fecha');
dateInput.addEventListener('change', scheduleSave);

function updateForm(): void {
  const info = state.info;
  if (!info) return;
  const key = JSON.stringify([info.rulesPath, info.inputs, info.vocabulario]);
  if (key === state.formKey) return;
  state.formKey = key;
  form.build(info.inputs, info.vocabulario, state.caso);
}

const testPicker = $<HTMLSelectElement>('pruebas');
let testsKey = '';
/** Lists the golden tests of the rules file (again only if the rules or the tests were edited since). */
async function loadTests(): Promise<void> {
  const info = state.info;
  if (!info) return;
  const key = JSON.stringify([info.rulesPath, overlays()]);
  if (key === testsKey) return;
  testsKey = key;
  const r = await ask<Extract<Response, { kind: 'tests' }>>({ kind: 'tests', rulesPath: info.rulesPath, overlays: overlays() });
  const chosen = state.tests[Number(testPicker.value)]?.name;
  state.tests = [...r.tests];
  testPicker.replaceChildren(new Option(r.tests.length ? '— elige una prueba —' : r.problem ?? 'No hay pruebas', ''));
  r.tests.forEach((t, i) => testPicker.append(new Option(`${t.passed === undefined ? '' : t.passed ? '✓ ' : '✗ '}${t.name}${t.doc ? ` — ${t.doc}` : ''}`, String(i))));
  const run = r.tests.filter((t) => t.passed !== undefined);
  const failed = run.filter((t) => !t.passed).length;
  const summary = $('resumen-pruebas');
  summary.textContent = run.length ? `Pruebas de este fichero: ${run.length - failed} de ${run.length} pasan${failed ? ` (${failed} fallan)` : ''}.` : '';
  summary.className = `resumen-pruebas ${failed ? 'fallan' : 'pasan'}`;
  showTestOutcome();
  const again = r.tests.findIndex((t) => t.name === chosen);
  if (testPicker.value === '' && again >= 0) testPicker.value = String(again);
}
testPicker.addEventListener('focus', () => void loadTests().catch(() => undefined));
// The case as JSON: what `neae eval --caso` reads; editable and applied back to the form.
const jsonBox = $<HTMLDetailsElement>('json');
const jsonText = $<HTMLTextAreaElement>('json-caso');
function syncJson(): void {
  if (jsonBox.open && document.activeElement !== jsonText) jsonText.value = JSON.stringify(form.names.length ? form.value() : state.caso, null, 2);
}
jsonBox.addEventListener('toggle', syncJson);
$('aplicar-json').addEventListener('click', () => {
  const err = $('json-error');
  try {
    const value = JSON.parse(jsonText.value) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('el caso debe ser un objeto JSON { "entrada": valor, … }');
    state.caso = value as Record<string, unknown>;
    form.set(state.caso);
    const unknown = Object.keys(state.caso).filter((k) => !form.names.includes(k));
    err.textContent = unknown.length ? `Entradas que estas reglas no tienen: ${unknown.join(', ')}` : '';
    scheduleSave();
  } catch (failure) {
    err.textContent = `JSON no válido: ${(failure as Error).message}`;
  }
});
$('copiar-json').addEventListener('click', () => void navigator.clipboard?.writeText(jsonText.value).catch(() => undefined));

/** JSON with sorted keys and sorted sets, to compare two cases. */
function canonical(v: unknown): string {
  const norm = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(norm).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
      : x && typeof x === 'object'
        ? Object.fromEntries(Object.entries(x).filter(([, y]) => y !== undefined && y !== null).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, y]) => [k, norm(y)]))
        : x;
  return JSON.stringify(norm(v));
}

/** Under the picker: whether the chosen golden test passes, and its failures. */
function showTestOutcome(): void {
  const box = $('resultado-prueba');
  const t = testPicker.value === '' ? undefined : state.tests[Number(testPicker.value)];
  box.replaceChildren();
  if (!t || t.passed === undefined) return;
  box.className = `resultado-prueba ${t.passed ? 'pasan' : 'fallan'}`;
  box.append(t.passed ? `✓ La prueba «${t.name}» pasa con las reglas actuales.` : `✗ La prueba «${t.name}» falla con las reglas actuales:`);
  if (!t.passed && t.failures?.length) {
    const ul = document.createElement('ul');
    for (const f of t.failures) {
      const li = document.createElement('li');
      li.textContent = f;
      ul.append(li);
    }
    box.append(ul);
  }
}

testPicker.addEventListener('change', () => {
  showTestOutcome();
  const t = state.tests[Number(testPicker.value)];
  if (!t || testPicker.value === '') return;
  state.caso = { ...t.caso };
  form.set(state.caso);
  dateInput.value = t.fecha ?? '';
  $('errores-caso').textContent = '';
  syncJson();
  scheduleSave();
});
$('vaciar').addEventListener('click', () => {
  state.caso = {};
  form.set({});
  dateInput.value = '';
  testPicker.value = '';
  showTestOutcome();
  scheduleSave();
});

function clearEvaluation(): void {
  state.evaluation = undefined;
  $('obsoleto').hidden = true;
  state.step = -1;
  decorations.clear();
  $('resultado').innerHTML = '<p class="vacio">Rellena el caso y pulsa «Evaluar el caso».</p>';
  $('paso').innerHTML = '<p class="vacio">Evalúa un caso para recorrer el razonamiento paso a paso.</p>';
  $('contador').textContent = '—';
}

async function evaluateCase(): Promise<void> {
  const info = state.info;
  const errBox = $('errores-caso');
  if (!info) {
    errBox.textContent = 'Las reglas aún no compilan: corrige los errores antes de evaluar.';
    return;
  }
  state.caso = form.value();
  const r = await ask<Extract<Response, { kind: 'evaluate' }>>({ kind: 'evaluate', rulesPath: info.rulesPath, overlays: overlays(), caso: state.caso, fecha: dateInput.value || undefined });
  errBox.textContent = '';
  form.clearErrors();
  if (r.diagnostics) {
    errBox.textContent = `Las reglas tienen ${r.diagnostics.length} error(es); corrígelos para evaluar. Primero: ${r.diagnostics[0]?.message ?? ''}`;
    return;
  }
  if (r.errores) {
    const orphan = form.showErrors(r.errores);
    errBox.textContent = `El caso no es válido (${r.errores.length} error${r.errores.length > 1 ? 'es' : ''})${orphan.length ? ': ' + orphan.map((e) => `${e.campo}: ${e.mensaje}`).join('; ') : '; revisa los campos marcados.'}`;
    selectTab('caso');
    return;
  }
  if (r.problem || !r.evaluacion) {
    errBox.textContent = `No se pudo evaluar: ${r.problem ?? 'error desconocido'}`;
    return;
  }
  state.evaluation = r.evaluacion;
  state.evaluatedRules = info.rulesPath;
  state.evaluatedKey = JSON.stringify(overlays());
  $('obsoleto').hidden = true;
  renderRuling($('resultado'), r.evaluacion, info, (i) => {
    selectTab('pasos');
    showStep(i);
  });
  state.step = r.evaluacion.traza.length ? 0 : -1;
  selectTab('resultado');
  scheduleSave();
}
$('evaluar').addEventListener('click', () => void evaluateCase());

// ---------------------------------------------------------------------------------------------
// Tabs
// ---------------------------------------------------------------------------------------------
type Tab = 'caso' | 'resultado' | 'pasos';
const TABS: Tab[] = ['caso', 'resultado', 'pasos'];
function selectTab(tab: Tab): void {
  for (const t of TABS) {
    $(`pestana-${t}`).setAttribute('aria-selected', String(t === tab));
    $(`pestana-${t}`).tabIndex = t === tab ? 0 : -1;
    $(`panel-${t}`).hidden = t !== tab;
  }
  if (tab === 'pasos') {
    showOfficialText();
    if (state.evaluation && state.step < 0 && state.evaluation.traza.length) state.step = 0;
    showStep(state.step);
  }
}
for (const t of TABS) $(`pestana-${t}`).addEventListener('click', () => selectTab(t));
// After clicking «Paso a paso», ← → step through the reasoning (not through the tabs).
$('pestana-pasos').addEventListener('click', () => $('siguiente').focus());
// Keyboard: Ctrl+Intro evaluates; Alt+1/2/3 switch tabs; in the tab list, ← → move between tabs.
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    void evaluateCase();
  } else if (e.altKey && ['1', '2', '3'].includes(e.key)) {
    e.preventDefault();
    const tab = TABS[Number(e.key) - 1]!;
    selectTab(tab);
    $(`pestana-${tab}`).focus();
  }
});
document.querySelector('.pestanas')!.addEventListener('keydown', (ev) => {
  const e = ev as KeyboardEvent;
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
  const current = TABS.findIndex((t) => $(`pestana-${t}`).getAttribute('aria-selected') === 'true');
  const tab = TABS[(current + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
  selectTab(tab);
  $(`pestana-${tab}`).focus();
  e.stopPropagation();
  e.preventDefault();
});

// ---------------------------------------------------------------------------------------------
// Step-through
// ---------------------------------------------------------------------------------------------
const official = new OfficialText($('texto-oficial'), $('ref-texto'));
const decorations = editor.createDecorationsCollection();

function showOfficialText(): void {
  const p = state.info?.officialTextPath;
  official.show(p, p ? FILES[p] : undefined);
}

function showStep(i: number): void {
  const e = state.evaluation;
  const box = $('paso');
  const counter = $('contador');
  if (!e || !e.traza.length || i < 0) {
    counter.textContent = '—';
    return;
  }
  state.step = Math.max(0, Math.min(i, e.traza.length - 1));
  const p = e.traza[state.step]!;
  counter.textContent = `Paso ${state.step + 1} de ${e.traza.length}`;
  box.replaceChildren(stepDetail(p, state.step));
  for (const li of document.querySelectorAll('#explicacion li')) li.classList.toggle('actual', li.getAttribute('data-paso') === String(state.step));
  // The rule in the editor.
  const o = p.origen;
  if (o.fichero !== state.path && RULE_FILES.includes(o.fichero)) openFile(o.fichero);
  if (o.fichero === state.path) {
    const range = new monaco.Range(o.linea, o.columna, o.lineaFin, o.columnaFin);
    decorations.set([{ range, options: { className: 'paso-actual', isWholeLine: false, linesDecorationsClassName: 'paso-actual-margen', stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges } }]);
    editor.revealRangeInCenterIfOutsideViewport(range);
  } else decorations.clear();
  // The quote in the official text.
  showOfficialText();
  const found = official.highlight(p.cita);
  $('texto-oficial').dataset['citaEncontrada'] = found ? 'sí' : 'no';
  scheduleSave();
}
$('anterior').addEventListener('click', () => showStep(state.step - 1));
$('siguiente').addEventListener('click', () => showStep(state.step + 1));
document.addEventListener('keydown', (e) => {
  if ($('panel-pasos').hidden || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target as HTMLElement;
  if (target.closest('.monaco-editor') || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
  if (e.key === 'ArrowLeft') {
    showStep(state.step - 1);
    e.preventDefault();
  } else if (e.key === 'ArrowRight') {
    showStep(state.step + 1);
    e.preventDefault();
  }
});

// ---------------------------------------------------------------------------------------------
// Shareable URL
// ---------------------------------------------------------------------------------------------
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let restoring = true;
function currentState(): SharedState {
  const e = overlays();
  const s: SharedState = { f: state.path };
  if (Object.keys(e).length) s.e = e;
  const caso = form.names.length ? form.value() : state.caso;
  if (Object.keys(caso).length) s.c = caso;
  if (dateInput.value) s.d = dateInput.value;
  if (state.evaluation && state.step >= 0 && !$('panel-pasos').hidden) s.s = state.step;
  return s;
}
function scheduleSave(): void {
  if (restoring) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void saveNow(), 300);
}
async function saveNow(): Promise<string> {
  const hash = `#estado=${await encodeState(currentState())}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
  return location.href;
}
$('compartir').addEventListener('click', async () => {
  const url = await saveNow();
  const status = $('estado');
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = 'Enlace copiado al portapapeles';
  } catch {
    status.textContent = 'Enlace listo en la barra de direcciones';
  }
});

async function start(): Promise<void> {
  const shared = await decodeState(location.hash);
  const first = shared && shared.f in FILES ? shared.f : (RULE_FILES.find((f) => f.startsWith('rules/') && !isTestFile(f) && !f.includes('/comun/')) ?? RULE_FILES[0]!);
  for (const [p, text] of Object.entries(shared?.e ?? {})) if (p in FILES) modelOf(p).setValue(text);
  if (shared?.c) state.caso = shared.c;
  if (shared?.d) dateInput.value = shared.d;
  openFile(first);
  restoring = false;
  if (shared?.c && shared.s !== undefined) {
    // Re-run the evaluation once the rules have compiled, then go back to the shared step.
    const wait = () =>
      new Promise<void>((resolve) => {
        const tick = () => (state.info?.rulesPath === rulesFileOf(first) ? resolve() : setTimeout(tick, 50));
        tick();
      });
    await wait();
    await evaluateCase();
    selectTab('pasos');
    showStep(shared.s);
  }
}

registerProviders(editor, () => state.info, (path, line, column) => reveal(path, line, column));

// Format document (Mayús+Alt+F or the context menu): the same formatter as `neae fmt`, in the worker.
// A file with syntax errors is left as it is; the diagnostics already say why.
monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
  async provideDocumentFormattingEdits(model) {
    const r = await ask<Extract<Response, { kind: 'format' }>>({ kind: 'format', path: pathOf(model.uri), text: model.getValue() });
    if (r.text === undefined || r.text === model.getValue()) return [];
    return [{ range: model.getFullModelRange(), text: r.text }];
  },
});
void start();
