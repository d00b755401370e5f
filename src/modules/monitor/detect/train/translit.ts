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
import { transliterate } from './corpus/obfuscate.js';
import { R, subSeed } from './corpus/rng.js';

/** A transliteration scheme: Cyrillic lower-case letter -> Latin. */
type Scheme = Readonly<Record<string, string>>;

/** Russian informal (the common "translit" of chats and shop posts); Kazakh letters lose their marks. */
const RU: Scheme = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y',
  ь: "'", э: 'e', ю: 'yu', я: 'ya', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};
/** The same with the other frequent choices (х as h, ц as c, щ as sch, soft sign dropped). */
const RU_SHORT: Scheme = { ...RU, х: 'h', ц: 'c', щ: 'sch', ь: '', й: 'i' };
/** Kazakh Latin alphabet of 2018 (acute accents; и, й -> ı; у -> ý). */
const KK_2018: Scheme = {
  а: 'a', ә: 'á', б: 'b', в: 'v', г: 'g', ғ: 'ǵ', д: 'd', е: 'e', ё: 'ıo', ж: 'j', з: 'z', и: 'ı', й: 'ı', к: 'k', қ: 'q',
  л: 'l', м: 'm', н: 'n', ң: 'ń', о: 'o', ө: 'ó', п: 'p', р: 'r', с: 's', т: 't', у: 'ý', ұ: 'u', ү: 'ú', ф: 'f', х: 'h',
  һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', і: 'i', ь: '', э: 'e', ю: 'ıý', я: 'ıa',
};
/** Kazakh informal Latin (no marks: қ -> q, ғ -> gh, ң -> ng, ж -> zh). */
const KK_PLAIN: Scheme = {
  ...RU_SHORT, ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', і: 'i', ж: 'zh', й: 'i', у: 'u', ы: 'y',
};

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
const CYRILLIC = /[а-яёәғқңөұүһі]/i;

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
