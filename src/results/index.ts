// The results format and its reader (re-exports only): the `falcun-lab/results` entry point.

// Record
export type { RoundRecord } from './roundRecord.ts';

// Reading
export { loadExperimentRecords } from './loadRecords.ts';
export { readRunRecords, runFile, type ReadRunOptions } from './resultStore.ts';
export { validateRoundRecord } from './validateRecords.ts';
