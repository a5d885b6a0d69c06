import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DataFileError } from '../../../src/data/dataFileError.ts';
import {
  parseRSerialization,
  readRData,
  readRObjects,
  toDataFrame,
  R_NA_INTEGER,
  type DataFrame,
  type FactorColumn,
} from '../../../src/data/formats/rdata.ts';
import { NA_INT, RWriter, T, tinyRda } from './rdataWriter.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

function withTmp<R>(fn: (dir: string) => Promise<R>): Promise<R> {
  const dir = mkdtempSync(join(tmpdir(), 'rdata-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** What tinyRda() holds, checked column by column. */
function checkTinyFrame(df: DataFrame): void {
  assert.deepEqual(df.names, ['x', 'n', 'b', 'f', 's']);
  assert.equal(df.nrow, 3);
  const [x, n, b, f, s] = df.columns as [Float64Array, Float64Array, Float64Array, FactorColumn, FactorColumn];
  assert.ok(x instanceof Float64Array);
  assert.deepEqual(Array.from(x), [1.5, NaN, -2]);
  assert.deepEqual(Array.from(n), [3, NaN, 7]);
  assert.deepEqual(Array.from(b), [1, NaN, 0]);
  assert.deepEqual(f.levels, ['lo', 'hi']);
  assert.deepEqual(Array.from(f.codes), [0, -1, 1]);
  assert.deepEqual(s.levels, ['b', 'é']);
  assert.deepEqual(Array.from(s.codes), [1, -1, 0]);
}

test('parseRSerialization reads a hand-built RDX2 file: data frame with every column kind, NA, refs, compact row.names', () => {
  const objs = parseRSerialization(tinyRda(2), 'tiny.rda');
  assert.deepEqual(Object.keys(objs), ['df', 'v']);
  const v = objs.v!;
  assert.equal(v.kind, 'integer');
  assert.deepEqual(Array.from((v as { data: Int32Array }).data), [1, 2, 3]);
  checkTinyFrame(toDataFrame(objs.df!, 'tiny.rda', 'df'));
  // The "class" symbol is written once and then referenced (REFSXP): both attributes resolved.
  const f = (objs.df as { items: Array<{ attributes: Map<string, unknown> }> }).items[3]!;
  assert.ok(f.attributes.has('class'));
});

test('RDX3 (version 3 header with native encoding) reads the same', () => {
  checkTinyFrame(toDataFrame(parseRSerialization(tinyRda(3), 'tiny3.rda').df!, 'tiny3.rda', 'df'));
});

test('readRData undoes gzip, bzip2 and xz compression (and none)', async () => {
  const raw = tinyRda(2);
  assert.deepEqual(new Uint8Array(readFileSync(join(FIXTURES, 'tiny-xz.rda'))).subarray(0, 6), Uint8Array.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0]));
  await withTmp(async (dir) => {
    writeFileSync(join(dir, 'plain.rda'), raw);
    writeFileSync(join(dir, 'gz.rda'), gzipSync(raw));
    for (const file of [join(dir, 'plain.rda'), join(dir, 'gz.rda'), join(FIXTURES, 'tiny-bzip2.rda'), join(FIXTURES, 'tiny-xz.rda')]) {
      const frames = await readRData(file);
      assert.deepEqual(Object.keys(frames), ['df'], file); // v is not a data frame: left out
      checkTinyFrame(frames.df!);
    }
  });
});

test('RDS files (no RDX header) give one object named after the file', async () => {
  const w = new RWriter().header(3, false);
  w.flags(T.VEC, { obj: true, attr: true }).int(1);
  w.realsxp([10, 20]);
  w.pairlist([
    ['names', (w) => w.strsxp(['a'])],
    ['class', (w) => w.strsxp(['data.frame'])],
    ['row.names', (w) => w.intsxp([NA_INT, -2])],
  ]);
  await withTmp(async (dir) => {
    const file = join(dir, 'scores.rds');
    writeFileSync(file, gzipSync(w.bytes()));
    const frames = await readRData(file);
    assert.deepEqual(Object.keys(frames), ['scores']);
    assert.deepEqual(Array.from(frames.scores!.columns[0] as Float64Array), [10, 20]);
    assert.equal(frames.scores!.nrow, 2);
  });
});

test('string encodings: UTF-8, Latin-1, bytes, ASCII, native (v3 header names it), NA_STRING', () => {
  const w = new RWriter().header(3, false, 'latin1');
  w.flags(T.STR).int(6);
  w.charsxp('ü€', 'utf8').charsxp('ü', 'latin1').charsxp('\u00ff', 'bytes').charsxp('abc', 'ascii').charsxp(null);
  // native: the byte 0xe9 in the header's latin1 is "é"
  w.flags(T.CHAR).int(1).raw([0xe9]);
  const v = parseRSerialization(w.bytes(), 'enc.rds').object!;
  assert.equal(v.kind, 'character');
  assert.deepEqual((v as { data: unknown[] }).data, ['ü€', 'ü', '\u00ff', 'abc', null, 'é']);
});

test('other vector kinds: complex, raw, list, long-vector length, NA_real_ bits, lists nested', () => {
  const w = new RWriter().header(2, false);
  w.flags(T.VEC).int(4);
  w.flags(T.CPLX).int(1).double(1).double(-2);
  w.flags(T.RAW).int(3).raw([0, 7, 255]);
  w.flags(T.INT).int(-1).int(0).int(2).int(5).int(6); // long length form: upper 0, lower 2
  w.flags(T.VEC).int(1).realsxp([NaN]);
  const v = parseRSerialization(w.bytes(), 'vec.rds').object!;
  assert.equal(v.kind, 'list');
  const items = (v as { items: Array<{ kind: string; data?: ArrayLike<number>; items?: unknown[] }> }).items;
  assert.deepEqual(items.map((i) => i.kind), ['complex', 'raw', 'integer', 'list']);
  assert.deepEqual(Array.from(items[0]!.data!), [1, -2]);
  assert.deepEqual(Array.from(items[1]!.data!), [0, 7, 255]);
  assert.deepEqual(Array.from(items[2]!.data!), [5, 6]);
  assert.ok(Number.isNaN((items[3]!.items![0] as { data: Float64Array }).data[0]));
  assert.equal(R_NA_INTEGER, NA_INT);
});

test('ALTREP compact integer sequences and wrappers expand to ordinary vectors (e.g. row.names 1:n)', () => {
  const w = new RWriter().header(3, false);
  w.flags(T.VEC, { obj: true, attr: true }).int(1);
  // column: wrap_real around c(0.5, 1.5)
  w.flags(T.ALTREP);
  w.flags(T.LIST).sym('wrap_real').flags(T.LIST).sym('base').flags(T.LIST).intsxp([14]).nil();
  w.flags(T.LIST).realsxp([0.5, 1.5]).flags(T.LIST).intsxp([0, 0]).nil();
  w.nil();
  w.pairlist([
    ['names', (w) => w.strsxp(['z'])],
    ['class', (w) => w.strsxp(['data.frame'])],
    [
      'row.names',
      (w) => {
        w.flags(T.ALTREP);
        w.flags(T.LIST).sym('compact_intseq').flags(T.LIST).sym('base').flags(T.LIST).intsxp([13]).nil();
        w.realsxp([2, 1, 1]); // n = 2, start 1, step 1
        w.nil();
      },
    ],
  ]);
  const objs = parseRSerialization(w.bytes(), 'alt.rds');
  const df = toDataFrame(objs.object!, 'alt.rds', 'object');
  assert.equal(df.nrow, 2);
  assert.deepEqual(Array.from(df.columns[0] as Float64Array), [0.5, 1.5]);
});

test('bad input: wrong magic, empty, truncated at every point, unsupported SEXP type, other formats, versions', async () => {
  const isDataFileError = (file: string, re: RegExp) => (e: unknown) => {
    assert.ok(e instanceof DataFileError, `expected DataFileError, got ${String(e)}`);
    assert.equal(e.file, file);
    assert.ok(e.message.startsWith(`${file}: `), e.message);
    assert.match(e.message, re);
    assert.match(e.message, /fresh copy|re-save|fetch it again/); // says how to get a good one
    return true;
  };
  assert.throws(() => parseRSerialization(new TextEncoder().encode('PK\x03\x04 not R'), 'zip.rda'), isDataFileError('zip.rda', /not an R data file: it starts with bytes 50 4b 03 04/));
  assert.throws(() => parseRSerialization(new Uint8Array(0), 'empty.rda'), isDataFileError('empty.rda', /the file is empty/));
  const good = tinyRda(2);
  for (let cut = 7; cut < good.length; cut += 3) {
    assert.throws(() => parseRSerialization(good.subarray(0, cut), 'cut.rda'), isDataFileError('cut.rda', /truncated/), `cut at ${cut}`);
  }
  const s4 = new RWriter().header(2, false).flags(T.S4, { obj: true }).bytes();
  assert.throws(() => parseRSerialization(s4, 's4.rds'), isDataFileError('s4.rds', /unsupported R object type S4SXP/));
  const bc = new RWriter().header(2, false).flags(T.BCODE).bytes();
  assert.throws(() => parseRSerialization(bc, 'bc.rds'), isDataFileError('bc.rds', /BCODESXP/));
  const unknown = new RWriter().header(2, false).flags(200).bytes();
  assert.throws(() => parseRSerialization(unknown, 'u.rds'), isDataFileError('u.rds', /unknown SEXP type 200/));
  assert.throws(() => parseRSerialization(new TextEncoder().encode('RDA2\nA\n2\n'), 'a.rda'), isDataFileError('a.rda', /ASCII format/));
  assert.throws(() => parseRSerialization(new TextEncoder().encode('RDX2\nA\n'), 'a2.rda'), isDataFileError('a2.rda', /ASCII format/));
  const v4 = new RWriter().ascii('X\n').int(4).int(0).int(0).bytes();
  assert.throws(() => parseRSerialization(v4, 'v4.rds'), isDataFileError('v4.rds', /unsupported R serialisation version 4/));
  const badRef = new RWriter().header(2, false).int((9 << 8) | T.REF).bytes();
  assert.throws(() => parseRSerialization(badRef, 'ref.rds'), isDataFileError('ref.rds', /reference #9/));

  await withTmp(async (dir) => {
    const missing = join(dir, 'missing.rda');
    await assert.rejects(readRData(missing), isDataFileError(missing, /cannot read the file/));
    const xz = readFileSync(join(FIXTURES, 'tiny-xz.rda'));
    const xzCut = join(dir, 'xzcut.rda');
    writeFileSync(xzCut, xz.subarray(0, xz.length - 20));
    await assert.rejects(readRData(xzCut), isDataFileError(xzCut, /cannot decompress this xz-compressed R data file: .*(truncated|corrupt)/));
    const xzBad = join(dir, 'xzbad.rda');
    const corrupt = Buffer.from(xz);
    corrupt[40] = corrupt[40]! ^ 0xff;
    writeFileSync(xzBad, corrupt);
    await assert.rejects(readRData(xzBad), isDataFileError(xzBad, /cannot decompress this xz-compressed/));
    const gzCut = join(dir, 'gzcut.rda');
    writeFileSync(gzCut, gzipSync(good).subarray(0, 30));
    await assert.rejects(readRData(gzCut), isDataFileError(gzCut, /cannot decompress this gzip-compressed R data file/));
    const bz = readFileSync(join(FIXTURES, 'tiny-bzip2.rda'));
    const bzCut = join(dir, 'bzcut.rda');
    writeFileSync(bzCut, bz.subarray(0, 60));
    await assert.rejects(readRData(bzCut), isDataFileError(bzCut, /cannot decompress this bzip2-compressed R data file/));
    // A valid file holding no data frame.
    const onlyVec = join(dir, 'vec.rda');
    writeFileSync(onlyVec, new RWriter().header(2, true).pairlist([['v', (w) => w.intsxp([1])]]).bytes());
    await assert.rejects(readRData(onlyVec), isDataFileError(onlyVec, /holds no data frame \(it holds v \(integer\)\)/));
    assert.equal((await readRObjects(onlyVec)).v!.kind, 'integer');
    // A custom hint replaces the generic one.
    await assert.rejects(readRData(missing, { hint: 'Run fetch-it again.' }), /Run fetch-it again\./);
  });
});

test('toDataFrame rejects non-frames, unequal column lengths and out-of-range factor codes, naming the column', () => {
  const build = (cols: (w: RWriter) => void, n: number, rows: number) => {
    const w = new RWriter().header(2, false);
    w.flags(T.VEC, { obj: true, attr: true }).int(n);
    cols(w);
    w.pairlist([
      ['names', (w) => w.strsxp(Array.from({ length: n }, (_, i) => `c${i}`))],
      ['class', (w) => w.strsxp(['data.frame'])],
      ['row.names', (w) => w.intsxp([NA_INT, -rows])],
    ]);
    return parseRSerialization(w.bytes(), 'df.rds').object!;
  };
  const short = build((w) => w.realsxp([1, 2]), 1, 3);
  assert.throws(() => toDataFrame(short, 'df.rds', 'x'), /df\.rds: column 'c0' of data frame 'x' has 2 values but the data frame has 3 rows/);
  const badFactor = build((w) => w.intsxp([1, 5], [['levels', (w) => w.strsxp(['a'])], ['class', (w) => w.strsxp(['factor'])]], { obj: true }), 1, 2);
  assert.throws(() => toDataFrame(badFactor, 'df.rds', 'x'), /column 'c0'.*factor code 5 in row 2 is outside its 1 levels/);
  const listCol = build((w) => w.flags(T.VEC).int(2).nil().nil(), 1, 2);
  assert.throws(() => toDataFrame(listCol, 'df.rds', 'x'), /column 'c0' of data frame 'x' is a list column/);
  assert.throws(() => toDataFrame({ kind: 'NULL' }, 'f.rda', 'y'), /f\.rda: object 'y' is a NULL, not a data\.frame/);
});
