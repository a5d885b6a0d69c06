/**
 * The in-memory form of every dataset: flat, row-major typed arrays, so that models, acquisition
 * and t-SNE read them without copies. Images are stored as N × (H·W·channels), channels last (NHWC).
 */
export interface Split {
  /** Features, row-major N × featureSize, already normalised as the paper's code does. */
  readonly x: Float32Array;
  /** Class index per row, 0..numClasses-1. */
  readonly y: Int32Array;
  /** Number of rows. */
  readonly n: number;
}

export interface Dataset {
  /** Registry name, e.g. 'mnist', 'letter', 'repeated-mnist'. */
  readonly name: string;
  /** One line on what it is and where it came from (shown by `falcun-lab list`). */
  readonly description: string;
  readonly kind: 'image' | 'table';
  /** Shape of one example: [H, W, channels] for images, [features] for tables. */
  readonly shape: readonly number[];
  readonly numClasses: number;
  readonly classNames: readonly string[];
  readonly train: Split;
  readonly test: Split;
}

/** Product of a shape's dimensions: the length of one row of `Split.x`. */
export function featureSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
