/**
 * The `neae` command line. Exit codes: 0 success, 1 the rules or tests have errors/failures,
 * 2 the command was used wrongly (unknown command, missing file, bad case JSON).
 */
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../compiler/driver/compile.ts';
import { nodeHost } from '../compiler/driver/node_host.ts';
import { hasErrors, type Diagnostic } from '../compiler/diagnostics/diagnostic.ts';
import { renderDiagnostics } from '../compiler/diagnostics/render.ts';
import { interpreter } from '../compiler/interpret/interpret.ts';
import { runTestFile, prepareTests } from '../compiler/testing/golden.ts';
import { EntradaNoValida } from '../runtime/input.ts';
import { fechaDesdeTexto } from '../runtime/dates.ts';
import { explicar } from '../runtime/explain.ts';

const HELP = `neae — normativa NEAE como código

Uso:
  neae check <fichero|carpeta>...            Comprueba ficheros .neae (sintaxis, tipos, citas).
  neae test [fichero|carpeta]...             Ejecuta las pruebas *.pruebas.neae (por defecto: rules/).
  neae eval <reglas.neae> --caso caso.json   Evalúa un caso y escribe el resultado en JSON.
         [--fecha AAAA-MM-DD] [--explicar]   --explicar: explicación en español con las citas.
         [--salidas a,b]                     solo esos resultados (y lo que necesitan).
  neae build <fichero|carpeta>... [--salida carpeta]
                                             Genera un evaluador TypeScript por fichero de reglas.
  neae fmt <fichero>... [--comprobar]        Da formato a ficheros .neae (--comprobar: solo dice si cambiarían).
  neae citas <fichero|carpeta>... [--json]   Qué parte del texto oficial citan las reglas; párrafos sin citar.
  neae revisar <fichero|carpeta>... [--casos N] [--json]
                                             Busca conflictos posibles y huecos en las definiciones por casos.
  neae nuevo <carpeta/fichero.neae> --texto <texto oficial.txt> [--calendario ES-XX]
                                             Empieza un fichero de reglas: cabecera, texto oficial y pruebas.
  neae diff <antes.neae> <después.neae>      Qué resultados cambian entre dos versiones, con casos concretos.
  neae diff --desde <revisión git> [carpeta] Lo mismo para cada fichero de reglas cambiado desde esa revisión.
         [--casos N] [--fecha AAAA-MM-DD] [--json] [--fallar-si-cambia]

Opciones comunes:
  --json        Diagnósticos en JSON (check, test).
  -h, --help    Esta ayuda.    --version    La versión.
(Se aceptan también los alias en inglés: --case, --date, --explain, --out, --check.)

Códigos de salida: 0 correcto; 1 errores en las reglas o pruebas fallidas; 2 uso incorrecto.
`;

class UsageError extends Error {}

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const ALIASES: Record<string, string> = { case: 'caso', date: 'fecha', explain: 'explicar', out: 'salida', check: 'comprobar', h: 'help' };
const VALUE_FLAGS = new Set(['caso', 'fecha', 'salida', 'desde', 'casos', 'salidas', 'texto', 'calendario']);

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) {
      let [name, value] = arg.replace(/^--?/, '').split('=', 2) as [string, string | undefined];
      name = ALIASES[name] ?? name;
      if (VALUE_FLAGS.has(name) && value === undefined) {
        value = argv[++i];
        if (value === undefined) throw new UsageError(`--${name} necesita un valor.`);
      }
      flags.set(name, value ?? true);
    } else positional.push(arg);
  }
  return { positional, flags };
}

function findFiles(paths: string[], predicate: (f: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new UsageError(`No existe «${p}».`);
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p).sort()) if (entry !== 'node_modules' && !entry.startsWith('.')) walk(join(p, entry));
    } else if (predicate(p)) out.push(p);
  };
  paths.forEach(walk);
  return out;
}

const isTestFile = (f: string) => f.endsWith('.pruebas.neae');
const isRuleFile = (f: string) => f.endsWith('.neae') && !isTestFile(f);

function lookupFrom(sources: ReadonlyMap<string, string>) {
  return (file: string) => sources.get(file) ?? nodeHost.read(file);
}

function printDiagnostics(list: readonly Diagnostic[], sources: ReadonlyMap<string, string>, json: boolean): void {
  if (json) process.stdout.write(JSON.stringify(list, null, 2) + '\n');
  else if (list.length) process.stderr.write(renderDiagnostics(list, lookupFrom(sources)) + '\n');
}

