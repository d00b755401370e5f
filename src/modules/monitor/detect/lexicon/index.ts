/**
 * Lexicon: reviewed drug / shop / recruitment / propaganda / benign-context terms
 * (lexicon.json, sources listed there), matched by stem over NORMALISED text in one
 * left-to-right pass with a single character trie.
 *
 * Terms are normalised with the same Normalizer as messages, so look-alikes, Kazakh
 * letters, stretched letters and digits fold identically on both sides. Matching is
 * leftmost-longest and non-overlapping ("фен для волос" beats "фен"; "лишения
 * свободы" hides "свобод"). Inflections: `stem` terms accept any continuation,
 * `inflect` terms accept a Russian/Kazakh/English ending from a suffix trie
 * (закладкалар, мефті, кладқа, бота), `word` terms need the word to end.
 */
import { createRequire } from 'node:module';
import { EMOJI_BASE, EMOJI_CONCEPTS, emojiConceptId } from '../normalize/emoji.js';
import * as glue from '../normalize/glue.js';
import * as nz from '../normalize/normalizer.js';
import { latinSpellings } from './translit.js';
import { CharTrie, FrozenTrie, codes } from './trie.js';

const require = createRequire(import.meta.url);

const { F_AFTER_SPACE, F_JOINED, F_START, Normalizer } = nz; // local consts: imported bindings are getters under tsx
const { isFoldedLetter } = glue;
const MODE_STEM = 0;
const MODE_INFLECT = 1;
const MODE_WORD = 2;
const SPACE = 0x20;
/**
 * Shortest Latin spelling of a Cyrillic term that is matched (letters, without spaces): shorter
 * ones ("sol", "met", "kot") are ordinary English or Kazakh words as often as drug slang.
 */
const MIN_LATIN = 5;
/**
 * Function words of three or more letters (Russian, Kazakh, English; shorter ones never start a
 * crossing) that may stand before a word which, glued to them, would spell a term ("без опасно",
 * "при ход"); English day names ("Mon Thu" is no "month"). A space after them is a space.
 */
const NO_CROSS = [
  'без', 'или', 'над', 'под', 'при', 'про', 'уже', 'так', 'как', 'вот', 'это', 'там', 'тут', 'все', 'его', 'для',
  'кто', 'что', 'чем', 'где', 'раз', 'был', 'нет', 'есть', 'она', 'они', 'мне', 'меня', 'тебе', 'сам', 'сама', 'мой',
  'моя', 'наш', 'ваш',
  'мен', 'бен', 'пен', 'бұл', 'сол', 'осы', 'жоқ', 'бар', 'және', 'үшін', 'деп', 'біз', 'сіз', 'сен', 'көп', 'бір', 'екі',
  'the', 'for', 'and', 'but', 'not', 'our', 'you', 'all', 'any', 'can', 'get', 'got', 'has', 'had', 'was', 'are', 'now',
  'new', 'out', 'off', 'one', 'two', 'his', 'her', 'its', 'who', 'how', 'why',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
];

/** One lexicon term after normalisation. */
export interface LexTerm {
  /** Term as written in lexicon.json. */
  raw: string;
  /** Normalised form that is matched. */
  norm: string;
  /** Category ('' and -1 for a stop word, which is matched to be passed over). */
  cat: string;
  catId: number;
  /** Substance tag ('' if none). */
  sub: string;
  subId: number;
  mode: number;
  /** True for emoji concept terms. */
  emoji: boolean;
}

interface LexFile {
  version: number;
  endings: Record<string, string[]>;
  entries: { cat: string; sub?: string; mode: 'stem' | 'inflect' | 'word' | 'emoji'; t: string[] }[];
  /** Whole words that a term's stem or spelling happens to begin but that are no term ("policy" is no "полиц"). */
  stop?: { why: string; t: string[] };
}

/** Reusable match output: parallel arrays, valid in [0, n). Spans are in normalised text. */
export class MatchBuf {
  n = 0;
  term = new Int32Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  push(t: number, s: number, e: number): void {
    if (this.n === this.term.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.term = grow(this.term);
      this.start = grow(this.start);
      this.end = grow(this.end);
    }
    this.term[this.n] = t;
    this.start[this.n] = s;
    this.end[this.n] = e;
    this.n++;
  }
}

/** Compiled lexicon. */
export class Lexicon {
  readonly terms: LexTerm[] = [];
  readonly cats: string[] = [];
  readonly subs: string[] = [''];
  readonly version: number;
  /** Category and substance id per term (typed copies of terms[t].catId / subId for the hot loops). */
  readonly termCat: Int32Array;
  readonly termSub: Int32Array;
  private readonly trie: FrozenTrie;
  private next: Int32Array; // payload chain: term -> next term at the same node
  private mode: Uint8Array; // match mode per term (typed array: read in the hot loop)
  private readonly suffix: FrozenTrie;
  private suffixEnd: Uint8Array;
  /** Per trie node: 1 when the word spelled down to it is a function word, after which a space is not crossed (see match). */
  private noCross: Uint8Array;

