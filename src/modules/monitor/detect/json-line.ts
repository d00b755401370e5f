/**
 * `qalqan scan`'s output lines, encoded as UTF-8 straight into a byte buffer.
 *
 * JSON.stringify of a detection builds a ~1.4 KB string (two-byte as soon as the
 * message has one Cyrillic letter) that then has to be encoded to UTF-8 again: 7 and
 * 3.5 µs per line measured on the bench mix, half of what detect() itself costs. This
 * writer produces the same bytes in one pass over the fields. The output is
 * byte-identical to `JSON.stringify(record) + '\n'` (json-line.test.ts checks it on
 * the dev set and a generated mix): same key order, numbers as Number#toString,
 * strings with JSON.stringify's escapes (quote, backslash, control characters, lone
 * surrogates as \udxxx).
 */
import type { DetectResult } from './detector.js';
import type { Evidence } from './explain.js';
import type { Indicator } from './indicators/index.js';

const HEX = '0123456789abcdef';
/**
 * Bytes an entry needs besides 6 per UTF-16 unit of its strings: keys and punctuation (at most 87)
 * and three numbers of at most 24 bytes each (the longest Number#toString), with a margin.
 */
const ENTRY_BYTES = 192;

/** Growable byte buffer holding whole output lines. */
export class JsonLineWriter {
  /** Bytes written so far are buf[0, size). */
  buf: Buffer;
  size = 0;

  constructor(private readonly capacity = 1 << 17) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /**
   * Take the bytes written so far and start over in a fresh buffer of the first capacity (the
   * caller may keep the old one; one huge line does not leave a huge buffer behind).
   */
  take(): Buffer {
    const data = this.buf.subarray(0, this.size);
    this.buf = Buffer.allocUnsafe(this.capacity);
    this.size = 0;
    return data;
  }

  /** Make room for n more bytes; returns the buffer to write into. */
  room(n: number): Buffer {
    if (this.size + n > this.buf.length) {
      let cap = this.buf.length * 2;
      while (cap < this.size + n) cap *= 2;
      const b = Buffer.allocUnsafe(cap);
      this.buf.copy(b, 0, 0, this.size);
      this.buf = b;
    }
    return this.buf;
  }

  /** A string already JSON-encoded (a line built by JSON.stringify), followed by a newline. */
  line(json: string): void {
    const b = this.room(3 * json.length + 1);
    this.size += b.write(json, this.size, 'utf8');
    b[this.size++] = 0x0a;
  }
}

// The functions below write at position p of a buffer with room enough (reserved by the
// caller for the whole line) and return the position after what they wrote.

/** Characters known to be printable ASCII without quote or backslash (labels, indicator types). */
function ascii(b: Buffer, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
  return p;
}

/** Bytes prepared once (keys and punctuation, cached strings): a typed-array read per byte instead of a charCodeAt. */
function bytes(b: Buffer, p: number, x: Uint8Array): number {
  for (let i = 0; i < x.length; i++) b[p++] = x[i];
  return p;
}

const enc = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const K_ID = enc('{"id":');
const K_LABEL = enc(',"label":"');
const K_SCORES = enc('","scores":{"drug_sale":');
const K_COURIER = enc(',"courier_recruitment":');
const K_PROPAGANDA = enc(',"drug_propaganda":');
const K_BENIGN = enc(',"benign":');
const K_INDICATORS = enc('},"indicators":[');
const K_EXPLAIN = enc('],"explain":[');
const K_WARNING = enc(',"warning":');
const K_TYPE = [enc('{"type":"'), enc(',{"type":"')];
const K_VALUE = enc('","value":');
const K_CATEGORY = enc(',"category":');
const K_SUBSTANCE = enc(',"substance":');
const K_WEIGHT = enc(',"weight":');
const K_START = enc(',"start":');
const K_END = enc(',"end":');
/** `{"kind":"<kind>","text":` without and with the leading comma, per evidence kind. */
const K_KIND = new Map<string, Uint8Array[]>(
  ['term', 'emoji', 'indicator', 'feature'].map((k) => [k, [enc(`{"kind":"${k}","text":`), enc(`,{"kind":"${k}","text":`)]]),
);

