// Small generated own-data fixtures (tables and images), written into a scratch folder by the tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { Random } from '../../../src/random.ts';

/** Three Gaussian blobs in 4-D, labelled 'setosa' / 'versicolor' / 'virginica'; n rows in file order. */
export function blobRows(n: number, seed: number): { x: number[][]; labels: string[] } {
  const r = new Random(seed);
  const names = ['setosa', 'versicolor', 'virginica'];
  const x: number[][] = [];
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    x.push([0, 1, 2, 3].map((j) => k * 3 + (j === k ? 2 : 0) + r.normal()));
    labels.push(names[k]!);
  }
  return { x, labels };
}

export function writeCsv(file: string, n: number, seed: number, sep = ','): void {
  const { x, labels } = blobRows(n, seed);
  const lines = [['id', 'sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'].join(sep)];
  x.forEach((row, i) => lines.push([`s${i}`, ...row.map((v) => v.toFixed(4)), labels[i]].join(sep)));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/**
 * Class folders of small RGB images: 'red' squares, 'green' bars, 'blue' crosses on noise, as PNG and JPEG
 * alternately, of size 20 × 24 (resized by the loader).
 */
export function writeImageFolder(root: string, perClass: number, seed: number): void {
  const r = new Random(seed);
  const classes = ['blue', 'green', 'red'];
  const [h, w] = [20, 24];
  for (const [k, cls] of classes.entries()) {
    mkdirSync(join(root, cls), { recursive: true });
    for (let i = 0; i < perClass; i++) {
      const rgba = Buffer.alloc(h * w * 4);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const o = (y * w + x) * 4;
          const on = k === 0 ? Math.abs(x - w / 2) < 3 || Math.abs(y - h / 2) < 3 : k === 1 ? x % 6 < 3 : x > 4 && x < 18 && y > 4 && y < 16;
          const base = Math.floor(r.uniform() * 60);
          rgba[o] = base + (on && k === 2 ? 180 : 0);
          rgba[o + 1] = base + (on && k === 1 ? 180 : 0);
          rgba[o + 2] = base + (on && k === 0 ? 180 : 0);
          rgba[o + 3] = 255;
        }
      }
      if (i % 2 === 0) {
        const png = new PNG({ width: w, height: h });
        rgba.copy(png.data);
        writeFileSync(join(root, cls, `img${i}.png`), PNG.sync.write(png));
      } else {
        writeFileSync(join(root, cls, `img${i}.jpg`), jpeg.encode({ data: rgba, width: w, height: h }, 95).data);
      }
    }
  }
}