  constructor(data: LexFile) {
    this.version = data.version;
    const norm = new Normalizer();
    const normTerm = (s: string): string => {
      norm.run(s);
      return norm.text().trim();
    };
    // endings: Russian single, Kazakh plural? + possessive? + case? (English ones with the Latin below)
    const ends = new Set<string>();
    for (const e of data.endings.ru ?? []) ends.add(e);
    const pl = ['', ...(data.endings.kk_plural ?? [])];
    const po = ['', ...(data.endings.kk_possessive ?? [])];
    const ca = ['', ...(data.endings.kk_case ?? [])];
    for (const a of pl) for (const b of po) for (const c of ca) if (a + b + c) ends.add(a + b + c);
    const endNodes: number[] = [];
    const suffix = new CharTrie(1 << 15);
    // the same endings typed in Latin, for the Latin spellings of inflected terms (zakladkami);
    // many Kazakh endings share a spelling, so each is normalised once
    const latinEnds = new Set<string>();
    for (const e of ends) {
      const n = normTerm('я' + e).slice(1); // normalise as a word tail (same repeat folding)
      if (n && !n.includes(' ')) endNodes.push(suffix.insert(codes(n)));
      for (const sp of latinSpellings(e)) latinEnds.add(sp);
    }
    // English endings are normalised as the tail of a Latin word: after "я" the look-alike fold
    // would read "s", "es" and "y" as Cyrillic ("яс"), and "plugs" or "weeds" would match nothing
    for (const e of data.endings.en ?? []) latinEnds.add(e);
    for (const sp of latinEnds) {
      const m = normTerm('w' + sp).slice(1);
      if (m && !m.includes(' ')) endNodes.push(suffix.insert(codes(m)));
    }
    const suffixEnd = new Uint8Array(suffix.size + 1);
    for (const n of endNodes) suffixEnd[n] = 1;
    this.suffix = new FrozenTrie(suffix);
    this.suffixEnd = this.suffix.remap(suffixEnd, (n) => new Uint8Array(n));

    const catIds = new Map<string, number>();
    const subIds = new Map<string, number>([['', 0]]);
    const seen = new Set<string>();
    const chain: number[] = [];
    const trie = new CharTrie(1 << 16);
    for (const entry of data.entries) {
      if (!catIds.has(entry.cat)) {
        catIds.set(entry.cat, this.cats.length);
        this.cats.push(entry.cat);
      }
      const emoji = entry.mode === 'emoji';
      const entryMode = emoji || entry.mode === 'word' ? MODE_WORD : entry.mode === 'inflect' ? MODE_INFLECT : MODE_STEM;
      // a Latin spelling of a stem takes only endings: "centr" must not match English "central"
      const latinMode = entryMode === MODE_STEM ? MODE_INFLECT : entryMode;
      const add = (raw: string, n: string, sub: string, mode = entryMode): void => {
        const key = n + '\u0000' + entry.cat;
        if (!n || seen.has(key)) return;
        seen.add(key);
        if (!subIds.has(sub)) {
          subIds.set(sub, this.subs.length);
          this.subs.push(sub);
        }
        const id = this.terms.length;
        this.terms.push({ raw, norm: n, cat: entry.cat, catId: catIds.get(entry.cat)!, sub, subId: subIds.get(sub)!, mode, emoji });
        const node = trie.insert(codes(n));
        chain[id] = trie.head[node];
        trie.head[node] = id;
      };
      for (const raw of entry.t) {
        if (emoji) {
          const id = emojiConceptId(raw);
          add(raw, String.fromCharCode(EMOJI_BASE + id), EMOJI_CONCEPTS[id].substance ?? '');
          continue;
        }
        add(raw, normTerm(raw), entry.sub ?? '');
      }
      // Latin spellings after every written form, so a term written in Latin in lexicon.json keeps its own entry
      if (!emoji) {
        for (const raw of entry.t) {
          for (const sp of latinSpellings(raw)) {
            const n = normTerm(sp);
            if (n.replace(/ /g, '').length >= MIN_LATIN) add(sp, n, entry.sub ?? '', latinMode);
          }
        }
      }
    }
    // Stop words are terms of no category: as the longest match they take the word, and match()
    // reports nothing for it (to the normaliser's oracle, termEnd, they are words like any other).
    for (const raw of data.stop?.t ?? []) {
      const n = normTerm(raw);
      if (!n) continue;
      const id = this.terms.length;
      this.terms.push({ raw, norm: n, cat: '', catId: -1, sub: '', subId: 0, mode: MODE_WORD, emoji: false });
      const node = trie.insert(codes(n));
      chain[id] = trie.head[node];
      trie.head[node] = id;
    }
    this.trie = new FrozenTrie(trie);
    this.noCross = new Uint8Array(this.trie.size);
    for (const w of NO_CROSS) {
      const n = normTerm(w);
      let node = 0;
      for (let i = 0; i < n.length && node >= 0; i++) node = this.trie.child(node, n.charCodeAt(i));
      if (node > 0) this.noCross[node] = 1;
    }
    this.next = Int32Array.from(chain, (x) => x ?? -1);
    this.mode = Uint8Array.from(this.terms, (t) => t.mode);
    this.termCat = Int32Array.from(this.terms, (t) => t.catId);
    this.termSub = Int32Array.from(this.terms, (t) => t.subId);
  }

