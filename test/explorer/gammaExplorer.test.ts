/**
 * The γ explorer in headless Chromium: moving the controls reruns FALCUN in the page, and the page's
 * selection equals what the Node implementation selects for the same parameters and seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { Falcun } from '../../src/acquisition/falcun.ts';
import { Random } from '../../src/random.ts';
import { loadExplorerData } from '../../src/explorer/explorerData.ts';
import { gammaExplorerHtml, relevanceOption, type ExplorerParams, DEFAULT_EXPLORER_PARAMS } from '../../src/explorer/gammaExplorer.ts';
import { CHROMIUM_FLAGS, DEFAULT_CHROMIUM } from '../../src/figures/export.ts';
import { skipUnless } from '../systemTools.ts';

const data = loadExplorerData();
const probs = Float32Array.from(data.probs);

function nodeSelection(p: ExplorerParams): number[] {
  const s = new Falcun({ gamma: p.gamma, relevance: relevanceOption(p.useUncertainty, p.useDiversity), deterministic: p.deterministic });
  return Array.from(s.select({ probs, numUnlabeled: data.n, numClasses: 3 }, p.querySize, { random: new Random(p.seed) }).indices);
}

test('stored explorer pool is a valid 3-class probability table', () => {
  assert.equal(data.probs.length, data.n * 3);
  for (let i = 0; i < data.n; i++) {
    const s = data.probs[3 * i]! + data.probs[3 * i + 1]! + data.probs[3 * i + 2]!;
    assert.ok(Math.abs(s - 1) < 1e-4, `row ${i} sums to ${s}`);
  }
});

test('explorer rejects impossible start parameters', () => {
  assert.throws(() => gammaExplorerHtml(data, { gamma: -1 }), /gamma must be in \[0, 50\]/);
  assert.throws(() => gammaExplorerHtml(data, { querySize: 0 }), /querySize/);
  assert.throws(() => gammaExplorerHtml(data, { useUncertainty: false, useDiversity: false }), /at least one/);
});

const skip = skipUnless(existsSync(DEFAULT_CHROMIUM), `Chromium not found at ${DEFAULT_CHROMIUM} (apt-get install chromium)`);

test('moving the sliders in Chromium reruns FALCUN and matches the Node selection', { skip, timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'falcun-explorer-'));
  const file = join(dir, 'explorer.html');
  writeFileSync(file, gammaExplorerHtml(data));
  const browser = await chromium.launch({ executablePath: DEFAULT_CHROMIUM, args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => (window as any).falcunExplorer?.runs >= 1);
    const read = () => page.evaluate(() => ({ sel: (window as any).falcunExplorer.selection as number[], ms: (window as any).falcunExplorer.millis as number }));

    const first = await read();
    assert.deepEqual(first.sel, nodeSelection(DEFAULT_EXPLORER_PARAMS));

    // The γ slider, as a user drags it: fill() sets the value and fires 'input'.
    await page.locator('#gamma').fill('1');
    const low = await read();
    assert.notDeepEqual(low.sel, first.sel, 'changing γ did not change the selection');
    assert.deepEqual(low.sel, nodeSelection({ ...DEFAULT_EXPLORER_PARAMS, gamma: 1 }));

    await page.locator('#q').fill('40');
    await page.locator('#det').check();
    await page.locator('#useD').uncheck();
    const det = await read();
    assert.equal(det.sel.length, 40);
    assert.deepEqual(det.sel, nodeSelection({ ...DEFAULT_EXPLORER_PARAMS, gamma: 1, querySize: 40, deterministic: true, useDiversity: false }));

    await page.locator('#det').uncheck();
    await page.locator('#useD').check();
    await page.locator('#seed').fill('7');
    await page.locator('#seed').dispatchEvent('change');
    const seeded = await read();
    assert.deepEqual(seeded.sel, nodeSelection({ ...DEFAULT_EXPLORER_PARAMS, gamma: 1, querySize: 40, seed: 7 }));
    assert.deepEqual(errors, []);
    t.diagnostic(`explorer rerun + redraw: ${first.ms.toFixed(1)} / ${low.ms.toFixed(1)} / ${det.ms.toFixed(1)} / ${seeded.ms.toFixed(1)} ms (N = ${data.n})`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the committed figures/gamma-explorer.html selects what the current Node FALCUN selects', { skip, timeout: 120_000 }, async () => {
  // The page bundles FALCUN: after a change to FALCUN or the explorer, `npm run explorer` must refresh it.
  // (Its bytes depend on whether the bundle came from src/ or dist/, so the picks are compared, not the file.)
  const file = resolve(import.meta.dirname, '..', '..', 'figures', 'gamma-explorer.html');
  const browser = await chromium.launch({ executablePath: DEFAULT_CHROMIUM, args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => (window as any).falcunExplorer?.runs >= 1);
    const selection = () => page.evaluate(() => (window as any).falcunExplorer.selection as number[]);
    const stale = 'figures/gamma-explorer.html is stale: run `npm run explorer` and commit it';
    await page.locator('#gamma').fill('3');
    await page.locator('#q').fill('25');
    assert.deepEqual(await selection(), nodeSelection({ ...DEFAULT_EXPLORER_PARAMS, gamma: 3, querySize: 25 }), stale);
    await page.locator('#det').check();
    assert.deepEqual(await selection(), nodeSelection({ ...DEFAULT_EXPLORER_PARAMS, gamma: 3, querySize: 25, deterministic: true }), stale);
  } finally {
    await browser.close();
  }
});

/** A .npy file (format 1.0) of a float32 C-order N × C array. */
function npyBytes(values: Float32Array, rows: number, cols: number): Buffer {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  return Buffer.concat([head, Buffer.from(header, 'latin1'), Buffer.from(values.buffer, values.byteOffset, values.byteLength)]);
}

