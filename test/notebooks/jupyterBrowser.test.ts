/**
 * A notebook used as a researcher uses it: Jupyter started (npm run jupyter's set-up), the Fig. 1 notebook
 * opened in headless Chromium, Run All from the page's menu, the figure drawn in full inside the output
 * area, a parameter changed in the parameter cell changes the figure, saving writes the file stripped
 * (byte-identical to the committed file when nothing was edited), and figures/ is untouched by git.
 * Screenshots go to $FALCUN_SCREENSHOTS when set (to look at them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
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

test('Jupyter in Chromium: Run All draws Fig. 1 in full, a parameter changes it, save writes the file stripped, figures/ untouched', { skip, timeout: 25 * 60_000 }, async (t) => {
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

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // The notebook page loads require.js, CodeMirror and the kernel: slow on a busy 2-core machine.
    page.setDefaultTimeout(180_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/notebooks/${NOTEBOOK}`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as any).Jupyter?.notebook?.kernel?.is_connected?.() === true, undefined, { timeout: 120_000 });

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
    assert.deepEqual(pageErrors, []);
    t.diagnostic(`screenshots in ${shots}; exports: ${existsSync(join(scratch, 'exports')) ? 'written' : 'none'}`);
    assert.ok(existsSync(join(scratch, 'exports', 'fig01-simplex.png')), 'the export did not go to the export folder');
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
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    if (!process.env.FALCUN_SCREENSHOTS) rmSync(scratch, { recursive: true, force: true });
  }
  assert.equal(gitFigures(), figuresBefore, 'figures/ or notebooks/ changed in git');
});
