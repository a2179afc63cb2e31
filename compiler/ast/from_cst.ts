/**
 * CST → AST. Runs only on a CST without syntax errors (the driver stops after parsing
 * otherwise), but stays total: a missing child becomes an empty placeholder, never a crash.
 */
import type { CstNode, IToken, CstElement } from 'chevrotain';
import type * as A from './ast.ts';
import type { Span } from '../diagnostics/diagnostic.ts';
import { tokenSpan } from '../../grammar/parse.ts';

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

export function fromCst(file: string, root: CstNode): A.Module {
  const sp = (t: IToken): Span => tokenSpan(file, t);
  const children = (n: CstNode): Children => n.children as Children;
  const tok = (n: CstNode, key: string, i = 0): IToken | undefined => {
    const e = children(n)[key]?.[i];
    return e && isToken(e) ? e : undefined;
  };
  const toks = (n: CstNode, key: string): IToken[] => (children(n)[key] ?? []).filter(isToken);
  const node = (n: CstNode, key: string, i = 0): CstNode | undefined => {
    const e = children(n)[key]?.[i];
    return e && !isToken(e) ? e : undefined;
  };
  const nodes = (n: CstNode, key: string): CstNode[] => (children(n)[key] ?? []).filter((e): e is CstNode => !isToken(e));

  /** The span from the first to the last token under a node. */
  function nodeSpan(n: CstNode): Span {
    const all: IToken[] = [];
    const walk = (x: CstNode) => {
      for (const list of Object.values(x.children)) for (const e of list ?? []) isToken(e) ? all.push(e) : walk(e);
    };
    walk(n);
    const real = all.filter((t) => !Number.isNaN(t.startOffset));
    if (real.length === 0) return { file, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    real.sort((a, b) => a.startOffset - b.startOffset);
    return { file, start: sp(real[0]!).start, end: sp(real[real.length - 1]!).end };
  }

  const name = (t: IToken | undefined, fallback: Span): A.Name => (t ? { text: t.image, span: sp(t) } : { text: '', span: fallback });
  const str = (t: IToken | undefined): string | undefined => (t ? unquote(t.image) : undefined);

  function typeRef(n: CstNode | undefined): A.TypeRef {
    if (!n) return { kind: 'named', name: { text: '', span: fileSpan() }, optional: false, span: fileSpan() };
    return baseType(node(n, 'baseType'), tok(n, 'optional') !== undefined, nodeSpan(n));
  }

  function baseType(n: CstNode | undefined, optional: boolean, span: Span): A.TypeRef {
    if (!n) return { kind: 'named', name: { text: '', span }, optional, span };
    const own = nodeSpan(n);
    if (tok(n, 'set')) return { kind: 'set', element: baseType(node(n, 'element'), false, own), optional, span };
    if (tok(n, 'list')) return { kind: 'list', element: baseType(node(n, 'element'), false, own), optional, span };
    return { kind: 'named', name: name(tok(n, 'name'), own), optional, span };
  }

  function citation(n: CstNode | undefined): A.Citation | undefined {
    if (!n) return undefined;
    const quote = tok(n, 'quote');
    return { place: str(tok(n, 'place')) ?? '', quote: str(quote), span: nodeSpan(n), quoteSpan: quote ? sp(quote) : undefined };
  }

  function caseValue(n: CstNode | undefined): A.CaseValue {
    const reason = n && tok(n, 'reason');
    if (n && tok(n, 'Indeterminado')) return { kind: 'indeterminado', reason: str(reason) ?? '', span: nodeSpan(n) };
    return { kind: 'value', expr: expr(n && node(n, 'value')) };
  }

  function fileSpan(): Span {
    return { file, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  }

  // ---- expressions ----
  function expr(n: CstNode | undefined): A.Expr {
    if (!n) return { kind: 'bool', value: false, span: fileSpan() };
    switch (n.name) {
      case 'expression':
        return leftAssoc(nodes(n, 'operand').map(expr), () => 'o');
      case 'andExpr':
        return leftAssoc(nodes(n, 'operand').map(expr), () => 'y');
      case 'notExpr': {
        const negated = node(n, 'negated');
        if (negated) return { kind: 'not', operand: expr(negated), span: nodeSpan(n) };
        return expr(node(n, 'comparison'));
      }
      case 'comparison': {
        const left = expr(node(n, 'left'));
        const right = node(n, 'right');
        if (!right) return left;
        const opToken = tok(n, 'op');
        const op: A.BinaryOp = tok(n, 'notIn') ? 'no en' : comparisonOp(opToken);
        return { kind: 'binary', op, left, right: expr(right), span: nodeSpan(n) };
      }
      case 'additive':
      case 'multiplicative': {
        const ops = toks(n, 'op');
        return leftAssoc(nodes(n, 'operand').map(expr), (i) => arithmeticOp(ops[i]));
      }
      case 'unary': {
        const operand = node(n, 'operand');
        if (operand) return { kind: 'negate', operand: expr(operand), span: nodeSpan(n) };
        return expr(node(n, 'postfix'));
      }
      case 'postfix': {
        let result = expr(node(n, 'primary'));
        for (const field of toks(n, 'field')) {
          result = { kind: 'field', target: result, field: name(field, fileSpan()), span: { file, start: result.span.start, end: sp(field).end } };
        }
        return result;
      }
      case 'primary':
        return primary(n);
      default:
        return { kind: 'bool', value: false, span: nodeSpan(n) };
    }
  }

  function leftAssoc(operands: A.Expr[], opAt: (i: number) => A.BinaryOp): A.Expr {
    let result = operands[0] ?? { kind: 'bool', value: false, span: fileSpan() };
    for (let i = 1; i < operands.length; i++) {
      const right = operands[i]!;
      result = { kind: 'binary', op: opAt(i - 1), left: result, right, span: { file, start: result.span.start, end: right.span.end } };
    }
    return result;
  }

  function primary(n: CstNode): A.Expr {
    const span = nodeSpan(n);
    const number = node(n, 'numberLiteral');
    if (number) {
      const unit = tok(number, 'unit');
      const modifier = tok(number, 'unitModifier');
      return { kind: 'number', text: tok(number, 'number')?.image.replace(',', '.') ?? '0', unit: unit?.image, unitModifier: modifier?.image, span };
    }
    const date = tok(n, 'date');
    if (date) return { kind: 'date', text: date.image, span };
    const string = tok(n, 'string');
    if (string) return { kind: 'string', value: unquote(string.image), span };
    if (tok(n, 'true')) return { kind: 'bool', value: true, span };
    if (tok(n, 'false')) return { kind: 'bool', value: false, span };
    const conditional = node(n, 'conditional');
    if (conditional) {
      return {
        kind: 'if',
        condition: expr(node(conditional, 'condition')),
        then: expr(node(conditional, 'then')),
        else: expr(node(conditional, 'else')),
        span,
      };
    }
    if (tok(n, 'exists')) return { kind: 'exists', operand: expr(node(n, 'operand')), span };
    const quantifier = node(n, 'quantifier');
    if (quantifier) {
      const kind = tok(quantifier, 'kind')?.image.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return {
        kind: 'quantifier',
        quantifier: kind === 'todos' ? 'todos' : kind === 'alguno' ? 'alguno' : 'cuántos',
        variable: name(tok(quantifier, 'variable'), span),
        collection: expr(node(quantifier, 'collection')),
        body: expr(node(quantifier, 'body')),
        span,
      };
    }
    const call = node(n, 'nameOrCall');
    if (call) {
      const callee = name(tok(call, 'name'), span);
      if (tok(call, 'call')) return { kind: 'call', callee, args: nodes(call, 'arg').map(expr), span };
      return { kind: 'name', name: callee, span };
    }
    const inner = node(n, 'inner');
    if (inner) return expr(inner);
    const record = node(n, 'recordLiteral');
    if (record) {
      const keys = toks(record, 'key');
      const values = nodes(record, 'value');
      return { kind: 'record', fields: keys.map((k, i) => ({ key: name(k, span), value: expr(values[i]) })), span };
    }
    const set = node(n, 'setLiteral');
    if (set) return { kind: 'set', elements: nodes(set, 'element').map(expr), span };
    const list = node(n, 'listLiteral');
    if (list) return { kind: 'list', elements: nodes(list, 'element').map(expr), span };
    return { kind: 'bool', value: false, span };
  }

  // ---- declarations ----
  const module: {
    header?: A.Header;
    imports: A.Import[];
    declarations: A.Declaration[];
    testsFor?: { path: string; span: Span };
    tests: A.TestCase[];
  } = { imports: [], declarations: [], tests: [] };

  for (const top of nodes(root, 'topLevel')) {
    const [kind, n] = Object.entries(top.children)[0] ?? [];
    const d = n?.[0];
    if (!kind || !d || isToken(d)) continue;
    const span = nodeSpan(d);
    switch (kind) {
      case 'resolution':
        module.header = {
          name: name(tok(d, 'Identifier'), span),
          fields: nodes(d, 'headerField').map((f) => ({ key: name(tok(f, 'key'), nodeSpan(f)), value: expr(node(f, 'value')) })),
          span,
        };
        break;
      case 'importDecl':
        module.imports.push({ path: str(tok(d, 'path')) ?? '', span });
        break;
      case 'enumDecl':
        module.declarations.push({
          kind: 'enum',
          name: name(tok(d, 'name'), span),
          doc: str(tok(d, 'doc')),
          variants: nodes(d, 'enumVariant').map((v) => ({ name: name(tok(v, 'name'), span), doc: str(tok(v, 'doc')) })),
          span,
        });
        break;
      case 'recordDecl':
        module.declarations.push({
          kind: 'record',
          name: name(tok(d, 'name'), span),
          doc: str(tok(d, 'doc')),
          fields: nodes(d, 'fieldDecl').map((f) => ({ name: name(tok(f, 'name'), span), type: typeRef(node(f, 'typeRef')), doc: str(tok(f, 'doc')) })),
          span,
        });
        break;
      case 'inputDecl':
        module.declarations.push({ kind: 'input', name: name(tok(d, 'name'), span), type: typeRef(node(d, 'typeRef')), doc: str(tok(d, 'doc')), span });
        break;
      case 'definition': {
        const paramsNode = node(d, 'params');
        const body = node(d, 'body');
        const otherwise = node(d, 'otherwiseClause');
        module.declarations.push({
          kind: 'definition',
          name: name(tok(d, 'name'), span),
          params: paramsNode ? nodes(paramsNode, 'param').map((p) => ({ name: name(tok(p, 'name'), span), type: typeRef(node(p, 'typeRef')) })) : [],
          type: typeRef(node(d, 'typeRef')),
          doc: str(tok(d, 'doc')),
          body: body ? { expr: expr(body), citation: citation(node(d, 'citation')), span: nodeSpan(body) } : undefined,
          cases: nodes(d, 'caseClause').map((c) => ({
            id: name(tok(c, 'id'), span),
            condition: expr(node(c, 'condition')),
            value: caseValue(node(c, 'caseValue')),
            overrides: overrides(node(c, 'overrides'), span),
            citation: citation(node(c, 'citation')),
            span: nodeSpan(c),
          })),
          otherwise: otherwise
            ? { value: caseValue(node(otherwise, 'caseValue')), citation: citation(node(otherwise, 'citation')), span: nodeSpan(otherwise) }
            : undefined,
          span,
        });
        break;
      }
      case 'norm': {
        const modality = tok(d, 'modality')?.image.toLowerCase() ?? 'debe';
        module.declarations.push({
          kind: 'norm',
          id: name(tok(d, 'id'), span),
          name: name(tok(d, 'name'), span),
          doc: str(tok(d, 'doc')),
          applies: node(d, 'applies') ? expr(node(d, 'applies')) : undefined,
          modality: (modality.startsWith('pref') ? 'preferentemente' : modality) as A.Modality,
          requirement: expr(node(d, 'requirement')),
          overrides: overrides(node(d, 'overrides'), span),
          citation: citation(node(d, 'citation')),
          span,
        });
        break;
      }
      case 'procedure':
        module.declarations.push({
          kind: 'procedure',
          name: name(tok(d, 'name'), span),
          doc: str(tok(d, 'doc')),
          steps: nodes(d, 'step').map((s) => step(s)),
          span,
        });
        break;
      case 'testsHeader':
        module.testsFor = { path: str(tok(d, 'path')) ?? '', span };
        break;
      case 'testCase':
        module.tests.push(testCase(d));
        break;
    }
  }

  function overrides(n: CstNode | undefined, fallback: Span): A.Name[] {
    return n ? toks(n, 'target').map((t) => name(t, fallback)) : [];
  }

  function step(s: CstNode): A.Step {
    const span = nodeSpan(s);
    const attrs = nodes(s, 'stepAttribute');
    const attribute = (word: string) => {
      const found = attrs.find((a) => tok(a, 'attribute')?.image.toLowerCase() === word);
      return found ? node(found, 'value') : undefined;
    };
    const when = attrs.map((a) => node(a, 'when')).find((x) => x !== undefined);
    const documentExpr = attribute('documento') && expr(attribute('documento'));
    return {
      id: name(tok(s, 'id'), span),
      name: name(tok(s, 'name'), span),
      doc: str(tok(s, 'doc')),
      responsible: attribute('responsable') && expr(attribute('responsable')),
      document: documentExpr?.kind === 'string' ? documentExpr.value : undefined,
      documentExpr,
      deadline: attribute('plazo') && expr(attribute('plazo')),
      done: attribute('realizado') && expr(attribute('realizado')),
      when: when && expr(when),
      after: attrs.flatMap((a) => toks(a, 'after')).map((t) => name(t, span)),
      citation: citation(attrs.map((a) => node(a, 'citation')).find((x) => x !== undefined)),
      span,
    };
  }

  function path(n: CstNode | undefined, fallback: Span): A.Name[] {
    return n ? toks(n, 'segment').map((t) => name(t, fallback)) : [];
  }

  function testCase(d: CstNode): A.TestCase {
    const span = nodeSpan(d);
    const nameToken = tok(d, 'name');
    const date = tok(d, 'date');
    return {
      name: str(nameToken) ?? '',
      nameSpan: nameToken ? sp(nameToken) : span,
      doc: str(tok(d, 'doc')),
      date: date ? { text: date.image, span: sp(date) } : undefined,
      given: nodes(d, 'given').map((a) => ({ path: path(node(a, 'path'), span), value: expr(node(a, 'value')), span: nodeSpan(a) })),
      expected: nodes(d, 'expected').map((e) => {
        let expected: A.Expected;
        if (tok(e, 'Indeterminado')) expected = { kind: 'indeterminado', reason: str(tok(e, 'reason')) };
        else if (tok(e, 'Conflicto')) expected = { kind: 'conflicto' };
        else expected = { kind: 'value', expr: expr(node(e, 'value')) };
        const args = tok(e, 'call') ? nodes(e, 'arg').map(expr) : undefined;
        return { path: path(node(e, 'path'), span), ...(args ? { args } : {}), expected, span: nodeSpan(e) };
      }),
      span,
    };
  }

  return { file, ...module };
}

function comparisonOp(t: IToken | undefined): A.BinaryOp {
  switch (t?.tokenType.name) {
    case 'Equals': return '=';
    case 'NotEq': return '≠';
    case 'LessEq': return '<=';
    case 'GreaterEq': return '>=';
    case 'Less': return '<';
    case 'Greater': return '>';
    default: return 'en';
  }
}

function arithmeticOp(t: IToken | undefined): A.BinaryOp {
  switch (t?.tokenType.name) {
    case 'Minus': return '-';
    case 'Star': return '*';
    case 'Slash': return '/';
    default: return '+';
  }
}

/** Strips the delimiters of "…" and «…» and resolves the escapes of "…". */
export function unquote(image: string): string {
  if (image.startsWith('«')) return image.slice(1, -1);
  return image.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}
