/**
 * Reader for R's serialisation format: `.rda`/`.RData` files written by `save()` and `.rds` files
 * written by `saveRDS()`, so that datasets shipped as R data (e.g. Debian's `r-cran-mlbench`, which
 * holds OpenML-6 "letter") load without R.
 *
 * Layout (R Internals, "Serialization formats"; R's `src/main/serialize.c` and `saveload.c`):
 *   [outer compression: gzip | bzip2 | xz | none, detected by magic bytes]
 *   [.rda only: "RDX2\n" or "RDX3\n"]
 *   "X\n" (XDR, big-endian) · int version (2 or 3) · int writer R version · int min reader version
 *   [version 3: int n · n bytes naming the writer's native encoding]
 *   one item: for .rda a pairlist tag = object name → value; for .rds the object itself.
 * Each item starts with an int of flags: bits 0–7 the SEXP type, bit 8 "is object", bit 9 "has
 * attributes", bit 10 "has tag", bits 12–27 the gp "levels" (string encodings for CHARSXP).
 *
 * Supported: NILVALUE, symbols, the reference table (REFSXP), pairlists and the pairlist-shaped
 * language/closure/promise/dots nodes, environments (global/base/empty, namespaces, packages, and
 * plain ones), logical, integer, double, complex, character (NA_STRING; UTF-8, Latin-1, bytes, ASCII
 * and native encodings), generic vectors (lists, data frames), expression vectors, raw vectors, long
 * vector lengths, attributes, and ALTREP compact sequences, wrappers and deferred strings.
 * Not supported (a clear error names the type): bytecode, external and weak pointers, S4 objects,
 * and the ASCII / native-binary variants of the format.
 *
 * Data frames come out as {@link DataFrame}: numeric, integer and logical columns as Float64Array
 * (NA → NaN), factors as `{ levels, codes }` with 0-based codes (NA → −1).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DataFileError } from '../dataFileError.ts';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** A factor column: level names and one 0-based level index per row (−1 for NA). */
export interface FactorColumn {
  readonly levels: string[];
  readonly codes: Int32Array;
}

/** An R data frame: column names, one column per name, and the row count. */
export interface DataFrame {
  readonly names: string[];
  readonly columns: (Float64Array | FactorColumn)[];
  readonly nrow: number;
}

/** Attributes of an R value, by name, in file order. */
export type RAttributes = Map<string, RValue>;

/** A decoded R value. Vectors keep R's storage (NA_integer_ = −2^31, NA_character_ = null). */
export type RValue =
  | { readonly kind: 'NULL' }
  | { readonly kind: 'symbol'; readonly name: string }
  | { readonly kind: 'pairlist' | 'language' | 'closure' | 'promise' | 'dots'; readonly items: RPairlistItem[]; readonly attributes: RAttributes }
  | { readonly kind: 'environment'; readonly name: string; readonly frame: RPairlistItem[]; readonly attributes: RAttributes }
  | { readonly kind: 'logical' | 'integer'; readonly data: Int32Array; readonly attributes: RAttributes }
  | { readonly kind: 'double'; readonly data: Float64Array; readonly attributes: RAttributes }
  | { readonly kind: 'complex'; readonly data: Float64Array; readonly attributes: RAttributes }
  | { readonly kind: 'character'; readonly data: (string | null)[]; readonly attributes: RAttributes }
  | { readonly kind: 'list' | 'expression'; readonly items: RValue[]; readonly attributes: RAttributes }
  | { readonly kind: 'raw'; readonly data: Uint8Array; readonly attributes: RAttributes };

/** One cell of a pairlist: its tag (null when untagged) and value. */
export interface RPairlistItem {
  readonly tag: string | null;
  readonly value: RValue;
}

/** R's NA_integer_ (also NA for logicals). */
export const R_NA_INTEGER = -2147483648;

