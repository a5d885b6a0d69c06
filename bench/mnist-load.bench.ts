// Time to load full MNIST (60k + 10k, normalised Float32Arrays) from the cache. Target: under 2 s.
// Run: npx tsx bench/mnist-load.bench.ts   (or npm run bench:data). Uses $FALCUN_DATA_DIR or <repo>/data.
import { loadMnist } from '../src/data/mnist.ts';

const first = performance.now();
await loadMnist(); // fills the cache if needed (copies the IDX files once)
const fill = (performance.now() - first) / 1000;
const times: number[] = [];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  const d = await loadMnist();
  times.push((performance.now() - t0) / 1000);
  if (d.train.n !== 60000 || d.test.n !== 10000) throw new Error('bench: wrong MNIST sizes');
}
times.sort((a, b) => a - b);
console.log(`mnist-load: first call ${fill.toFixed(3)} s; from cache: median ${times[2]!.toFixed(3)} s, min ${times[0]!.toFixed(3)} s, max ${times[4]!.toFixed(3)} s (5 runs; target < 2 s)`);
