/**
 * Human names for what records call by id: datasets as the paper names them ('randomrbf' → 'OpenML-156'),
 * models ('lenet' → 'LeNet'), and panel titles for a setting ('MNIST, Q = 200, LeNet'). One place for these
 * names, so every figure and table spells them alike.
 */

/** The paper's name of each dataset id of the registry. */
export const DATASET_NAMES: Readonly<Record<string, string>> = Object.freeze({
  mnist: 'MNIST', 'fashion-mnist': 'FashionMNIST', 'repeated-mnist': 'RepeatedMNIST', emnist: 'EMNIST', svhn: 'SVHN',
  bloodmnist: 'BloodMNIST', dermamnist: 'DermaMNIST', letter: 'OpenML-6', randomrbf: 'OpenML-156', pokerhand: 'OpenML-155',
});

/** The order the paper lists its datasets in (tables and figure grids): grayscale, colour, then tabular. */
export const PAPER_DATASET_ORDER: readonly string[] = Object.freeze(['mnist', 'fashion-mnist', 'emnist', 'repeated-mnist', 'svhn', 'bloodmnist', 'dermamnist', 'letter', 'randomrbf', 'pokerhand']);

/** A dataset label's place in PAPER_DATASET_ORDER (labels the paper does not have come last). */
export function datasetRank(label: string): number {
  const i = PAPER_DATASET_ORDER.indexOf(datasetId(label) ?? '');
  return i < 0 ? PAPER_DATASET_ORDER.length : i;
}

/** The kind of data of each dataset id, as the paper groups them (Fig. 2: grey, colour, tabular). */
export type DatasetFamily = 'grey' | 'colour' | 'tabular';
const FAMILY: Readonly<Record<string, DatasetFamily>> = Object.freeze({
  mnist: 'grey', 'fashion-mnist': 'grey', 'repeated-mnist': 'grey', emnist: 'grey',
  svhn: 'colour', bloodmnist: 'colour', dermamnist: 'colour',
  letter: 'tabular', randomrbf: 'tabular', pokerhand: 'tabular',
});

const MODEL_NAMES: Readonly<Record<string, string>> = Object.freeze({ lenet: 'LeNet', mlp: 'MLP', resnet18: 'ResNet18' });

/** The registry id a record's dataset label starts with ('repeated-mnist-10' → 'repeated-mnist'), or undefined. */
export function datasetId(label: string): string | undefined {
  const ids = Object.keys(DATASET_NAMES).sort((a, b) => b.length - a.length);
  return ids.find((id) => label === id || label.startsWith(`${id}-`) || label.startsWith(`${id}_`));
}

/**
 * A dataset label as printed: the paper's name, with a RepeatedMNIST share of unique images
 * ('repeated-mnist-10' → 'RepeatedMNIST (10 % unique)'); other suffixes kept in brackets; unknown labels as given.
 */
export function datasetName(label: string): string {
  const id = datasetId(label);
  if (id === undefined) return label;
  const rest = label.slice(id.length).replace(/^[-_]/, '');
  if (rest === '') return DATASET_NAMES[id]!;
  if (id === 'repeated-mnist' && /^\d+$/.test(rest)) return `${DATASET_NAMES[id]} (${rest} % unique)`;
  return `${DATASET_NAMES[id]} (${rest})`;
}

/** The family of a dataset label, or undefined for a dataset the paper does not have. */
export function datasetFamily(label: string): DatasetFamily | undefined {
  const id = datasetId(label);
  return id === undefined ? undefined : FAMILY[id];
}

export function modelName(id: string): string {
  return MODEL_NAMES[id] ?? id;
}

/** The paper's query size of a setting name (xs 100, s 200, m 500, l 1000, xl 2000; 'q50' → 50). */
export function settingQuerySize(setting: string): number | undefined {
  const base = setting.replace(/_no$/, '');
  const q = ({ xs: 100, s: 200, m: 500, l: 1000, xl: 2000 } as Record<string, number>)[base];
  if (q !== undefined) return q;
  const m = /^q(\d+)$/.exec(base);
  return m ? Number(m[1]) : undefined;
}

/**
 * A setting key 'dataset|setting|model' as a panel title: 'MNIST, Q = 200, LeNet'; a setting that keeps
 * the previous round's weights ('_no') adds ', kept weights'.
 */
export function settingTitle(key: string): string {
  const [dataset = '', setting = '', model = ''] = key.split('|');
  const q = settingQuerySize(setting);
  return [datasetName(dataset), q !== undefined ? `Q = ${q}` : setting, modelName(model), ...(setting.endsWith('_no') ? ['kept weights'] : [])].filter((s) => s !== '').join(', ');
}
