import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dataDir, downloadToCache, ensureCachedFile } from '../../src/data/cache.ts';
import { DataFileError } from '../../src/data/dataFileError.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'cache-'));

test('dataDir: explicit folder, then FALCUN_DATA_DIR, then <repo>/data', () => {
  const saved = process.env['FALCUN_DATA_DIR'];
  try {
    process.env['FALCUN_DATA_DIR'] = '/tmp/somewhere';
    assert.equal(dataDir('/x/y'), '/x/y');
    assert.equal(dataDir(), '/tmp/somewhere');
    delete process.env['FALCUN_DATA_DIR'];
    assert.equal(dataDir(), resolve('data')); // tests run from the repository root
    assert.throws(() => dataDir(''), /dataDir: cacheDir must be a non-empty string/);
  } finally {
    if (saved === undefined) delete process.env['FALCUN_DATA_DIR'];
    else process.env['FALCUN_DATA_DIR'] = saved;
  }
});

test('ensureCachedFile: produces once; a failing producer leaves no file, partial or final', async () => {
  const dir = fresh();
  const p = join(dir, 'sub', 'x.dat');
  let calls = 0;
  await assert.rejects(
    ensureCachedFile(p, (tmp) => {
      calls++;
      writeFileSync(tmp, 'half of it');
      throw new Error('network went away');
    }),
    /network went away/,
  );
  assert.equal(existsSync(p), false);
  assert.deepEqual(readdirSync(join(dir, 'sub')), []);
  await ensureCachedFile(p, (tmp) => {
    calls++;
    writeFileSync(tmp, 'all of it');
  });
  await ensureCachedFile(p, () => {
    calls++;
  });
  assert.equal(readFileSync(p, 'utf8'), 'all of it');
  assert.equal(calls, 2);
  await assert.rejects(ensureCachedFile(join(dir, 'y'), () => {}), /the producer for .*y wrote nothing/);
});

/** A local server: /ok sends the body, /cut announces more bytes than it sends and hangs up, /missing is 404. */
async function server(body: Buffer): Promise<{ url: string; server: Server }> {
  const s = createServer((req, res) => {
    if (req.url === '/ok') {
      res.writeHead(200, { 'content-length': body.length });
      res.end(body);
    } else if (req.url === '/cut') {
      res.writeHead(200, { 'content-length': body.length * 2 });
      res.write(body);
      setTimeout(() => res.socket?.destroy(), 20);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, server: s };
}

test('downloadToCache: complete download lands; a cut-off or failed one leaves nothing in the cache', async () => {
  const body = Buffer.alloc(200_000, 7);
  const { url, server: s } = await server(body);
  try {
    const dir = fresh();
    const p = await downloadToCache(`${url}/ok`, join(dir, 'ok.bin'));
    assert.deepEqual(readFileSync(p), body);
    await assert.rejects(downloadToCache(`${url}/cut`, join(dir, 'cut.bin'), { howToGet: 'fetch it by hand' }), (e: Error) =>
      e instanceof DataFileError && /cut\.bin: download of .*\/cut failed: .*; fetch it by hand/.test(e.message));
    await assert.rejects(downloadToCache(`${url}/missing`, join(dir, 'missing.bin')), /download of .*\/missing failed: HTTP 404/);
    await assert.rejects(downloadToCache('http://127.0.0.1:1/none', join(dir, 'refused.bin')), /refused\.bin: download of .* failed/);
    assert.deepEqual(readdirSync(dir), ['ok.bin']);
  } finally {
    s.close();
  }
});
