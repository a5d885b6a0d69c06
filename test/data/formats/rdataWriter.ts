/**
 * Test helper (not a test file): writes R serialisation bytes by hand, following R Internals'
 * description of the XDR format, so that tests can build .rda/.rds files without R.
 * Also used once to make the committed bzip2/xz fixtures (see test/data/fixtures/README.md).
 */

export const T = {
  SYM: 1, LIST: 2, CHAR: 9, LGL: 10, INT: 13, REAL: 14, CPLX: 15, STR: 16, VEC: 19, RAW: 24, S4: 25, BCODE: 21,
  REF: 255, NILVALUE: 254, ALTREP: 238,
} as const;

export const NA_INT = -2147483648;

export class RWriter {
  private readonly chunks: number[] = [];
  private readonly symbols = new Map<string, number>();
  private refCount = 0;

  ascii(s: string): this {
    for (let i = 0; i < s.length; i++) this.chunks.push(s.charCodeAt(i));
    return this;
  }

  raw(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.chunks.push(b[i]!);
    return this;
  }

  int(v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, v);
    return this.raw(b);
  }

  double(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v);
    return this.raw(b);
  }

  /** R's NA_real_: a NaN whose low word is 1954. */
  naReal(): this {
    return this.int(0x7ff00000).int(1954);
  }

  flags(type: number, o: { obj?: boolean; attr?: boolean; tag?: boolean; levels?: number } = {}): this {
    return this.int(type | (o.obj ? 1 << 8 : 0) | (o.attr ? 1 << 9 : 0) | (o.tag ? 1 << 10 : 0) | ((o.levels ?? 0) << 12));
  }

  /** The stream header: optional "RDX2\n"/"RDX3\n", then "X\n", version, R versions, [native encoding]. */
  header(version: 2 | 3, rda: boolean, nativeEncoding = 'UTF-8'): this {
    if (rda) this.ascii(version === 2 ? 'RDX2\n' : 'RDX3\n');
    this.ascii('X\n').int(version).int(0x040301).int(version === 2 ? 0x020300 : 0x030500);
    if (version === 3) this.int(nativeEncoding.length).ascii(nativeEncoding);
    return this;
  }

  /** A CHARSXP item; enc picks the gp bits (utf8 8, latin1 4, bytes 2, ascii 64, native 0). */
  charsxp(s: string | null, enc: 'utf8' | 'latin1' | 'bytes' | 'ascii' | 'native' = 'ascii'): this {
    const levels = { utf8: 8, latin1: 4, bytes: 2, ascii: 64, native: 0 }[enc];
    if (s === null) return this.flags(T.CHAR).int(-1);
    const bytes = enc === 'latin1' || enc === 'bytes' ? Array.from(s, (c) => c.charCodeAt(0)) : Array.from(new TextEncoder().encode(s));
    return this.flags(T.CHAR, { levels }).int(bytes.length).raw(bytes);
  }

  /** A symbol: SYMSXP the first time (entering the reference table), REFSXP afterwards. */
  sym(name: string): this {
    const ref = this.symbols.get(name);
    if (ref !== undefined) return this.int((ref << 8) | T.REF);
    this.symbols.set(name, ++this.refCount);
    return this.flags(T.SYM).charsxp(name);
  }

  nil(): this {
    return this.flags(T.NILVALUE);
  }

  /** A tagged pairlist (attributes or the .rda object list): each entry writes its value. */
  pairlist(entries: Array<[string, (w: this) => void]>): this {
    for (const [tag, write] of entries) {
      this.flags(T.LIST, { tag: true }).sym(tag);
      write(this);
    }
    return this.nil();
  }

  strsxp(values: (string | null)[], attrs?: Array<[string, (w: this) => void]>, enc: 'utf8' | 'latin1' | 'ascii' | 'native' | 'bytes' = 'ascii'): this {
    this.flags(T.STR, { attr: !!attrs }).int(values.length);
    for (const v of values) this.charsxp(v, enc);
    return attrs ? this.pairlist(attrs) : this;
  }

  intsxp(values: number[], attrs?: Array<[string, (w: this) => void]>, o: { obj?: boolean; type?: number } = {}): this {
    this.flags(o.type ?? T.INT, { attr: !!attrs, obj: o.obj }).int(values.length);
    for (const v of values) this.int(v);
    return attrs ? this.pairlist(attrs) : this;
  }

  realsxp(values: number[], attrs?: Array<[string, (w: this) => void]>): this {
    this.flags(T.REAL, { attr: !!attrs }).int(values.length);
    for (const v of values) if (Number.isNaN(v)) this.naReal(); else this.double(v);
    return attrs ? this.pairlist(attrs) : this;
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

/**
 * The tiny data frame used by several tests, as R would write
 * `df <- data.frame(x = c(1.5, NA, -2), n = c(3L, NA, 7L), b = c(TRUE, NA, FALSE),
 *  f = factor(c("lo", NA, "hi"), levels = c("lo", "hi")), s = c("é", NA, "b"))` plus `v <- 1:3` (as a plain
 * INTSXP), saved with save(df, v).
 */
export function tinyRda(version: 2 | 3 = 2): Uint8Array {
  const w = new RWriter().header(version, true);
  return w
    .pairlist([
      [
        'df',
        (w) => {
          w.flags(T.VEC, { obj: true, attr: true }).int(5);
          w.realsxp([1.5, NaN, -2]);
          w.intsxp([3, NA_INT, 7]);
          w.intsxp([1, NA_INT, 0], undefined, { type: T.LGL });
          w.intsxp([1, NA_INT, 2], [
            ['levels', (w) => w.strsxp(['lo', 'hi'])],
            ['class', (w) => w.strsxp(['factor'])],
          ], { obj: true });
          w.strsxp(['é', null, 'b'], undefined, 'utf8');
          w.pairlist([
            ['names', (w) => w.strsxp(['x', 'n', 'b', 'f', 's'])],
            ['class', (w) => w.strsxp(['data.frame'])],
            ['row.names', (w) => w.intsxp([NA_INT, -3])],
          ]);
        },
      ],
      ['v', (w) => w.intsxp([1, 2, 3])],
    ])
    .bytes();
}
