/**
 * Properties of neae fmt on inputs nobody wrote by hand:
 *  - small generated programs (every declaration kind, nested expressions, accented and
 *    unaccented keywords) laid out with random spaces, line breaks, blank lines and comments;
 *  - real rule files whose whitespace is mutated and which get comments inserted anywhere.
 * Whenever the input parses, the output is accepted, idempotent, has the same AST (spans aside)
 * and the same tokens and comments in the same order.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { lexer } from '../../grammar/tokens.ts';
import { parse } from '../../grammar/parse.ts';
import { expectFaithful, neaeFiles, read } from './helpers.ts';

type Tokens = string[];

const kw = (canonical: string): fc.Arbitrary<string> =>
  fc.constantFrom(canonical, canonical.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));

const name = fc.constantFrom('a', 'b', 'etapa', 'áreas_adaptadas', 'x1', 'ñandú', 'EI', 'plazo', 'documento');
const id = fc.constantFrom('R1', 'R29', 'R39_EP', 'R41b');
const str = fc.constantFrom('"texto"', '""', '"con \\"comillas\\""', '"  espacios  "', '"# no es comentario"');
const quote = fc.constantFrom('«cita literal»', '«con  dos   espacios»', '«varias\n   líneas»', '«»', '«# tampoco»');
const number = fc.constantFrom('5', '2.5', '3,25', '0', '5 horas', '1 mes', '3 meses', '15 días naturales', '10 dias habiles', '50 %', '120.50 €', '2 semanas', '3 cursos');
const date = fc.constantFrom('2025-10-31', '2011-02-09');
const type: fc.Arbitrary<Tokens> = fc.oneof(
  fc.tuple(fc.constantFrom('horas', 'fecha', 'Etapa', 'booleano'), fc.boolean()).map(([t, opt]) => (opt ? [t, '?'] : [t])),
  fc.tuple(kw('conjunto'), fc.constantFrom('Área', 'Rol'), fc.boolean()).map(([c, t, opt]) => [c, 'de', t, ...(opt ? ['?'] : [])]),
);

const { expr } = fc.letrec<{ expr: Tokens; atom: Tokens }>((tie) => ({
  atom: fc.oneof(
    name.map((n) => [n]),
    number.map((n) => [n]),
    date.map((d) => [d]),
    str.map((s) => [s]),
    fc.constantFrom('verdadero', 'falso').map((b) => [b]),
  ),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    fc.tuple(tie('expr'), fc.constantFrom('y', 'o', '=', '≠', '!=', '<', '<=', '≤', '>', '>=', 'en', '+', '-', '*', '/'), tie('expr')).map(([a, op, b]) => [...a, op, ...b]),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => [...a, 'no', 'en', ...b]),
    tie('expr').map((e) => ['(', ...e, ')']),
    tie('expr').map((e) => ['no', ...e]),
    tie('expr').map((e) => ['-', ...e]),
    fc.tuple(kw('existe'), name).map(([e, n]) => [e, n]),
    fc.tuple(name, fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => [f, '(', ...args.flatMap((a, i) => (i ? [',', ...a] : a)), ')']),
    fc.array(tie('expr'), { maxLength: 3 }).map((es) => ['{', ...es.flatMap((a, i) => (i ? [',', ...a] : a)), '}']),
    fc.array(tie('expr'), { maxLength: 3 }).map((es) => ['[', ...es.flatMap((a, i) => (i ? [',', ...a] : a)), ']']),
    fc.array(fc.tuple(name, tie('expr')), { minLength: 1, maxLength: 2 }).map((fs) => ['{', ...fs.flatMap(([k, v], i) => [...(i ? [','] : []), k, ':', ...v]), '}']),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => ['si', ...c, 'entonces', ...a, 'si', 'no', ...b]),
    fc.tuple(name, name).map(([a, b]) => [a, '.', b]),
  ),
}));

const citation: fc.Arbitrary<Tokens> = fc.tuple(str, fc.option(quote)).map(([p, q]) => ['cita', p, ...(q ? [q] : [])]);
const optional = <T,>(a: fc.Arbitrary<T[]>): fc.Arbitrary<T[]> => fc.option(a).map((x) => x ?? []);
const caseValue: fc.Arbitrary<Tokens> = fc.oneof(expr, str.map((s) => ['indeterminado', s]));

const declaration: fc.Arbitrary<Tokens> = fc.oneof(
  fc.tuple(kw('resolución'), name, fc.array(fc.tuple(name, expr), { maxLength: 3 })).map(([k, n, fs]) => [k, n, '{', ...fs.flatMap(([f, v]) => [f, ':', ...v]), '}']),
  str.map((s) => ['importar', s]),
  fc.tuple(kw('enumeración'), name, optional(str.map((s) => [s])), fc.array(fc.tuple(name, optional(str.map((s) => [s]))), { maxLength: 3 })).map(
    ([k, n, d, vs]) => [k, n, ...d, '{', ...vs.flatMap(([v, doc]) => [v, ...doc]), '}'],
  ),
  fc.tuple(name, fc.array(fc.tuple(name, type), { maxLength: 3 })).map(([n, fs]) => ['registro', n, '{', ...fs.flatMap(([f, t]) => [f, ':', ...t]), '}']),
  fc.tuple(name, type, optional(str.map((s) => [s]))).map(([n, t, d]) => ['entrada', n, ':', ...t, ...d]),
  fc.tuple(kw('definición'), name, type, optional(str.map((s) => [s])), expr, optional(citation)).map(([k, n, t, d, e, c]) => [k, n, ':', ...t, ...d, '=', ...e, ...c]),
  fc
    .tuple(
      kw('definición'),
      name,
      type,
      fc.array(fc.tuple(id, expr, caseValue, optional(fc.array(id, { minLength: 1, maxLength: 2 })), optional(citation)), { minLength: 1, maxLength: 3 }),
      fc.option(fc.tuple(caseValue, optional(citation))),
    )
    .map(([k, n, t, cases, otherwise]) => [
      k, n, ':', ...t,
      ...cases.flatMap(([i, c, v, o, cit]) => ['caso', i, 'si', ...c, 'entonces', ...v, ...(o.length ? ['prevalece', 'sobre', ...o.flatMap((x, j) => (j ? [',', x] : [x]))] : []), ...cit]),
      ...(otherwise ? ['en', 'otro', 'caso', ...otherwise[0], ...otherwise[1]] : []),
    ]),
  fc
    .tuple(id, name, optional(expr.map((e) => ['aplica', 'si', ...e])), fc.constantFrom('debe', 'puede', 'preferentemente'), expr, optional(citation))
    .map(([i, n, a, m, e, c]) => ['norma', i, n, ...a, m, ...e, ...c]),
  fc
    .tuple(name, fc.array(fc.tuple(id, name, fc.array(fc.oneof(expr.map((e) => ['responsable', ...e]), str.map((s) => ['documento', s]), expr.map((e) => ['plazo', ...e]), name.map((n) => ['tras', n]), citation), { maxLength: 3 })), { maxLength: 2 }))
    .map(([n, steps]) => ['procedimiento', n, ...steps.flatMap(([i, s, attrs]) => ['paso', i, s, ...attrs.flat()])]),
  fc
    .tuple(str, optional(date.map((d) => ['con', 'fecha', d])), fc.array(fc.tuple(name, expr), { maxLength: 2 }), fc.array(fc.tuple(name, fc.oneof(expr, fc.constant(['conflicto']), fc.constant(['indeterminado']))), { maxLength: 2 }))
    .map(([s, d, given, expected]) => ['prueba', s, ...d, 'dado', ...given.flatMap(([k, v]) => [k, '=', ...v]), 'espera', ...expected.flatMap(([k, v]) => [k, '=', ...v])]),
);

const comment = fc.constantFrom('# c', '#', '# «cita» y "texto"', '# caso R1 si x entonces', '#  con espacios  ', '## doble');
const separator = fc.oneof(
  { weight: 6, arbitrary: fc.constant(' ') },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\n  ', '\n\n', '   ', '\n\n\n    ') },
  { weight: 2, arbitrary: comment.map((c) => ` ${c}\n`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('\n', '\n\n', '\n    '), comment, fc.constantFrom('\n', '\n\n')).map(([a, c, b]) => `${a}${c}${b}`) },
);

function join(tokens: Tokens, separators: string[]): string {
  return tokens.map((t, i) => (i === 0 ? t : `${separators[i % separators.length]}${t}`)).join('');
}

/** FMT_PROPERTY_SCALE=20 runs twenty times as many cases (for a longer bug hunt). */
const SCALE = Number(process.env['FMT_PROPERTY_SCALE'] ?? 1);

