// Runtime library for generated evaluators and the interpreter.
export * from './decimal.ts';
export * from './dates.ts';
export * from './calendar.ts';
export * from './durations.ts';
export * from './school.ts';
