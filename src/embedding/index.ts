// t-SNE for the paper's 2-D views (Figures 6–8). Re-exports only.

// Embeddings
export { tsne } from './tsne.ts';
export { tsneExact, TSNE_EXACT_MAX_N } from './tsneExact.ts';
export { perplexityFor, type TsneOptions } from './tsneOptions.ts';

// Building blocks
export { kNearestNeighbours, type NearestNeighbours } from './kNearestNeighbours.ts';
export { sparseAffinities, type SparseAffinities } from './sparseAffinities.ts';
export { denseAffinities } from './denseAffinities.ts';
export { calibrateRow } from './perplexitySearch.ts';
export { QuadTree } from './quadTree.ts';

// Quality measures
export { neighbourPreservation } from './neighbourPreservation.ts';
