/**
 * The γ explorer: a standalone HTML page (also shown as a notebook output) with sliders for γ and Q,
 * toggles for the relevance terms u and d and for deterministic picks, and a seed. Every change reruns
 * FALCUN in the browser — the same `src/acquisition/falcun.ts`, bundled with esbuild, no server — on a
 * stored 3-class MNIST pool and redraws the simplex: points coloured by their relevance before the
 * chosen pick, picks in red. Drawn on a <canvas> rather than with plotly so that the page stays ~100 kB
 * and a redraw takes a few milliseconds.
 *
 * The page exposes `window.falcunExplorer` ({ set(params), params, selection, millis }) for tests.
 */
import { buildSync } from 'esbuild';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sourceModulePath } from '../sourcePath.ts';
import type { ExplorerData } from './explorerData.ts';

/** Parameters the page starts with (and the test drives). */
export interface ExplorerParams {
  readonly gamma: number;
  readonly querySize: number;
  readonly useUncertainty: boolean;
  readonly useDiversity: boolean;
  readonly deterministic: boolean;
  readonly seed: number;
}

export const DEFAULT_EXPLORER_PARAMS: ExplorerParams = Object.freeze({
  gamma: 10,
  querySize: 20,
  useUncertainty: true,
  useDiversity: true,
  deterministic: false,
  seed: 0,
});

/** FALCUN's relevance option for the u/d toggles (at least one must be on). */
export function relevanceOption(useUncertainty: boolean, useDiversity: boolean): 'both' | 'uncertainty' | 'diversity' {
  if (useUncertainty && useDiversity) return 'both';
  if (useUncertainty) return 'uncertainty';
  if (useDiversity) return 'diversity';
  throw new RangeError('gammaExplorer: at least one of uncertainty (u) and diversity (d) must be on');
}

