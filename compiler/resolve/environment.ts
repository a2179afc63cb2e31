/**
 * Name resolution of declarations: gathers the vocabulary (enumerations, records) and the
 * value namespace (inputs, definitions, norms, procedures) of a rule file and its imports,
 * reporting duplicates with both places.
 */
import type * as A from '../ast/ast.ts';
import { error, type Diagnostic, type Span } from '../diagnostics/diagnostic.ts';
import { CUMPLIMIENTO, ESTADO_PASO } from '../../runtime/types.ts';

export interface Owned<T> {
  readonly decl: T;
  readonly module: A.Module;
}

export interface Environment {
  readonly main: A.Module;
  readonly enums: Map<string, Owned<A.EnumDecl> | 'builtin'>;
  /** Variant name → the enumerations that have it (bare variant names must be unambiguous). */
  readonly variants: Map<string, string[]>;
  readonly records: Map<string, Owned<A.RecordDecl>>;
  readonly inputs: Map<string, Owned<A.InputDecl>>;
  readonly definitions: Map<string, Owned<A.Definition>>;
  readonly norms: Map<string, Owned<A.NormDecl>>;
  readonly procedures: Map<string, Owned<A.ProcedureDecl>>;
}

export const BUILTIN_TYPES = ['booleano', 'entero', 'decimal', 'euros', 'porcentaje', 'horas', 'fecha', 'duración', 'texto', 'curso_escolar'];

export function buildEnvironment(main: A.Module, modules: readonly A.Module[], diagnostics: Diagnostic[]): Environment {
  const env: Environment = {
    main,
    enums: new Map([
      [CUMPLIMIENTO.nombre, 'builtin'],
      [ESTADO_PASO.nombre, 'builtin'],
    ]),
    variants: new Map(),
    records: new Map(),
    inputs: new Map(),
    definitions: new Map(),
    norms: new Map(),
    procedures: new Map(),
  };
  for (const info of [CUMPLIMIENTO, ESTADO_PASO]) for (const v of info.valores) addVariant(env, v.nombre, info.nombre);

  const typeSpans = new Map<string, Span>();
  const valueSpans = new Map<string, Span>();

  function claimType(name: A.Name): boolean {
    const previous = typeSpans.get(name.text);
    if (previous || BUILTIN_TYPES.includes(name.text) || env.enums.get(name.text) === 'builtin') {
      diagnostics.push(
        error('tipo-duplicado', `El tipo «${name.text}» ya está declarado.`, name.span, {
          labels: previous ? [{ span: previous, message: 'declarado aquí antes' }] : [],
          hint: previous ? undefined : 'Es un tipo predefinido del lenguaje.',
        }),
      );
      return false;
    }
    typeSpans.set(name.text, name.span);
    return true;
  }

  function claimValue(name: A.Name): boolean {
    const previous = valueSpans.get(name.text);
    if (previous) {
      diagnostics.push(
        error('nombre-duplicado', `El nombre «${name.text}» ya está declarado.`, name.span, {
          labels: [{ span: previous, message: 'declarado aquí antes' }],
        }),
      );
      return false;
    }
    valueSpans.set(name.text, name.span);
    return true;
  }

  for (const module of modules) {
    for (const decl of module.declarations) {
      switch (decl.kind) {
        case 'enum': {
          if (!claimType(decl.name)) break;
          env.enums.set(decl.name.text, { decl, module });
          const seen = new Map<string, Span>();
          for (const v of decl.variants) {
            const before = seen.get(v.name.text);
            if (before) {
              diagnostics.push(
                error('valor-duplicado', `El valor «${v.name.text}» está repetido en ${decl.name.text}.`, v.name.span, {
                  labels: [{ span: before, message: 'primera vez aquí' }],
                }),
              );
            }
            seen.set(v.name.text, v.name.span);
            addVariant(env, v.name.text, decl.name.text);
          }
          break;
        }
        case 'record':
          if (claimType(decl.name)) env.records.set(decl.name.text, { decl, module });
          break;
        case 'input':
          if (claimValue(decl.name)) env.inputs.set(decl.name.text, { decl, module });
          break;
        case 'definition':
          if (claimValue(decl.name)) env.definitions.set(decl.name.text, { decl, module });
          break;
        case 'norm':
          if (claimValue(decl.name)) env.norms.set(decl.name.text, { decl, module });
          break;
        case 'procedure':
          if (claimValue(decl.name)) env.procedures.set(decl.name.text, { decl, module });
          break;
      }
    }
  }
  return env;
}

function addVariant(env: Environment, variant: string, enumName: string): void {
  const owners = env.variants.get(variant) ?? [];
  if (!owners.includes(enumName)) owners.push(enumName);
  env.variants.set(variant, owners);
}
