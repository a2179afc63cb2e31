/**
 * The public API of neae as a library (what the CLI and the playground are built on). Everything
 * else is internal and may change between versions.
 */
export { parse, type ParseResult } from './grammar/parse.ts';
export { keywordInfo } from './grammar/tokens.ts';
export { compile, type Compilation, type CompileOptions } from './compiler/driver/compile.ts';
export { memoryHost, type SourceHost } from './compiler/driver/host.ts';
export { nodeHost } from './compiler/driver/node_host.ts';
export type { Diagnostic, Span, Severity, Label } from './compiler/diagnostics/diagnostic.ts';
export { renderDiagnostics, renderDiagnostic } from './compiler/diagnostics/render.ts';
export type { Program } from './compiler/ir/ir.ts';
export { interpreter, type Interpreter } from './compiler/interpret/interpret.ts';
export { generateModule, type GenerateOptions } from './compiler/codegen/generate.ts';
export { runTestFile, prepareTests, goldenCasesAsJson, type TestFileResult, type TestOutcome } from './compiler/testing/golden.ts';
export { formatSource } from './compiler/format/format.ts';
export { diffPrograms, renderDiff, type DiffReport } from './compiler/diff/diff.ts';
export * from './runtime/index.ts';
