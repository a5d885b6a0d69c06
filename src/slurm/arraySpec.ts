/**
 * Slurm array specs ("0-3,7,9-11") and the split of grid cells into array jobs.
 * Array task ids must stay below the cluster's MaxArraySize (default 1001), so a grid of more cells is
 * submitted as several array jobs, each with an offset added to SLURM_ARRAY_TASK_ID.
 */

/** Compact array spec of sorted distinct non-negative integers: [0,1,2,5,7,8] → "0-2,5,7-8". */
export function formatArraySpec(indices: Iterable<number>): string {
  const xs = [...new Set(indices)].sort((a, b) => a - b);
  for (const x of xs) {
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`formatArraySpec: indices must be integers >= 0, got ${x}`);
  }
  const parts: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j]! + 1) j++;
    parts.push(i === j ? `${xs[i]}` : `${xs[i]}-${xs[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Inverse of formatArraySpec; accepts Slurm's "a-b:step" and ignores a trailing "%K" throttle. */
export function parseArraySpec(spec: string): number[] {
  const body = spec.trim().replace(/%\d+$/, '');
  if (body === '') return [];
  const out = new Set<number>();
  for (const part of body.split(',')) {
    const m = /^(\d+)(?:-(\d+)(?::(\d+))?)?$/.exec(part.trim());
    if (!m) throw new RangeError(`parseArraySpec: cannot read '${part}' in '${spec}' (expected e.g. 0-9,12,15-20)`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    const step = m[3] === undefined ? 1 : Number(m[3]);
    if (b < a || step < 1) throw new RangeError(`parseArraySpec: bad range '${part}' in '${spec}'`);
    for (let x = a; x <= b; x += step) out.add(x);
  }
  return [...out].sort((x, y) => x - y);
}

/** One array job: task ids `spec` (all < maxArraySize); cell index = offset + SLURM_ARRAY_TASK_ID. */
export interface ArrayChunk {
  readonly offset: number;
  readonly spec: string;
  readonly count: number;
}

/**
 * Groups cell indices into array jobs whose task ids stay below `maxArraySize`.
 * @example planArrayChunks([0, 1, 2, 1500], 1001) → [{offset 0, spec "0-2"}, {offset 1001, spec "499"}]
 */
export function planArrayChunks(indices: Iterable<number>, maxArraySize = 1001): ArrayChunk[] {
  if (!Number.isInteger(maxArraySize) || maxArraySize < 1) {
    throw new RangeError(`planArrayChunks: maxArraySize must be an integer >= 1, got ${maxArraySize}`);
  }
  const byChunk = new Map<number, number[]>();
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0) throw new RangeError(`planArrayChunks: cell indices must be integers >= 0, got ${i}`);
    const k = Math.floor(i / maxArraySize);
    if (!byChunk.has(k)) byChunk.set(k, []);
    byChunk.get(k)!.push(i - k * maxArraySize);
  }
  return [...byChunk.keys()]
    .sort((a, b) => a - b)
    .map((k) => {
      const ids = byChunk.get(k)!;
      return { offset: k * maxArraySize, spec: formatArraySpec(ids), count: new Set(ids).size };
    });
}