let bundle: string | undefined;
/** The browser bundle of FALCUN + Random (IIFE exposing `FalcunLab`), built once per process. */
export function explorerBundle(): string {
  if (bundle === undefined) {
    const r = buildSync({
      // Bundled from the TypeScript source whenever the checkout has it, also when this module runs compiled
      // from dist/ (notebooks): the page is then byte-identical whichever way it is made. Without src/, the
      // compiled browserEntry.js beside this file.
      entryPoints: [existsSync(sourceModulePath('explorer/browserEntry.ts')) ? sourceModulePath('explorer/browserEntry.ts') : resolve(import.meta.dirname, 'browserEntry.js')],
      bundle: true,
      format: 'iife',
      globalName: 'FalcunLab',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    bundle = r.outputFiles[0]!.text;
  }
  return bundle;
}

function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c');
}

/**
 * The explorer page as one self-contained HTML string.
 * @throws RangeError when the data is not N × 3 or the start parameters are out of range.
 */
export function gammaExplorerHtml(data: ExplorerData, params: Partial<ExplorerParams> = {}): string {
  const p = { ...DEFAULT_EXPLORER_PARAMS, ...params };
  if (data.probs.length !== data.n * 3) throw new RangeError(`gammaExplorerHtml: probs must hold n×3 = ${data.n * 3} values, got ${data.probs.length}`);
  if (!(p.gamma >= 0 && p.gamma <= 50)) throw new RangeError(`gammaExplorerHtml: gamma must be in [0, 50], got ${p.gamma}`);
  if (!Number.isInteger(p.querySize) || p.querySize < 1 || p.querySize > Math.min(100, data.n)) {
    throw new RangeError(`gammaExplorerHtml: querySize must be an integer in [1, ${Math.min(100, data.n)}], got ${p.querySize}`);
  }
  relevanceOption(p.useUncertainty, p.useDiversity);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>FALCUN γ explorer</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 12px; color: #222; }
  .wrap { display: flex; gap: 16px; align-items: flex-start; }
  .controls { flex: 0 0 260px; }
  .controls label { display: block; margin: 8px 0 2px; }
  .controls input[type=range] { width: 240px; }
  canvas { border: 1px solid #ddd; }
  .legend { font-size: 12px; color: #555; max-width: 560px; }
  #timing { font-variant-numeric: tabular-nums; }
</style></head><body>
<h3 style="margin:0 0 6px">FALCUN γ explorer — ${data.description.replace(/</g, '&lt;')}</h3>
<div class="wrap">
<div class="controls">
  <label>γ = <span id="gammaValue"></span></label><input id="gamma" type="range" min="0" max="50" step="0.5">
  <label>Q = <span id="qValue"></span></label><input id="q" type="range" min="1" max="${Math.min(100, data.n)}" step="1">
  <label>show relevance before pick <span id="pickValue"></span></label><input id="pick" type="range" min="1" step="1">
  <label><input id="useU" type="checkbox"> uncertainty u(x)</label>
  <label><input id="useD" type="checkbox"> diversity d(x)</label>
  <label><input id="det" type="checkbox"> deterministic (argmax) picks</label>
  <label>seed <input id="seed" type="number" min="0" step="1" style="width:80px"></label>
  <p id="timing"></p>
</div>
<div>
  <canvas id="simplex" width="520" height="470"></canvas>
  <p class="legend">Each dot is a pool point placed by its predicted class probabilities (corners: certain
  predictions). Colour: relevance r(x) before the chosen pick (dark = low, yellow = high; grey = already
  picked). Red rings: the Q points FALCUN picks. Probability of a pick ∝ r(x)<sup>γ</sup>.</p>
</div></div>
<script>${explorerBundle()}</script>
<script>
(function () {
  const DATA = ${scriptJson({ probs: data.probs, labels: data.labels, n: data.n, classNames: data.classNames })};
  const probs = Float32Array.from(DATA.probs);
  const n = DATA.n;
  const state = ${scriptJson(p)};
  state.pick = 1;
  const $ = (id) => document.getElementById(id);
  const canvas = $('simplex'), ctx = canvas.getContext('2d');
  const W = canvas.width, H = canvas.height, pad = 40, side = Math.min(W - 2 * pad, (H - 2 * pad) / 0.866);
  const corner = [[pad, H - pad], [pad + side, H - pad], [pad + side / 2, H - pad - side * 0.866]];
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    let x = 0, y = 0;
    for (let c = 0; c < 3; c++) { x += probs[3 * i + c] * corner[c][0]; y += probs[3 * i + c] * corner[c][1]; }
    xy[2 * i] = x; xy[2 * i + 1] = y;
  }
  function viridis(t) { // 5-stop approximation of matplotlib's viridis
    const s = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
    const f = Math.max(0, Math.min(1, t)) * 4, k = Math.min(3, Math.floor(f)), u = f - k;
    const a = s[k], b = s[k + 1];
    return 'rgb(' + [0, 1, 2].map((j) => Math.round(a[j] + (b[j] - a[j]) * u)).join(',') + ')';
  }
  const api = { params: state, selection: [], millis: 0, runs: 0 };
  function run() {
    const relevance = state.useUncertainty && state.useDiversity ? 'both' : state.useUncertainty ? 'uncertainty' : 'diversity';
    const t0 = performance.now();
    const strategy = new FalcunLab.Falcun({ gamma: state.gamma, relevance, deterministic: state.deterministic });
    const sel = strategy.select({ probs, numUnlabeled: n, numClasses: 3 }, state.querySize,
      { random: new FalcunLab.Random(state.seed), trace: { relevance: true } });
    const t1 = performance.now();
    draw(sel);
    const t2 = performance.now();
    api.selection = Array.from(sel.indices);
    api.millis = t2 - t0;
    api.runs++;
    $('timing').textContent = 'FALCUN ' + (t1 - t0).toFixed(1) + ' ms + redraw ' + (t2 - t1).toFixed(1) + ' ms (N = ' + n + ')';
  }
  function draw(sel) {
    ctx.clearRect(0, 0, W, H);
    ctx.strokeStyle = '#999'; ctx.beginPath(); ctx.moveTo(corner[0][0], corner[0][1]);
    ctx.lineTo(corner[1][0], corner[1][1]); ctx.lineTo(corner[2][0], corner[2][1]); ctx.closePath(); ctx.stroke();
    ctx.fillStyle = '#333'; ctx.font = '13px sans-serif';
    ctx.fillText(DATA.classNames[0], corner[0][0] - 30, corner[0][1] + 20);
    ctx.fillText(DATA.classNames[1], corner[1][0] + 4, corner[1][1] + 20);
    ctx.fillText(DATA.classNames[2], corner[2][0] - 8, corner[2][1] - 10);
    const k = Math.min(state.pick, state.querySize) - 1;
    const r = sel.trace && sel.trace.relevance ? sel.trace.relevance[k] : null;
    let lo = Infinity, hi = -Infinity;
    if (r) for (let i = 0; i < n; i++) { const v = r[i]; if (v === v) { if (v < lo) lo = v; if (v > hi) hi = v; } }
    const range = hi > lo ? hi - lo : 1;
    for (let i = 0; i < n; i++) {
      const v = r ? r[i] : NaN;
      ctx.fillStyle = v === v ? viridis((v - lo) / range) : '#bbb';
      ctx.fillRect(xy[2 * i] - 1.5, xy[2 * i + 1] - 1.5, 3, 3);
    }
    ctx.lineWidth = 2;
    sel.indices.forEach((i, j) => {
      ctx.strokeStyle = j === k ? '#000' : '#d62728';
      ctx.beginPath(); ctx.arc(xy[2 * i], xy[2 * i + 1], j === k ? 7 : 5, 0, 2 * Math.PI); ctx.stroke();
    });
    ctx.lineWidth = 1;
  }
  function syncControls() {
    $('gamma').value = state.gamma; $('gammaValue').textContent = state.gamma;
    $('q').value = state.querySize; $('qValue').textContent = state.querySize;
    $('pick').max = state.querySize; state.pick = Math.min(state.pick, state.querySize);
    $('pick').value = state.pick; $('pickValue').textContent = state.pick;
    $('useU').checked = state.useUncertainty; $('useD').checked = state.useDiversity;
    $('det').checked = state.deterministic; $('seed').value = state.seed;
  }
  api.set = function (changes) {
    Object.assign(state, changes);
    if (!state.useUncertainty && !state.useDiversity) state.useUncertainty = true; // one term must stay on
    syncControls();
    run();
    return api.selection;
  };
  $('gamma').addEventListener('input', (e) => api.set({ gamma: Number(e.target.value) }));
  $('q').addEventListener('input', (e) => api.set({ querySize: Number(e.target.value) }));
  $('pick').addEventListener('input', (e) => api.set({ pick: Number(e.target.value) }));
  $('useU').addEventListener('change', (e) => api.set({ useUncertainty: e.target.checked }));
  $('useD').addEventListener('change', (e) => api.set({ useDiversity: e.target.checked }));
  $('det').addEventListener('change', (e) => api.set({ deterministic: e.target.checked }));
  $('seed').addEventListener('change', (e) => api.set({ seed: Math.max(0, Math.floor(Number(e.target.value) || 0)) }));
  window.falcunExplorer = api;
  api.set({});
})();
</script></body></html>
`;
}

/**
 * The page wrapped in an <iframe srcdoc> for a notebook output: the page's element ids and globals stay
 * inside the frame, so several explorers can live in one notebook.
 */
export function gammaExplorerIframe(html: string, height = 600): string {
  const escaped = html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe srcdoc="${escaped}" style="width:100%;max-width:900px;height:${height}px;border:0"></iframe>`;
}
