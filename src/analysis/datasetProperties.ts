/** One row of paper Table 4. */
export interface DatasetPropertiesRow {
  readonly type: string;
  readonly dataset: string;
  /** Number of points (training pool). */
  readonly n: number;
  /** Number of classes. */
  readonly classes: number;
  /** Feature shape as printed in the paper. */
  readonly features: string;
}

/** Paper Table 4 (Appendix B.2): the datasets' sizes, classes and feature shapes. */
export const DATASET_PROPERTIES: readonly DatasetPropertiesRow[] = Object.freeze([
  { type: 'Image (Gray)', dataset: 'MNIST', n: 60000, classes: 10, features: '28x28' },
  { type: 'Image (Gray)', dataset: 'RepeatedMNIST', n: 60000, classes: 10, features: '28x28' },
  { type: 'Image (Gray)', dataset: 'FashionMNIST', n: 60000, classes: 10, features: '28x28' },
  { type: 'Image (Gray)', dataset: 'EMNIST', n: 131600, classes: 47, features: '28x28' },
  { type: 'Image (Color)', dataset: 'SVHN', n: 73257, classes: 10, features: '32x32x3' },
  { type: 'Image (Color)', dataset: 'BloodMNIST', n: 11959, classes: 8, features: '28x28x3' },
  { type: 'Image (Color)', dataset: 'DermaMNIST', n: 7007, classes: 7, features: '28x28x3' },
  { type: 'Tabular', dataset: 'OpenML-6', n: 16000, classes: 26, features: '17' },
  { type: 'Tabular', dataset: 'OpenML-156', n: 800000, classes: 5, features: '11' },
  { type: 'Tabular', dataset: 'OpenML-155', n: 829201, classes: 10, features: '11' },
].map((r) => Object.freeze(r)));
