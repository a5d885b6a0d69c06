/**
 * Reads a folder of images in class subfolders (`root/<class>/<image>.png|.jpg|.jpeg`; the subfolder name is
 * the class, files in name order, hidden files skipped), decoded with pure-JavaScript decoders from npm (pngjs,
 * jpeg-js), resized to `size` (bilinear), converted to 1 (luma) or 3 (RGB) channels and normalised
 * x = (v / 255 − mean) / std per channel. Rows are images as H × W × C (channels last, as every image set here).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { DataFileError } from '../dataFileError.ts';
import type { LabelledRows } from './ownSplits.ts';
import { resizeBilinear } from './resizeBilinear.ts';

const EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

export interface ImageFolderRead {
  readonly size: readonly [number, number];
  readonly channels: 1 | 3;
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** Decodes one PNG or JPEG file to RGBA bytes. @throws DataFileError naming the file when it does not decode. */
export function decodeImage(file: string): { width: number; height: number; rgba: Uint8Array } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new DataFileError(file, `cannot open (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const ext = extname(file).toLowerCase();
  try {
    if (ext === '.png') {
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, rgba: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
    }
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    return { width: img.width, height: img.height, rgba: img.data };
  } catch (e) {
    throw new DataFileError(file, `does not decode as ${ext === '.png' ? 'PNG' : 'JPEG'} (${(e as Error).message}); replace or remove the file`);
  }
}

/**
 * Every image under `root`'s class subfolders, as rows of size[0] × size[1] × channels floats.
 * @throws DataFileError naming the folder or file for a missing folder, no class subfolders, an empty class,
 *   a file that is not PNG/JPEG, or an image that does not decode.
 */
export function readImageFolder(root: string, o: ImageFolderRead): LabelledRows {
  let entries: string[];
  try {
    entries = readdirSync(root).filter((n) => !n.startsWith('.')).sort();
  } catch (e) {
    throw new DataFileError(root, `cannot open the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; paths are relative to the folder the command runs in)`);
  }
  const classes = entries.filter((n) => statSync(join(root, n)).isDirectory());
  if (classes.length === 0) throw new DataFileError(root, 'has no class subfolders; put the images of each class into a subfolder named after the class');
  const [h, w] = o.size;
  const c = o.channels;
  const files: { file: string; label: string }[] = [];
  for (const cls of classes) {
    const dir = join(root, cls);
    const names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
    for (const n of names) {
      if (!EXTENSIONS.has(extname(n).toLowerCase())) throw new DataFileError(join(dir, n), 'is not a PNG or JPEG image (.png, .jpg, .jpeg); move it out of the class folders');
      files.push({ file: join(dir, n), label: cls });
    }
    if (names.length === 0) throw new DataFileError(dir, `class '${cls}' has no images`);
  }
  const x = new Float32Array(files.length * h * w * c);
  const scale = Array.from({ length: c }, (_, k) => 1 / (255 * o.std[k]!));
  const shift = Array.from({ length: c }, (_, k) => o.mean[k]! / o.std[k]!);
  files.forEach(({ file }, i) => {
    const img = decodeImage(file);
    let src: ArrayLike<number> = img.rgba;
    let stride = 4;
    if (c === 1) {
      // ITU-R 601 luma, as PIL's convert('L').
      const luma = new Float64Array(img.width * img.height);
      for (let p = 0; p < luma.length; p++) luma[p] = (299 * img.rgba[p * 4]! + 587 * img.rgba[p * 4 + 1]! + 114 * img.rgba[p * 4 + 2]!) / 1000;
      src = luma;
      stride = 1;
    }
    const resized = img.height === h && img.width === w && stride === c ? null : resizeBilinear(src, img.height, img.width, c, stride, h, w);
    const off = i * h * w * c;
    for (let p = 0; p < h * w; p++) {
      for (let k = 0; k < c; k++) {
        const v = resized !== null ? resized[p * c + k]! : src[p * stride + k]!;
        x[off + p * c + k] = v * scale[k]! - shift[k]!;
      }
    }
  });
  return { file: root, x, labels: files.map((f) => f.label), rowName: (i) => `image ${files[i]!.file}` };
}
