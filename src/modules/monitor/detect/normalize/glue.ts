/**
 * Syllables of one word written apart ("ме-фе-дрон", "за.клад.ки", "ka-na-bis"; also by spaces, "ме фе
 * дрон", see glueSpaced): the normaliser emits the chunks as words, and a run of short chunks joined
 * by one separator each is glued back into one word when the lexicon knows the glued word and not
 * the first chunk alone.
 *
 * The lexicon decides because a hyphen between words is ordinary writing ("кто-то", "Алма-Ата",
 * "курьер-закладчик"): gluing those would turn known words into unknown ones. Until 2026-12-07
 * nothing was glued, and an obfuscation probe (30% of the words of the held-out sets split into
 * syllables) found 92.9% of the drug posts against 95.9% unsplit.
 */
import type { WordOracle } from './leet.js';

/** A chunk longer than this is a word of its own, not a syllable. */
export const MAX_CHUNK = 6;
/** At most this many chunks are glued into one word. */
const MAX_CHAIN = 8;

/**
 * Separators between syllables: hyphens and dashes, dot, middle dot, bar. Not the underscore and the
 * slashes: they join the parts of handles and links (`alm_klad_bot`, `t.me/name`), two thirds of the
 * joints between letters in a monitoring mix, and the glue pass would read each of them for nothing.
 */
const GLUE = new Uint8Array(0x2020);
for (const c of [0x2d, 0x2e, 0xb7, 0x7c, 0x2010, 0x2011, 0x2012, 0x2013]) GLUE[c] = 1;

/** True when `c` may join two syllables of one word. */
export function isGlue(c: number): boolean {
  return c < 0x2020 && GLUE[c] === 1;
}

/** A folded Latin or Cyrillic letter (the normaliser's output is lower case). */
export const isFoldedLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x4ff);

/** The normaliser's output buffers (see Normalizer). */
export interface OutBuffers {
  out: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
  len: number;
}

const SPACE = 0x20;
let scratch = new Uint16Array(MAX_CHUNK * MAX_CHAIN + 8);

/**
 * Glue the syllable chains of a finished run in place. A chain is two or more output words of at
 * most MAX_CHUNK chars, each starting with a letter and not re-joined from split letters (flag
 * `joined`), whose original spans are one glue char apart. It runs after the whole text because a
 * chain is only known at its end, and only for texts where the normaliser saw a glue char between
 * letters (27% of the benchmark mix, in links and ordinary hyphenated words): from `from` (the output
 * length when the first such joint was seen) up to the word after `lastJoint` (the original offset
 * of the last one's glue char).
 */
export function glueSyllables(o: OutBuffers, from: number, lastJoint: number, src: string, oracle: WordOracle, joined: number): void {
  const { out, start, end, flags } = o; // gluing moves chars within these buffers, never replaces them
  let len = o.len;
  let at = -1; // output index of the chain's first char
  let n = 0; // chunks in the chain
  let gap = -1; // original offset just after the previous word
  let i = Math.min(from, len - 1);
  while (out[i] !== SPACE) i--; // `from` may fall inside a word: start at its beginning (out[0] is a space)
  i++;
  while (i < len) {
    let j = i;
    while (j < len && out[j] !== SPACE) j++;
    if (j === i) {
      i++;
      continue;
    }
    // a syllable starts with a letter: "0.5г" is a number and a unit, not two syllables
    const chunk = j - i <= MAX_CHUNK && (flags[i] & joined) === 0 && isFoldedLetter(out[i]);
    if (chunk && n > 0 && n < MAX_CHAIN && start[i] - gap === 1 && gap <= lastJoint && isGlue(src.charCodeAt(gap))) n++;
    else {
      if (start[i] > lastJoint) break; // no joint from here on; a chain before this word ends here
      if (n > 1) {
        const cut = glueChunks(o, at, i, oracle); // [at, the start of this word)
        len -= cut;
        i -= cut;
        j -= cut;
      }
      n = chunk ? 1 : 0;
      at = i;
    }
    gap = end[j - 1];
    i = j + 1;
  }
  if (n > 1) glueChunks(o, at, i < len ? i : len, oracle);
}