const K_KIND_OTHER = [enc('{"kind":'), enc(',{"kind":')];
const K_TEXT = enc(',"text":');

/**
 * Categories and substances as JSON string literals, encoded once: a few hundred names (lexicon
 * categories, dense feature names, substances) recur on every line. Bounded, in case names ever
 * stop recurring.
 */
const NAMES = new Map<string, Uint8Array>();
function name(b: Buffer, p: number, s: string): number {
  let x = NAMES.get(s);
  if (x === undefined) {
    const t = Buffer.allocUnsafe(6 * s.length + 2);
    x = t.subarray(0, str(t, 0, s));
    if (NAMES.size < 4096) NAMES.set(s, x);
  }
  return bytes(b, p, x);
}

/** A JSON string literal, quotes included; needs up to 6 bytes per UTF-16 unit + 2. */
function str(b: Buffer, p: number, s: string): number {
  b[p++] = 0x22;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c) b[p++] = c;
      else p = escape(b, p, c);
    } else if (c < 0x800) {
      b[p++] = 0xc0 | (c >> 6);
      b[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      b[p++] = 0xe0 | (c >> 12);
      b[p++] = 0x80 | ((c >> 6) & 0x3f);
      b[p++] = 0x80 | (c & 0x3f);
    } else {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        b[p++] = 0xf0 | (cp >> 18);
        b[p++] = 0x80 | ((cp >> 12) & 0x3f);
        b[p++] = 0x80 | ((cp >> 6) & 0x3f);
        b[p++] = 0x80 | (cp & 0x3f);
        i++;
      } else p = escape(b, p, c); // a lone surrogate
    }
  }
  b[p++] = 0x22;
  return p;
}

/** JSON.stringify's escape of an ASCII control character, quote or backslash, or of a lone surrogate. */
function escape(b: Buffer, p: number, c: number): number {
  b[p++] = 0x5c;
  const short = c === 0x22 ? 0x22 : c === 0x5c ? 0x5c : c === 8 ? 0x62 : c === 9 ? 0x74 : c === 10 ? 0x6e : c === 12 ? 0x66 : c === 13 ? 0x72 : 0;
  if (short !== 0) {
    b[p++] = short;
    return p;
  }
  b[p++] = 0x75;
  for (let sh = 12; sh >= 0; sh -= 4) b[p++] = HEX.charCodeAt((c >> sh) & 15);
  return p;
}

/** Decimal digits of a non-negative integer below 2^31. */
function digits(b: Buffer, p: number, x: number): number {
  if (x < 10) {
    b[p++] = 0x30 + x;
    return p;
  }
  let d = 10;
  while (d <= x) d *= 10;
  for (d /= 10; d >= 1; d /= 10) {
    const q = (x / d) | 0;
    b[p++] = 0x30 + q;
    x -= q * d;
  }
  return p;
}

/**
 * A number as JSON writes it (Number#toString; non-finite numbers become null), at most 24 bytes.
 * Scores and weights are rounded to 4 and 3 decimals (x = round(y * 10^k) / 10^k); for those the
 * shortest decimal that reads back as x is that k-decimal fraction, written here digit by digit
 * instead of by the general double-to-string conversion (~100 ns each, ~20 per line).
 */
function num(b: Buffer, p: number, x: number): number {
  if (x >= 0 && x < 0x7fffffff && (x | 0) === x) return digits(b, p, x);
  const a = x < 0 ? -x : x;
  if (a < 1e5) {
    const n = Math.round(a * 10000);
    if (n / 10000 === a && a >= 1e-4) {
      if (x < 0) b[p++] = 0x2d;
      const whole = Math.floor(n / 10000);
      p = digits(b, p, whole);
      let frac = n - whole * 10000;
      if (frac !== 0) {
        b[p++] = 0x2e;
        for (let d = 1000; frac !== 0; d /= 10) {
          const q = (frac / d) | 0;
          b[p++] = 0x30 + q;
          frac -= q * d;
        }
      }
      return p;
    }
  }
  return ascii(b, p, Number.isFinite(x) ? String(x) : 'null');
}

