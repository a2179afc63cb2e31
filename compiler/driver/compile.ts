/**
 * The pipeline, composed in one place: load and parse → CST to AST → name resolution →
 * header and official text → type checking and citation checks. Each stage adds diagnostics;
 * the driver stops at a stage boundary when there are errors that later stages would only echo.
 */
import type * as A from '../ast/ast.ts';
import type * as IR from '../ir/ir.ts';
import { error, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadModules } from '../resolve/load.ts';
import { buildEnvironment } from '../resolve/environment.ts';
import { readHeader } from '../resolve/header.ts';
import { checkProgram } from '../typecheck/declarations.ts';
import { joinPath, type SourceHost } from './host.ts';

export interface Compilation {
  readonly program?: IR.Program;
  readonly main?: A.Module;
  readonly modules: readonly A.Module[];
  readonly sources: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

export interface CompileOptions {
  /** Text to use for the entry file instead of reading it (the playground's editor buffer). */
  readonly text?: string;
}

export function compile(entry: string, host: SourceHost, options: CompileOptions = {}): Compilation {
  const diagnostics: Diagnostic[] = [];
  const loaded = loadModules(entry, host, options.text);
  diagnostics.push(...loaded.diagnostics);
  const main = loaded.main;
  const sources = new Map(loaded.sources);
  if (!main || hasErrors(diagnostics)) return { main, modules: loaded.modules, sources, diagnostics: sortDiagnostics(diagnostics) };

  for (const m of loaded.modules) {
    if (m.tests.length || m.testsFor) {
      const span = m.testsFor?.span ?? m.tests[0]!.span;
      diagnostics.push(error('pruebas-en-reglas', 'Las pruebas van en su propio fichero (.pruebas.neae), junto al fichero de reglas.', span));
    }
    if (m !== main && m.header) diagnostics.push(error('importa-resolucion', 'Solo se puede importar vocabulario común, no otra resolución.', m.header.span));
  }

  const env = buildEnvironment(main, loaded.modules, diagnostics);
  const resolution = main.header ? readHeader(main.header, diagnostics) : undefined;
  let officialText: IR.Program['officialText'];
  if (resolution?.texto) {
    const path = joinPath(entry, resolution.texto);
    const text = host.read(path);
    if (text === undefined) {
      const field = main.header!.fields.find((f) => f.key.text === 'texto');
      diagnostics.push(error('texto-oficial-no-encontrado', `No se encuentra el texto oficial «${resolution.texto}».`, field?.value.span ?? main.header!.span, {
        hint: 'El texto oficial se guarda junto al fichero de reglas; sin él no se pueden comprobar las citas.',
      }));
    } else {
      officialText = { path, text };
      sources.set(path, text);
    }
  } else if (main.header) {
    diagnostics.push(error('falta-texto-oficial', 'La cabecera no dice cuál es el texto oficial («texto: "…"»).', main.header.name.span));
  }

  const program = checkProgram({ env, resolution, officialText }, diagnostics);
  return { program, main, modules: loaded.modules, sources, diagnostics: sortDiagnostics(diagnostics) };
}
