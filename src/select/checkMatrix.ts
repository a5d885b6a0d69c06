/**
 * Row checks of a user's matrix before selection, each failure one line naming the file, the row (and its
 * line and id for text files) and the problem. One pass over the values.
 */
import { PROBABILITY_SUM_TOLERANCE } from '../acquisition/validate.ts';
import { DataFileError } from '../data/dataFileError.ts';
import { describeRow, type MatrixFile } from './matrixFile.ts';

/**
 * Every value finite and >= 0, every row summing to 1 within PROBABILITY_SUM_TOLERANCE, at least 2 columns.
 * @throws DataFileError naming file, row and column (or the row's sum).
 */
export function checkProbabilityRows(m: MatrixFile): void {
  if (m.cols < 2) throw new DataFileError(m.file, `has ${m.cols} column${m.cols === 1 ? '' : 's'} of probabilities; need one per class, at least 2`);
  const { values, rows, cols } = m;
  for (let i = 0, off = 0; i < rows; i++, off += cols) {
    let s = 0;
    for (let k = 0; k < cols; k++) {
      const v = values[off + k]!;
      if (!(v >= 0) || v === Infinity) {
        const hint = Number.isNaN(v) ? '' : v < 0 ? ' (negative: are these logits? pass --logits)' : '';
        throw new DataFileError(m.file, `${describeRow(m, i)}, column ${k}: probability is ${v}; probabilities must be finite and >= 0${hint}`);
      }
      s += v;
    }
    if (Math.abs(s - 1) > PROBABILITY_SUM_TOLERANCE) {
      throw new DataFileError(m.file, `${describeRow(m, i)}: probabilities sum to ${s.toPrecision(6)}, expected 1 ± ${PROBABILITY_SUM_TOLERANCE} (softmax outputs; pass --logits for raw scores)`);
    }
  }
}

/**
 * Every value finite (embeddings).
 * @throws DataFileError naming file, row and column.
 */
export function checkFiniteRows(m: MatrixFile): void {
  const { values, cols } = m;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) {
      throw new DataFileError(m.file, `${describeRow(m, Math.floor(i / cols))}, column ${i % cols}: value is ${values[i]}; embeddings must be finite`);
    }
  }
}
