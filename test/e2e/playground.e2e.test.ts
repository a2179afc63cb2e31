/**
 * End-to-end test of the playground in a real browser (Debian's chromium through playwright-core).
 * Builds the app with vite's JS API, serves playground/dist on an ephemeral loopback port and
 * walks a legal reviewer's path: open a rule file, break it and see the marker, fix it, fill a
 * case, evaluate it, step through the reasoning with the official text, and reload a shared URL.
 * Prints the keystroke → diagnostics latency on the largest rule file (not asserted).
 *
 * Skipped (with a message) when /usr/bin/chromium is absent.
 * Run: npx vitest run --config test/e2e/vitest.config.ts
 */
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { runTestFile } from '../../compiler/testing/golden.ts';
import { nodeHost } from '../../compiler/driver/node_host.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Screenshots of every run go to an ignored folder; playground/screenshots keeps a reviewed set
// (refresh it with NEAE_CAPTURAS=playground/screenshots).
const SHOTS = join(ROOT, process.env.NEAE_CAPTURAS ?? 'test/e2e/.capturas');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] Se omiten las pruebas del playground: no existe ${CHROMIUM} (instala el paquete «chromium» de Debian).`);

function ruleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...ruleFiles(p));
    else if (p.endsWith('.neae')) out.push(relative(ROOT, p).split('\\').join('/'));
  }
  return out;
}

/** A rule file whose golden tests all pass (so it compiles and has cases to prefill): the largest such, else the playground's example. NEAE_E2E_FICHERO forces one. */
function pickRuleFile(): string {
  if (process.env['NEAE_E2E_FICHERO']) return process.env['NEAE_E2E_FICHERO'];
  const candidates = ruleFiles(join(ROOT, 'rules'))
    .filter((f) => !f.endsWith('.pruebas.neae') && existsSync(join(ROOT, f.replace(/\.neae$/, '.pruebas.neae'))))
    .sort((a, b) => statSync(join(ROOT, b)).size - statSync(join(ROOT, a)).size);
  for (const f of candidates) {
    try {
      const r = runTestFile(join(ROOT, f.replace(/\.neae$/, '.pruebas.neae')), nodeHost);
      if (r.outcomes.length && r.outcomes.every((o) => o.passed) && !r.diagnostics.some((d) => d.severity === 'error')) return f;
    } catch {
      /* try the next one */
    }
  }
  return 'playground/ejemplos/ejemplo.neae';
}

function largestRuleFile(): string {
  return ruleFiles(join(ROOT, 'rules'))
    .filter((f) => !f.endsWith('.pruebas.neae'))
    .sort((a, b) => statSync(join(ROOT, b)).size - statSync(join(ROOT, a)).size)[0]!;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.skipIf(!hasChromium)('playground (navegador)', () => {
  let server: Server;
  let url: string;
  let browser: Browser;
  let page: Page;
  const shot = (name: string, p: Page = page) => p.screenshot({ path: join(SHOTS, `${name}.png`) });

  beforeAll(async () => {
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'playground/vite.config.ts'), logLevel: 'warn' });
    const { servePlayground } = await import('../../playground/serve.mjs');
    ({ server, url } = await servePlayground(join(ROOT, 'playground/dist'), 0));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=es-ES'],
    });
    mkdirSync(SHOTS, { recursive: true });
  });

  // Any uncaught error in the page fails the test that caused it.
  const pageErrors: string[] = [];
  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-ES' });
    const p = await context.newPage();
    p.on('pageerror', (e) => {
      console.error('[e2e] error en la página:', e.message);
      pageErrors.push(e.message);
    });
    return p;
  }

  /** Waits until the diagnostics shown belong to the editor's current text. */
  const diagnosticsUpToDate = (p: Page) =>
    p.waitForFunction(() => {
      const w = window as unknown as { __neae: { diagVersion: number; diagPath: string; path: string }; __editor: { getModel(): { getVersionId(): number; uri: { path: string } } } };
      const m = w.__editor?.getModel();
      return !!m && w.__neae.diagVersion === m.getVersionId() && w.__neae.diagPath === w.__neae.path && m.uri.path === `/${w.__neae.path}`;
    });

  async function openFile(p: Page, file: string): Promise<void> {
    await p.selectOption('#fichero', file);
    await p.waitForFunction((f) => (window as unknown as { __neae: { path: string } }).__neae.path === f, file);
    await diagnosticsUpToDate(p);
  }

  /** Focuses the editor (a click could land on a hover or suggestion widget). */
  /** A new page with the playground loaded and `file` open in the editor. */
  async function pageWithFile(file: string): Promise<Page> {
    const p = await newPage();
    await p.goto(url);
    await p.waitForSelector('#editor .view-lines');
    await openFile(p, file);
    return p;
  }

  const focusEditor = (p: Page) => p.evaluate(() => (window as unknown as { __editor: { focus(): void } }).__editor.focus());

  async function typeAtEnd(p: Page, text: string): Promise<void> {
    await focusEditor(p);
    await p.keyboard.press('Control+End');
    await p.keyboard.type(text);
  }

  it('abre un fichero, muestra y corrige un error, evalúa un caso, recorre los pasos y comparte el enlace', async () => {
    const file = pickRuleFile();
    console.log(`[e2e] fichero de reglas: ${file}`);
    page = await newPage();
    await page.goto(url);
    await page.waitForSelector('#editor .view-lines');

    // 1. Open the rule file: it compiles without errors.
    await openFile(page, file);
    await expect.poll(() => page.locator('#estado').textContent()).toMatch(/Sin errores/);
    await shot('1-fichero-abierto');

    // 2. Introduce an error: a marker appears with the Spanish message.
    const current = () => page.evaluate(() => (window as unknown as { __editor: { getModel(): { getValue(): string } } }).__editor.getModel().getValue());
    const original = await current();
    await typeAtEnd(page, '\nentrada 3x');
    await diagnosticsUpToDate(page);
    await expect.poll(() => page.locator('#estado').textContent()).toMatch(/error/);
    await page.waitForSelector('#editor .squiggly-error');
    const markers = await page.evaluate(() => (window as unknown as { __neae: { diagnostics: { message: string; severity: string }[] } }).__neae.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message));
    expect(markers.length).toBeGreaterThan(0);
    console.log(`[e2e] diagnóstico mostrado: ${markers[0]}`);
    // Hover the marker to show its message (Spanish message and hint).
    const box = await page.locator('#editor .squiggly-error').first().boundingBox();
    if (box) await page.mouse.move(box.x + Math.min(box.width / 2, 8), box.y + box.height / 2);
    await page.waitForSelector('.monaco-hover .marker', { timeout: 5000 }).catch(() => undefined);
    await shot('2-error-marcado');

    // 3. Fix it, as a reviewer would (Ctrl+Z until the text is the original again): no errors, no markers.
    await focusEditor(page);
    for (let i = 0; i < 30 && (await current()) !== original; i++) await page.keyboard.press('Control+Z');
    expect(await current()).toBe(original);
    await diagnosticsUpToDate(page);
    await expect.poll(() => page.locator('#estado').textContent()).toMatch(/Sin errores/);
    expect(await page.locator('#editor .squiggly-error').count()).toBe(0);

    // 4. Fill a case: prefill from a golden test, then break a required field and see the error on it.
    await page.waitForFunction(() => document.querySelectorAll('#pruebas option').length > 1);
    await page.selectOption('#pruebas', { index: 1 });
    // The golden test runs against the current rules too: this file's tests all pass.
    await expect.poll(() => page.locator('#resultado-prueba').textContent()).toMatch(/✓ La prueba «.+» pasa/);
    expect(await page.locator('#resumen-pruebas').textContent()).toMatch(/(\d+) de \1 pasan/);
    // A required enumeration left empty, or else a number that is not one: the error shows on that field.
    const required = page.locator('#formulario .campo select').filter({ has: page.locator('option[value=""]', { hasText: '— elige —' }) }).first();
    const decimal = page.locator('#formulario .campo input[inputmode="decimal"]').first();
    const integer = page.locator('#formulario .campo input[type="number"]').first();
    let restore: (() => Promise<unknown>) | undefined;
    let expected = /./;
    if ((await required.count()) > 0) {
      const before = await required.inputValue();
      await required.selectOption('');
      restore = () => required.selectOption(before);
      expected = /falta este dato obligatorio/;
    } else if ((await decimal.count()) > 0) {
      const before = await decimal.inputValue();
      await decimal.fill('cinco');
      restore = () => decimal.fill(before);
      expected = /cinco|número/;
    } else if ((await integer.count()) > 0) {
      const before = await integer.inputValue();
      await integer.fill('2.5');
      restore = () => integer.fill(before);
      expected = /entero/;
    }
    if (restore) {
      await page.click('#evaluar');
      await page.waitForSelector('#formulario .campo.con-error .error');
      expect(await page.locator('#formulario .campo.con-error .error').first().textContent()).toMatch(expected);
      expect(await page.locator('#errores-caso').textContent()).toMatch(/no es válido/);
      await page.locator('#formulario .campo.con-error').first().scrollIntoViewIfNeeded();
      expect(await page.locator('#resultado-prueba').textContent()).toMatch(/se ha modificado/);
      await shot('3-caso-no-valido');
      await restore();
      // Back to the golden test's case: its outcome shows again.
      await expect.poll(() => page.locator('#resultado-prueba').textContent()).toMatch(/pasa con las reglas actuales/);
      await page.locator('#formulario').evaluate((f) => f.closest('.desplazable')!.scrollTo(0, 0));
    }
    // The same case as JSON (what `neae eval --caso` reads).
    await page.click('#json summary');
    await expect.poll(() => page.locator('#json-caso').inputValue()).not.toBe('');
    const json = JSON.parse(await page.locator('#json-caso').inputValue()) as unknown;
    expect(json).toEqual(await page.evaluate(() => (window as unknown as { __neae: { caso: unknown } }).__neae.caso));
    await page.click('#json summary');
    await shot('4-caso-relleno');

    // 5. Run it: the ruling lists every output and the explanation.
    await page.click('#evaluar');
    await page.waitForSelector('#tabla-salidas tr');
    const outputs = await page.locator('#tabla-salidas tr').count();
    expect(outputs).toBeGreaterThan(0);
    expect(await page.locator('#resumen').textContent()).toMatch(/resultado/);
    // «¿Por qué?»: the explanation as a tree of the steps the output depends on.
    await page.locator('#tabla-salidas .porque summary').first().click();
    await page.waitForSelector('#tabla-salidas .arbol li');
    await shot('5-resultado');

    // 6. Step through three steps: each highlights its rule in the editor and its quote in the official text.
    await page.click('#pestana-pasos');
    const trace = await page.evaluate(() => (window as unknown as { __neae: { evaluation: { traza: { cita?: { texto?: string } }[] } } }).__neae.evaluation.traza.map((p) => p.cita?.texto ?? null));
    expect(trace.length).toBeGreaterThanOrEqual(4);
    let quotesChecked = 0;
    for (let i = 0; i < 3; i++) {
      if (i === 0) await page.click('#siguiente');
      else if (i === 1) {
        await page.focus('#siguiente');
        await page.keyboard.press('ArrowRight');
      } else await page.click('#siguiente');
      // From step 1 ▶ goes to step 2; ArrowRight to 3; ▶ to 4.
      const n = i + 2;
      await expect.poll(() => page.locator('#contador').textContent()).toBe(`Paso ${n} de ${trace.length}`);
      await page.waitForSelector('#editor .paso-actual');
      const quote = trace[n - 1];
      if (quote) {
        const marked = await page.locator('#texto-oficial mark').allTextContents();
        const pieces = quote.split(/\[(?:…|\.\.\.)\]/).map(squash).filter(Boolean);
        expect(marked.map(squash)).toEqual(pieces);
        quotesChecked++;
      }
      await shot(`6-paso-${n}`);
    }
    console.log(`[e2e] citas comprobadas en el texto oficial: ${quotesChecked} de 3 pasos`);
    expect(quotesChecked).toBeGreaterThan(0);
    await page.click('#anterior');
    await expect.poll(() => page.locator('#contador').textContent()).toBe(`Paso 3 de ${trace.length}`);

    // 7. Share: an edit, the case and the step survive a reload of the shared URL.
    await focusEditor(page);
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# comentario compartido\n');
    await diagnosticsUpToDate(page);
    await page.click('#pestana-pasos');
    await page.click('#compartir');
    await page.waitForFunction(() => location.hash.startsWith('#estado='));
    await page.waitForTimeout(400);
    const shared = await page.evaluate(() => location.href);
    const caseBefore = await page.evaluate(() => (window as unknown as { __neae: { caso: unknown } }).__neae.caso);
    const other = await newPage();
    await other.goto(shared);
    await other.waitForSelector('#editor .view-lines');
    await other.waitForFunction((f) => (window as unknown as { __neae: { path: string } }).__neae.path === f, file);
    expect(await other.evaluate(() => (window as unknown as { __editor: { getModel(): { getValue(): string } } }).__editor.getModel().getValue())).toMatch(/^# comentario compartido\n/);
    await expect.poll(() => other.locator('#contador').textContent(), { timeout: 20_000 }).toBe(`Paso 3 de ${trace.length}`);
    expect(await other.evaluate(() => (window as unknown as { __neae: { caso: unknown } }).__neae.caso)).toEqual(caseBefore);
    await shot('7-enlace-restaurado', other);
    await other.context().close();
    // Reloading the same tab restores it too (the state lives in the URL).
    await page.reload();
    await page.waitForFunction((f) => (window as unknown as { __neae: { path: string } }).__neae.path === f, file);
    expect(await current()).toMatch(/^# comentario compartido\n/);
    await expect.poll(() => page.locator('#contador').textContent(), { timeout: 20_000 }).toBe(`Paso 3 de ${trace.length}`);
  });

  it('mide la latencia tecla → diagnósticos en el fichero de reglas más grande', async () => {
    const file = largestRuleFile();
    const p = await pageWithFile(file);
    await focusEditor(p);
    await p.keyboard.press('Control+End');
    await p.keyboard.type('\n# ');
    await diagnosticsUpToDate(p);
    // Measured inside the page: from the keydown event to the markers being applied.
    await p.evaluate(() => document.addEventListener('keydown', () => ((window as unknown as { __keyAt: number }).__keyAt = performance.now()), true));
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      await p.keyboard.type('x');
      await diagnosticsUpToDate(p);
      samples.push(await p.evaluate(() => (window as unknown as { __neae: { diagAt: number } }).__neae.diagAt - (window as unknown as { __keyAt: number }).__keyAt));
      await p.waitForTimeout(50);
    }
    const worker = await p.evaluate(() => (window as unknown as { __neae: { checkMs: number } }).__neae.checkMs);
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)]!;
    const size = statSync(join(ROOT, file)).size;
    console.log(`[e2e] latencia tecla → diagnósticos en ${file} (${Math.round(size / 1024)} KB): mediana ${median.toFixed(0)} ms, mín ${samples[0]!.toFixed(0)} ms, máx ${samples.at(-1)!.toFixed(0)} ms (compilación en el worker: ${worker.toFixed(0)} ms)`);
    await p.context().close();
  });

  it('da formato al documento con el mismo formateador que «neae fmt»', async () => {
    const p = await pageWithFile('playground/ejemplos/ejemplo.neae');
    const value = () => p.evaluate(() => (window as unknown as { __editor: { getModel(): { getValue(): string } } }).__editor.getModel().getValue());
    const original = await value();
    // Mess up the layout: keywords without accents and everything on one line.
    await p.evaluate(() => {
      const editor = (window as unknown as { __editor: { getModel(): { setValue(v: string): void; getValue(): string } } }).__editor;
      const model = editor.getModel();
      model.setValue(model.getValue().replace(/definición/g, 'definicion').replace(/\n  (caso|cita|en otro caso)/g, ' $1'));
    });
    expect(await value()).not.toBe(original);
    await focusEditor(p);
    // The editor's «Dar formato al documento» action (its key is Ctrl+Mayús+I on Linux, Mayús+Alt+F elsewhere).
    await p.evaluate(() => (window as unknown as { __editor: { getAction(id: string): { run(): Promise<void> } } }).__editor.getAction('editor.action.formatDocument').run());
    await expect.poll(value, { timeout: 20_000 }).toMatch(/^definición /m);
    expect((await value()).split('\n').some((l) => /^ {2}caso /.test(l))).toBe(true);
    await p.context().close();
  });

  it('completa, informa al pasar el ratón y va a la definición', async () => {
    const p = await pageWithFile('playground/ejemplos/ejemplo.neae');
    // Hover on «máximo» in the norm: its type, description and the quote of its case.
    const line = p.locator('#editor .view-line', { hasText: 'debe horas <= máximo' });
    await line.waitFor();
    const box = (await line.boundingBox())!;
    const x = await line.evaluate((el) => {
      const r = document.createRange();
      const text = el.textContent ?? '';
      const i = text.indexOf('máximo');
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let at = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent!.length;
        if (at + len > i) {
          r.setStart(n, i - at + 2);
          r.setEnd(n, i - at + 3);
          return r.getBoundingClientRect().x;
        }
        at += len;
      }
      return 0;
    });
    await p.mouse.move(x, box.y + box.height / 2);
    const hover = p.locator('.monaco-hover-content');
    await expect.poll(async () => (await hover.allTextContents()).join(' '), { timeout: 10_000 }).toMatch(/definición máximo: horas[\s\S]*R38 · Cuarta\.3[\s\S]*Educación Infantil/);
    await shot('8-informacion', p);
    await p.mouse.move(5, 790);
    // Completion after «Etapa.»: the enumeration's values.
    await focusEditor(p);
    await p.keyboard.press('Control+End');
    await p.keyboard.type('\n# Etapa.');
    await p.keyboard.press('Backspace');
    await p.keyboard.type('.');
    await p.keyboard.press('Control+Space');
    await expect.poll(() => p.locator('.suggest-widget .monaco-list-row').allTextContents(), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^EI/)]));
    await shot('9-completar', p);
    await p.keyboard.press('Escape');
    // Go to definition (F12) on the type «Etapa»: opens the common vocabulary.
    await p.evaluate(() => {
      const ed = (window as unknown as { __editor: { setPosition(p: object): void; focus(): void } }).__editor;
      ed.setPosition({ lineNumber: 9, column: 17 });
      ed.focus();
    });
    await p.keyboard.press('F12');
    await p.waitForFunction(() => (window as unknown as { __neae: { path: string } }).__neae.path === 'rules/comun/vocabulario.neae');
    const pos = await p.evaluate(() => (window as unknown as { __editor: { getPosition(): { lineNumber: number } } }).__editor.getPosition().lineNumber);
    const vocab = await p.evaluate(() => (window as unknown as { __editor: { getModel(): { getLineContent(n: number): string } } }).__editor.getModel().getLineContent((window as unknown as { __editor: { getPosition(): { lineNumber: number } } }).__editor.getPosition().lineNumber));
    expect(vocab).toMatch(/enumeración Etapa/);
    expect(pos).toBeGreaterThan(0);
    await p.context().close();
  });
});