function cmdCheck(args: Args): number {
  const files = findFiles(args.positional.length ? args.positional : ['rules'], (f) => f.endsWith('.neae'));
  const all: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const file of files) {
    const result = isTestFile(file) ? prepareTests(file, nodeHost) : compile(file, nodeHost);
    const diagnostics = 'prepared' in result ? result.diagnostics.filter((d) => d.span.file === file) : result.diagnostics;
    const found = 'prepared' in result ? result.compilation?.sources : result.sources;
    for (const [k, v] of found ?? []) sources.set(k, v);
    for (const d of diagnostics) if (!all.some((x) => x === d || (x.code === d.code && x.span.file === d.span.file && x.span.start.offset === d.span.start.offset))) all.push(d);
  }
  printDiagnostics(all, sources, args.flags.has('json'));
  if (!args.flags.has('json')) {
    const errors = all.filter((d) => d.severity === 'error').length;
    const verdict = errors ? `${errors} error(es)` : 'sin errores: sintaxis, tipos y citas correctos';
    process.stderr.write(`${files.length} fichero(s) comprobado(s): ${verdict}.\n`);
  }
  return hasErrors(all) ? 1 : 0;
}

function cmdTest(args: Args): number {
  const files = findFiles(args.positional.length ? args.positional : ['rules'], isTestFile);
  if (files.length === 0) throw new UsageError('No se han encontrado ficheros *.pruebas.neae.');
  let passed = 0;
  let failed = 0;
  let broken = 0;
  for (const file of files) {
    const result = runTestFile(file, nodeHost);
    const sources = result.compilation?.sources ?? new Map();
    if (hasErrors(result.diagnostics)) {
      broken++;
      process.stdout.write(`✗ ${file}: no se puede ejecutar\n`);
      printDiagnostics(result.diagnostics, new Map([...sources, [file, nodeHost.read(file) ?? '']]), false);
      continue;
    }
    const ok = result.outcomes.filter((o) => o.passed).length;
    process.stdout.write(`${ok === result.outcomes.length ? '✓' : '✗'} ${file}: ${ok}/${result.outcomes.length}\n`);
    for (const o of result.outcomes) {
      if (o.passed) passed++;
      else {
        failed++;
        process.stdout.write(`  ✗ ${o.name} (${file}:${o.span.start.line})\n${o.failures.map((f) => `      ${f}`).join('\n')}\n`);
      }
    }
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  if (broken) process.stdout.write(`${broken} fichero(s) de pruebas con errores\n`);
  return failed || broken ? 1 : 0;
}

function cmdEval(args: Args): number {
  const [file] = args.positional;
  if (!file) throw new UsageError('Indica el fichero de reglas: neae eval reglas.neae --caso caso.json');
  const casePath = args.flags.get('caso');
  if (typeof casePath !== 'string') throw new UsageError('Indica el caso: --caso caso.json (o --caso - para leerlo de la entrada estándar).');
  const compilation = compile(file, nodeHost);
  if (hasErrors(compilation.diagnostics) || !compilation.program) {
    printDiagnostics(compilation.diagnostics, compilation.sources, false);
    return 1;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(casePath === '-' ? 0 : casePath, 'utf8'));
  } catch (failure) {
    throw new UsageError(`No se puede leer el caso «${casePath}»: ${(failure as Error).message}`);
  }
  let fecha: number | undefined;
  const date = args.flags.get('fecha');
  if (typeof date === 'string') {
    try {
      fecha = fechaDesdeTexto(date);
    } catch (failure) {
      throw new UsageError((failure as Error).message);
    }
  }
  try {
    const program = compilation.program;
    const only = args.flags.get('salidas');
    const salidas = typeof only === 'string' ? only.split(',').map((x) => x.trim()).filter(Boolean) : undefined;
    const unknownOutput = salidas?.find((x) => !program.outputs.some((o) => o.name === x));
    if (unknownOutput) throw new UsageError(`«${unknownOutput}» no es un resultado de ${file}. Resultados: ${program.outputs.map((o) => o.name).join(', ')}.`);
    const evaluation = interpreter(program).evaluate(raw, { fecha, salidas });
    const tipos = Object.fromEntries(Object.values(program.definitions).map((d) => [d.name, d.type]));
    if (args.flags.has('explicar')) process.stdout.write(explicar(evaluation, { tipos, vocabulario: { enums: program.enums, registros: program.records } }));
    else process.stdout.write(JSON.stringify(evaluation, null, 2) + '\n');
    return 0;
  } catch (failure) {
    if (failure instanceof EntradaNoValida) {
      process.stderr.write(failure.message + '\n');
      return 2;
    }
    throw failure;
  }
}