  /** Does the word tail buf[q..end) satisfy `mode` for a term ending at q? */
  private tailOk(mode: number, buf: Uint16Array, flags: Uint8Array, q: number, len: number, last: number): boolean {
    if (mode === MODE_STEM) return true;
    if (q >= len || buf[q] === SPACE) return true;
    if (flags[q] & F_JOINED) return true; // inside a re-joined s.p.l.i.t run word ends are unknown
    if (mode === MODE_WORD) return false;
    // inflect: walk the suffix trie to the word end; also try with the term's last char
    // re-inserted, because repeat folding merged it with the ending (клад+да -> клада).
    if (this.suffixWalk(0, buf, q, len)) return true;
    const n = this.suffix.child(0, last);
    return n >= 0 && this.suffixWalk(n, buf, q, len);
  }

  private suffixWalk(node: number, buf: Uint16Array, q: number, len: number): boolean {
    while (q < len && buf[q] !== SPACE) {
      node = this.suffix.child(node, buf[q++]);
      if (node < 0) return false;
    }
    return this.suffixEnd[node] === 1;
  }

  /**
   * Find terms in normalised text buf[0, len) (flags from the Normalizer).
   * Leftmost-longest, non-overlapping; all terms sharing the winning form are reported.
   */
  match(buf: Uint16Array, flags: Uint8Array, len: number, out: MatchBuf): void {
    out.n = 0;
    const trie = this.trie;
    const head = trie.head;
    const next = this.next;
    const mode = this.mode;
    const root = trie.rootTable;
    const termCat = this.termCat;
    let p = 0;
    while (p < len) {
      if ((flags[p] & F_START) === 0) {
        p++;
        continue;
      }
      let node = root[buf[p]];
      if (node < 0) {
        p++;
        continue;
      }
      let bestNode = -1;
      let bestEnd = -1;
      let q = p + 1;
      let crossed = -1; // where a space inside a word was crossed
      let multi = false; // the walk went through a space of a multi-word term
      for (;;) {
        for (let t = head[node]; t >= 0; t = next[t]) {
          if (mode[t] === MODE_STEM || this.tailOk(mode[t], buf, flags, q, len, buf[q - 1])) {
            bestNode = node;
            bestEnd = q;
            break;
          }
        }
        if (q >= len) break;
        let to = trie.child(node, buf[q]);
        if (to < 0) {
          // A space written inside a word ("зак ладки", "мефед рон"): a whole word of 3+ letters that
          // is only the start of a term, and not a function word, goes on into the next word, once,
          // when one plain space stood between them in the original (no full stop, comma, dash).
          if (buf[q] !== SPACE || crossed >= 0 || multi || bestNode >= 0 || q - p < 3 || q + 1 >= len || this.noCross[node] === 1) break;
          if (!isFoldedLetter(buf[q - 1]) || !isFoldedLetter(buf[q + 1]) || (flags[q + 1] & F_AFTER_SPACE) === 0) break;
          to = trie.child(node, buf[q + 1]);
          if (to < 0) break;
          crossed = q;
          q++;
        } else if (buf[q] === SPACE) multi = true;
        node = to;
        q++;
      }
      // ... and the term takes at least two letters of that word and leaves at most three: one
      // letter completes too many stems by chance ("герои нашего", "тест оскемен", "car dm"), and a
      // long rest is a word of its own ("гид рассказал", "рай онлайн").
      if (crossed >= 0 && bestNode >= 0) {
        let e = bestEnd;
        while (e < len && buf[e] !== SPACE) e++;
        if (bestEnd - crossed < 3 || e - bestEnd > 3) bestNode = -1;
      }
      if (bestNode < 0) {
        p++;
        continue;
      }
      // report the whole inflected word (закладкалар, not закладк), except inside re-joined runs
      let wordEnd = bestEnd;
      if ((flags[bestEnd - 1] & F_JOINED) === 0) while (wordEnd < len && buf[wordEnd] !== SPACE) wordEnd++;
      for (let t = head[bestNode]; t >= 0; t = next[t]) {
        if (termCat[t] >= 0 && this.tailOk(mode[t], buf, flags, bestEnd, len, buf[bestEnd - 1])) out.push(t, p, wordEnd);
      }
      p = wordEnd;
    }
  }