const parses = (text: string) => parse(text, 'generado.neae').diagnostics.length === 0;

describe('neae fmt properties', () => {
  it('generated programs: idempotent, same AST, same comments', () => {
    const program = fc.tuple(
      fc.array(declaration, { minLength: 1, maxLength: 5 }),
      fc.array(separator, { minLength: 1, maxLength: 40 }),
      fc.option(comment),
    );
    fc.assert(
      fc.property(program, ([decls, separators, lead]) => {
        const text = (lead ? `${lead}\n` : '') + join(decls.flat(), separators);
        fc.pre(parses(text));
        expectFaithful(text, 'generado.neae');
      }),
      { numRuns: 400 * SCALE },
    );
  });

  const files = neaeFiles('rules', 'scratch/t').filter((f) => parses(read(f)));

  it('mutated rule files: idempotent, same AST, same comments', () => {
    fc.pre(files.length > 0);
    const mutation = fc.tuple(
      fc.constantFrom(...files),
      fc.array(fc.tuple(fc.nat(), separator), { minLength: 1, maxLength: 12 }),
    );
    fc.assert(
      fc.property(mutation, ([file, edits]) => {
        const text = read(file);
        const tokens = lexer.tokenize(text).tokens;
        // The text between token i-1 and token i (whitespace and comments), replaced by some edits.
        const gaps = tokens.map((t, i) => text.slice(i === 0 ? 0 : tokens[i - 1]!.endOffset! + 1, t.startOffset));
        for (const [at, sep] of edits) if (tokens.length > 1) gaps[1 + (at % (tokens.length - 1))] = sep;
        const last = tokens[tokens.length - 1];
        const mutated = tokens.map((t, i) => gaps[i] + t.image).join('') + (last ? text.slice(last.endOffset! + 1) : text);
        fc.pre(parses(mutated));
        expectFaithful(mutated, file);
      }),
      { numRuns: 60 * SCALE },
    );
  });
});