test('the page loads a probability file of any C (.npy and CSV), reruns FALCUN on it, and disables γ under deterministic picks', { skip, timeout: 120_000 }, async () => {
  const rows = 300;
  const cols = 5;
  const rng = new Random('explorer-file');
  const p = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let k = 0; k < cols; k++) s += p[i * cols + k] = Math.exp(3 * rng.uniform());
    for (let k = 0; k < cols; k++) p[i * cols + k] = p[i * cols + k]! / s;
  }
  const expected = (q: number) => Array.from(new Falcun({ gamma: 10 }).select({ probs: p, numUnlabeled: rows, numClasses: cols }, q, { random: new Random(0) }).indices);
  const curves = { dataset: 'mnist', source: 'test', seeds: 1, curves: [{ gamma: 0, label: 'falcun-g0', points: [[10, 0.5], [20, 0.6]] as [number, number][] }, { gamma: 10, label: 'falcun-g10-ud', points: [[10, 0.5], [20, 0.7]] as [number, number][] }, { gamma: null, label: 'falcun-det-ud', points: [[10, 0.5], [20, 0.55]] as [number, number][] }] };
  const dir = mkdtempSync(join(tmpdir(), 'falcun-explorer-file-'));
  const file = join(dir, 'explorer.html');
  writeFileSync(file, gammaExplorerHtml(data, {}, { curves }));
  const browser = await chromium.launch({ executablePath: DEFAULT_CHROMIUM, args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => (window as any).falcunExplorer?.runs >= 1);
    const api = () => page.evaluate(() => ({ sel: (window as any).falcunExplorer.selection as number[], c: (window as any).falcunExplorer.numClasses as number, hi: (window as any).falcunExplorer.highlightedCurve as string }));
    assert.equal((await api()).hi, 'falcun-g10-ud', 'the slider\'s γ = 10 curve is highlighted');

    await page.locator('#probsFile').setInputFiles({ name: 'probs.npy', mimeType: 'application/octet-stream', buffer: npyBytes(p, rows, cols) });
    await page.waitForFunction(() => (window as any).falcunExplorer.numClasses === 5);
    assert.deepEqual((await api()).sel, expected(20), '.npy: the page selects what Node selects');

    const csv = ['a,b,c,d,e', ...Array.from({ length: rows }, (_, i) => Array.from(p.subarray(i * cols, (i + 1) * cols), (v) => v.toPrecision(9)).join(','))].join('\n');
    await page.locator('#q').fill('7');
    await page.locator('#probsFile').setInputFiles({ name: 'probs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => (window as any).falcunExplorer.runs >= 4);
    assert.equal((await api()).c, 5);
    assert.equal((await page.locator('#source').textContent())?.startsWith('probs.csv'), true);

    await page.locator('#probsFile').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('0.5,0.6\n0.2,0.8\n') });
    await page.waitForFunction(() => (document.getElementById('fileError')?.textContent ?? '') !== '');
    assert.match((await page.locator('#fileError').textContent()) ?? '', /bad\.csv: row 1 sums to 1\.1000/);

    assert.equal(await page.locator('#gamma').isDisabled(), false);
    await page.locator('#det').check();
    assert.equal(await page.locator('#gamma').isDisabled(), true, 'γ must be disabled under deterministic picks');
    assert.match((await page.locator('#gammaNote').textContent()) ?? '', /no effect/);
    assert.equal((await api()).hi, 'falcun-det-ud');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
