/**
 * Whole-text Latin copies of hand-written rows. Much of what is posted in Kazakhstan is typed on
 * a Latin keyboard: Russian in informal transliteration ("Ishchem fasovshchikov", "zakladki po
 * gorodu"), Kazakh in the 2018 Latin alphabet with acutes ("kýrerler kerek", "Túrkistan") or in
 * informal Latin ("zhumys bar, kunine 30 myn"). The sets by other authors are mostly Cyrillic;
 * a repeat written in one of these schemes teaches the model the same phrasing in Latin, where
 * word-level obfuscation (augment.ts) changes only a word here and there.
 *
 * Only Cyrillic letters change: digits, symbols, Latin words and every indicator stay as they
 * are. A copy whose indicators differ from the row's (a Cyrillic name before ".кз" is no domain,
 * its Latin copy "klad-shop.kz" is) is not used; the row itself is repeated instead.
 */
import type { LabelledRow } from '../evaluate.js';
import { indicatorKey } from './augment.js';
import { CYRILLIC, KK_2018, KK_PLAIN, RU, RU_SHORT, type Scheme, transliterate } from '../lexicon/translit.js';
import { R, subSeed } from './corpus/rng.js';

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

/** The scheme of one copy: Kazakh text in one of the Kazakh schemes, Russian in one of the Russian ones. */
function schemeFor(text: string, r: R): Scheme {
  return KAZAKH_LETTERS.test(text) ? r.pick([KK_2018, KK_PLAIN]) : r.pick([RU, RU_SHORT]);
}

/** A Latin copy of `text` (deterministic in seed), or null when it has no Cyrillic letter. */
export function latinCopy(text: string, seed: number): string | null {
  if (!CYRILLIC.test(text)) return null;
  return transliterate(text, schemeFor(text, R.seeded(seed)));
}

/**
 * `copies` Latin copies of every row (labels kept), seeded per row and copy. A row without
 * Cyrillic letters, or whose copy would change its indicators, is repeated as it is.
 */
export function latinCopies(rows: readonly LabelledRow[], copies: number, seed: number): LabelledRow[] {
  const out: LabelledRow[] = [];
  const want = rows.map((r) => indicatorKey(r.text));
  for (let k = 0; k < copies; k++) {
    rows.forEach((row, i) => {
      const t = latinCopy(row.text, subSeed(seed, `${k}\u0000${row.text}`));
      out.push(t !== null && indicatorKey(t) === want[i] ? { ...row, text: t } : row);
    });
  }
  return out;
}
