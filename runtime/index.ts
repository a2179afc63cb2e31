// Runtime library for generated evaluators and the interpreter.
export * from './decimal.ts';
export * from './dates.ts';
export * from './calendar.ts';
export * from './durations.ts';
export * from './school.ts';
export * from './types.ts';
export * from './result.ts';
export * from './values.ts';
export * from './input.ts';
export * from './engine.ts';
export { explicar, mostrarExportado, type ContextoExplicacion } from './explain.ts';
