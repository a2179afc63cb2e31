/** Generic traversal of IR expressions, so analyses list only the nodes they care about. */
import type { Expr } from './ir.ts';

export function children(e: Expr): readonly Expr[] {
  switch (e.k) {
    case 'call': case 'builtin': return e.args;
    case 'field': return [e.target];
    case 'not': case 'neg': case 'exists': case 'unwrap': case 'to_dec': return [e.operand];
    case 'bin': return [e.left, e.right];
    case 'quant': return [e.collection, e.body];
    case 'if': return [e.condition, e.then, e.else];
    case 'set': case 'list': return e.elements;
    case 'record': return e.fields.map((f) => f.value);
    default: return [];
  }
}

/** Calls `visit` on `e` and every expression under it, parents first. */
export function visitAll(e: Expr | undefined, visit: (node: Expr) => void): void {
  if (!e) return;
  visit(e);
  for (const child of children(e)) visitAll(child, visit);
}
