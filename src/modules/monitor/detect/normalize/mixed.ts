/**
 * Reading words that mix the two scripts letter by letter (мdма, аmфетамин, закlаdки, шиshки,
 * tайnик): posters swap some Cyrillic letters for Latin ones to slip past keyword filters. A
 * look-alike swap (Рaботаем) is read by the fold tables of script.ts, but a swap by sound is
 * not: a Latin "n" stands for н by sound and for п by look, "h" for х or н, "sh" for ш. Such a
 * word is read as the lexicon term one of its readings gives; when none gives a term the word
 * is left to the normaliser's usual rules, so ordinary mixed words stay as they were.
 *
 * Split out of normalizer.ts; it runs only for words that hold letters of both scripts.
 */
import * as script from './script.js';
import type { WordOracle } from './leet.js';

// local consts: imported bindings are getters under tsx
const { kkFold: kk } = script;

/** Longest word read this way: longer tokens are handles, hashes or glued text, not a disguised word. */
export const MAX_MIXED = 24;
/** Most choice points per word and readings tried per word: a word costs at most a few µs. */
const MAX_POINTS = 6;
const MAX_READINGS = 256;

const cc = (s: string) => s.charCodeAt(0);

/** Cyrillic readings of a Latin letter by look or by sound (folded like the lexicon: қ -> к, ё -> е). */
const READINGS: number[][] = [];
for (const [lat, cyr] of Object.entries({
  a: 'а', b: 'бвь', c: 'сц', d: 'д', e: 'еэ', f: 'ф', g: 'г', h: 'хн', i: 'иі', j: 'йж', k: 'к', l: 'л', m: 'м',
  n: 'нпи', o: 'о', p: 'рп', q: 'к', r: 'рг', s: 'с', t: 'т', u: 'уи', v: 'в', w: 'шв', x: 'х', y: 'уыйь', z: 'з',
})) READINGS[cc(lat)] = [...new Set([...cyr].map((ch) => kk(cc(ch))))];

/** Latin letter pairs (and the triple "sch") written for one Cyrillic letter by sound. */
const DIGRAPHS: Record<string, string> = {
  sh: 'ш', zh: 'ж', ch: 'ч', kh: 'х', ts: 'ц', tc: 'ц', ya: 'я', ja: 'я', yu: 'ю', ju: 'ю', yo: 'е', jo: 'е', ye: 'е',
};
const digraphOf = (a: number, b: number): number => {
  const d = DIGRAPHS[String.fromCharCode(a, b)];
  return d ? kk(cc(d)) : 0;
};
const S = cc('s'), C = cc('c'), H = cc('h'), SHCH = cc('щ');

const isLat = (c: number) => c >= 0x61 && c <= 0x7a;

/** One place in the word where a reading may differ: a Latin letter, or a pair read as one letter. */
interface Point {
  at: number;
  /** Chars of the word this point covers (1, or 2-3 for a digraph). */
  width: number;
  /** Cyrillic letters it can be read as (the first is the fold table's reading, or 0 = read the letters one by one). */
  options: number[];
}

/** Stateless apart from scratch buffers; one per Normalizer. */
export class MixedReader {
  /** The reading found by the last successful read(): chars, original spans. */
  readonly c = new Uint16Array(MAX_MIXED);
  readonly s = new Int32Array(MAX_MIXED);
  readonly e = new Int32Array(MAX_MIXED);
  /** All zero: the reading is already folded (the normaliser's NO_FOLD ignores case). */
  readonly u = new Uint8Array(MAX_MIXED);
  private readonly tmp = new Uint16Array(MAX_MIXED);
  private readonly sel = new Int32Array(MAX_POINTS);
  private readonly best = new Int32Array(MAX_POINTS);
  /** Length of the reading last built by check(). */
  private len = 0;

  constructor(private readonly oracle: WordOracle) {}

  /**
   * Find a reading of the word (chars `W` folded for a Cyrillic word, original chars `O` in
   * lower case, spans `WS`/`WE`) that is a lexicon term, changing as few places of the look-alike
   * reading `W` as possible. Returns its length (chars in c/s/e), or 0 when `W` itself is a term
   * or no reading is.
   */
  read(W: Uint16Array, O: Uint16Array, WS: Int32Array, WE: Int32Array, L: number): number {
    const points: Point[] = [];
    for (let j = 0; j < L && points.length < MAX_POINTS; j++) {
      const o = O[j];
      if (!isLat(o)) continue;
      const next = j + 1 < L ? O[j + 1] : 0;
      if (o === S && next === C && j + 2 < L && O[j + 2] === H) {
        points.push({ at: j, width: 3, options: [0, SHCH] });
        j += 2;
        continue;
      }
      const d = isLat(next) ? digraphOf(o, next) : 0;
      if (d) {
        points.push({ at: j, width: 2, options: [0, d] });
        continue; // the second letter stays a point of its own when the pair is read apart
      }
      const alts = READINGS[o];
      if (alts && alts.length > 1) points.push({ at: j, width: 1, options: [W[j], ...alts.filter((x) => x !== W[j])] });
    }
    if (points.length === 0) return 0;
    const sel = this.sel;
    const best = this.best;
    sel.fill(0);
    // the look-alike reading is a term already (мeфедрон): the normaliser's own fold gives it
    if (this.check(W, WS, WE, L, points, false)) return 0;
    let bestChanges = Infinity;
    let readings = 0;
    for (;;) {
      let changes = 0;
      for (let q = 0; q < points.length; q++) if (sel[q]) changes++;
      if (changes > 0 && changes < bestChanges && this.consistent(points) && this.check(W, WS, WE, L, points, false)) {
        bestChanges = changes;
        best.set(sel);
        if (changes === 1) break;
      }
      if (++readings >= MAX_READINGS) break;
      let q = 0;
      while (q < points.length && ++sel[q] === points[q].options.length) sel[q++] = 0;
      if (q === points.length) break;
    }
    if (bestChanges === Infinity) return 0;
    sel.set(best);
    return this.check(W, WS, WE, L, points, true) ? this.len : 0;
  }

  /** A digraph read as one letter swallows the next letter's own point. */
  private consistent(points: Point[]): boolean {
    for (let q = 0; q + 1 < points.length; q++) {
      const p = points[q];
      if (p.width > 1 && this.sel[q] !== 0 && points[q + 1].at < p.at + p.width && this.sel[q + 1] !== 0) return false;
    }
    return true;
  }

  /** Build the selected reading (collapsing repeats like the emitter) and ask the oracle; with `keep`, into c/s/e. */
  private check(W: Uint16Array, WS: Int32Array, WE: Int32Array, L: number, points: Point[], keep: boolean): boolean {
    const t = keep ? this.c : this.tmp;
    let n = 0;
    let q = 0;
    let prev = -1;
    for (let j = 0; j < L; ) {
      while (q < points.length && points[q].at < j) q++;
      let ch = W[j];
      let w = 1;
      if (q < points.length && points[q].at === j && this.sel[q] !== 0) {
        const p = points[q];
        ch = p.options[this.sel[q]];
        w = p.width;
      }
      if (ch !== prev) {
        t[n] = ch;
        if (keep) {
          this.s[n] = WS[j];
          this.e[n] = WE[j + w - 1];
        }
        n++;
        prev = ch;
      } else if (keep) this.e[n - 1] = WE[j + w - 1];
      j += w;
    }
    this.len = n;
    return this.oracle(t, n);
  }
}
