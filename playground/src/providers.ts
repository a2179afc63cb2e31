/** Completion, hover and go to definition for `neae`, from the worker's symbol table. */
import * as monaco from './monaco.ts';
import { BUILTIN_DOCS, KEYWORDS, LANGUAGE_ID, TYPE_WORDS } from './language.ts';
import type { ProgramInfo, SymbolInfo } from './protocol.ts';

const KIND_ORDER: SymbolInfo['kind'][] = ['definición', 'entrada', 'norma', 'procedimiento', 'paso', 'enumeración', 'registro', 'valor', 'campo', 'caso'];

function completionKind(k: SymbolInfo['kind']): monaco.languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  switch (k) {
    case 'entrada': return K.Variable;
    case 'definición': return K.Function;
    case 'norma': return K.Interface;
    case 'procedimiento': return K.Module;
    case 'paso': return K.Event;
    case 'enumeración': return K.Enum;
    case 'valor': return K.EnumMember;
    case 'registro': return K.Struct;
    case 'campo': return K.Field;
    case 'caso': return K.Constant;
  }
}

function symbolMarkdown(s: SymbolInfo): string {
  const parts = ['```neae\n' + s.detail + '\n```'];
  if (s.doc) parts.push(s.doc);
  if (s.citas?.length) {
    parts.push(
      s.citas
        .map((c) => `**${c.caso ? `${c.caso} · ` : ''}${c.lugar}**${c.texto ? `  \n«${c.texto.replace(/\s+/g, ' ').trim()}»` : ''}`)
        .join('\n\n'),
    );
  }
  parts.push(`*${s.kind}* · ${s.place.file}:${s.place.line}`);
  return parts.join('\n\n');
}

const uriOf = (path: string) => monaco.Uri.from({ scheme: 'file', path: `/${path}` });

export function registerProviders(
  editor: monaco.editor.IStandaloneCodeEditor,
  info: () => ProgramInfo | undefined,
  open: (path: string, line: number, column: number) => void,
): void {
  const lookup = (name: string): SymbolInfo[] =>
    (info()?.symbols ?? []).filter((s) => s.name === name).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));

  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: ['.'],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const K = monaco.languages.CompletionItemKind;
      const symbols = info()?.symbols ?? [];
      // After «Enum.» offer only that enumeration's values.
      const dotted = /([A-Za-z_\u00C0-\u00FF][\w\u00C0-\u00FF]*)\.$/.exec(before);
      if (dotted && symbols.some((s) => s.kind === 'enumeración' && s.name === dotted[1])) {
        return {
          suggestions: symbols
            .filter((s) => s.kind === 'valor' && s.of === dotted[1])
            .map((s) => ({ label: s.name, kind: K.EnumMember, insertText: s.name, range, detail: s.detail, documentation: s.doc })),
        };
      }
      const seen = new Set<string>();
      const suggestions: monaco.languages.CompletionItem[] = [];
      const afterSobre = /\bsobre\s+([\wÀ-ÿ]+\s*,\s*)*$/.test(before);
      for (const s of symbols) {
        // Case and norm ids only where they are used: «prevalece sobre R29».
        if ((s.kind === 'caso') !== afterSobre && !(afterSobre && s.kind === 'norma')) continue;
        const key = `${s.kind}:${s.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        suggestions.push({ label: s.name, kind: completionKind(s.kind), insertText: s.name, range, detail: s.detail, documentation: { value: symbolMarkdown(s) }, sortText: `0${s.name}` });
      }
      for (const k of KEYWORDS) suggestions.push({ label: k.word, kind: K.Keyword, insertText: k.word, range, documentation: k.doc, sortText: `1${k.word}` });
      for (const t of TYPE_WORDS) suggestions.push({ label: t, kind: K.TypeParameter, insertText: t, range, detail: 'tipo', sortText: `2${t}` });
      for (const [name, doc] of Object.entries(BUILTIN_DOCS)) suggestions.push({ label: name, kind: K.Function, insertText: name, range, detail: 'función', documentation: doc, sortText: `2${name}` });
      return { suggestions };
    },
  });

  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const found = lookup(word.word);
      if (found.length) return { range, contents: found.slice(0, 3).map((s) => ({ value: symbolMarkdown(s) })) };
      const plain = word.word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      const kw = KEYWORDS.find((k) => k.word === word.word || k.word.normalize('NFD').replace(/[\u0300-\u036f]/g, '') === plain);
      if (kw) return { range, contents: [{ value: `**${kw.word}** (palabra clave)` }, { value: kw.doc }] };
      const doc = BUILTIN_DOCS[word.word];
      if (doc) return { range, contents: [{ value: `**${word.word}** (función)` }, { value: doc }] };
      return null;
    },
  });

  monaco.languages.registerDefinitionProvider(LANGUAGE_ID, {
    provideDefinition(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      return lookup(word.word).map((s) => ({
        uri: uriOf(s.place.file),
        range: new monaco.Range(s.place.line, s.place.column, s.place.endLine, s.place.endColumn),
      }));
    },
  });

  // Outline (Ctrl+Shift+O): the declarations of the open file.
  monaco.languages.registerDocumentSymbolProvider(LANGUAGE_ID, {
    displayName: 'neae',
    provideDocumentSymbols(model) {
      const path = model.uri.path.replace(/^\//, '');
      const S = monaco.languages.SymbolKind;
      const kinds: Record<SymbolInfo['kind'], monaco.languages.SymbolKind> = {
        entrada: S.Variable, definición: S.Function, caso: S.Constant, norma: S.Interface, procedimiento: S.Module,
        paso: S.Event, enumeración: S.Enum, valor: S.EnumMember, registro: S.Struct, campo: S.Field,
      };
      return (info()?.symbols ?? [])
        .filter((s) => s.place.file === path && s.kind !== 'valor' && s.kind !== 'campo')
        .map((s) => {
          const range = new monaco.Range(s.place.line, s.place.column, s.place.endLine, s.place.endColumn);
          return { name: s.name, detail: s.detail, kind: kinds[s.kind], tags: [], range, selectionRange: range, containerName: s.of };
        });
    },
  });

  // Go to definition in another file (the common vocabulary): open it in the same editor.
  monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selectionOrPosition) {
      const path = resource.path.replace(/^\//, '');
      const pos = selectionOrPosition && 'startLineNumber' in selectionOrPosition ? { line: selectionOrPosition.startLineNumber, column: selectionOrPosition.startColumn } : selectionOrPosition ? { line: selectionOrPosition.lineNumber, column: selectionOrPosition.column } : { line: 1, column: 1 };
      open(path, pos.line, pos.column);
      return true;
    },
  });
  void editor;
}
