// Re-exports of the data layer.

// Contracts
export * from './dataset.ts';
export * from './dataFileError.ts';

// Registry and cache
export * from './registry.ts';
export * from './cache.ts';
export * from './splits.ts';
export * from './normalize.ts';

// File formats
export * from './formats/idx.ts';
export * from './formats/npy.ts';
export * from './formats/npz.ts';
export * from './formats/mat.ts';

// Image datasets
export * from './mnist.ts';
export * from './fashionMnist.ts';
export * from './repeatedMnist.ts';
export * from './emnist.ts';
export * from './svhn.ts';
export * from './medmnist.ts';
