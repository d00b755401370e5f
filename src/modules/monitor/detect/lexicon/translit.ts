/**
 * Writing Cyrillic in Latin. Much of what is posted in Kazakhstan is typed on a Latin keyboard:
 * Russian in informal transliteration ("zakladki", "fasovshchik"), Kazakh in the 2018 Latin
 * alphabet with acutes or in informal Latin ("jumys", "zhumys"). The lexicon also matches each
 * Cyrillic term in its common Latin spellings (latinSpellings), so a post typed in Latin finds the
 * same categories as its Cyrillic twin; the schemes below make the training set's Latin copies
 * (train/translit.ts).
 */

/** A transliteration scheme: Cyrillic lower-case letter -> Latin. */
export type Scheme = Readonly<Record<string, string>>;

/** Russian informal (the common "translit" of chats and shop posts); Kazakh letters lose their marks. */
export const RU: Scheme = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y',
  ь: "'", э: 'e', ю: 'yu', я: 'ya', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};
/** The same with the other frequent choices (х as h, ц as c, щ as sch, soft sign dropped). */
export const RU_SHORT: Scheme = { ...RU, х: 'h', ц: 'c', щ: 'sch', ь: '', й: 'i' };
/** Kazakh Latin alphabet of 2018 (acute accents; и, й -> ı; у -> ý). */
export const KK_2018: Scheme = {
  а: 'a', ә: 'á', б: 'b', в: 'v', г: 'g', ғ: 'ǵ', д: 'd', е: 'e', ё: 'ıo', ж: 'j', з: 'z', и: 'ı', й: 'ı', к: 'k', қ: 'q',
  л: 'l', м: 'm', н: 'n', ң: 'ń', о: 'o', ө: 'ó', п: 'p', р: 'r', с: 's', т: 't', у: 'ý', ұ: 'u', ү: 'ú', ф: 'f', х: 'h',
  һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', і: 'i', ь: '', э: 'e', ю: 'ıý', я: 'ıa',
};
/** Kazakh informal Latin (no marks: қ -> q, ғ -> gh, ң -> ng, ж -> zh). */
export const KK_PLAIN: Scheme = {
  ...RU_SHORT, ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', і: 'i', ж: 'zh', й: 'i', у: 'u', ы: 'y',
};

/** A Russian or Kazakh letter: text that has one can be written in Latin. */
export const CYRILLIC = /[а-яёәғқңөұүһі]/i;

/**
 * Every Latin writing of each Cyrillic letter in common use, the most common first. Spellings of
 * a term are the combinations of these (a poster mixes schemes: "zakladchik", "shishki",
 * "khimka" and "himka"), plus the 2018 Kazakh alphabet with its acutes.
 */
const WRITINGS: Readonly<Record<string, readonly string[]>> = {
  а: ['a'], б: ['b'], в: ['v'], г: ['g'], д: ['d'], е: ['e'], ё: ['e', 'yo'], ж: ['zh', 'j'], з: ['z'], и: ['i'],
  й: ['y', 'i', 'j'], к: ['k'], л: ['l'], м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'], с: ['s'], т: ['t'], у: ['u'],
  ф: ['f'], х: ['kh', 'h', 'x'], ц: ['ts', 'c', 'tz'], ч: ['ch'], ш: ['sh'], щ: ['shch', 'sch', 'sh'], ъ: [''], ы: ['y', 'i'],
  ь: [''], э: ['e'], ю: ['yu', 'iu', 'ju'], я: ['ya', 'ia', 'ja'],
  ә: ['a', 'ae'], ғ: ['g', 'gh'], қ: ['k', 'q'], ң: ['n', 'ng'], ө: ['o', 'oe'], ұ: ['u'], ү: ['u', 'ue'], һ: ['h'], і: ['i'],
};
/** Most spellings made per term: a term full of ambiguous letters must not flood the trie. */
export const MAX_SPELLINGS = 24;

/**
 * `text` with every letter that `table` maps (lower case -> Latin) written in Latin; an upper-case
 * letter keeps its case on its first Latin letter. Other characters stay as they are.
 */
export function transliterate(text: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const t = table[lower];
    if (t === undefined) out += ch;
    else out += ch !== lower && t ? t[0].toUpperCase() + t.slice(1) : t;
  }
  return out;
}

/** The distinct Latin spellings of a term that has Cyrillic letters (none for other terms), the most common first. */
export function latinSpellings(term: string): string[] {
  const t = term.toLowerCase();
  if (!CYRILLIC.test(t)) return [];
  let acc = [''];
  for (const ch of t) {
    const w = WRITINGS[ch] ?? [ch];
    const next: string[] = [];
    for (const a of acc) for (const x of w) if (next.length < MAX_SPELLINGS) next.push(a + x);
    acc = next;
  }
  return [...new Set([...acc, transliterate(t, KK_2018)])];
}