/**
 * One scan output line: `{"id","label","scores","indicators","explain"[,"warning"]}`,
 * the fields in the order of the record cli.ts used to stringify.
 */
export function writeDetection(w: JsonLineWriter, id: string | number, r: DetectResult, warning?: string): void {
  const inds = r.indicators;
  const ex = r.explain;
  // room for the whole line at once, so the writers below need no bounds checks
  let need = 512 + (typeof id === 'string' ? 6 * id.length : 0) + (warning === undefined ? 0 : 6 * warning.length);
  for (let i = 0; i < inds.length; i++) need += ENTRY_BYTES + 6 * inds[i].value.length;
  for (let i = 0; i < ex.length; i++) {
    const e = ex[i];
    need += ENTRY_BYTES + 6 * (e.text.length + e.category.length + (e.substance === undefined ? 0 : e.substance.length));
  }
  const b = w.room(need);
  let p = w.size;
  p = bytes(b, p, K_ID);
  p = typeof id === 'number' ? num(b, p, id) : str(b, p, id);
  p = bytes(b, p, K_LABEL);
  p = ascii(b, p, r.label);
  const s = r.scores;
  p = bytes(b, p, K_SCORES);
  p = num(b, p, s.drug_sale);
  p = bytes(b, p, K_COURIER);
  p = num(b, p, s.courier_recruitment);
  p = bytes(b, p, K_PROPAGANDA);
  p = num(b, p, s.drug_propaganda);
  p = bytes(b, p, K_BENIGN);
  p = num(b, p, s.benign);
  p = bytes(b, p, K_INDICATORS);
  for (let i = 0; i < inds.length; i++) p = indicator(b, p, inds[i], i > 0);
  p = bytes(b, p, K_EXPLAIN);
  for (let i = 0; i < ex.length; i++) p = evidence(b, p, ex[i], i > 0);
  b[p++] = 0x5d;
  if (warning !== undefined) {
    p = bytes(b, p, K_WARNING);
    p = str(b, p, warning);
  }
  b[p++] = 0x7d;
  b[p++] = 0x0a;
  w.size = p;
}

function indicator(b: Buffer, p: number, x: Indicator, comma: boolean): number {
  p = bytes(b, p, K_TYPE[comma ? 1 : 0]);
  p = ascii(b, p, x.type);
  p = bytes(b, p, K_VALUE);
  p = str(b, p, x.value);
  p = bytes(b, p, K_START);
  p = num(b, p, x.start);
  p = bytes(b, p, K_END);
  p = num(b, p, x.end);
  b[p++] = 0x7d;
  return p;
}

function evidence(b: Buffer, p: number, e: Evidence, comma: boolean): number {
  const kind = K_KIND.get(e.kind);
  if (kind !== undefined) p = bytes(b, p, kind[comma ? 1 : 0]);
  else {
    p = bytes(b, p, K_KIND_OTHER[comma ? 1 : 0]);
    p = str(b, p, e.kind);
    p = bytes(b, p, K_TEXT);
  }
  p = str(b, p, e.text);
  p = bytes(b, p, K_CATEGORY);
  p = name(b, p, e.category); // dense feature names carry lexicon category names: not assumed ASCII
  if (e.substance !== undefined) {
    p = bytes(b, p, K_SUBSTANCE);
    p = name(b, p, e.substance);
  }
  if (e.weight !== undefined) {
    p = bytes(b, p, K_WEIGHT);
    p = num(b, p, e.weight);
  }
  p = bytes(b, p, K_START);
  p = num(b, p, e.start);
  p = bytes(b, p, K_END);
  p = num(b, p, e.end);
  b[p++] = 0x7d;
  return p;
}
