/// <reference types="vite/client" />
declare module 'monaco-esm/editor/editor.api.js' {
  export * from 'monaco-editor';
}
declare module 'monaco-esm/*';
