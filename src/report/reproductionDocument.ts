/**
 * REPRODUCTION.md for a checkout: the committed reproduction directories under `<root>/results/` and the
 * hand-written sections under `<root>/docs/reproduction/`, put together by `reproductionMarkdown`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReproductionExperiment, reproductionMarkdown, type ReproductionExperiment } from './reproduction.ts';

import { REPRODUCTION_DIRS, SCALABILITY_STUDY_DIR } from '../results/reproductionDirs.ts';
import { readScalabilityStudy } from '../results/scalabilityStudy.ts';

/** The reproduction's experiment directories (defined in results/reproductionDirs.ts). */
export { REPRODUCTION_DIRS };

/** Where `npm run figures:repro` puts the exports REPRODUCTION.md shows inline (the screen preset, PNG). */
export const REPRODUCTION_FIGURES_DIR = 'figures/repro/screen';

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
    { dir: REPRODUCTION_FIGURES_DIR, available: exportedFigures(join(root, REPRODUCTION_FIGURES_DIR)) },
  );
}

/** Names of the PNG exports in a folder (none when it is missing). */
function exportedFigures(dir: string): Set<string> {
  return new Set(existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => f.slice(0, -'.png'.length)) : []);
}
