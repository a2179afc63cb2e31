/// <reference lib="webworker" />
/** The analysis worker: diagnostics as you type, golden tests as cases, evaluation. */
import { check, evaluate, tests } from './analysis.ts';
import type { Request, Response } from './protocol.ts';
import { formatSource } from '../../compiler/format/format.ts';

const post = (r: Response) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(r);

self.onmessage = (event: MessageEvent<Request>) => {
  const req = event.data;
  try {
    if (req.kind === 'check') {
      const t0 = performance.now();
      const r = check(req.path, req.text, req.overlays);
      post({ kind: 'check', id: req.id, path: req.path, diagnostics: r.diagnostics, info: r.info, ms: performance.now() - t0 });
    } else if (req.kind === 'tests') {
      post({ kind: 'tests', id: req.id, rulesPath: req.rulesPath, ...tests(req.rulesPath, req.overlays) });
    } else if (req.kind === 'evaluate') {
      post({ kind: 'evaluate', id: req.id, ...evaluate(req.rulesPath, req.overlays, req.caso, req.fecha) });
    } else if (req.kind === 'format') {
      const r = formatSource(req.text, req.path);
      post(r.ok ? { kind: 'format', id: req.id, text: r.text } : { kind: 'format', id: req.id, diagnostics: r.diagnostics });
    }
  } catch (failure) {
    const message = failure instanceof Error ? `${failure.message}` : String(failure);
    if (req.kind === 'check') {
      const p = { line: 1, column: 1, offset: 0 };
      post({ kind: 'check', id: req.id, path: req.path, ms: 0, diagnostics: [{ code: 'interno', severity: 'error', message: `Error interno: ${message}`, span: { file: req.path, start: p, end: p }, labels: [] }] });
    } else if (req.kind === 'tests') post({ kind: 'tests', id: req.id, rulesPath: req.rulesPath, tests: [], problem: message });
    else if (req.kind === 'format') post({ kind: 'format', id: req.id });
    else post({ kind: 'evaluate', id: req.id, problem: message });
  }
};
