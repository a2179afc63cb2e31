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
  }

  const env = buildEnvironment(main, loaded.modules, diagnostics);
  const resolution = main.header ? readHeader(main.header, diagnostics) : undefined;
  // Every rule file (the main one and the rule files it imports) is checked against its own text.
  const officialTexts = new Map<string, { path: string; text: string }>();
  for (const m of loaded.modules) {
    if (!m.header) continue;
    const info = m === main ? resolution! : readHeader(m.header, []);
    if (!info.texto) {
      if (m === main) diagnostics.push(error('falta-texto-oficial', 'La cabecera no dice cuál es el texto oficial («texto: "…"»).', m.header.name.span));
      continue;
    }
    const path = joinPath(m.file, info.texto);
    const text = host.read(path);
    if (text === undefined) {
      const field = m.header.fields.find((f) => f.key.text === 'texto');
      diagnostics.push(error('texto-oficial-no-encontrado', `No se encuentra el texto oficial «${info.texto}».`, field?.value.span ?? m.header.span, {
        hint: 'El texto oficial se guarda junto al fichero de reglas; sin él no se pueden comprobar las citas.',
      }));
      continue;
    }
    officialTexts.set(m.file, { path, text });
    sources.set(path, text);
  }
  const officialText = officialTexts.get(main.file);

  const program = checkProgram({ env, resolution, officialText, officialTexts }, diagnostics);
  return { program, main, modules: loaded.modules, sources, diagnostics: sortDiagnostics(diagnostics) };
}
