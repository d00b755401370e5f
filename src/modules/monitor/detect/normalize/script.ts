/**
 * Script-level folding tables: Latin/Cyrillic look-alikes, Kazakh letters and
 * "leet" digits/symbols used as letters.
 *
 * Source: the look-alike pairs are the Latin<->Cyrillic subset of Unicode
 * confusables.txt (as shipped in the `confusables` npm package, v1.1), reviewed by
 * hand: loose pairs from that file (д->A, и->N, ч->4, б->6) are dropped because they
 * would corrupt ordinary Russian words; a few phonetic/visual pairs that shops use
 * in practice but that confusables.txt lacks (d->д, f->ф, l->л, w->ш, u->и, r->г)
 * were added. Direction matters: inside a Cyrillic-dominant word Latin letters are
 * folded INTO Cyrillic (Рaботаем -> работаем), inside a Latin-dominant word Cyrillic
 * letters are folded into Latin (mеph -> meph).
 */

const cc = (s: string) => s.charCodeAt(0);

function tableFrom(pairs: string): Uint16Array {
  // pairs: "ab cd ..." meaning a->b; 0 = no mapping
  const t = new Uint16Array(0x530);
  for (const p of pairs.split(' ')) if (p.length === 2) t[cc(p[0])] = cc(p[1]);
  return t;
}

/** Latin letter (lower case) -> Cyrillic, used inside Cyrillic-dominant words. */
export const LAT2CYR_LOWER = tableFrom(
  'aа bб cс dд eе fф gг hх iі jй kк lл mм nп oо pр rг sс tт uи vв wш xх yу zз',
);
/** Upper-case Latin forms look like different Cyrillic letters (B->В, H->Н, N->И). */
export const LAT2CYR_UPPER = tableFrom(
  'aа bв cс dд eе fф gг hн iі jй kк lл mм nи oо pр rя sс tт uи vв wш xх yу zз',
);
/** Cyrillic (lower case, after Kazakh folding is NOT yet applied) -> Latin, inside Latin-dominant words. */
export const CYR2LAT = tableFrom(
  'аa бb вb гr дd еe ёe зz иu йj кk лl мm нh оo пn рp сc тt уy фf хx шw ьb ѕs іi јj ԁd қk ңh өo ұy үy һh әe',
);
/** Upper-case Cyrillic letters whose capital form looks like another Latin letter. */
export const CYR2LAT_UPPER = tableFrom('вb нh пn тt мm кk');

/**
 * Kazakh-specific letters folded to the closest Russian letter, so that Kazakh,
 * Russian and "Kazakh typed on a Russian keyboard" spellings meet (Қарағанды =
 * Караганды, мекенжай), and ё/й-less variants unify.
 */
export const KK_FOLD = tableFrom('әа ғг қк ңн өо ұу үу һх іи ёе ўу їи єе');

/** `c` with its Kazakh (or ё-like) letter folded per KK_FOLD; other chars unchanged. */
export const kkFold = (c: number): number => (c >= 0x430 && c < 0x530 && KK_FOLD[c] ? KK_FOLD[c] : c);

function flagsFrom(chars: string): Uint8Array {
  const t = new Uint8Array(0x530);
  for (const ch of chars) t[cc(ch)] = 1;
  return t;
}
/** Letters with a look-alike twin in the other script (they do not vote for the word's script). */
export const WEAK_CYR = flagsFrom('асеорхуіјѕк');
export const WEAK_CYR_UPPER = flagsFrom('внмтк');
export const WEAK_LAT = flagsFrom('aceopxyijsk');
export const WEAK_LAT_UPPER = flagsFrom('bhmtk');

/** Vowels of both scripts (after folding), for the leet consonant/vowel context rule. */
const VOWELS = new Set([...'аеиоуыэюяaeiouy'].map(cc));
export const isVowel = (c: number) => VOWELS.has(c);

/**
 * Leet candidates per script. The first candidate is the default when the digit
 * sits between letters; the others are tried against the lexicon (see
 * Normalizer) so `м3ф` -> меф but `3акладка` -> закладка.
 */
export const LEET_CYR: Record<number, number[]> = {
  [cc('0')]: [cc('о')],
  [cc('1')]: [cc('и')],
  [cc('3')]: [cc('е'), cc('з')],
  [cc('4')]: [cc('ч'), cc('а')],
  [cc('6')]: [cc('б')],
  [cc('7')]: [cc('т')],
  [cc('@')]: [cc('а')],
  [cc('$')]: [cc('с')],
};
export const LEET_LAT: Record<number, number[]> = {
  [cc('0')]: [cc('o')],
  [cc('1')]: [cc('i'), cc('l')],
  [cc('3')]: [cc('e')],
  [cc('4')]: [cc('a')],
  [cc('5')]: [cc('s')],
  [cc('7')]: [cc('t')],
  [cc('8')]: [cc('b')],
  [cc('9')]: [cc('g')],
  [cc('@')]: [cc('a')],
  [cc('$')]: [cc('s')],
};

/**
 * Short unit/number words written glued to a number ("3шт", "4мес", "5min"): a
 * leading digit before them is a quantity, never a letter.
 */
export const UNIT_WORDS = new Set([
  'шт', 'кг', 'гр', 'мг', 'мл', 'мес', 'мин', 'час', 'ч', 'дн', 'дней', 'лет', 'год', 'года', 'тыс', 'млн', 'млрд',
  'км', 'м', 'см', 'к', 'кк', 'тг', 'г', 'р', 'руб', 'шт.', 'раз', 'ка', 'ки', 'ти', 'ші', 'ши', 'го', 'й', 'ый', 'ой',
  'pcs', 'kg', 'gr', 'mg', 'ml', 'min', 'h', 'k', 'kk', 'g', 'st', 'nd', 'rd', 'th', 'x', 'mb', 'gb', 'tb', 'am', 'pm',
  'мбит', 'гбит', 'мб', 'гб', 'тб',
]);