async function cmdBuild(args: Args): Promise<number> {
  const { generateModule } = await import('../compiler/codegen/generate.ts');
  const files = findFiles(args.positional.length ? args.positional : ['rules'], isRuleFile);
  const out = args.flags.get('salida');
  let errors = false;
  for (const file of files) {
    const compilation = compile(file, nodeHost);
    if (hasErrors(compilation.diagnostics) || !compilation.program) {
      printDiagnostics(compilation.diagnostics, compilation.sources, false);
      errors = true;
      continue;
    }
    if (!compilation.main?.header) continue; // vocabulary-only files have nothing to evaluate
    const target = typeof out === 'string' ? join(out, relative('.', file).replace(/\.neae$/, '.ts')) : file.replace(/\.neae$/, '.generado.ts');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, generateModule(compilation.program, { runtimeImport: runtimeImportFor(target) }));
    process.stderr.write(`${file} → ${target}\n`);
  }
  return errors ? 1 : 0;
}

function runtimeImportFor(target: string): string {
  const root = join(dirname(new URL(import.meta.url).pathname), '..', 'runtime');
  let rel = relative(dirname(target), root).split('\\').join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

async function cmdFmt(args: Args): Promise<number> {
  const { formatSource } = await import('../compiler/format/format.ts');
  const files = findFiles(args.positional, (f) => f.endsWith('.neae'));
  if (!files.length) throw new UsageError('Indica los ficheros a formatear.');
  let changed = 0;
  let failed = false;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const result = formatSource(text, file);
    if (!result.ok) {
      printDiagnostics(result.diagnostics, new Map([[file, text]]), false);
      failed = true;
      continue;
    }
    if (result.text !== text) {
      changed++;
      if (args.flags.has('comprobar')) process.stdout.write(`sin formato: ${file}\n`);
      else writeFileSync(file, result.text);
    }
  }
  if (args.flags.has('comprobar')) return changed || failed ? 1 : 0;
  process.stderr.write(`${changed} fichero(s) formateado(s) de ${files.length}.\n`);
  return failed ? 1 : 0;
}

/** Scaffolds a rule file for a newly published resolución, so that `neae check` passes at once. */
function cmdNuevo(args: Args): number {
  const [target] = args.positional;
  const source = args.flags.get('texto');
  if (!target || !target.endsWith('.neae') || typeof source !== 'string') {
    throw new UsageError('Uso: neae nuevo carpeta/fichero.neae --texto texto-oficial.txt [--calendario ES-XX]');
  }
  if (nodeHost.read(target) !== undefined) throw new UsageError(`«${target}» ya existe: no se sobrescribe.`);
  const official = nodeHost.read(source);
  if (official === undefined) throw new UsageError(`No se puede leer el texto oficial «${source}».`);
  const calendar = typeof args.flags.get('calendario') === 'string' ? (args.flags.get('calendario') as string) : 'ES';
  const folder = dirname(target);
  mkdirSync(folder, { recursive: true });
  const textFile = join(folder, 'texto-oficial.txt');
  if (nodeHost.read(textFile) === undefined) writeFileSync(textFile, official);
  const title = official.split(/\r?\n/).map((l) => l.trim()).find((l) => /^(Resoluci|Orden|Decreto)/i.test(l) || l.length > 60) ?? 'Título de la resolución';
  const firstSentence = official.replace(/\s+/g, ' ').trim().split(' ').slice(0, 12).join(' ');
  const id = basenameOf(target).replace(/\.neae$/, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '_');
  // The common vocabulary that ships with neae, wherever the command is run from.
  const vocabulary = fileURLToPath(new URL('../rules/comun/vocabulario.neae', import.meta.url));
  const common = relative(folder, vocabulary).split('\\').join('/');
  writeFileSync(
    target,
    `# ${title}
# Cada regla cita el lugar de la norma y un texto literal de texto-oficial.txt («…»), que neae comprueba.

resolución ${id} {
  título: ${JSON.stringify(title)}
  región: "Región"                  # por rellenar
  órgano: "Órgano que la dicta"     # por rellenar
  firma: 2025-01-01                 # por rellenar: fecha de firma
  publicación: 2025-01-01           # por rellenar: fecha de publicación en el boletín
  vigente_desde: 2025-01-01         # por rellenar: lo que diga la resolución sobre su entrada en vigor
  versión: "0.1.0"
  texto: "texto-oficial.txt"
  calendario: ${JSON.stringify(calendar)}
}

importar ${JSON.stringify(common)}

entrada etapa: Etapa "Etapa en la que está escolarizado el alumno o alumna"

# Un primer ejemplo, para sustituir: una definición por casos con su cita literal.
definición ejemplo: booleano "Ejemplo: sustitúyelo por la primera regla de la resolución"
  caso R1 si etapa = EP entonces verdadero
    cita "Preámbulo" «${firstSentence.replace(/»/g, '')}»
  en otro caso falso
    cita "Preámbulo" «${firstSentence.replace(/»/g, '')}»
`,
  );
  writeFileSync(
    target.replace(/\.neae$/, '.pruebas.neae'),
    `pruebas "${basenameOf(target)}"

prueba "EJEMPLO-1" "Un caso de ejemplo: sustitúyelo por los escenarios de la resolución"
  dado
    etapa = EP
  espera
    ejemplo = verdadero
`,
  );
  process.stderr.write(`Creados ${target}, ${target.replace(/\.neae$/, '.pruebas.neae')} y ${textFile}.\nSiguiente paso: neae check ${target} && neae test ${folder}\n`);
  return 0;
}

function basenameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

async function cmdRevisar(args: Args): Promise<number> {
  const { reviewProgram } = await import('../compiler/diff/review.ts');
  const { goldenCasesAsJson } = await import('../compiler/testing/golden.ts');
  const files = findFiles(args.positional.length ? args.positional : ['rules'], isRuleFile);
  const all: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const file of files) {
    const c = compile(file, nodeHost);
    for (const [k, v] of c.sources) sources.set(k, v);
    if (hasErrors(c.diagnostics) || !c.program) {
      all.push(...c.diagnostics.filter((d) => d.severity === 'error'));
      continue;
    }
    if (!c.main?.header) continue;
    const golden = goldenCasesAsJson(file.replace(/\.neae$/, '.pruebas.neae'), nodeHost);
    const cases = typeof args.flags.get('casos') === 'string' ? Number(args.flags.get('casos')) : undefined;
    all.push(...reviewProgram(c.program, { cases, extraCases: golden }));
  }
  printDiagnostics(all, sources, args.flags.has('json'));
  if (!args.flags.has('json') && !all.length) process.stderr.write(`${files.length} fichero(s) revisado(s): ni conflictos ni huecos en los casos probados.\n`);
  return hasErrors(all) ? 1 : 0;
}

async function cmdCitas(args: Args): Promise<number> {
  const { textCoverage, renderCoverage } = await import('../compiler/citations/coverage.ts');
  const files = findFiles(args.positional.length ? args.positional : ['rules'], isRuleFile);
  const programs = [];
  for (const file of files) {
    const c = compile(file, nodeHost);
    if (hasErrors(c.diagnostics) || !c.program) {
      printDiagnostics(c.diagnostics.filter((d) => d.severity === 'error'), c.sources, false);
      return 1;
    }
    programs.push(c.program);
  }
  const coverage = textCoverage(programs);
  process.stdout.write(args.flags.has('json') ? JSON.stringify(coverage, null, 2) + '\n' : renderCoverage(coverage));
  return 0;
}

