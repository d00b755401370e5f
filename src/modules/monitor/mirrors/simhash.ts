/**
 * 64-bit SimHash (Charikar 2002) over word shingles of the detector's normalised text, and its
 * banded index. Near-duplicate pages — a shop's post re-published with another price, a mirror
 * site with a new contact line — differ in a few shingles, so their SimHashes differ in a few
 * bits, while unrelated texts differ in about 32 of 64.
 *
 * Normalisation is the detector's (detect/normalize): case, script mixing (Latin look-alikes in
 * Cyrillic words), leetspeak, split letters and invisible characters are folded and digits are
 * collapsed, so the usual evasions do not change the fingerprint.
 *
 * Bits are kept as two unsigned 32-bit halves (no BigInt on the hot path) and exchanged as
 * 16 hex digits.
 */
import { normalize } from '../detect/normalize/index.js';

/**
 * Words per shingle. Single words (a bag of words, each occurrence voting): on short posts one
 * edited word then moves the fewest votes; measured on drug-ad texts, a one-word edit flips 0–7
 * bits with single words against 4–17 with 2- or 3-word shingles (docs/monitor-rechecks.md).
 */
export const SHINGLE = 1;
/** Fewer normalised words than this: no fingerprint (short posts collide by chance, e.g. "пишите в лс"). */
export const MIN_TOKENS = 8;
/**
 * Default largest Hamming distance that counts as a near-duplicate (MIRROR_MAX_DISTANCE). With
 * four 16-bit bands any pair within distance 3 shares a band exactly, so up to 3 the band lookup
 * misses nothing (Manku, Jain, Das Sarma 2007 use k = 3 for 64-bit SimHash on web pages); at 4
 * a pair is still found when one band is untouched (about 90% of 4-bit differences).
 */
export const DEFAULT_MAX_DISTANCE = 4;
export const BANDS = 4;

/** A SimHash with the number of words it was built from. */
export interface Fingerprint { hi: number; lo: number; tokens: number }

/** Normalised words of a text (emoji concepts kept as words: they carry meaning in drug ads). */
export function words(text: string): string[] {
  return normalize(text).text.split(' ').filter(Boolean);
}

/**
 * Two independent 32-bit hashes of a string (cyrb53's mixing, both halves kept): 64 bits that
 * are stable across runs and platforms, which stored fingerprints require.
 */
function hash64(s: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** SimHash of a list of features; every occurrence votes once per bit. */
export function simhashFeatures(features: string[], tokens = features.length): Fingerprint {
  const v = new Int32Array(64);
  for (const f of features) {
    const [a, b] = hash64(f);
    for (let bit = 0; bit < 32; bit++) {
      v[bit] += (a >>> bit) & 1 ? 1 : -1;
      v[32 + bit] += (b >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (v[bit]! > 0) hi |= 1 << bit;
    if (v[32 + bit]! > 0) lo |= 1 << bit;
  }
  return { hi: hi >>> 0, lo: lo >>> 0, tokens };
}

/** Word shingles of already normalised words (single words by default). */
export function shingles(ws: string[], size = SHINGLE): string[] {
  if (ws.length <= size) return ws.length ? [ws.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + size <= ws.length; i++) out.push(ws.slice(i, i + size).join(' '));
  return out;
}

/** SimHash of already normalised words. */
export function simhashWords(ws: string[]): Fingerprint {
  return simhashFeatures(shingles(ws), ws.length);
}

/** SimHash of a raw text (normalised first). */
export function simhash(text: string): Fingerprint {
  return simhashWords(words(text));
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Number of differing bits (0–64). */
export function hamming(a: Pick<Fingerprint, 'hi' | 'lo'>, b: Pick<Fingerprint, 'hi' | 'lo'>): number {
  return popcount32((a.hi ^ b.hi) >>> 0) + popcount32((a.lo ^ b.lo) >>> 0);
}

/** 16 lower-case hex digits, high half first. */
export function toHex(f: Pick<Fingerprint, 'hi' | 'lo'>): string {
  return f.hi.toString(16).padStart(8, '0') + f.lo.toString(16).padStart(8, '0');
}

export function fromHex(hex: string): { hi: number; lo: number } {
  if (!/^[0-9a-f]{16}$/.test(hex)) throw new Error(`not a 64-bit hex SimHash: ${hex}`);
  return { hi: parseInt(hex.slice(0, 8), 16) >>> 0, lo: parseInt(hex.slice(8), 16) >>> 0 };
}

/** The four 16-bit bands (bits 63–48, 47–32, 31–16, 15–0) stored as indexed columns. */
export function bands(f: Pick<Fingerprint, 'hi' | 'lo'>): [number, number, number, number] {
  return [f.hi >>> 16, f.hi & 0xffff, f.lo >>> 16, f.lo & 0xffff];
}
