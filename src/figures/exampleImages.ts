import type { PlotlyFigure } from './types.ts';

export interface ExampleImagesInput {
  /** Images, flat row-major [n, height, width, channels] (channels 1 = grey, 3 = RGB). */
  readonly images: ArrayLike<number>;
  readonly shape: readonly [number, number, number, number];
  /** Class of each image (length n). */
  readonly labels: ArrayLike<number>;
  /** Row names, one per class; default 'class c'. */
  readonly classNames?: readonly string[];
  /** Examples shown per class (the first ones found). Default 5. */
  readonly perClass?: number;
  /** Pixel value range mapped to 0..255. Default [0, 255] for integer data, else [min, max] of the images. */
  readonly valueRange?: readonly [number, number];
  readonly title?: string;
  /**
   * Says on the figure that it stands in for the paper's images, e.g. 'MNIST stands in for BloodMNIST /
   * DermaMNIST (their files were not given)'. Shown as a second title line.
   */
  readonly standIn?: string;
}

/**
 * Example images per class (paper Fig. 11): one row per class, `perClass` images per row, composed into a
 * single RGB mosaic (one `image` trace, 2-pixel white gaps) with the class names as row labels.
 * One trace instead of one subplot per image keeps big grids cheap to render.
 * Cost: O(classes · perClass · height · width · 3).
 * @throws RangeError naming the field for a shape that does not match the data, channels not 1 or 3,
 *   a label out of range, or an empty class list.
 */
export function exampleImagesFigure(input: ExampleImagesInput): PlotlyFigure {
  const fn = 'exampleImagesFigure';
  const [n, h, w, ch] = input.shape ?? [];
  for (const [k, v] of [['n', n], ['height', h], ['width', w], ['channels', ch]] as const) {
    if (!Number.isInteger(v) || (v as number) < 1) throw new RangeError(`${fn}: shape.${k} must be an integer >= 1, got ${v}`);
  }
  if (ch !== 1 && ch !== 3) throw new RangeError(`${fn}: shape.channels must be 1 (grey) or 3 (RGB), got ${ch}`);
  if (input.images?.length !== n! * h! * w! * ch!) throw new RangeError(`${fn}: images must hold n·height·width·channels = ${n! * h! * w! * ch!} values, got ${input.images?.length}`);
  if (input.labels?.length !== n) throw new RangeError(`${fn}: labels must have one class per image (${n}), got ${input.labels?.length}`);
  const perClass = input.perClass ?? 5;
  if (!Number.isInteger(perClass) || perClass < 1) throw new RangeError(`${fn}: perClass must be an integer >= 1, got ${perClass}`);
  let maxLabel = -1;
  for (let i = 0; i < n!; i++) {
    const y = input.labels[i]!;
    if (!Number.isInteger(y) || y < 0) throw new RangeError(`${fn}: labels[${i}] must be an integer >= 0, got ${y}`);
    if (y > maxLabel) maxLabel = y;
  }
  const C = input.classNames?.length ?? maxLabel + 1;
  if (maxLabel >= C) throw new RangeError(`${fn}: labels hold class ${maxLabel} but classNames has only ${C} names`);
  const [lo, hi] = input.valueRange ?? defaultRange(input.images);
  if (!(hi > lo)) throw new RangeError(`${fn}: valueRange must have max > min, got [${lo}, ${hi}]`);
  const picks: number[][] = Array.from({ length: C }, () => []);
  for (let i = 0; i < n!; i++) {
    const y = input.labels[i]!;
    if (picks[y]!.length < perClass) picks[y]!.push(i);
  }
  const gap = 2;
  const H = C * (h! + gap) - gap;
  const W = perClass * (w! + gap) - gap;
  const z: number[][][] = Array.from({ length: H }, () => Array.from({ length: W }, () => [255, 255, 255]));
  const scale = 255 / (hi - lo);
  for (let c = 0; c < C; c++) {
    picks[c]!.forEach((img, k) => {
      for (let r = 0; r < h!; r++) {
        for (let q = 0; q < w!; q++) {
          const base = ((img * h! + r) * w! + q) * ch!;
          const px = z[c * (h! + gap) + r]![k * (w! + gap) + q]!;
          for (let j = 0; j < 3; j++) {
            const v = input.images[base + (ch === 3 ? j : 0)]!;
            px[j] = Math.max(0, Math.min(255, Math.round((v - lo) * scale)));
          }
        }
      }
    });
  }
  const names = input.classNames ?? Array.from({ length: C }, (_, c) => `class ${c}`);
  return {
    data: [{ type: 'image', z, colormodel: 'rgb', hoverinfo: 'skip' }],
    layout: {
      title: { text: input.standIn ? `${input.title ?? ''} — ${input.standIn}` : (input.title ?? '') }, width: Math.max(200, 3 * W + 140), height: 3 * H + 80, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
      margin: { l: 120, r: 10, t: input.title ? 50 : 10, b: 10 },
      xaxis: { visible: false },
      yaxis: { tickvals: names.map((_, c) => c * (h! + gap) + (h! - 1) / 2), ticktext: names, showgrid: false, zeroline: false, ticks: '' },
    },
    content: { kind: 'single', aspect: H / W },
  };
}

function defaultRange(v: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  let ints = true;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    if (ints && !Number.isInteger(x)) ints = false;
  }
  if (ints && lo >= 0 && hi <= 255) return [0, 255];
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}
