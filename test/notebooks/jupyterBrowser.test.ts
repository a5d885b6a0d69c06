/**
 * A notebook used as a researcher uses it: Jupyter started (npm run jupyter's set-up), the Fig. 1 notebook
 * opened in headless Chromium, Run All from the page's menu, the figure drawn in full inside the output
 * area, a parameter changed in the parameter cell changes the figure, saving writes the file stripped
 * (byte-identical to the committed file when nothing was edited), and figures/ is untouched by git. Then the
 * index and the γ explorer notebooks, Run All with their defaults: no error, the index table and the explorer
 * page drawn in full. Afterwards no process of this test's Jupyter server (kernels, their Chromium) is left.
 * Screenshots go to $FALCUN_SCREENSHOTS when set (to look at them).
 * No timing assertions: the waits are generous (a busy 2-core machine runs the kernels slowly).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, DEFAULT_CHROMIUM } from '../../src/figures/export.ts';
import { isStripped } from '../../scripts/notebooks/strip.ts';
import { skipUnless } from '../systemTools.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const NOTEBOOK = '01-fig1-simplex.ipynb';
const jupyter = spawnSync('jupyter', ['notebook', '--version'], { encoding: 'utf8' });
const skip = skipUnless(jupyter.status === 0 && existsSync(DEFAULT_CHROMIUM), 'Jupyter notebook and Chromium are needed: bash scripts/setup-system.sh');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? ok(a.port) : fail(new Error('no port'))));
    });
  });
}

async function waitForHttp(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error(`Jupyter did not answer at ${url} within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Processes whose environment holds `marker` (the server, its kernels and their Chromium inherit it). */
function processesWith(marker: string): Array<{ pid: number; cmd: string }> {
  const out: Array<{ pid: number; cmd: string }> = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${d}/environ`, 'latin1').includes(marker)) continue;
      out.push({ pid: Number(d), cmd: readFileSync(`/proc/${d}/cmdline`, 'latin1').replace(/\0/g, ' ').slice(0, 160) });
    } catch {
      /* gone meanwhile, or not ours to read */
    }
  }
  return out;
}

/** Waits until no process carries `marker` (up to `ms`); then kills what is left and returns it. */
async function reapProcesses(marker: string, ms: number): Promise<Array<{ pid: number; cmd: string }>> {
  const end = Date.now() + ms;
  for (;;) {
    const left = processesWith(marker);
    if (left.length === 0) return [];
    if (Date.now() > end) {
      for (const p of left) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      return left;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Opens a notebook in a new page and waits for its kernel (slow on a busy machine: generous limits). */
async function openNotebook(browser: Browser, port: number, notebook: string, pageErrors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  // The notebook page loads require.js, CodeMirror and the kernel: slow on a busy 2-core machine.
  page.setDefaultTimeout(180_000);
  page.on('pageerror', (e) => pageErrors.push(`${notebook}: ${e.message}`));
  await page.goto(`http://127.0.0.1:${port}/notebooks/${notebook}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => (window as any).Jupyter?.notebook?.kernel?.is_connected?.() === true, undefined, { timeout: 300_000, polling: 500 });
  return page;
}

/** Run All from the Cell menu, then wait until every code cell has run (prompt number, kernel idle). */
async function runAll(page: Page): Promise<void> {
  await page.click('#celllink');
  await page.click('#run_all_cells');
  await page.waitForFunction(
    () => {
      const J = (window as any).Jupyter;
      const cells = J.notebook.get_cells().filter((c: any) => c.cell_type === 'code');
      return cells.every((c: any) => typeof c.input_prompt_number === 'number') && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
    },
    undefined,
    { timeout: 10 * 60_000, polling: 500 },
  );
}

/** Errors shown in outputs, and the drawn figure's data (plotly keeps it on the div). */
async function state(page: Page) {
  return page.evaluate(() => {
    const errors = Array.from(document.querySelectorAll('.output_error, .output_stderr')).map((e) => (e.textContent ?? '').slice(0, 400));
    const div = document.querySelector('.falcun-figure') as any;
    const area = div?.closest('.output_area')?.getBoundingClientRect();
    const svgs = Array.from(div?.querySelectorAll('svg.main-svg') ?? []).map((s: any) => s.getBoundingClientRect());
    const parts = Array.from(div?.querySelectorAll('.legend, .xtick, .ytick, .gtitle, .annotation') ?? []).map((s: any) => s.getBoundingClientRect());
    return {
      errors,
      drawn: !!div?._fullLayout,
      traces: JSON.stringify(div?.data ?? null),
      area: area ? { left: area.left, right: area.right } : null,
      widest: Math.max(0, ...svgs.map((r) => r.right)),
      parts: parts.map((r) => ({ left: r.left, right: r.right, width: r.width })),
    };
  });
}