  /** True if the whole word codes[0, len) is a single-word term (used to pick leet readings): one term ends in it (termEnd). */
  isWord = (c: Uint16Array, len: number): boolean => this.termEnd(c, len) > 0;

  /**
   * End of the longest term spelled from the start of codes[0, len): a stem's length, or len for a
   * whole word (or an inflected one); 0 when none but the whole of codes starts some term's
   * spelling, -1 when none and it does not. Lets the glue pass check that a term reaches into the
   * last syllable it glues ("за клад ки" is закладки, "за клад ки по" is not one word).
   */
  termEnd = (c: Uint16Array, len: number): number => {
    let node = 0;
    let best = 0;
    for (let q = 0; q < len; ) {
      node = this.trie.child(node, c[q]);
      if (node < 0) return best > 0 ? best : -1;
      q++;
      for (let t = this.trie.head[node]; t >= 0; t = this.next[t]) {
        const m = this.terms[t].mode;
        if (q === len || (m === MODE_INFLECT && (this.suffixWalk(0, c, q, len) || this.suffixWalkFrom(c[q - 1], c, q, len)))) return len;
        if (m === MODE_STEM && q >= 3) best = q;
      }
    }
    return best;
  };

  /**
   * Substring scan of a handle/domain value (ASCII, lower case): bit 1 = a drug,
   * drop or shop term of >= 4 chars occurs anywhere, bit 2 = a job/recruitment term.
   */
  scanSubstrings(v: string): number {
    const { starts, bits } = this.scanTables();
    let hit = 0;
    for (let p = 0; p + 4 <= v.length; p++) {
      // a hit needs the first 4 chars of such a term here: most positions stop at this bit test
      const k = startKey(scanChar(v, p), scanChar(v, p + 1), scanChar(v, p + 2), scanChar(v, p + 3));
      if (((starts[k >>> 3] >> (k & 7)) & 1) === 0) continue;
      let node = 0;
      for (let q = p; q < v.length; q++) {
        node = this.trie.child(node, scanChar(v, q));
        if (node < 0) break;
        if (q - p + 1 < 4) continue;
        for (let t = this.trie.head[node]; t >= 0; t = this.next[t]) if (this.termCat[t] >= 0) hit |= bits[this.termCat[t]];
      }
    }
    return hit;
  }

  /** Category bits of scanSubstrings and the set of (hashed) first 4 chars of the terms that carry them. */
  private scanTables(): { bits: Uint8Array; starts: Uint8Array } {
    if (!this._scan) {
      const drug = new Set(['substance', 'slang', 'drop', 'drop_weak', 'shop', 'drug_generic']);
      const job = new Set(['job', 'role', 'role_weak', 'easy_money']);
      const bits = Uint8Array.from(this.cats, (c) => (drug.has(c) ? 1 : 0) | (job.has(c) ? 2 : 0));
      const starts = new Uint8Array(1 << 13); // 2^16 bits
      for (const t of this.terms) {
        if (t.catId < 0 || bits[t.catId] === 0 || t.norm.length < 4) continue;
        const k = startKey(t.norm.charCodeAt(0), t.norm.charCodeAt(1), t.norm.charCodeAt(2), t.norm.charCodeAt(3));
        starts[k >>> 3] |= 1 << (k & 7);
      }
      this._scan = { bits, starts };
    }
    return this._scan;
  }
  private _scan: { bits: Uint8Array; starts: Uint8Array } | null = null;

  private suffixWalkFrom(last: number, c: Uint16Array, q: number, len: number): boolean {
    const n = this.suffix.child(0, last);
    return n >= 0 && this.suffixWalk(n, c, q, len);
  }
}

/** Char of a handle as the trie sees it: digits fold to '0' like the normaliser does. */
function scanChar(v: string, i: number): number {
  const c = v.charCodeAt(i);
  return c >= 0x30 && c <= 0x39 ? 0x30 : c;
}

/** 16-bit hash of 4 chars (for the scanSubstrings start filter; collisions only cost a trie walk). */
function startKey(a: number, b: number, c: number, d: number): number {
  return Math.imul(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b) ^ Math.imul(d, 0xc2b2ae35), 0x27d4eb2f) >>> 16;
}

let shared: Lexicon | null = null;

/** The built-in lexicon (lexicon.json), compiled once. */
export function lexicon(): Lexicon {
  if (!shared) shared = new Lexicon(require('./lexicon.json') as LexFile);
  return shared;
}
