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
import type { ExplorerCurves } from './explorerCurves.ts';
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

export interface ExplorerPageOptions {
  /** The Table 3 curves per γ shown beside the picks (explorerCurves.ts); absent: the panel says why. */
  readonly curves?: ExplorerCurves;
  /** Shown in the curves panel when `curves` is absent. */
  readonly curvesMissing?: string;
}

/**
 * The explorer page as one self-contained HTML string: controls, the pool's probabilities (simplex for
 * C = 3, the regular C-gon projection Σ p_k·v_k otherwise) coloured by r(x) on a fixed scale with a colour
 * bar, FALCUN's picks numbered in pick order, a legend, a file input that loads another probability table
 * (.npy or CSV, N × C, any C) in the page, and beside it the Table 3 learning curves per γ with the slider's
 * γ highlighted. γ is disabled while picks are deterministic (the argmax ignores it).
 * @throws RangeError when the data is not N × C probabilities or the start parameters are out of range.
 */
export function gammaExplorerHtml(data: ExplorerData, params: Partial<ExplorerParams> = {}, options: ExplorerPageOptions = {}): string {
  const p = { ...DEFAULT_EXPLORER_PARAMS, ...params };
  const c = data.classNames.length;
  if (c < 2 || data.probs.length !== data.n * c) throw new RangeError(`gammaExplorerHtml: probs must hold n×C = ${data.n}×${c} values, got ${data.probs.length}`);
  if (!(p.gamma >= 0 && p.gamma <= 50)) throw new RangeError(`gammaExplorerHtml: gamma must be in [0, 50], got ${p.gamma}`);
  if (!Number.isInteger(p.querySize) || p.querySize < 1 || p.querySize > Math.min(100, data.n)) {
    throw new RangeError(`gammaExplorerHtml: querySize must be an integer in [1, ${Math.min(100, data.n)}], got ${p.querySize}`);
  }
  relevanceOption(p.useUncertainty, p.useDiversity);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>FALCUN γ explorer</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 12px; color: #222; }
  .wrap { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
  .controls { flex: 0 0 250px; }
  .controls label { display: block; margin: 8px 0 2px; }
  .controls input[type=range] { width: 230px; }
  .controls input:disabled + .note, .note { color: #777; font-size: 12px; }
  canvas { border: 1px solid #ddd; display: block; }
  .legend { font-size: 12px; color: #444; max-width: 560px; margin: 6px 0 0; padding-left: 0; list-style: none; }
  .legend li { margin: 2px 0; }
  .sym { display: inline-block; width: 14px; text-align: center; }
  #timing, #source { font-variant-numeric: tabular-nums; font-size: 12px; color: #555; }
  #fileError { color: #b00; font-size: 12px; }
  .panel h4 { margin: 0 0 4px; font-size: 14px; }
</style></head><body>
<h3 style="margin:0 0 6px">FALCUN γ explorer</h3>
<div id="source"></div>
<div class="wrap">
<div class="controls">
  <label for="gamma">γ = <span id="gammaValue"></span></label><input id="gamma" type="range" min="0" max="50" step="0.5">
  <div id="gammaNote" class="note"></div>
  <label for="q">Q = <span id="qValue"></span></label><input id="q" type="range" min="1" step="1">
  <label for="pick">colours: relevance before pick <span id="pickValue"></span></label><input id="pick" type="range" min="1" step="1">
  <label><input id="useU" type="checkbox"> uncertainty u(x)</label>
  <label><input id="useD" type="checkbox"> diversity d(x)</label>
  <label><input id="det" type="checkbox"> deterministic (argmax) picks</label>
  <label>seed <input id="seed" type="number" min="0" step="1" style="width:80px"></label>
  <label for="probsFile">your probabilities (.npy or .csv, N × C)</label><input id="probsFile" type="file" accept=".npy,.csv,.txt">
  <div id="fileError"></div>
  <p id="timing"></p>
</div>
<div class="panel">
  <canvas id="simplex" width="600" height="470"></canvas>
  <ul class="legend">
    <li><span class="sym">●</span> a pool point, placed by its predicted class probabilities (corner = certain); colour = its relevance r(x) before the pick set by the ‘colours’ slider, on the fixed scale of the colour bar</li>
    <li><span class="sym" style="color:#bbb">●</span> already picked before that pick</li>
    <li><span class="sym" style="color:#d62728">◯</span> FALCUN's picks, numbered in pick order; <span class="sym">◯</span> (black, larger) the pick whose relevance the colours show</li>
    <li>a pick is drawn with probability ∝ r(x)<sup>γ</sup> (γ = 0: uniform; deterministic: the largest r(x))</li>
  </ul>
</div>
<div class="panel">
  <h4>What γ did to accuracy (paper Table 3 runs)</h4>
  <canvas id="curves" width="420" height="320"></canvas>
  <div id="curvesNote" class="note" style="max-width:420px"></div>
</div>
</div>
<script>${explorerBundle()}</script>
<script>
(function () {
  const STORED = ${scriptJson({ probs: data.probs, n: data.n, classNames: data.classNames, description: data.description })};
  const CURVES = ${scriptJson(options.curves ?? null)};
  const CURVES_MISSING = ${scriptJson(options.curvesMissing ?? 'no Table 3 results were given to this page')};
  const state = ${scriptJson(p)};
  state.pick = 1;
  const $ = (id) => document.getElementById(id);
  const canvas = $('simplex'), ctx = canvas.getContext('2d');
  const W = canvas.width, H = canvas.height, BAR = 70, pad = 40;
  const api = { params: state, selection: [], millis: 0, runs: 0, numClasses: 0, n: 0 };
  let probs, n, C, names, xy, corner;

  // Placement: the simplex for C = 3; for any C the point Σ p_k·v_k with v_k on a regular C-gon
  // (for C = 3 the same triangle), so corners still mean certain predictions.
  function setData(d, label) {
    probs = Float32Array.from(d.probs); n = d.n; C = d.classNames.length; names = d.classNames;
    if (C === 3) {
      const side = Math.min(W - BAR - 2 * pad, (H - 2 * pad) / 0.866);
      corner = [[pad, H - pad], [pad + side, H - pad], [pad + side / 2, H - pad - side * 0.866]];
    } else {
      const cx = (W - BAR) / 2, cy = H / 2, R = Math.min(W - BAR, H) / 2 - pad;
      corner = Array.from({ length: C }, (_, k) => [cx + R * Math.sin((2 * Math.PI * k) / C), cy - R * Math.cos((2 * Math.PI * k) / C)]);
    }
    xy = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      let x = 0, y = 0;
      for (let k = 0; k < C; k++) { x += probs[C * i + k] * corner[k][0]; y += probs[C * i + k] * corner[k][1]; }
      xy[2 * i] = x; xy[2 * i + 1] = y;
    }
    api.numClasses = C; api.n = n;
    $('q').max = Math.min(100, n);
    state.querySize = Math.min(state.querySize, n);
    $('source').textContent = label + ' — N = ' + n + ', C = ' + C + (C === 3 ? ' (probability simplex)' : ' (each point at Σ p_k·v_k, the classes v_k on a regular ' + C + '-gon)');
  }

  function viridis(t) { // 5-stop approximation of matplotlib's viridis
    const s = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
    const f = Math.max(0, Math.min(1, t)) * 4, k = Math.min(3, Math.floor(f)), u = f - k;
    const a = s[k], b = s[k + 1];
    return 'rgb(' + [0, 1, 2].map((j) => Math.round(a[j] + (b[j] - a[j]) * u)).join(',') + ')';
  }
  // r = u + d with u, d in [0, 1]: the colour scale is fixed at [0, number of terms], the same for every pick and γ.
  const rMax = () => (state.useUncertainty ? 1 : 0) + (state.useDiversity ? 1 : 0);

  function run() {
    const relevance = state.useUncertainty && state.useDiversity ? 'both' : state.useUncertainty ? 'uncertainty' : 'diversity';
    const t0 = performance.now();
    const strategy = new FalcunLab.Falcun({ gamma: state.gamma, relevance, deterministic: state.deterministic });
    const sel = strategy.select({ probs, numUnlabeled: n, numClasses: C }, state.querySize,
      { random: new FalcunLab.Random(state.seed), trace: { relevance: true } });
    const t1 = performance.now();
    draw(sel);
    drawCurves();
    const t2 = performance.now();
    api.selection = Array.from(sel.indices);
    api.millis = t2 - t0;
    api.runs++;
    $('timing').textContent = 'FALCUN ' + (t1 - t0).toFixed(1) + ' ms + redraw ' + (t2 - t1).toFixed(1) + ' ms (N = ' + n + ')';
  }

  function draw(sel) {
    ctx.clearRect(0, 0, W, H);
    ctx.strokeStyle = '#999'; ctx.beginPath(); ctx.moveTo(corner[0][0], corner[0][1]);
    for (let k = 1; k < C; k++) ctx.lineTo(corner[k][0], corner[k][1]);
    ctx.closePath(); ctx.stroke();
    ctx.fillStyle = '#333'; ctx.font = '13px sans-serif'; ctx.textAlign = 'center';
    const cx = corner.reduce((s, v) => s + v[0], 0) / C, cy = corner.reduce((s, v) => s + v[1], 0) / C;
    for (let k = 0; k < C; k++) {
      const dx = corner[k][0] - cx, dy = corner[k][1] - cy, len = Math.hypot(dx, dy) || 1;
      ctx.fillText(String(names[k]), corner[k][0] + (16 * dx) / len, corner[k][1] + (16 * dy) / len + 4);
    }
    const k = Math.min(state.pick, state.querySize) - 1;
    const r = sel.trace && sel.trace.relevance ? sel.trace.relevance[k] : null;
    const top = rMax();
    for (let i = 0; i < n; i++) {
      const v = r ? r[i] : NaN;
      ctx.fillStyle = v === v ? viridis(v / top) : '#bbb';
      ctx.fillRect(xy[2 * i] - 1.5, xy[2 * i + 1] - 1.5, 3, 3);
    }
    ctx.lineWidth = 2; ctx.font = '10px sans-serif'; ctx.textAlign = 'left';
    sel.indices.forEach((i, j) => {
      ctx.strokeStyle = j === k ? '#000' : '#d62728';
      ctx.beginPath(); ctx.arc(xy[2 * i], xy[2 * i + 1], j === k ? 7 : 5, 0, 2 * Math.PI); ctx.stroke();
      ctx.fillStyle = j === k ? '#000' : '#a01010';
      ctx.fillText(String(j + 1), xy[2 * i] + 6, xy[2 * i + 1] - 5);
    });
    ctx.lineWidth = 1;
    // Colour bar: fixed scale [0, rMax].
    const bx = W - BAR + 18, by = 40, bh = H - 100, bw = 14;
    for (let y = 0; y < bh; y++) { ctx.fillStyle = viridis(1 - y / (bh - 1)); ctx.fillRect(bx, by + y, bw, 1); }
    ctx.strokeStyle = '#666'; ctx.strokeRect(bx, by, bw, bh);
    ctx.fillStyle = '#333'; ctx.font = '11px sans-serif'; ctx.textAlign = 'left';
    [0, 0.5, 1].forEach((f) => ctx.fillText((f * top).toFixed(1), bx + bw + 4, by + (1 - f) * bh + 4));
    ctx.textAlign = 'center'; ctx.fillText('r(x)', bx + bw / 2, by - 8);
  }

  // The curves of the Table 3 runs, the slider's γ (or the nearest one run, or 'det') highlighted.
  const cc = $('curves').getContext('2d');
  function highlighted() {
    if (!CURVES) return null;
    if (state.deterministic) return CURVES.curves.find((c) => c.gamma === null) || null;
    let best = null;
    for (const c of CURVES.curves) if (c.gamma !== null && (best === null || Math.abs(Math.log1p(c.gamma) - Math.log1p(state.gamma)) < Math.abs(Math.log1p(best.gamma) - Math.log1p(state.gamma)))) best = c;
    return best;
  }
  function drawCurves() {
    const cw = cc.canvas.width, ch = cc.canvas.height, L = 46, R = 44, T = 10, B = 36;
    cc.clearRect(0, 0, cw, ch);
    if (!CURVES) { $('curvesNote').textContent = CURVES_MISSING; return; }
    const pts = CURVES.curves.flatMap((c) => c.points);
    const x0 = Math.min(...pts.map((q) => q[0])), x1 = Math.max(...pts.map((q) => q[0]));
    const y0 = Math.min(...pts.map((q) => q[1])), y1 = Math.max(...pts.map((q) => q[1]));
    const X = (v) => L + ((v - x0) / (x1 - x0 || 1)) * (cw - L - R), Y = (v) => ch - B - ((v - y0) / (y1 - y0 || 1)) * (ch - T - B);
    cc.strokeStyle = '#999'; cc.strokeRect(L, T, cw - L - R, ch - T - B);
    cc.fillStyle = '#333'; cc.font = '11px sans-serif'; cc.textAlign = 'center';
    [x0, (x0 + x1) / 2, x1].forEach((v) => cc.fillText(String(Math.round(v)), X(v), ch - B + 14));
    cc.fillText('labels', L + (cw - L - R) / 2, ch - 6);
    cc.textAlign = 'right';
    [y0, (y0 + y1) / 2, y1].forEach((v) => cc.fillText((100 * v).toFixed(1) + '%', L - 4, Y(v) + 4));
    const hi = highlighted();
    const order = CURVES.curves.filter((c) => c !== hi).concat(hi ? [hi] : []);
    for (const c of order) {
      cc.strokeStyle = c === hi ? '#d62728' : '#bbb'; cc.lineWidth = c === hi ? 3 : 1.2;
      cc.beginPath(); c.points.forEach((q, j) => (j ? cc.lineTo(X(q[0]), Y(q[1])) : cc.moveTo(X(q[0]), Y(q[1])))); cc.stroke();
    }
    // End labels inside the plot, pushed apart to at least 12 px (curves often end close together).
    const labels = CURVES.curves.map((c) => ({ c, y: Y(c.points[c.points.length - 1][1]) })).sort((a, b) => a.y - b.y);
    labels.forEach((l, j) => { l.y = Math.max(l.y, T + 10, j ? labels[j - 1].y + 12 : -Infinity); });
    for (let j = labels.length - 1; j >= 0; j--) labels[j].y = Math.min(labels[j].y, j < labels.length - 1 ? labels[j + 1].y - 12 : ch - B - 4);
    cc.textAlign = 'left';
    for (const l of labels) {
      cc.fillStyle = l.c === hi ? '#d62728' : '#777'; cc.font = l.c === hi ? 'bold 11px sans-serif' : '10px sans-serif';
      cc.fillText(l.c.gamma === null ? 'det.' : 'γ=' + l.c.gamma, cw - R + 4, l.y + 4);
    }
    cc.lineWidth = 1;
    api.highlightedCurve = hi ? hi.label : null;
    const exact = hi && (state.deterministic || hi.gamma === state.gamma);
    $('curvesNote').textContent = CURVES.dataset + ', mean test accuracy over ' + CURVES.seeds + ' seed(s), relevance u + d; from ' + CURVES.source + '. ' +
      (hi ? (exact ? 'Red: ' + (hi.gamma === null ? 'deterministic picks' : 'γ = ' + hi.gamma) + ', as on the slider.' : 'Red: γ = ' + hi.gamma + ', the nearest γ that was run to the slider\u2019s ' + state.gamma + '.')
        : state.deterministic ? 'These results hold no run with deterministic picks, so no curve is red.' : '');
  }

  function syncControls() {
    $('gamma').value = state.gamma; $('gammaValue').textContent = state.gamma;
    $('gamma').disabled = state.deterministic;
    $('gammaNote').textContent = state.deterministic ? 'γ has no effect: deterministic picks take the largest r(x)' : '';
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

  // A probability table from a file: .npy (float32/float64, shape (N, C), C order) or CSV/whitespace text
  // (one row per point; a header row of class names is taken when it is not numeric).
  function parseNpy(buf) {
    const b = new Uint8Array(buf);
    if (b[0] !== 0x93 || String.fromCharCode(b[1], b[2], b[3], b[4], b[5]) !== 'NUMPY') throw new Error('not a .npy file (no \\\\x93NUMPY magic)');
    const major = b[6], hlen = major === 1 ? b[8] | (b[9] << 8) : new DataView(buf).getUint32(8, true), off = major === 1 ? 10 : 12;
    const header = new TextDecoder().decode(b.subarray(off, off + hlen));
    const descr = /'descr':\\s*'([^']+)'/.exec(header), shape = /'shape':\\s*\\((\\d+),\\s*(\\d+)\\)/.exec(header);
    if (/'fortran_order':\\s*True/.test(header)) throw new Error('Fortran-ordered arrays are not supported; save with np.ascontiguousarray');
    if (!descr || !shape) throw new Error('need a 2-D array of shape (N, C); header was ' + header.trim());
    const rows = +shape[1], cols = +shape[2], data = buf.slice(off + hlen);
    let values;
    if (descr[1] === '<f4') values = new Float32Array(data, 0, rows * cols);
    else if (descr[1] === '<f8') values = new Float64Array(data, 0, rows * cols);
    else throw new Error('dtype ' + descr[1] + ' is not supported; use float32 or float64');
    return { rows, cols, values: Array.from(values), header: null };
  }
  function parseCsv(text) {
    const lines = text.split(/\\r?\\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    const split = (l) => l.split(/[,;\\t ]+/).filter((x) => x !== '');
    let header = null;
    if (lines.length && split(lines[0]).some((x) => Number.isNaN(Number(x)))) header = split(lines.shift());
    const rows = lines.map(split), cols = rows.length ? rows[0].length : 0;
    rows.forEach((r, i) => { if (r.length !== cols) throw new Error('row ' + (i + 1) + ' has ' + r.length + ' values, the first has ' + cols); });
    return { rows: rows.length, cols, values: rows.flat().map(Number), header };
  }
  api.loadProbabilities = function (name, content) {
    const t = typeof content === 'string' ? parseCsv(content) : parseNpy(content);
    if (t.rows < 2 || t.cols < 2) throw new Error('need at least 2 rows and 2 classes, got ' + t.rows + ' × ' + t.cols);
    for (let i = 0; i < t.rows; i++) {
      let s = 0;
      for (let k = 0; k < t.cols; k++) { const v = t.values[i * t.cols + k]; if (!(v >= 0 && v <= 1)) throw new Error('row ' + (i + 1) + ', class ' + k + ': ' + v + ' is not a probability in [0, 1]'); s += v; }
      if (Math.abs(s - 1) > 1e-3) throw new Error('row ' + (i + 1) + ' sums to ' + s.toFixed(4) + '; each row must hold class probabilities summing to 1');
    }
    const classNames = t.header && t.header.length === t.cols ? t.header : Array.from({ length: t.cols }, (_, k) => 'class ' + k);
    setData({ probs: t.values, n: t.rows, classNames }, name);
    $('fileError').textContent = '';
    api.set({ pick: 1 });
    return { n: t.rows, numClasses: t.cols };
  };
  $('probsFile').addEventListener('change', (e) => {
    const f = e.target.files && e.target.files[0];
    if (!f) return;
    const isNpy = /\\.npy$/i.test(f.name);
    const reader = new FileReader();
    reader.onload = () => { try { api.loadProbabilities(f.name, reader.result); } catch (err) { $('fileError').textContent = f.name + ': ' + err.message; } };
    if (isNpy) reader.readAsArrayBuffer(f); else reader.readAsText(f);
  });

  $('gamma').addEventListener('input', (e) => api.set({ gamma: Number(e.target.value) }));
  $('q').addEventListener('input', (e) => api.set({ querySize: Number(e.target.value) }));
  $('pick').addEventListener('input', (e) => api.set({ pick: Number(e.target.value) }));
  $('useU').addEventListener('change', (e) => api.set({ useUncertainty: e.target.checked }));
  $('useD').addEventListener('change', (e) => api.set({ useDiversity: e.target.checked }));
  $('det').addEventListener('change', (e) => api.set({ deterministic: e.target.checked }));
  $('seed').addEventListener('change', (e) => api.set({ seed: Math.max(0, Math.floor(Number(e.target.value) || 0)) }));
  window.falcunExplorer = api;
  setData(STORED, STORED.description);
  api.set({});
})();
</script></body></html>
`;
}

/**
 * The page wrapped in an <iframe srcdoc> for a notebook output: the page's element ids and globals stay
 * inside the frame, so several explorers can live in one notebook. The frame takes the height of its page
 * once loaded and whenever the page's height changes (the panels wrap below each other in a narrow output
 * area, a loaded file changes the text), so nothing is cut off; `height` is the height before that.
 */
export function gammaExplorerIframe(html: string, height = 940): string {
  const escaped = html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const fit =
    "try{var f=this,b=f.contentDocument.body,h=function(){f.style.height=(b.scrollHeight+32)+'px';};" +
    "h();if(window.ResizeObserver)new ResizeObserver(h).observe(b);}catch(e){}";
  return `<iframe srcdoc="${escaped}" style="width:100%;height:${height}px;border:0" onload="${fit}"></iframe>`;
}
