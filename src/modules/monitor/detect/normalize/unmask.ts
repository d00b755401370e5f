/**
 * Reading letters hidden behind asterisks (к*кс, м*ф, з*кладки, гаш*ш, c*caine, w**d): posters
 * mask a letter or two of a word to slip past keyword filters, the way others write digits for
 * letters (leet.ts). A masked word is read as the lexicon term it completes to with the vowels
 * of its script, which is what gets hidden. Words that no term completes (profanity masked the
 * same way, "*110*30#") are left as they are, and so are letters split by asterisks (м*е*ф: three
 * or more single letters, which the normaliser re-joins).
 *
 * Each '*' is replaced by exactly one letter, so the text keeps its length and every offset into
 * it stays an offset into the original: evidence spans still show the masked writing.
 */

/** Says whether a word (as plain text) is, or inflects, a lexicon term. */
export type WordCheck = (word: string) => boolean;

/** Letters with one or two masked places: runs of letters joined by '*' or '**'. */
const MASKED = /(?<![\p{L}\p{N}*])\p{L}+(?:\*{1,2}\p{L}+){1,2}(?![\p{L}\p{N}*])/gu;
const CYRILLIC = /[\u0400-\u04ff]/;
const CYR_VOWELS = 'оеаиыуяюэёәөұүі';
const LAT_VOWELS = 'oeaiuy';
/** Most completions tried per text: a wall of masked profanity must not cost more than a few ms. */
const MAX_TRIES = 2000;

/**
 * `text` with the masked words that complete to a lexicon term filled in (same length);
 * `text` itself when there are none.
 */
export function unmask(text: string, isTerm: WordCheck): string {
  if (text.indexOf('*') < 0) return text;
  let tries = 0;
  let changed = false;
  const out = text.replace(MASKED, (word) => {
    const masks: number[] = [];
    for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) === 0x2a) masks.push(i);
    if (masks.length > 2) return word;
    const runs = word.split(/\*+/);
    // м*е*ф is three letters split by a separator, not a word with holes
    if (runs.length >= 3 && runs.every((r) => r.length === 1)) return word;
    // Vowels only: they are what is hidden in practice, and a consonant fill reads too much into
    // a stem term (b*tch would complete to "bttch", a continuation of the term "btc").
    const vowels = CYRILLIC.test(word) ? CYR_VOWELS : LAT_VOWELS;
    // A hole between capitals is a capital (З*КЛАДКИ); decided once per hole, not per candidate.
    const up = (ch: string) => ch !== '' && ch !== '*' && ch === ch.toUpperCase() && ch !== ch.toLowerCase();
    const upper = masks.map((i) => {
      const before = word[i - 1] ?? '', after = word[i + 1] ?? '';
      return up(before) && (after === '' || after === '*' || up(after));
    });
    const fill = (chars: string[]) => {
      let w = word;
      for (const [q, i] of masks.entries()) {
        const ch = upper[q] ? chars[q]!.toUpperCase() : chars[q]!;
        w = w.slice(0, i) + ch + w.slice(i + 1);
      }
      return w;
    };
    for (const a of vowels) {
      if (masks.length === 1) {
        if (++tries > MAX_TRIES) return word;
        const w = fill([a]);
        if (isTerm(w)) { changed = true; return w; }
        continue;
      }
      for (const b of vowels) {
        if (++tries > MAX_TRIES) return word;
        const w = fill([a, b]);
        if (isTerm(w)) { changed = true; return w; }
      }
    }
    return word;
  });
  return changed ? out : text;
}
