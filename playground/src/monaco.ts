/** Monaco for Vite: the editor features we use and its editor worker. */
import EditorWorker from 'monaco-esm/editor/editor.worker.js?worker';
export * from './monaco-features.ts';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};
