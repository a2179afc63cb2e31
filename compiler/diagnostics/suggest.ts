/** "¿Quisiste decir…?" suggestions: the closest known names by edit distance, accents ignored. */

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function editDistance(a: string, b: string): number {
  const previous = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Up to three candidates within a distance proportional to the name's length. */
export function suggest(name: string, candidates: Iterable<string>): string[] {
  const target = fold(name);
  const limit = Math.max(1, Math.floor(target.length / 3));
  const scored: [string, number][] = [];
  for (const candidate of new Set(candidates)) {
    const folded = fold(candidate);
    const d = folded === target ? 0 : editDistance(target, folded);
    if (d <= limit || folded.startsWith(target) || (target.length >= 4 && folded.includes(target))) scored.push([candidate, d]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return scored.slice(0, 3).map(([c]) => c);
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const found = suggest(name, candidates);
  if (found.length === 0) return undefined;
  return `¿Quisiste decir ${found.map((f) => `«${f}»`).join(' o ')}?`;
}
