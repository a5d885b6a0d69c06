/**
 * The options of the own-data datasets (`csv`, `numpy`, `arff`, `image-folder` in the registry), validated
 * with zod before anything loads: unknown keys, wrong kinds and impossible values are refused naming the
 * option. Paths are relative to the working directory the CLI runs in.
 */
import { z } from 'zod';

const split = {
  /** A second file (or folder) holding the test split; without it the test split is drawn. */
  testPath: z.string().min(1).optional(),
  /** Fraction of rows drawn for the test split when there is no testPath (default 0.2, as the built-in tables). */
  testFraction: z.number().gt(0).lt(1).optional(),
  /** Seed of that draw (default 0). */
  splitSeed: z.number().int().min(0).optional(),
  /** The class names in order (class i = classes[i]); a label outside the list is an error. Default: the labels found, sorted. */
  classes: z.array(z.string().min(1)).min(2).optional(),
  /** Shown by `falcun-lab list` and in notebooks. */
  description: z.string().optional(),
};
const tablePreprocessing = z.enum(['standardize', 'raw']).optional();

export const CsvOptionsSchema = z.strictObject({
  path: z.string().min(1),
  /** The header name of the label column. */
  labelColumn: z.string().min(1),
  /** Field separator; default ',' (tab for .tsv / .tab files). */
  delimiter: z.string().length(1).optional(),
  /** Columns to leave out (ids, free text). */
  ignoreColumns: z.array(z.string()).optional(),
  /** As for the built-in tables: standardised with the training part's mean/std (default), or as stored. */
  preprocessing: tablePreprocessing,
  ...split,
});

export const ArffOptionsSchema = z.strictObject({
  path: z.string().min(1),
  /** The label attribute; default the last one (OpenML's convention for the target). */
  labelColumn: z.string().min(1).optional(),
  ignoreColumns: z.array(z.string()).optional(),
  preprocessing: tablePreprocessing,
  ...split,
});

export const NumpyOptionsSchema = z.strictObject({
  /** X as .npy (then `labels` is y as .npy), or an .npz holding both (keys xKey, yKey). */
  path: z.string().min(1),
  labels: z.string().min(1).optional(),
  xKey: z.string().min(1).optional(),
  yKey: z.string().min(1).optional(),
  /** The test split's labels when testPath is an .npy of features. */
  testLabels: z.string().min(1).optional(),
  preprocessing: tablePreprocessing,
  ...split,
});

export const ImageFolderOptionsSchema = z.strictObject({
  /** A folder with one subfolder of PNG/JPEG images per class (the subfolder name is the class). */
  path: z.string().min(1),
  /** Every image is resized to size[0] × size[1] (height × width), bilinear. */
  size: z.tuple([z.number().int().min(1).max(1024), z.number().int().min(1).max(1024)]),
  /** 1 (grayscale, ITU-R 601 luma) or 3 (RGB, default). */
  channels: z.union([z.literal(1), z.literal(3)]).optional(),
  /** Per-channel mean and std on the [0, 1] scale, x = (v / 255 − mean) / std; default 0.5 / 0.5 (as MedMNIST). */
  mean: z.array(z.number()).min(1).max(3).optional(),
  std: z.array(z.number().gt(0)).min(1).max(3).optional(),
  ...split,
});

export type CsvOptions = z.infer<typeof CsvOptionsSchema>;
export type ArffOptions = z.infer<typeof ArffOptionsSchema>;
export type NumpyOptions = z.infer<typeof NumpyOptionsSchema>;
export type ImageFolderOptions = z.infer<typeof ImageFolderOptionsSchema>;

/** Raised for own-dataset options that do not validate; one line per offending option. */
export class OwnDatasetOptionsError extends Error {
  override name = 'OwnDatasetOptionsError';
}

/**
 * Validates `options` against `schema`.
 * @throws OwnDatasetOptionsError naming each option (`options.labelColumn: …`) and the value received.
 */
export function parseOwnOptions<T>(dataset: string, schema: z.ZodType<T>, options: unknown): T {
  const r = schema.safeParse(options ?? {});
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const where = ['options', ...i.path.map(String)].join('.');
    return i.code === 'unrecognized_keys' ? `${where}: unknown option(s) ${i.keys.map((k) => `'${k}'`).join(', ')}` : `${where}: ${i.message.replace(/^Invalid input: /, '')}`;
  });
  throw new OwnDatasetOptionsError(`dataset '${dataset}': ${lines.join('; ')}`);
}