/** Longest chunk inside a chain of syllables written apart by spaces ("ме фе дрон"); the last may be MAX_CHUNK. */
export const MAX_SPACED = 4;
/** Fewest chunks of such a chain: two short words side by side are ordinary writing ("за кладом", "за кладки"). */
export const SPACED_RUN = 3;
/**
 * Short words that never start such a chain (pronouns, particles and prepositions that start
 * ordinary phrases: «не на ходу» is no «ненаход», «до на ты» no «донаты», «он за ко ном» no «законом»),
 * and particles that are never one of its later syllables («за клад не штрафуем»). «за», «на», «по»
 * and «ко» do start chains («за клад ки», «ко ка ин»); folded spellings, as the normaliser writes them.
 */
const NO_FIRST = new Set(['не', 'ни', 'он', 'она', 'оно', 'они', 'мы', 'вы', 'ты', 'до', 'от', 'из', 'об', 'то', 'это', 'так', 'как', 'уже', 'да', 'но', 'же', 'ли', 'бы']);
const NO_LATER = new Set(['не', 'ни', 'да', 'же', 'ли', 'бы', 'до']);
/** At most this many words are glued into one ("ам фе та мин", "ма ри ху ана"). */
const MAX_SPACED_CHAIN = 5;
/** Most letters a glued term may leave after it in the glued word (an ending: "за клад ки"). */
const MAX_TAIL = 3;

/**
 * End of the longest lexicon term spelled from the start of codes[0, len); when none, 0 if codes is
 * the beginning of some term's spelling and -1 if not (Lexicon.termEnd).
 */
export type TermEnd = (codes: Uint16Array, len: number) => number;

/**
 * Glue the chains of syllables written apart by single spaces ("ме фе дрон", "за клад ки", "ам фе та
 * мин") in place, in the run of short words that starts at output index `from` (the Normalizer
 * counts such runs as it reads words, so texts without one skip this): SPACED_RUN or more words of
 * 2..MAX_SPACED letters (the last up to MAX_CHUNK), each after one plain space in the original (flag
 * `afterSpace`). Three short words in a row are common ("не за что", "как же так"), so the lexicon
 * decides: a chain is glued when a term spelled from its start reaches into its last word and leaves
 * at most MAX_TAIL letters, and its first word alone starts a term without being one. The longest
 * such chain wins.
 */
export function glueSpaced(o: OutBuffers, from: number, termEnd: TermEnd, joined: number, afterSpace: number): void {
  const { out, flags } = o;
  let i = from;
  while (i < o.len && out[i] === SPACE) i++; // `from` is an output length: the space before a word
  const starts = spacedStarts;
  for (let linked = false; i < o.len; linked = true) {
    // the run ends at the first word that cannot be part of a chain
    const first = spacedChunk(out, flags, i, o.len, joined);
    if (first < 2 || first > MAX_SPACED || (linked && (flags[i] & afterSpace) === 0)) return;
    // most words start no chain: no term is spelled from them
    if (termEnd(scratch, spell(o, i, i + first + 1)) !== 0 || NO_FIRST.has(chunkText(out, i, first))) {
      i += first + 1;
      continue;
    }
    // the chunks of a chain starting at word i: their starts, and the end of the last
    let n = 0;
    let j = i;
    let end = i;
    while (n < MAX_SPACED_CHAIN && j < o.len) {
      const size = spacedChunk(out, flags, j, o.len, joined);
      if (size < 2 || size > MAX_CHUNK || (n > 0 && ((flags[j] & afterSpace) === 0 || (size === 2 && NO_LATER.has(chunkText(out, j, 2)))))) break;
      starts[n++] = j;
      end = j + size;
      if (size > MAX_SPACED) break; // a longer word can only end a chain
      j = end + 1;
    }
    let cut = 0;
    if (n >= SPACED_RUN) {
      spell(o, i, end + 1); // the whole chain once: the first m chunks glued are its first bounds[m - 1] chars
      for (let m = n; m >= SPACED_RUN && cut === 0; m--) {
        const len = bounds[m - 1];
        const te = termEnd(scratch, len);
        if (te > bounds[m - 2] && len - te <= MAX_TAIL) cut = glueIn(o, i, (m < n ? starts[m] - 1 : end) + 1);
      }
    }
    if (cut > 0) {
      // the run may go on with another chain ("ме фе дрон ам фе та мин")
      while (i < o.len && out[i] !== SPACE) i++;
      i++;
      continue;
    }
    if (n < 2) return;
    i = starts[1];
  }
}

