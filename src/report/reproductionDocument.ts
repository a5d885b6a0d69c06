/**
 * REPRODUCTION.md for a checkout: the committed reproduction directories under `<root>/results/` and the
 * hand-written sections under `<root>/docs/reproduction/`, put together by `reproductionMarkdown`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReproductionExperiment, reproductionMarkdown, type ReproductionExperiment } from './reproduction.ts';

import { REPRODUCTION_DIRS, SCALABILITY_STUDY_DIR } from '../results/reproductionDirs.ts';
import { readScalabilityStudy } from '../results/scalabilityStudy.ts';

/** The reproduction's experiment directories (defined in results/reproductionDirs.ts). */
export { REPRODUCTION_DIRS };

export function reproductionDocument(root: string): string {
  const read = (rel: string): ReproductionExperiment | undefined => (existsSync(join(root, rel, 'manifest.json')) ? readReproductionExperiment(join(root, rel)) : undefined);
  const prose = (f: string) => readFileSync(join(root, 'docs', 'reproduction', f), 'utf8');
  const rel = (e: ReproductionExperiment | undefined, dir: string) => (e === undefined ? undefined : { ...e, dir });
  const at = (k: keyof typeof REPRODUCTION_DIRS) => rel(read(REPRODUCTION_DIRS[k]), REPRODUCTION_DIRS[k]);
  const study = readScalabilityStudy(join(root, SCALABILITY_STUDY_DIR));
  const scalability = study === undefined ? undefined : { study, dir: SCALABILITY_STUDY_DIR };
  return reproductionMarkdown(
    { curves: at('curves'), ablation: at('ablation'), standardized: at('standardized'), paperVariant: at('paperVariant'), scalability },
    { differences: prose('differences.md'), figures: prose('figures.md') },
  );
}
