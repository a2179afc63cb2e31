import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The playground runs wholly in the browser: the compiler and the interpreter are bundled
// (main thread and the diagnostics worker); the rule files are embedded at build time.
export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    target: 'es2022',
  },
  resolve: {
    // Monaco's ESM files by path (its package exports map hides the .css files and workers).
    alias: [{ find: /^monaco-esm\//, replacement: fileURLToPath(new URL('../node_modules/monaco-editor/esm/vs/', import.meta.url)) }],
  },
  worker: { format: 'es' },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
