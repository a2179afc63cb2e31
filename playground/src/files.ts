/**
 * The rule files, embedded at build time: every rule file under `rules/` (and the official texts beside
 * them), plus the playground's own small example. Keys are repository-relative POSIX paths
 * ("rules/canarias/cuarta.neae"), the same paths the compiler's memory host resolves.
 */
const rules = import.meta.glob('../../rules/**/*.{neae,txt}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const examples = import.meta.glob('../ejemplos/*.{neae,txt}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const FILES: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(Object.entries(rules).map(([k, v]) => [k.replace(/^(\.\.\/)+/, ''), v])),
  ...Object.fromEntries(Object.entries(examples).map(([k, v]) => [k.replace(/^\.\.\//, 'playground/'), v])),
});

/** Rule and test files the picker offers (rules first, the example last). */
export const RULE_FILES: readonly string[] = Object.keys(FILES)
  .filter((f) => f.endsWith('.neae'))
  .sort((a, b) => Number(a.startsWith('playground/')) - Number(b.startsWith('playground/')) || a.localeCompare(b));

export function isTestFile(path: string): boolean {
  return path.endsWith('.pruebas.neae');
}

/** The rules file a test file tests (by convention x.pruebas.neae beside x.neae), or the file itself. */
export function rulesFileOf(path: string): string {
  return isTestFile(path) ? path.replace(/\.pruebas\.neae$/, '.neae') : path;
}

export function testFileOf(path: string): string {
  return rulesFileOf(path).replace(/\.neae$/, '.pruebas.neae');
}