async function cmdDiff(args: Args): Promise<number> {
  const { diffPrograms, renderDiff } = await import('../compiler/diff/diff.ts');
  const { goldenCasesAsJson } = await import('../compiler/testing/golden.ts');
  const since = args.flags.get('desde');
  const pairs: [string, string, string][] = [];
  /** Rule files with no earlier version to compare with. */
  const added: string[] = [];
  let cleanup: (() => void) | undefined;
  if (typeof since === 'string') {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const folder = args.positional[0] ?? 'rules';
    let changed: string[];
    try {
      changed = execFileSync('git', ['diff', '--name-only', since, '--', folder], { encoding: 'utf8' }).split('\n').filter((f) => isRuleFile(f));
    } catch (failure) {
      throw new UsageError(`git no puede comparar con «${since}»: ${(failure as Error).message.split('\n')[0]}`);
    }
    const old = mkdtempSync(join(tmpdir(), 'neae-diff-'));
    cleanup = () => rmSync(old, { recursive: true, force: true });
    // The whole folder at that revision, so imports and official texts resolve as they were.
    // Through a file, not a buffer: the rule folder with its official texts is megabytes.
    const tarball = join(old, 'reglas.tar');
    try {
      execFileSync('git', ['archive', '--format=tar', `--output=${tarball}`, since, folder], { stdio: ['ignore', 'ignore', 'pipe'] });
      execFileSync('tar', ['-x', '-f', tarball, '-C', old], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (failure) {
      cleanup();
      throw new UsageError(`git no puede extraer «${folder}» en «${since}»: ${(failure as Error).message.split('\n')[0]}`);
    }
    for (const f of changed) {
      const before = nodeHost.read(join(old, f)) !== undefined;
      const now = nodeHost.read(f) !== undefined;
      if (before && now) pairs.push([join(old, f), f, f]);
      else if (now) added.push(f);
    }
  } else {
    const [a, b] = args.positional;
    if (!a || !b) throw new UsageError('Indica las dos versiones: neae diff antes.neae después.neae (o --desde <revisión>).');
    pairs.push([a, b, `${a} → ${b}`]);
  }
  const fecha = typeof args.flags.get('fecha') === 'string' ? fechaDesdeTexto(args.flags.get('fecha') as string) : undefined;
  const generated = typeof args.flags.get('casos') === 'string' ? Number(args.flags.get('casos')) : undefined;
  let anyChange = false;
  let failed = false;
  const reports: unknown[] = [];
  try {
    for (const [before, after, title] of pairs) {
      const a = compile(before, nodeHost);
      const b = compile(after, nodeHost);
      if (!a.program || !b.program || hasErrors(a.diagnostics) || hasErrors(b.diagnostics)) {
        printDiagnostics([...a.diagnostics, ...b.diagnostics].filter((d) => d.severity === 'error'), new Map([...a.sources, ...b.sources]), false);
        failed = true;
        continue;
      }
      const golden = [before, after].flatMap((f) => goldenCasesAsJson(f.replace(/\.neae$/, '.pruebas.neae'), nodeHost));
      const report = diffPrograms(a.program, b.program, { fecha, generated, extraCases: golden });
      if (report.changes.length || report.addedOutputs.length || report.removedOutputs.length) anyChange = true;
      if (args.flags.has('json')) reports.push({ fichero: title, ...report });
      else process.stdout.write(renderDiff(report, title) + '\n');
    }
  } finally {
    cleanup?.();
  }
  if (args.flags.has('json')) process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  if (added.length) process.stdout.write(`Ficheros de reglas nuevos, sin versión anterior con la que comparar (${added.length}):\n${added.map((f) => `  ${f}\n`).join('')}`);
  if (pairs.length === 0) process.stdout.write(added.length ? 'Ningún fichero de reglas que ya existía ha cambiado.\n' : 'Ningún fichero de reglas ha cambiado.\n');
  if (failed) return 1;
  return anyChange && args.flags.has('fallar-si-cambia') ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    const args = parseArgs(rest);
    if (!command || command === '--help' || command === '-h' || command === 'help' || args.flags.has('help')) {
      process.stdout.write(HELP);
      return command ? 0 : 2;
    }
    if (command === '--version') {
      const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
      process.stdout.write(`neae ${pkg.version}\n`);
      return 0;
    }
    switch (command) {
      case 'check': return cmdCheck(args);
      case 'test': return cmdTest(args);
      case 'eval': return cmdEval(args);
      case 'build': return await cmdBuild(args);
      case 'fmt': return await cmdFmt(args);
      case 'diff': return await cmdDiff(args);
      case 'citas': return await cmdCitas(args);
      case 'revisar': return await cmdRevisar(args);
      case 'nuevo': return cmdNuevo(args);
      default:
        throw new UsageError(`Orden desconocida «${command}». Órdenes: check, test, eval, build, fmt (neae --help).`);
    }
  } catch (failure) {
    if (failure instanceof UsageError) {
      process.stderr.write(`neae: ${failure.message}\n`);
      return 2;
    }
    throw failure;
  }
}