/** Options of the readers. */
export interface RDataReadOptions {
  /**
   * A sentence added to every error, saying how to get a good copy of this particular file
   * (e.g. which package to re-fetch). Default: a generic hint.
   */
  hint?: string;
}

const DEFAULT_HINT =
  'Get a fresh copy of the file (delete any cached copy and fetch it again), or re-save it in R with ' +
  'save(..., compress = TRUE) or saveRDS() in the default XDR format, version 2 or 3.';

// ---------------------------------------------------------------------------------------------
// Outer compression
// ---------------------------------------------------------------------------------------------

type Compression = 'gzip' | 'bzip2' | 'xz' | 'none';

function detectCompression(b: Uint8Array): Compression {
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b.length >= 3 && b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68) return 'bzip2'; // "BZh"
  if (b.length >= 6 && b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58 && b[4] === 0x5a && b[5] === 0x00) {
    return 'xz';
  }
  return 'none';
}

const requireCjs = createRequire(import.meta.url);

/** xz-embedded's error codes (enum xz_ret), as xz-decompress reports them. */
const XZ_ERRORS: Record<string, string> = {
  '2': 'unsupported integrity check',
  '3': 'out of memory',
  '4': 'dictionary too large',
  '5': 'not an xz stream (format error)',
  '6': 'unsupported xz options',
  '7': 'corrupt compressed data',
  '8': 'the compressed data ends early (truncated file)',
};

