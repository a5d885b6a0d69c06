import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Falcun } from '../../src/acquisition/falcun.ts';
import { main } from '../../src/cli/main.ts';
import { Random } from '../../src/random.ts';
import { readMatrix } from '../../src/select/readMatrix.ts';
import { readRowList } from '../../src/select/rowList.ts';
import { selectBatch } from '../../src/select/selectBatch.ts';
import { encodeNpy, encodeNpz } from '../data/npyWriter.ts';

/** Softmax rows of seeded normal logits (float32), and the logits. */
function pool(n: number, c: number, seed: number): { probs: Float32Array; logits: Float32Array } {
  const r = new Random(seed);
  const logits = new Float32Array(n * c);
  const probs = new Float32Array(n * c);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < c; k++) logits[i * c + k] = 2 * r.normal();
    for (let k = 0; k < c; k++) s += Math.exp(logits[i * c + k]!);
    for (let k = 0; k < c; k++) probs[i * c + k] = Math.exp(logits[i * c + k]!) / s;
  }
  return { probs, logits };
}

function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-select-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'falcun-lab', 'select', ...args], { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

const rowsText = (p: Float32Array, c: number, sep: string, id?: (i: number) => string): string[] =>
  Array.from({ length: p.length / c }, (_, i) => [...(id ? [id(i)] : []), ...Array.from(p.subarray(i * c, i * c + c), (v) => String(v))].join(sep));

test('every input format gives the same matrix: npy float32/float64, npz stored/compressed, CSV with header and ids, TSV without, JSON lines', async () => {
  const { dir, cleanup } = scratch();
  try {
    const n = 37;
    const c = 4;
    const { probs } = pool(n, c, 1);
    const id = (i: number) => `img_${i}`;
    writeFileSync(join(dir, 'p.npy'), encodeNpy('<f4', [n, c], probs));
    writeFileSync(join(dir, 'p64.npy'), encodeNpy('<f8', [n, c], Float64Array.from(probs)));
    writeFileSync(join(dir, 'pbe.npy'), encodeNpy('>f4', [n, c], probs));
    writeFileSync(join(dir, 'stored.npz'), encodeNpz({ probs: encodeNpy('<f4', [n, c], probs), other: encodeNpy('<i4', [2], [1, 2]) }, false));
    writeFileSync(join(dir, 'packed.npz'), encodeNpz({ softmax: encodeNpy('<f8', [n, c], Float64Array.from(probs)) }, true));
    writeFileSync(join(dir, 'p.csv'), ['id,a,b,c,d', ...rowsText(probs, c, ',', id)].join('\r\n') + '\r\n');
    writeFileSync(join(dir, 'p.tsv'), rowsText(probs, c, '\t').join('\n'));
    writeFileSync(join(dir, 'p.jsonl'), Array.from({ length: n }, (_, i) => JSON.stringify({ id: id(i), probs: Array.from(probs.subarray(i * c, i * c + c)) })).join('\n') + '\n\n');
    const files = ['p.npy', 'p64.npy', 'pbe.npy', 'stored.npz', 'packed.npz:softmax', 'p.csv', 'p.tsv', 'p.jsonl'];
    for (const f of files) {
      const m = await readMatrix(join(dir, f));
      assert.equal(m.rows, n, f);
      assert.equal(m.cols, c, f);
      assert.deepEqual(m.values, probs, f);
      assert.deepEqual(m.ids, f === 'p.csv' || f === 'p.jsonl' ? Array.from({ length: n }, (_, i) => id(i)) : null, f);
    }
    // The CSV's lines are counted from 1 with the header as line 1.
    const csv = await readMatrix(join(dir, 'p.csv'));
    assert.equal(csv.lineOfRow!(0), 2);
  } finally {
    cleanup();
  }
});

test('selectBatch equals Falcun.select on the same pool and seed, and the relevance is r of the pick before it was picked', () => {
  const n = 300;
  const c = 5;
  const { probs } = pool(n, c, 2);
  const q = 12;
  const b = selectBatch({ probabilities: { file: 'mem', rows: n, cols: c, values: probs, ids: null, lineOfRow: null }, batchSize: q, seed: 7 });
  const direct = new Falcun().select({ probs, numUnlabeled: n, numClasses: c }, q, { random: new Random(7), trace: { relevance: true } });
  assert.deepEqual(b.picks.map((p) => p.row), Array.from(direct.indices));
  const rel = (direct.trace as { relevance: Float32Array[] }).relevance;
  b.picks.forEach((p, k) => {
    // The trace stores every candidate's r as float32 before each pick.
    assert.ok(Math.abs(p.relevance! - rel[k]![p.row]!) < 1e-6, `pick ${k}`);
    assert.ok(p.drawProbability! > 0 && p.drawProbability! <= 1);
    assert.equal(p.pick, k + 1);
  });
  assert.deepEqual(b.options, { gamma: 10, relevance: 'both', deterministic: false, variant: 'paper' });
  // The same holds for the ablations and the authors' variant.
  for (const options of [{ relevance: 'uncertainty' }, { relevance: 'diversity' }, { relevance: 'diversity', variant: 'authors' }, { deterministic: true, gamma: 1 }] as const) {
    const m = { file: 'mem', rows: n, cols: c, values: probs, ids: null, lineOfRow: null };
    const sel = selectBatch({ probabilities: m, batchSize: q, seed: 7, options });
    const full = new Falcun(options).select({ probs, numUnlabeled: n, numClasses: c }, q, { random: new Random(7), trace: { relevance: true } });
    const r = (full.trace as { relevance: Float32Array[] }).relevance;
    sel.picks.forEach((p, k) => assert.ok(Math.abs(p.relevance! - r[k]![p.row]!) < 1e-6, `${JSON.stringify(options)} pick ${k}`));
  }
});

test('labelled and excluded rows are never picked: the batch equals a selection on the remaining rows, mapped back', () => {
  const n = 200;
  const c = 3;
  const { probs } = pool(n, c, 3);
  const labeled = Int32Array.from([0, 5, 17, 199]);
  const excluded = Int32Array.from([1, 2, 3, 17]);
  const b = selectBatch({ probabilities: { file: 'mem', rows: n, cols: c, values: probs.slice(), ids: null, lineOfRow: null }, labeled, excluded, batchSize: 20, seed: 1 });
  const keep = Array.from({ length: n }, (_, i) => i).filter((i) => ![0, 5, 17, 199, 1, 2, 3].includes(i));
  const sub = new Float32Array(keep.length * c);
  keep.forEach((r, k) => sub.set(probs.subarray(r * c, r * c + c), k * c));
  const direct = new Falcun().select({ probs: sub, numUnlabeled: keep.length, numClasses: c }, 20, { random: new Random(1) });
  assert.deepEqual(b.picks.map((p) => p.row), Array.from(direct.indices, (k) => keep[k]!));
  assert.equal(b.candidates, n - 7);
});

test('--logits applies a softmax: the same batch as from the probabilities', async () => {
  const { dir, cleanup } = scratch();
  try {
    const { probs, logits } = pool(120, 6, 4);
    writeFileSync(join(dir, 'p.npy'), encodeNpy('<f4', [120, 6], probs));
    writeFileSync(join(dir, 'z.npy'), encodeNpy('<f4', [120, 6], logits));
    const a = await cli(join(dir, 'p.npy'), '-q', '10', '--seed', '3');
    const z = await cli(join(dir, 'z.npy'), '-q', '10', '--seed', '3', '--logits');
    assert.equal(a.code, 0, a.err);
    assert.equal(z.code, 0, z.err);
    const rows = (s: string) => s.trim().split('\n').slice(1).map((l) => l.split(',')[1]);
    assert.deepEqual(rows(z.out), rows(a.out));
    const noLogits = await cli(join(dir, 'z.npy'), '-q', '10');
    assert.equal(noLogits.code, 1);
    assert.match(noLogits.err, /z\.npy: row 0, column \d: probability is -?[\d.]+; .*pass --logits/);
  } finally {
    cleanup();
  }
});

test('the CLI is deterministic, writes CSV or JSON to stdout or a file, and a different seed gives another batch', async () => {
  const { dir, cleanup } = scratch();
  try {
    const { probs } = pool(500, 4, 5);
    const ids = Array.from({ length: 500 }, (_, i) => `x,${i}`); // an id that CSV must quote
    writeFileSync(join(dir, 'p.csv'), ['id,p0,p1,p2,p3', ...rowsText(probs, 4, ',', (i) => `"${ids[i]}"`)].join('\n'));
    const one = await cli(join(dir, 'p.csv'), '-q', '25', '--gamma', '5');
    const two = await cli(join(dir, 'p.csv'), '-q', '25', '--gamma', '5');
    const other = await cli(join(dir, 'p.csv'), '-q', '25', '--gamma', '5', '--seed', '1');
    assert.equal(one.code, 0, one.err);
    assert.equal(one.out, two.out);
    assert.notEqual(one.out, other.out);
    const lines = one.out.trim().split('\n');
    assert.equal(lines[0], 'pick,row,id,relevance,drawProbability');
    assert.equal(lines.length, 26);
    const [pick, row, ...rest] = lines[1]!.split(',');
    assert.equal(pick, '1');
    assert.equal(rest.slice(0, 2).join(','), `"${ids[Number(row)]}"`);
    const out = join(dir, 'batch.json');
    const f = await cli(join(dir, 'p.csv'), '-q', '25', '--gamma', '5', '--out', out);
    assert.equal(f.code, 0, f.err);
    assert.equal(f.out, '');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(json.strategy, 'falcun');
    assert.equal(json.options.gamma, 5);
    assert.equal(json.picks.length, 25);
    assert.deepEqual(json.picks.map((p: { row: number }) => String(p.row)), lines.slice(1).map((l) => l.split(',')[1]));
    assert.equal(json.picks[0].id, ids[json.picks[0].row]);
  } finally {
    cleanup();
  }
});

test('a second round with --labeled (ids, row numbers, or the first batch file itself) never repeats a pick', async () => {
  const { dir, cleanup } = scratch();
  try {
    const { probs } = pool(80, 3, 6);
    writeFileSync(join(dir, 'p.npy'), encodeNpy('<f4', [80, 3], probs));
    const first = join(dir, 'first.csv');
    assert.equal((await cli(join(dir, 'p.npy'), '-q', '30', '-o', first)).code, 0);
    writeFileSync(join(dir, 'labeled.txt'), '# initial set\n0\n1\n\n2\n');
    const rowsOf = (s: string) => s.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
    const done = new Set([...rowsOf(readFileSync(first, 'utf8')), 0, 1, 2]);
    const left = 80 - done.size;
    const second = await cli(join(dir, 'p.npy'), '-q', String(left), '--labeled', first, '--labeled', join(dir, 'labeled.txt'));
    assert.equal(second.code, 0, second.err);
    const picked = rowsOf(second.out);
    assert.equal(picked.length, left);
    for (const r of picked) assert.ok(!done.has(r), `row ${r} was labelled`);
    assert.equal(new Set([...done, ...picked]).size, 80, 'every row is labelled once after the second round');
    const tooMany = await cli(join(dir, 'p.npy'), '-q', String(left + 1), '--labeled', first, '--labeled', join(dir, 'labeled.txt'));
    assert.equal(tooMany.code, 2);
    assert.match(tooMany.err, new RegExp(`batch size ${left + 1} exceeds the ${left} rows left to pick from \\(80 rows in .*p\\.npy, ${done.size} labelled or excluded\\)`));
  } finally {
    cleanup();
  }
});

test('bad input gets one line naming the file, the row and the problem', async () => {
  const { dir, cleanup } = scratch();
  try {
    const { probs } = pool(10, 3, 7);
    const bad = probs.slice();
    bad[4 * 3 + 1] = NaN;
    const off = probs.slice();
    off[6 * 3] = probs[6 * 3]! + 0.1;
    const f = (name: string, bytes: Uint8Array | string) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    const cases: Array<[string[], RegExp, number]> = [
      [[f('nan.npy', encodeNpy('<f4', [10, 3], bad))], /nan\.npy: row 4, column 1: probability is NaN/, 1],
      [[f('sum.npy', encodeNpy('<f4', [10, 3], off))], /sum\.npy: row 6: probabilities sum to 1\.1\d*, expected 1 ± 0\.001 \(softmax outputs; pass --logits/, 1],
      [[f('cube.npy', encodeNpy('<f4', [2, 3, 5], new Float32Array(30)))], /cube\.npy: shape \(2, 3, 5\) is not 2-D/, 1],
      [[f('int.npy', encodeNpy('<i4', [10, 3], new Int32Array(30)))], /int\.npy: dtype '<i4' is not supported here/, 1],
      [[f('cut.npy', encodeNpy('<f4', [10, 3], probs).slice(0, -4))], /cut\.npy: shape \(10, 3\) of '<f4' needs 120 data bytes but the file has 116 \(truncated\)/, 1],
      [[f('wide.csv', 'a,b,c\n0.5,0.5,0\n0.2,0.8\n')], /wide\.csv: row 1, line 3: has 2 fields, expected 3/, 1],
      [[f('text.csv', '0.5,0.5\n0.2,oops\n')], /text\.csv: row 1, line 2, column 2: "oops" is not a number/, 1],
      [[f('rows.jsonl', '[0.5,0.5]\n[0.5,0.5,0]\n')], /rows\.jsonl: row 1, line 2: has 3 values, expected 2/, 1],
      [[f('ok.npy', encodeNpy('<f4', [10, 3], probs)), '--labeled', f('ids.txt', '3\n12\n')], /ids\.txt: line 2: row 12 does not exist \(.*ok\.npy has rows 0\.\.9\)/, 1],
      [[f('ids.csv', ['id,a,b,c', ...rowsText(probs, 3, ',', (i) => `r${i}`)].join('\n')), '--exclude', f('ex.txt', 'r1\nr99\n')], /ex\.txt: line 2: id "r99" is not in .*ids\.csv/, 1],
      [[join(dir, 'ok.npy'), '-s', 'badge'], /strategy 'badge' needs embeddings: pass --embeddings/, 2],
      [[join(dir, 'ok.npy'), '-s', 'alfamix'], /strategy 'alfamix' needs the classifier head/, 2],
      [[join(dir, 'ok.npy'), '-s', 'nope'], /unknown strategy 'nope'/, 2],
      [[join(dir, 'missing.npy')], /missing\.npy: cannot open \(ENOENT\)/, 1],
      [[f('p.txt', 'x')], /p\.txt: unknown format '\.txt'/, 1],
    ];
    for (const [args, re, code] of cases) {
      const r = await cli(...args, '-q', '2');
      assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, re);
      assert.equal(r.err.trim().split('\n').length, 1, `one line: ${r.err}`);
      assert.equal(r.out, '');
    }
  } finally {
    cleanup();
  }
});

test('.npz: CRC-32 is checked (a flipped bit in a stored member is an error), a missing key lists the arrays', async () => {
  const { dir, cleanup } = scratch();
  try {
    const { probs } = pool(10, 3, 8);
    const zip = encodeNpz({ probs: encodeNpy('<f4', [10, 3], probs), extra: encodeNpy('<f4', [10, 3], probs) }, false);
    writeFileSync(join(dir, 'ok.npz'), zip);
    assert.equal((await cli(join(dir, 'ok.npz'), '-q', '2')).code, 0);
    const missing = await cli(join(dir, 'ok.npz:logits'), '-q', '2');
    assert.match(missing.err, /ok\.npz: has no array 'logits' \(it holds: probs, extra\)/);
    // Flip a low mantissa bit of the first stored value (after the 30-byte local header, the name and the 128-byte .npy header).
    const corrupt = zip.slice();
    const at = 30 + 'probs.npy'.length + 128;
    corrupt[at]! ^= 1;
    writeFileSync(join(dir, 'bad.npz'), corrupt);
    const r = await cli(join(dir, 'bad.npz'), '-q', '2');
    assert.equal(r.code, 1);
    assert.match(r.err, /bad\.npz:probs\.npy: CRC-32 mismatch/);
  } finally {
    cleanup();
  }
});

test('strategies that need embeddings run with --embeddings; kcenter starts from the labelled rows; mismatched rows are refused', async () => {
  const { dir, cleanup } = scratch();
  try {
    const n = 60;
    const { probs } = pool(n, 3, 9);
    const r = new Random(10);
    const emb = Float32Array.from({ length: n * 4 }, () => r.normal());
    writeFileSync(join(dir, 'p.npy'), encodeNpy('<f4', [n, 3], probs));
    writeFileSync(join(dir, 'e.npy'), encodeNpy('<f4', [n, 4], emb));
    writeFileSync(join(dir, 'short.npy'), encodeNpy('<f4', [n - 1, 4], emb.subarray(0, (n - 1) * 4)));
    writeFileSync(join(dir, 'lab.txt'), '0\n1\n2\n');
    for (const s of ['badge', 'clue', 'kcenter', 'cdal', 'entropy', 'margin', 'least-confidence', 'random']) {
      const out = await cli(join(dir, 'p.npy'), '-q', '5', '-s', s, '--embeddings', join(dir, 'e.npy'), '--labeled', join(dir, 'lab.txt'));
      assert.equal(out.code, 0, `${s}: ${out.err}`);
      const rows = out.out.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
      assert.equal(new Set(rows).size, 5, s);
      assert.ok(rows.every((x) => x > 2), s);
      assert.equal(out.out.split('\n')[0], 'pick,row', s);
    }
    // kcenter's first pick is the row farthest from the labelled rows' embeddings (computed here the slow way).
    const k = await cli(join(dir, 'p.npy'), '-q', '1', '-s', 'kcenter', '--embeddings', join(dir, 'e.npy'), '--labeled', join(dir, 'lab.txt'));
    let best = -1;
    let bestD = -1;
    for (let i = 3; i < n; i++) {
      const d = Math.min(...[0, 1, 2].map((l) => emb.subarray(i * 4, i * 4 + 4).reduce((s, v, j) => s + (v - emb[l * 4 + j]!) ** 2, 0)));
      if (d > bestD) [best, bestD] = [i, d];
    }
    assert.equal(Number(k.out.trim().split('\n')[1]!.split(',')[1]), best);
    const short = await cli(join(dir, 'p.npy'), '-q', '2', '-s', 'badge', '--embeddings', join(dir, 'short.npy'));
    assert.match(short.err, /short\.npy: has 59 rows but .*p\.npy has 60/);
  } finally {
    cleanup();
  }
});

test('readRowList accepts an earlier select output and refuses a header without id or row', () => {
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, 'b.csv'), 'pick,row,id,relevance,drawProbability\n1,4,"b",1.5,0.1\n2,0,a,1.2,0.2\n');
    const m = { file: 'm.csv', rows: 5, ids: ['a', 'z', 'c', 'd', 'b'] };
    assert.deepEqual(readRowList(join(dir, 'b.csv'), m), Int32Array.from([4, 0]));
    assert.deepEqual(readRowList(join(dir, 'b.csv'), { ...m, ids: null }), Int32Array.from([4, 0]));
    writeFileSync(join(dir, 'h.csv'), 'pick,score\n1,2\n');
    assert.throws(() => readRowList(join(dir, 'h.csv'), m), /h\.csv: line 1: a header without an 'id' or 'row' column/);
  } finally {
    cleanup();
  }
});