async function save(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).Jupyter.notebook.save_notebook());
  await page.waitForFunction(() => (window as any).Jupyter.notebook.dirty === false, undefined, { timeout: 30_000 });
  await page.waitForTimeout(500);
}

test('Jupyter in Chromium: Run All draws Fig. 1 in full, a parameter changes it, save writes the file stripped, figures/ untouched; the index and the γ explorer run clean; nothing left running', { skip, timeout: 40 * 60_000 }, async (t) => {
  for (const [cmd, args] of [
    [process.execPath, ['--import', 'tsx', 'scripts/build.ts']],
    ['bash', ['scripts/notebooks/setup.sh']],
  ] as const) {
    const r = spawnSync(cmd, [...args], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'falcun-jupyter-'));
  const shots = process.env.FALCUN_SCREENSHOTS ? resolve(process.env.FALCUN_SCREENSHOTS) : join(scratch, 'shots');
  mkdirSync(shots, { recursive: true });
  const file = join(ROOT, 'notebooks', NOTEBOOK);
  const committed = readFileSync(file, 'utf8');
  const gitFigures = () => spawnSync('git', ['status', '--porcelain', '--', 'figures', 'notebooks'], { cwd: ROOT, encoding: 'utf8' }).stdout;
  const figuresBefore = gitFigures();
  const port = await freePort();
  let server: ChildProcess | undefined;
  const browser = await chromium.launch({ executablePath: DEFAULT_CHROMIUM, args: [...CHROMIUM_FLAGS] });
  try {
    const args = ['notebook', '--no-browser', `--port=${port}`, '--ip=127.0.0.1', '--NotebookApp.token=', '--NotebookApp.password=', '--notebook-dir=notebooks'];
    if (process.getuid?.() === 0) args.push('--allow-root');
    server = spawn('jupyter', args, {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        JUPYTER_PATH: join(ROOT, '.jupyter', 'share', 'jupyter'),
        JUPYTER_CONFIG_PATH: join(ROOT, '.jupyter', 'etc', 'jupyter'),
        JUPYTER_RUNTIME_DIR: join(scratch, 'runtime'),
        // Only where the exports go (the kernel inherits it); every other parameter is the cell's default.
        FALCUN_NOTEBOOK_PARAMS: JSON.stringify({ exportDir: join(scratch, 'exports') }),
      },
    });
    let serverLog = '';
    server.stderr?.on('data', (d) => (serverLog = (serverLog + d).slice(-4000)));
    await waitForHttp(`http://127.0.0.1:${port}/api`, 60_000);

    const pageErrors: string[] = [];
    const page = await openNotebook(browser, port, NOTEBOOK, pageErrors);

    try {
      await runAll(page);
    } catch (e) {
      await page.screenshot({ path: join(shots, 'jupyter-run-all-timeout.png'), fullPage: true });
      throw e;
    }
    const first = await state(page);
    await page.locator('.falcun-figure').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'jupyter-fig1-run-all.png'), fullPage: false });
    assert.deepEqual(first.errors, [], 'outputs show errors or stderr');
    assert.ok(first.drawn, 'the figure was not drawn (plotly not loaded?)');
    assert.ok(first.area !== null && first.widest <= first.area.right + 1, `figure (right edge ${first.widest}) wider than the output area (${JSON.stringify(first.area)})`);
    for (const p of first.parts) assert.ok(p.width === 0 || (p.left >= first.area!.left - 1 && p.right <= first.area!.right + 1), `a figure part is clipped: ${JSON.stringify(p)} outside ${JSON.stringify(first.area)}`);

    // Saving the unchanged notebook: stripped, byte-identical to the committed file.
    await save(page);
    assert.equal(readFileSync(file, 'utf8'), committed, 'saving an unchanged notebook changed the file');

    // A parameter change in the parameter cell, Run All again: a different figure.
    const cell = await page.evaluate(() => (window as any).Jupyter.notebook.get_cell(1).get_text() as string);
    const edited = cell.replace(/strategies: \[[^\]]*\]/, "strategies: ['falcun', 'random']");
    assert.notEqual(edited, cell, 'the parameter cell has no strategies line to edit');
    await page.evaluate((text) => (window as any).Jupyter.notebook.get_cell(1).set_text(text), edited);
    await runAll(page);
    const second = await state(page);
    await page.locator('.falcun-figure').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'jupyter-fig1-two-strategies.png'), fullPage: false });
    assert.deepEqual(second.errors, []);
    assert.ok(second.drawn);
    assert.notEqual(second.traces, first.traces, 'changing strategies did not change the figure');

    await save(page);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.ok(isStripped(saved), 'the saved notebook has outputs');
    assert.match(readFileSync(file, 'utf8'), /strategies: \['falcun', 'random'\]/, 'the save did not write the edited parameter cell');
    assert.ok(readFileSync(file).length < 20_000, 'the saved notebook is larger than a stripped one');
    assert.ok(existsSync(join(scratch, 'exports', 'fig01-simplex.png')), 'the export did not go to the export folder');
    await page.close();

    // The index: useful before anything runs (a table of every notebook, with links).
    const index = await openNotebook(browser, port, '00-index.ipynb', pageErrors);
    await runAll(index);
    const indexState = await index.evaluate(() => ({
      errors: Array.from(document.querySelectorAll('.output_error, .output_stderr')).map((e) => (e.textContent ?? '').slice(0, 400)),
      rows: document.querySelectorAll('.output_area table tbody tr').length,
      links: Array.from(document.querySelectorAll('.output_area table a')).map((a) => a.getAttribute('href')),
    }));
    await index.locator('.output_area table').first().scrollIntoViewIfNeeded();
    await index.screenshot({ path: join(shots, 'jupyter-index-run-all.png'), fullPage: true });
    assert.deepEqual(indexState.errors, [], 'the index shows errors or stderr');
    const listed = readdirSync(join(ROOT, 'notebooks')).filter((f) => f.endsWith('.ipynb'));
    assert.equal(indexState.rows, listed.length, 'the index table has one row per notebook');
    assert.ok(listed.every((f) => indexState.links.includes(f)), `the index links every notebook (links: ${indexState.links.join(', ')})`);
    await index.close();

    // The γ explorer: the page inside the output, drawn in full (nothing scrolled out of its frame).
    const explorer = await openNotebook(browser, port, 'gamma-explorer.ipynb', pageErrors);
    await runAll(explorer);
    const frame = explorer.frameLocator('.output_area iframe').first();
    await frame.locator('#simplex').waitFor();
    await explorer.waitForFunction(() => ((document.querySelector('.output_area iframe') as HTMLIFrameElement | null)?.contentWindow as any)?.falcunExplorer?.runs > 0, undefined, { timeout: 180_000, polling: 500 });
    const explorerState = await explorer.evaluate(() => {
      const f = document.querySelector('.output_area iframe') as HTMLIFrameElement;
      const doc = f.contentDocument!;
      const area = f.closest('.output_area')!.getBoundingClientRect();
      const box = f.getBoundingClientRect();
      return {
        errors: Array.from(document.querySelectorAll('.output_error, .output_stderr')).map((e) => (e.textContent ?? '').slice(0, 400)),
        frameInside: box.left >= area.left - 1 && box.right <= area.right + 1,
        overflowX: doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
        overflowY: doc.documentElement.scrollHeight - doc.documentElement.clientHeight,
        picks: ((f.contentWindow as any).falcunExplorer.selection as number[]).length,
        curves: doc.getElementById('curvesNote')?.textContent ?? '',
      };
    });
    await explorer.locator('.output_area iframe').first().scrollIntoViewIfNeeded();
    await explorer.screenshot({ path: join(shots, 'jupyter-gamma-explorer-run-all.png'), fullPage: false });
    assert.deepEqual(explorerState.errors, [], 'the explorer notebook shows errors or stderr');
    assert.ok(explorerState.frameInside, 'the explorer frame is wider than the output area');
    assert.ok(explorerState.overflowX <= 0 && explorerState.overflowY <= 0, `the explorer page does not fit its frame (overflow x ${explorerState.overflowX} px, y ${explorerState.overflowY} px)`);
    assert.equal(explorerState.picks, 20, 'the explorer starts with Q = 20 picks');
    await explorer.close();

    assert.deepEqual(pageErrors, []);
    t.diagnostic(`screenshots in ${shots}`);
    void serverLog;
  } finally {
    writeFileSync(file, committed);
    await browser.close();
    // Kernels run in their own sessions: shut them down through the API before stopping the server.
    try {
      const kernels = (await (await fetch(`http://127.0.0.1:${port}/api/kernels`)).json()) as Array<{ id: string }>;
      for (const k of kernels) await fetch(`http://127.0.0.1:${port}/api/kernels/${k.id}`, { method: 'DELETE' });
    } catch {
      /* the server did not start */
    }
    if (server?.pid !== undefined) {
      const exited = new Promise<void>((ok) => (server!.exitCode !== null || server!.signalCode !== null ? ok() : server!.once('exit', () => ok())));
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 60_000))]);
    }
  }
  // Kernels run in sessions of their own and each may have started a Chromium for exports: all carry the
  // scratch folder in their environment, so none may be left once the server is gone.
  const left = await reapProcesses(scratch, 90_000);
  if (!process.env.FALCUN_SCREENSHOTS) rmSync(scratch, { recursive: true, force: true });
  assert.deepEqual(left, [], 'processes of the Jupyter server outlived it');
  assert.equal(gitFigures(), figuresBefore, 'figures/ or notebooks/ changed in git');
});