async function decompress(bytes: Uint8Array, file: string, hint: string): Promise<Uint8Array> {
  const kind = detectCompression(bytes);
  try {
    switch (kind) {
      case 'gzip':
        return new Uint8Array(gunzipSync(bytes));
      case 'bzip2': {
        const Bunzip = requireCjs('seek-bzip') as { decode(input: Buffer): Buffer };
        return new Uint8Array(Bunzip.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
      }
      case 'xz': {
        const { XzReadableStream } = requireCjs('xz-decompress') as {
          XzReadableStream: new (s: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array>;
        };
        const stream = new XzReadableStream(new Blob([bytes.slice()]).stream() as ReadableStream<Uint8Array>);
        return new Uint8Array(await new Response(stream).arrayBuffer());
      }
      case 'none':
        return bytes;
    }
  } catch (e) {
    let why = e instanceof Error ? e.message : String(e);
    const code = /error code (\d+)/.exec(why)?.[1];
    if (kind === 'xz' && code !== undefined && XZ_ERRORS[code]) why = XZ_ERRORS[code]!;
    throw new DataFileError(file, `cannot decompress this ${kind}-compressed R data file: ${why}. ${hint}`);
  }
}

// ---------------------------------------------------------------------------------------------
// XDR stream
// ---------------------------------------------------------------------------------------------

// SEXP types (R Internals, "SEXPTYPEs") and the serialisation-only pseudo types (serialize.c).
const NILSXP = 0;
const SYMSXP = 1;
const LISTSXP = 2;
const CLOSXP = 3;
const ENVSXP = 4;
const PROMSXP = 5;
const LANGSXP = 6;
const CHARSXP = 9;
const LGLSXP = 10;
const INTSXP = 13;
const REALSXP = 14;
const CPLXSXP = 15;
const STRSXP = 16;
const DOTSXP = 17;
const VECSXP = 19;
const EXPRSXP = 20;
const RAWSXP = 24;
const REFSXP = 255;
const NILVALUE_SXP = 254;
const GLOBALENV_SXP = 253;
const UNBOUNDVALUE_SXP = 252;
const MISSINGARG_SXP = 251;
const BASENAMESPACE_SXP = 250;
const NAMESPACESXP = 249;
const PACKAGESXP = 248;
const PERSISTSXP = 247;
const EMPTYENV_SXP = 242;
const BASEENV_SXP = 241;
const ALTREP_SXP = 238;

const TYPE_NAMES: Record<number, string> = {
  7: 'SPECIALSXP (a primitive function)',
  8: 'BUILTINSXP (a primitive function)',
  21: 'BCODESXP (byte code)',
  22: 'EXTPTRSXP (external pointer)',
  23: 'WEAKREFSXP (weak reference)',
  25: 'S4SXP (S4 object)',
  246: 'CLASSREFSXP',
  245: 'GENERICREFSXP',
  244: 'BCREPDEF (byte code)',
  243: 'BCREPREF (byte code)',
  240: 'ATTRLANGSXP (byte code)',
  239: 'ATTRLISTSXP (byte code)',
};

// CHARSXP gp bits (the "levels" field of the flags).
const BYTES_MASK = 1 << 1;
const LATIN1_MASK = 1 << 2;
const UTF8_MASK = 1 << 3;
const ASCII_MASK = 1 << 6;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

const EMPTY_ATTRS: RAttributes = new Map();
const NULL_VALUE: RValue = { kind: 'NULL' };

class XdrReader {
  pos = 0;
  private readonly view: DataView;
  private readonly refs: RValue[] = [];
  /** Decoder for strings in the writer's native encoding (version 3 names it; version 2: UTF-8 assumed). */
  native: TextDecoder = utf8;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    private readonly hint: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(what: string): never {
    throw new DataFileError(this.file, `${what}. ${this.hint}`);
  }

  need(n: number, what: string): void {
    if (this.pos + n > this.bytes.length) {
      this.fail(
        `the R data stream is truncated: reading ${what} needs ${n} bytes at offset ${this.pos}, ` +
          `but the (decompressed) stream has only ${this.bytes.length} bytes`,
      );
    }
  }

  int(what = 'an integer'): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
  }

  rawBytes(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  length(what: string): number {
    const n = this.int(`the length of ${what}`);
    if (n >= 0) return n;
    if (n !== -1) this.fail(`bad length ${n} for ${what} at offset ${this.pos - 4} (lengths are >= 0, or -1 for a long vector)`);
    const hi = this.int(`the long length of ${what}`);
    const lo = this.int(`the long length of ${what}`);
    const len = hi * 4294967296 + (lo >>> 0);
    if (hi < 0 || len > 2 ** 32) this.fail(`long vector length ${len} for ${what} is too large to read here (at most 2^32)`);
    return len;
  }

  /** Reads one serialised item (R's ReadItem). */
  item(): RValue {
    const at = this.pos;
    const flags = this.int('the flags of an item');
    const type = flags & 0xff;
    const levels = flags >>> 12;
    const hasAttr = (flags & (1 << 9)) !== 0;
    const hasTag = (flags & (1 << 10)) !== 0;
    switch (type) {
      case NILVALUE_SXP:
      case NILSXP:
        return NULL_VALUE;
      case EMPTYENV_SXP:
        return env('emptyenv');
      case BASEENV_SXP:
        return env('baseenv');
      case GLOBALENV_SXP:
        return env('globalenv');
      case BASENAMESPACE_SXP:
        return env('namespace:base');
      case UNBOUNDVALUE_SXP:
        return { kind: 'symbol', name: '<unbound>' };
      case MISSINGARG_SXP:
        return { kind: 'symbol', name: '' };
      case REFSXP: {
        let index = flags >>> 8;
        if (index === 0) index = this.int('a reference index');
        const v = this.refs[index - 1];
        if (v === undefined) {
          this.fail(`reference #${index} at offset ${at} points outside the ${this.refs.length} objects read so far (corrupt file)`);
        }
        return v;
      }
      case PERSISTSXP:
      case NAMESPACESXP:
      case PACKAGESXP: {
        // A persistent name: a string vector (0, length, CHARSXPs).
        this.int('a persistent-name header');
        const n = this.length('a persistent name');
        const parts: string[] = [];
        for (let i = 0; i < n; i++) parts.push(this.charsxpItem() ?? 'NA');
        const prefix = type === NAMESPACESXP ? 'namespace:' : type === PACKAGESXP ? 'package:' : 'persistent:';
        const v = env(prefix + parts.join(':'));
        this.refs.push(v);
        return v;
      }
      case SYMSXP: {
        const name = this.charsxpItem() ?? 'NA';
        const v: RValue = { kind: 'symbol', name };
        this.refs.push(v);
        return v;
      }
      case ENVSXP: {
        this.int('the locked flag of an environment');
        const frame: RPairlistItem[] = [];
        const attributes: RAttributes = new Map();
        const v: RValue = { kind: 'environment', name: '', frame, attributes };
        this.refs.push(v); // before the contents: they may refer back to it
        this.item(); // enclosing environment
        const f = this.item();
        const hashtab = this.item();
        if (f.kind === 'pairlist') frame.push(...f.items);
        if (hashtab.kind === 'list') for (const bucket of hashtab.items) if (bucket.kind === 'pairlist') frame.push(...bucket.items);
        const attr = this.item();
        if (attr.kind === 'pairlist') for (const it of attr.items) if (it.tag !== null) attributes.set(it.tag, it.value);
        return v;
      }
      case LISTSXP:
      case LANGSXP:
      case CLOSXP:
      case PROMSXP:
      case DOTSXP:
        return this.pairlist(type, hasAttr, hasTag);
      case CHARSXP:
        // A bare CHARSXP as an item (not inside a STRSXP) only occurs in symbols; read it as a string.
        return { kind: 'character', data: [this.charsxpBody(levels)], attributes: EMPTY_ATTRS };
      case LGLSXP:
      case INTSXP: {
        const n = this.length(type === LGLSXP ? 'a logical vector' : 'an integer vector');
        this.need(4 * n, `${n} integers`);
        const data = new Int32Array(n);
        for (let i = 0; i < n; i++) data[i] = this.view.getInt32(this.pos + 4 * i);
        this.pos += 4 * n;
        return { kind: type === LGLSXP ? 'logical' : 'integer', data, attributes: this.attributes(hasAttr) };
      }
      case REALSXP:
      case CPLXSXP: {
        const n = this.length(type === REALSXP ? 'a numeric vector' : 'a complex vector');
        const m = type === REALSXP ? n : 2 * n;
        this.need(8 * m, `${m} doubles`);
        const data = new Float64Array(m);
        for (let i = 0; i < m; i++) data[i] = this.view.getFloat64(this.pos + 8 * i);
        this.pos += 8 * m;
        return { kind: type === REALSXP ? 'double' : 'complex', data, attributes: this.attributes(hasAttr) };
      }
      case STRSXP: {
        const n = this.length('a character vector');
        const data: (string | null)[] = new Array(n);
        for (let i = 0; i < n; i++) data[i] = this.charsxpItem();
        return { kind: 'character', data, attributes: this.attributes(hasAttr) };
      }
      case VECSXP:
      case EXPRSXP: {
        const n = this.length(type === VECSXP ? 'a list' : 'an expression vector');
        const items: RValue[] = new Array(n);
        for (let i = 0; i < n; i++) items[i] = this.item();
        return { kind: type === VECSXP ? 'list' : 'expression', items, attributes: this.attributes(hasAttr) };
      }
      case RAWSXP: {
        const n = this.length('a raw vector');
        const data = this.rawBytes(n, `${n} raw bytes`).slice();
        return { kind: 'raw', data, attributes: this.attributes(hasAttr) };
      }
      case ALTREP_SXP:
        return this.altrep(at);
      default: {
        const name = TYPE_NAMES[type] ?? `unknown SEXP type ${type}`;
        return this.fail(
          `unsupported R object type ${name} (flags 0x${(flags >>> 0).toString(16)}) at offset ${at}: ` +
            'this reader handles data (vectors, factors, lists, data frames), not code, pointers or S4 objects',
        );
      }
    }
  }

  /** A CHARSXP read as an item inside a STRSXP or symbol: flags, then the string. */
  charsxpItem(): string | null {
    const at = this.pos;
    const flags = this.int('the flags of a string');
    if ((flags & 0xff) !== CHARSXP) {
      this.fail(`expected a string (CHARSXP, type 9) at offset ${at}, found SEXP type ${flags & 0xff} (corrupt file)`);
    }
    return this.charsxpBody(flags >>> 12);
  }

  charsxpBody(levels: number): string | null {
    const n = this.int('the length of a string');
    if (n === -1) return null; // NA_STRING
    if (n < 0) this.fail(`bad string length ${n} at offset ${this.pos - 4}`);
    const b = this.rawBytes(n, `a string of ${n} bytes`);
    if (levels & (UTF8_MASK | ASCII_MASK)) return utf8.decode(b);
    if (levels & (LATIN1_MASK | BYTES_MASK)) return latin1.decode(b);
    return this.native.decode(b);
  }

  attributes(hasAttr: boolean): RAttributes {
    if (!hasAttr) return EMPTY_ATTRS;
    const at = this.pos;
    const a = this.item();
    if (a.kind !== 'pairlist') this.fail(`attributes at offset ${at} are a ${a.kind}, not a pairlist (corrupt file)`);
    const m: RAttributes = new Map();
    for (const it of a.items) if (it.tag !== null) m.set(it.tag, it.value);
    return m;
  }

  /** A chain of pairlist-shaped nodes, read iteratively along the CDRs. */
  pairlist(type: number, hasAttr: boolean, hasTag: boolean): RValue {
    const kind = type === LISTSXP ? 'pairlist' : type === LANGSXP ? 'language' : type === CLOSXP ? 'closure' : type === PROMSXP ? 'promise' : 'dots';
    const items: RPairlistItem[] = [];
    let attributes: RAttributes = EMPTY_ATTRS;
    let first = true;
    for (;;) {
      const a = this.attributes(hasAttr);
      if (first) attributes = a;
      first = false;
      let tag: string | null = null;
      if (hasTag) {
        const t = this.item();
        tag = t.kind === 'symbol' ? t.name : t.kind === 'character' ? (t.data[0] ?? null) : null;
      }
      items.push({ tag, value: this.item() });
      // The CDR: another node of the same chain continues the loop; anything else ends it.
      const at = this.pos;
      const flags = this.int('the rest of a pairlist');
      const t = flags & 0xff;
      if (t === NILVALUE_SXP) break;
      if (t === LISTSXP || t === LANGSXP || t === CLOSXP || t === PROMSXP || t === DOTSXP) {
        hasAttr = (flags & (1 << 9)) !== 0;
        hasTag = (flags & (1 << 10)) !== 0;
        continue;
      }
      this.pos = at; // a non-list CDR (rare: dotted pair): keep it as an untagged last item
      items.push({ tag: null, value: this.item() });
      break;
    }
    return { kind, items, attributes };
  }

  /** ALTREP: info (class, package, type), state, attributes; expanded into an ordinary vector. */
  altrep(at: number): RValue {
    const info = this.item();
    const state = this.item();
    const attr = this.item();
    const attributes: RAttributes = new Map();
    if (attr.kind === 'pairlist') for (const it of attr.items) if (it.tag !== null) attributes.set(it.tag, it.value);
    const cls = info.kind === 'pairlist' && info.items[0]?.value.kind === 'symbol' ? info.items[0].value.name : '?';
    if (cls === 'compact_intseq' || cls === 'compact_realseq') {
      if (state.kind !== 'double' && state.kind !== 'integer') this.fail(`ALTREP ${cls} at offset ${at} has a ${state.kind} state`);
      const [n, start, step] = Array.from(state.data);
      if (!(n! >= 0) || !Number.isFinite(start!) || !Number.isFinite(step!)) this.fail(`ALTREP ${cls} at offset ${at} has a bad state`);
      if (cls === 'compact_intseq') {
        const data = new Int32Array(n!);
        for (let i = 0; i < n!; i++) data[i] = start! + i * step!;
        return { kind: 'integer', data, attributes };
      }
      const data = new Float64Array(n!);
      for (let i = 0; i < n!; i++) data[i] = start! + i * step!;
      return { kind: 'double', data, attributes };
    }
    if (cls.startsWith('wrap_')) {
      const inner = state.kind === 'pairlist' ? state.items[0]?.value : state.kind === 'list' ? state.items[0] : undefined;
      if (!inner || !('data' in inner)) this.fail(`ALTREP ${cls} at offset ${at} does not wrap a vector`);
      return { ...inner, attributes } as RValue;
    }
    if (cls === 'deferred_string') {
      const arg = state.kind === 'pairlist' ? state.items[0]?.value : undefined;
      if (!arg || (arg.kind !== 'integer' && arg.kind !== 'double')) this.fail(`ALTREP deferred_string at offset ${at} has no numeric argument`);
      const data: (string | null)[] = Array.from(arg.data as ArrayLike<number>, (v: number) =>
        arg.kind === 'integer' ? (v === R_NA_INTEGER ? null : String(v)) : Number.isNaN(v) ? null : String(Number(v.toPrecision(15))),
      );
      return { kind: 'character', data, attributes };
    }
    return this.fail(`unsupported ALTREP class '${cls}' at offset ${at}; re-save the object after materialising it (e.g. x[] <- x)`);
  }
}

function env(name: string): RValue {
  return { kind: 'environment', name, frame: [], attributes: EMPTY_ATTRS };
}

function startsWith(b: Uint8Array, s: string): boolean {
  if (b.length < s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[i] !== s.charCodeAt(i)) return false;
  return true;
}

/**
 * Decodes already-decompressed R serialisation bytes: an `.rda` body ("RDX2\n"/"RDX3\n" + stream)
 * gives every saved object by name; a bare stream (`.rds`) gives one object named `rdsName`.
 * Cost: O(bytes). Does not change `bytes`.
 * @throws DataFileError naming `file` for a wrong magic number, an unsupported format variant or
 *   version, a truncated stream, or an unsupported object type.
 */
export function parseRSerialization(bytes: Uint8Array, file: string, rdsName = 'object', options: RDataReadOptions = {}): Record<string, RValue> {
  const hint = options.hint ?? DEFAULT_HINT;
  const r: XdrReader = new XdrReader(bytes, file, hint);
  let isRda = false;
  if (startsWith(bytes, 'RDX2\n') || startsWith(bytes, 'RDX3\n')) {
    isRda = true;
    r.pos = 5;
  } else if (startsWith(bytes, 'RDA') || startsWith(bytes, 'RDB')) {
    r.fail(`this is an R data file in the ${bytes[2] === 0x41 ? 'ASCII' : 'native binary'} format ('${latin1.decode(bytes.subarray(0, 4))}'), which this reader does not handle; re-save it with save(..., ascii = FALSE) (XDR)`);
  } else if (startsWith(bytes, 'RDX1') || startsWith(bytes, 'RDA1')) {
    r.fail('this is a version-1 R data file (R < 1.4), which this reader does not handle; re-save it with a current R');
  }
  const format = latin1.decode(bytes.subarray(r.pos, r.pos + 2));
  if (format === 'A\n' || format === 'B\n') {
    r.fail(`this R serialisation uses the ${format === 'A\n' ? 'ASCII' : 'native binary'} format, which this reader does not handle; re-save it in the default XDR format`);
  }
  if (format !== 'X\n') {
    const head = Array.from(bytes.subarray(0, 6), (b) => b.toString(16).padStart(2, '0')).join(' ');
    r.fail(
      `not an R data file: it starts with bytes ${head || '(none: the file is empty)'}, where an .rda file starts with "RDX2\\n" or ` +
        '"RDX3\\n" and an .rds file with "X\\n" (after gzip, bzip2 or xz compression)',
    );
  }
  r.pos += 2;
  const version = r.int('the format version');
  if (version !== 2 && version !== 3) r.fail(`unsupported R serialisation version ${version} (this reader handles versions 2 and 3)`);
  r.int('the writer R version');
  r.int('the minimal reader R version');
  if (version === 3) {
    const n = r.int('the length of the native encoding name');
    if (n < 0 || n > 255) r.fail(`bad native encoding name length ${n}`);
    const enc = latin1.decode(r.rawBytes(n, 'the native encoding name'));
    try {
      r.native = new TextDecoder(enc.toLowerCase() === 'native.enc' ? 'utf-8' : enc);
    } catch {
      r.native = utf8; // an encoding name TextDecoder does not know: assume UTF-8
    }
  }
  const top = r.item();
  if (!isRda) return { [rdsName]: top };
  if (top.kind === 'NULL') return {};
  if (top.kind !== 'pairlist') r.fail(`an .rda file holds a pairlist of named objects, but this one holds a ${top.kind}`);
  const out: Record<string, RValue> = {};
  for (const it of top.items) out[it.tag ?? `object${Object.keys(out).length + 1}`] = it.value;
  return out;
}

/**
 * Reads every object of an R data file (`.rda`/`.RData` from save(), or `.rds` from saveRDS(), whose one
 * object is named after the file, without extension), undoing gzip, bzip2 or xz compression first.
 * @throws DataFileError naming the file when it cannot be read, cannot be decompressed (truncated or
 *   corrupt), or is not a supported R serialisation (see {@link parseRSerialization}).
 */
export async function readRObjects(path: string, options: RDataReadOptions = {}): Promise<Record<string, RValue>> {
  const hint = options.hint ?? DEFAULT_HINT;
  let raw: Uint8Array;
  try {
    raw = await readFile(path);
  } catch (e) {
    throw new DataFileError(path, `cannot read the file (${(e as Error).message}). ${hint}`);
  }
  const bytes = await decompress(raw, path, hint);
  const rdsName = basename(path).replace(/\.rds$/i, '');
  return parseRSerialization(bytes, path, rdsName, { hint });
}

/** The character values of attribute `name`, or [] when absent. */
function stringAttr(v: RValue, name: string): (string | null)[] {
  if (!('attributes' in v)) return [];
  const a = v.attributes.get(name);
  return a?.kind === 'character' ? a.data : [];
}

/** Whether `v` has class `cls` (among its class attribute's values). */
export function inheritsClass(v: RValue, cls: string): boolean {
  return stringAttr(v, 'class').includes(cls);
}

/**
 * Converts an R data frame value into a {@link DataFrame}: double, integer and logical columns become
 * Float64Array (NA → NaN); factors (ordered or not) become `{ levels, codes }` with 0-based codes and
 * NA → −1; character columns become factors with their distinct values as levels, sorted by code unit
 * (as R's factor() in the C locale). The row count comes from `row.names` (including R's compact
 * c(NA, −n) form) or the column lengths.
 * @throws DataFileError naming `file` and the column when `value` is not a data frame, a column has
 *   another type (list, complex, raw), or the column lengths disagree.
 */
export function toDataFrame(value: RValue, file: string, objectName: string): DataFrame {
  if (value.kind !== 'list' || !inheritsClass(value, 'data.frame')) {
    throw new DataFileError(file, `object '${objectName}' is a ${value.kind}${'attributes' in value && stringAttr(value, 'class').length ? ` of class ${stringAttr(value, 'class').join('/')}` : ''}, not a data.frame`);
  }
  const names = stringAttr(value, 'names').map((s, i) => s ?? `V${i + 1}`);
  if (names.length !== value.items.length) {
    throw new DataFileError(file, `data frame '${objectName}' has ${value.items.length} columns but ${names.length} names`);
  }
  let nrow = -1;
  const rn = value.attributes.get('row.names');
  if (rn && (rn.kind === 'integer' || rn.kind === 'double') && rn.data.length === 2 && (rn.data[0] === R_NA_INTEGER || Number.isNaN(rn.data[0]))) {
    nrow = Math.abs(rn.data[1]!); // compact form c(NA, -n) (or c(NA, n))
  } else if (rn && 'data' in rn) {
    nrow = rn.data.length;
  } else if (value.items.length > 0) {
    const first = value.items[0]!;
    nrow = 'data' in first ? first.data.length : first.kind === 'list' ? first.items.length : 0;
  } else {
    nrow = 0;
  }
  const columns: (Float64Array | FactorColumn)[] = [];
  value.items.forEach((col, j) => {
    const where = `column '${names[j]}' of data frame '${objectName}'`;
    const len = 'data' in col ? (col.kind === 'complex' ? col.data.length / 2 : col.data.length) : col.kind === 'list' ? col.items.length : -1;
    if (len !== nrow) throw new DataFileError(file, `${where} has ${len} values but the data frame has ${nrow} rows`);
    if (col.kind === 'integer' && inheritsClass(col, 'factor')) {
      const levels = stringAttr(col, 'levels').map((s) => s ?? 'NA');
      const codes = new Int32Array(nrow);
      for (let i = 0; i < nrow; i++) {
        const c = col.data[i]!;
        if (c === R_NA_INTEGER) codes[i] = -1;
        else if (c < 1 || c > levels.length) throw new DataFileError(file, `${where}: factor code ${c} in row ${i + 1} is outside its ${levels.length} levels`);
        else codes[i] = c - 1;
      }
      columns.push({ levels, codes });
    } else if (col.kind === 'integer' || col.kind === 'logical') {
      const out = new Float64Array(nrow);
      for (let i = 0; i < nrow; i++) out[i] = col.data[i] === R_NA_INTEGER ? NaN : col.data[i]!;
      columns.push(out);
    } else if (col.kind === 'double') {
      columns.push(col.data.slice());
    } else if (col.kind === 'character') {
      const levels = [...new Set(col.data.filter((s): s is string => s !== null))].sort();
      const index = new Map(levels.map((l, i) => [l, i]));
      const codes = new Int32Array(nrow);
      for (let i = 0; i < nrow; i++) codes[i] = col.data[i] === null ? -1 : index.get(col.data[i]!)!;
      columns.push({ levels, codes });
    } else {
      throw new DataFileError(file, `${where} is a ${col.kind} column; only numeric, integer, logical, character and factor columns are supported`);
    }
  });
  return { names, columns, nrow };
}

/**
 * Reads an R data file and returns its data frames by object name (see {@link readRObjects} for the
 * formats and {@link toDataFrame} for the column types). Objects that are not data frames are left out.
 * @throws DataFileError naming the file when it holds no data frame, or for any reading error.
 * @example const { LetterRecognition } = await readRData('LetterRecognition.rda') // 20000 rows, 17 columns
 */
export async function readRData(path: string, options: RDataReadOptions = {}): Promise<Record<string, DataFrame>> {
  const objects = await readRObjects(path, options);
  const out: Record<string, DataFrame> = {};
  for (const [name, v] of Object.entries(objects)) {
    if (v.kind === 'list' && inheritsClass(v, 'data.frame')) out[name] = toDataFrame(v, path, name);
  }
  if (Object.keys(out).length === 0) {
    const what = Object.entries(objects).map(([n, v]) => `${n} (${v.kind})`).join(', ') || 'nothing';
    throw new DataFileError(path, `holds no data frame (it holds ${what}). ${options.hint ?? DEFAULT_HINT}`);
  }
  return out;
}
