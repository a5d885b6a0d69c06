/**
 * What the γ explorer page needs from falcun-lab, bundled for the browser (IIFE, global `FalcunLab`):
 * the same FALCUN implementation and random generator as in Node, so a page selection equals the
 * Node selection for the same seed.
 */
export { Falcun } from '../acquisition/falcun.ts';
export { Random } from '../random.ts';