/** The word out[i, i + size) as a string (only for the short first words of chains). */
function chunkText(out: Uint16Array, i: number, size: number): string {
  return size === 2 ? String.fromCharCode(out[i], out[i + 1]) : String.fromCharCode(...out.subarray(i, i + size));
}
const spacedStarts = new Int32Array(MAX_CHAIN);

/** Length of the word at out[i] when all of it is folded letters not re-joined from split letters, else 0. */
function spacedChunk(out: Uint16Array, flags: Uint8Array, i: number, len: number, joined: number): number {
  let j = i;
  while (j < len && out[j] !== SPACE) {
    if (!isFoldedLetter(out[j]) || (flags[j] & joined) !== 0) return 0;
    j++;
  }
  return j - i;
}

/**
 * The chunks in o.out[at, to) ("ch1 ch2 ... chN " ending with a space) glued into one word in
 * place, when the oracle knows the glued word and not the first chunk; the rest of the output moves
 * up. Returns how many chars were removed (0 when nothing was glued).
 */
function glueChunks(o: OutBuffers, at: number, to: number, oracle: WordOracle): number {
  const m = spell(o, at, to);
  if (oracle(scratch, bounds[0]) || !oracle(scratch, m)) return 0;
  return glueIn(o, at, to);
}

/** Length of the glued word after each chunk of the last spell() (bounds[0]: the first chunk's). */
const bounds = new Int32Array(MAX_CHAIN);

/**
 * The chunks in o.out[at, to) written into `scratch` as one word; returns its length (chunk ends in
 * `bounds`). Letters doubled across a joint fold to one, as inside a word ("клад-да").
 */
function spell(o: OutBuffers, at: number, to: number): number {
  const out = o.out;
  const last = to - 1; // the space after the chain
  if (scratch.length < last - at) scratch = new Uint16Array(last - at);
  const g = scratch;
  let m = 0;
  let k = 0;
  for (let i = at; i < last; i++) {
    const c = out[i];
    if (c === SPACE) {
      if (k < MAX_CHAIN) bounds[k++] = m;
      continue;
    }
    if (m > 0 && g[m - 1] === c) continue;
    g[m++] = c;
  }
  if (k < MAX_CHAIN) bounds[k] = m;
  return m;
}

/**
 * Glue the chunks in o.out[at, to) into one word in place (the rest of the output moves up); returns
 * how many chars were removed. Only the first char keeps its F_START: the glued word reads like one
 * written whole.
 */
function glueIn(o: OutBuffers, at: number, to: number): number {
  const out = o.out;
  const last = to - 1;
  const { start, end, flags } = o;
  let w = at + 1;
  for (let i = at + 1; i < last; i++) {
    const c = out[i];
    if (c === SPACE) continue;
    if (out[w - 1] === c) {
      end[w - 1] = end[i];
      continue;
    }
    out[w] = c;
    start[w] = start[i];
    end[w] = end[i];
    flags[w] = 0;
    w++;
  }
  const cut = last - w;
  if (cut > 0) {
    out.copyWithin(w, last, o.len);
    start.copyWithin(w, last, o.len);
    end.copyWithin(w, last, o.len);
    flags.copyWithin(w, last, o.len);
    o.len -= cut;
  }
  return cut;
}
