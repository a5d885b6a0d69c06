// Selecting a batch from probability files (re-exports only): the `falcun-lab/select` entry point.

// Reading matrices and row lists
export { readMatrix, MATRIX_FORMATS, type MatrixFormat, type ReadMatrixOptions } from './readMatrix.ts';
export type { MatrixFile } from './matrixFile.ts';
export { readRowList } from './rowList.ts';

// Selecting and writing
export { selectBatch, SelectUsageError, type BatchSelection, type Pick, type SelectInputs } from './selectBatch.ts';
export { batchToCsv, batchToJson, BATCH_FORMATS, type BatchFormat } from './formatBatch.ts';
export { softmaxRows } from './softmaxRows.ts';
export { writeNpyMatrix } from './writeNpyMatrix.ts';
