/**
 * Loads a rule file and, transitively, the files it imports; parses each once. Stops at the
 * parsing boundary when any file has syntax errors (later stages would only add noise).
 */
import type * as A from '../ast/ast.ts';
import { parse } from '../../grammar/parse.ts';
import { fromCst } from '../ast/from_cst.ts';
import { error, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { joinPath, type SourceHost } from '../driver/host.ts';

export interface LoadedModules {
  readonly main: A.Module | undefined;
  /** Every module, imports first (a dependency comes before its importer). */
  readonly modules: readonly A.Module[];
  readonly sources: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

export function loadModules(entry: string, host: SourceHost, overrideText?: string): LoadedModules {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const ordered: A.Module[] = [];
  const byFile = new Map<string, A.Module>();
  const visiting = new Set<string>();

  function visit(file: string, text: string | undefined, importedFrom?: A.Import): A.Module | undefined {
    if (byFile.has(file)) return byFile.get(file);
    if (visiting.has(file)) {
      if (importedFrom) diagnostics.push(error('importacion-circular', `Importación circular de «${file}».`, importedFrom.span));
      return undefined;
    }
    if (text === undefined) {
      const span = importedFrom?.span ?? { file, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
      diagnostics.push(error('fichero-no-encontrado', `No se encuentra el fichero «${file}».`, span));
      return undefined;
    }
    sources.set(file, text);
    const parsed = parse(text, file);
    diagnostics.push(...parsed.diagnostics);
    if (hasErrors(parsed.diagnostics) || !parsed.cst) return undefined;
    const module = fromCst(file, parsed.cst);
    visiting.add(file);
    for (const imp of module.imports) {
      const target = joinPath(file, imp.path);
      visit(target, host.read(target), imp);
    }
    visiting.delete(file);
    byFile.set(file, module);
    ordered.push(module);
    return module;
  }

  const main = visit(entry, overrideText ?? host.read(entry));
  return { main, modules: ordered, sources, diagnostics };
}
