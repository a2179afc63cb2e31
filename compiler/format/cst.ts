/** Small typed accessors over Chevrotain CST nodes (children keyed by label or token/rule name). */
import type { CstElement, CstNode, IToken } from 'chevrotain';

export function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function children(n: CstNode, key: string): CstElement[] {
  return (n.children as Record<string, CstElement[] | undefined>)[key] ?? [];
}

export function tok(n: CstNode, key: string, i = 0): IToken | undefined {
  const e = children(n, key)[i];
  return e && isToken(e) ? e : undefined;
}

export function nodes(n: CstNode, key: string): CstNode[] {
  return children(n, key).filter((e): e is CstNode => !isToken(e));
}

/** The first child of a node that has exactly one alternative filled in (e.g. topLevel). */
export function only(n: CstNode): [string, CstNode] | undefined {
  for (const [key, list] of Object.entries(n.children)) {
    const e = list?.[0];
    if (e && !isToken(e)) return [key, e];
  }
  return undefined;
}

/** A child of a CST node with the key (label, token or rule name) it is stored under. */
export interface Element {
  readonly key: string;
  readonly element: CstElement;
  readonly offset: number;
}

const firstOffsets = new WeakMap<CstNode, number>();

/** Offset of the first token under an element (Infinity if it holds none). */
export function firstOffset(e: CstElement): number {
  if (isToken(e)) return Number.isNaN(e.startOffset) ? Number.POSITIVE_INFINITY : e.startOffset;
  const cached = firstOffsets.get(e);
  if (cached !== undefined) return cached;
  let min = Number.POSITIVE_INFINITY;
  for (const list of Object.values(e.children)) for (const child of list ?? []) min = Math.min(min, firstOffset(child));
  firstOffsets.set(e, min);
  return min;
}

/**
 * Every child of a node, tokens and sub-nodes alike, in source order. Printing from this list
 * (rather than from known labels) means no token can be forgotten, even one a newer grammar adds.
 */
export function elements(n: CstNode): Element[] {
  const out: Element[] = [];
  for (const [key, list] of Object.entries(n.children)) {
    for (const element of list ?? []) {
      const offset = firstOffset(element);
      if (offset !== Number.POSITIVE_INFINITY) out.push({ key, element, offset });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
