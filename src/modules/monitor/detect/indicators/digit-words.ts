/**
 * Digits written as words inside a number ("восемь-семь-ноль-семь 538 21 90", "сегіз жеті жеті бір
 * 234 56 78", or the whole number: "восемь семь семь пять — семь три два — три ноль — четыре
 * восемь"): shops spell a phone so that a filter looking for digit runs misses it. Two readings,
 * folded to digits with an offset map before the number extractors run:
 *  - the digit words before a digit group: the feature scan records where a digit group follows a
 *    word (`Features.junctions`), and the fold runs when one of those words is a digit word;
 *  - a run of digit words and digit groups that spells ten digits or more, for texts that name the
 *    digit 7 in words (`SEVEN`: every Kazakhstan mobile number has one after its country code).
 * A lone "семь" in "семь дней" is a word. Whether the folded digits make a phone, card or IBAN is
 * decided by the number extractors' own checks, as for digits written as digits.
 */
import * as features from './features.js';
import type { Normalized } from './normalize.js';
import * as normalizeMod from './normalize.js';

// local consts: imported bindings are getters under tsx (a property load per use)
const { isWordLetter: isLetter, low } = features;
const { replaceSpans } = normalizeMod;

/** Digit words (Russian, Kazakh, English) and their digits. */
const WORDS: Record<string, number> = {
  ноль: 0, нуль: 0, один: 1, одна: 1, два: 2, две: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9,
  нөл: 0, бір: 1, екі: 2, үш: 3, төрт: 4, бес: 5, алты: 6, жеті: 7, сегіз: 8, тоғыз: 9,
  // Kazakh typed on a Russian keyboard ("торт", 4, is also cake: read only inside a spelled-out run)
  нол: 0, бир: 1, еки: 2, уш: 3, жети: 7, сегиз: 8, тогыз: 9,
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  // Russian typed in Latin ("vosem sem sem odin…") and Kazakh in informal Latin ("segiz jeti jeti
  // bir…"; the 2018 alphabet's letters with acutes are not word letters here: "úsh" is not read)
  nol: 0, nul: 0, odin: 1, odna: 1, dva: 2, dve: 2, tri: 3, chetyre: 4, chetire: 4, pyat: 5, pjat: 5, shest: 6,
  sem: 7, vosem: 8, devyat: 9, devjat: 9,
  bir: 1, eki: 2, ush: 3, bes: 5, alty: 6, jeti: 7, zheti: 7, segiz: 8, togyz: 9, toghyz: 9,
};
const MAX_LEN = 7;

/** Separators inside a number: space, hyphen, comma. */
const isJoin = (c: number) => c === 0x20 || c === 0x2d || c === 0x2c || c === 0xa0;
/** ... and, between the groups of a number spelled out whole, dashes ("семь три два — три ноль"). */
const isRunJoin = (c: number) => isJoin(c) || (c >= 0x2010 && c <= 0x2015);
/** Separator chars allowed between two tokens of a spelled-out number. */
const MAX_RUN_JOIN = 3;
/** Digits a spelled-out run must make to be folded: a phone has 10 or 11, a card 13-19. */
const MIN_RUN_DIGITS = 10;
/**
 * The digit 7 written as a word (Russian, Kazakh also as typed on a Russian keyboard, English): a
 * cheap test (0.1 µs per message of the benchmark mix, 0.4% of which pass it) before the whole text
 * is read for spelled-out numbers.
 */
export const SEVEN = /[сС][еЕ][мМ][ьЬ]|[жЖ][еЕ][тТ][іІиИ]|[sS][eE][vV][eE][nN]|(?<![a-zA-Z])(?:[jJ]|[zZ][hH])[eE][tT][iI](?![a-zA-Z])|(?<![a-zA-Z])[sS][eE][mM](?![a-zA-Z])/;

function hash(t: string, s: number, e: number): number {
  let h = 0;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + low(t.charCodeAt(i))) | 0;
  return (h ^ (h >>> 11)) & (SLOTS - 1);
}
const LIST_WORD = Object.keys(WORDS);
const LIST_DIGIT = Uint8Array.from(LIST_WORD, (w) => WORDS[w]);
const SLOTS = 256;
/** Open-addressed table: slot -> index in LIST_WORD + 1 (0 = empty); typed, so a look-up allocates nothing. */
const TABLE = new Uint8Array(SLOTS);
LIST_WORD.forEach((w, k) => {
  let h = hash(w, 0, w.length);
  while (TABLE[h] !== 0) h = (h + 1) & (SLOTS - 1);
  TABLE[h] = k + 1;
});

/** The digit the word t[s, e) stands for, or -1. */
function digitWordAt(t: string, s: number, e: number): number {
  if (e - s < 2 || e - s > MAX_LEN) return -1;
  for (let h = hash(t, s, e); TABLE[h] !== 0; h = (h + 1) & (SLOTS - 1)) {
    const x = TABLE[h] - 1;
    const w = LIST_WORD[x];
    if (w.length !== e - s) continue;
    let k = 0;
    while (k < w.length && low(t.charCodeAt(s + k)) === w.charCodeAt(k)) k++;
    if (k === w.length) return LIST_DIGIT[x];
  }
  return -1;
}

/** Kazakh "төрт" (4) typed on a Russian keyboard or in Latin: also "cake" and a legal "tort", so only read inside a spelled-out run. */
function isTort(t: string, s: number, e: number): boolean {
  const w = e - s === 4 ? t.slice(s, e).toLowerCase() : '';
  return w === 'торт' || w === 'tort';
}

/** The digit the word t[s, e) stands for inside a spelled-out run: a digit word, or «торт» / "tort" (4). */
function runDigitAt(t: string, s: number, e: number): number {
  const d = digitWordAt(t, s, e);
  return d >= 0 || !isTort(t, s, e) ? d : 4;
}

/** Start of the word of at most MAX_LEN letters that ends at `e` (a non-letter or the text's start before it), or -1. */
function wordBefore(t: string, e: number): number {
  let s = e;
  while (s > 0 && e - s <= MAX_LEN && isLetter(t.charCodeAt(s - 1))) s--;
  return s < e && (s === 0 || !isLetter(t.charCodeAt(s - 1))) ? s : -1;
}

/**
 * Is one of the `n` junctions (word end, digit index pairs in `at`, from the feature scan) a digit
 * word joined to its digit group by one or two separators?
 */
export function hasDigitWord(t: string, at: Int32Array, n: number): boolean {
  for (let k = 0; k < 2 * n; k += 2) {
    const e = at[k];
    const i = at[k + 1];
    let ok = true;
    for (let j = e; j < i && ok; j++) ok = isJoin(t.charCodeAt(j));
    if (!ok) continue;
    const s = wordBefore(t, e);
    if (s >= 0 && digitWordAt(t, s, e) >= 0) return true;
  }
  return false;
}

/**
 * A digit word at text[s, e) standing for digit d; or (d = COMMA_GAP) a comma between two groups of a
 * spelled-out run; or (d = GROUP) a group written with compound numerals standing for the digits `ds`.
 */
interface Found {
  s: number;
  e: number;
  d: number;
  ds?: string;
}
/** Found.d of a group of compound numerals («пятьсот восемнадцать» = 518). */
const GROUP = -3;

/**
 * Compound numerals, for groups of a number spelled out whole («восемь семьсот пять, пятьсот
 * восемнадцать, тридцать, двадцать два» = 8 705 518 30 22): Russian teens, tens and hundreds, Kazakh
 * tens (also as typed on a Russian keyboard) and «жүз» (100; «жеті жүз» = 700), English teens, tens
 * and "hundred" ("eight seven zero eight, nine zero nine, thirty-eight, zero four"). Kazakh «он» (10)
 * is not here: it is also the Russian "he", and is read only inside a run already spelling a number
 * (KK_TEN). Values: 10-19 teens, 20-90 tens, 100-900 hundreds.
 */
const COMPOUND = new Map<string, number>([
  ['десять', 10], ['одиннадцать', 11], ['двенадцать', 12], ['тринадцать', 13], ['четырнадцать', 14],
  ['пятнадцать', 15], ['шестнадцать', 16], ['семнадцать', 17], ['восемнадцать', 18], ['девятнадцать', 19],
  ['двадцать', 20], ['тридцать', 30], ['сорок', 40], ['пятьдесят', 50], ['шестьдесят', 60], ['семьдесят', 70],
  ['восемьдесят', 80], ['девяносто', 90],
  ['сто', 100], ['двести', 200], ['триста', 300], ['четыреста', 400], ['пятьсот', 500], ['шестьсот', 600],
  ['семьсот', 700], ['восемьсот', 800], ['девятьсот', 900],
  ['жиырма', 20], ['отыз', 30], ['қырық', 40], ['кырык', 40], ['елу', 50], ['алпыс', 60], ['жетпіс', 70],
  ['жетпис', 70], ['сексен', 80], ['тоқсан', 90], ['токсан', 90], ['жүз', 100], ['жуз', 100],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
  ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100],
]);

/** Kazakh «он» (10): "he" in Russian, so a numeral only inside a run («… он алты, нөл екі» = 16 02). */
const KK_TEN = 'он';
/**
 * Kazakh «жүз» and English "hundred" (100), which take the unit before them as their multiplier
 * («төрт жүз», "four hundred" = 400; Russian hundreds are one word).
 */
function isUnitHundred(t: string, s: number, e: number): boolean {
  const w = e - s === 3 || e - s === 7 ? t.slice(s, e).toLowerCase() : '';
  return w === 'жүз' || w === 'жуз' || w === 'hundred';
}

/** The compound numeral t[s, e) (see COMPOUND), or -1. */
function compoundAt(t: string, s: number, e: number): number {
  return e - s < 3 || e - s > 12 ? -1 : (COMPOUND.get(t.slice(s, e).toLowerCase()) ?? -1);
}

/**
 * A group of compound numerals being read: [hundreds] [tens or a teen] [units], in that order, each
 * optional; written as three digits after a hundred («семьсот пять» = 705), else two («тридцать» = 30).
 */
class NumeralGroup {
  s = -1;
  e = -1;
  h = -1;
  t = -1;
  u = -1;
  get open(): boolean {
    return this.s >= 0;
  }
  /**
   * Whether unit `d` completes the open group ("двадцать два", "семьсот пять", Kazakh "он алты" = 16).
   * Never a zero: "двадцать ноль" is no number, and "… восемьдесят, ноль шесть" starts a group.
   */
  takesUnit(d: number): boolean {
    return this.open && this.u < 0 && d > 0 && (this.t >= 20 || this.t === 10 || (this.h >= 0 && this.t < 0));
  }
  /** Whether the compound numeral `v` (tens or a teen) continues the open group after a hundred ("пятьсот восемнадцать"). */
  takes(v: number): boolean {
    return this.open && v < 100 && this.h >= 0 && this.t < 0 && this.u < 0;
  }
  add(s: number, e: number, v: number): void {
    if (this.s < 0) this.s = s;
    this.e = e;
    if (v >= 100) this.h = v / 100;
    else if (v >= 10) this.t = v;
    else this.u = v;
  }
  /** The group's digits, and the group cleared. */
  take(): Found {
    const tens = this.t >= 0 ? this.t + Math.max(0, this.u) : Math.max(0, this.u);
    const ds = this.h >= 0 ? `${this.h}${String(tens).padStart(2, '0')}` : String(tens).padStart(2, '0');
    const f = { s: this.s, e: this.e, d: GROUP, ds };
    this.s = this.e = this.h = this.t = this.u = -1;
    return f;
  }
}
/**
 * Commas between the groups of a number spelled out whole («восемь семь ноль два, семь пять четыре,
 * пять четыре шесть пять») become spaces: the phone extractor reads digit groups set off by spaces,
 * hyphens or dots, and a comma between digit groups is a list.
 */
const COMMA_GAP = -2;

/**
 * The digit words of every run of digit words and digit groups, each joined to the next by at most
 * MAX_RUN_JOIN separators, that spells MIN_RUN_DIGITS digits or more and has at least one word; and
 * the commas between its groups (COMMA_GAP).
 */
function spelledRuns(text: string, found: Found[]): void {
  const n = text.length;
  const run: Found[] = [];
  const group = new NumeralGroup();
  let digits = 0;
  let lastEnd = -1; // end of the run's last token
  const endGroup = () => {
    if (!group.open) return;
    const g = group.take();
    run.push(g);
    digits += g.ds!.length;
  };
  const close = () => {
    endGroup();
    if (digits >= MIN_RUN_DIGITS && run.some((w) => w.d >= 0 || w.d === GROUP)) found.push(...run);
    run.length = 0;
    digits = 0;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const letter = isLetter(c);
    if (!letter && (c < 0x30 || c > 0x39)) {
      i++;
      continue;
    }
    let j = i + 1;
    if (letter) while (j < n && isLetter(text.charCodeAt(j))) j++;
    else while (j < n && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
    const d = letter ? runDigitAt(text, i, j) : -1;
    let joined = lastEnd >= 0 && i - lastEnd <= MAX_RUN_JOIN && (digits > 0 || run.length > 0 || group.open);
    for (let k = lastEnd; joined && k < i; k++) joined = isRunJoin(text.charCodeAt(k));
    let v = letter && d < 0 ? compoundAt(text, i, j) : -1;
    if (v < 0 && d < 0 && joined && j - i === 2 && text.slice(i, j).toLowerCase() === KK_TEN) v = 10;
    if (letter && d < 0 && v < 0) close();
    else {
      if (!joined) close();
      const prev = run.length > 0 ? run[run.length - 1] : null;
      let comma = false;
      if (joined) {
        for (let k = lastEnd; k < i; k++) {
          if (text.charCodeAt(k) !== 0x2c) continue;
          comma = true;
          run.push({ s: k, e: k + 1, d: COMMA_GAP });
        }
      }
      // a comma ends a group: "семьсот восемьдесят, ноль шесть" is 780 06
      if (comma) endGroup();
      if (v === 100 && !group.open && prev !== null && prev.e === lastEnd && prev.d > 0 && i - lastEnd === 1 && text.charCodeAt(lastEnd) === 0x20 && isUnitHundred(text, i, j)) {
        // Kazakh "<unit> жүз", English "<unit> hundred": the unit read before is the hundreds digit ("жеті жүз бес" = 705)
        run.pop();
        digits--;
        group.add(prev.s, j, prev.d * 100);
      } else if (v >= 0) {
        if (!group.takes(v)) endGroup();
        group.add(i, j, v);
      } else if (letter && group.takesUnit(d)) {
        group.add(i, j, d);
        endGroup();
      } else {
        endGroup();
        if (letter) run.push({ s: i, e: j, d });
        digits += letter ? 1 : j - i;
      }
      lastEnd = j;
    }
    i = j;
  }
  close();
}

/**
 * `text` with digit words folded to digits, and the map back to `text`, or null when there are none:
 * the digit words before each digit group (a run of them, each joined to the next by one or two
 * separators), and, when `spelled` (the text names 7 in words: SEVEN), those of every spelled-out
 * run of ten digits or more (spelledRuns).
 */
export function foldDigitWords(text: string, spelled = SEVEN.test(text)): Normalized | null {
  const found: Found[] = [];
  const n = text.length;
  for (let i = 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39 || !isJoin(text.charCodeAt(i - 1))) continue;
    // walk back over "<word><1-2 separators>" while the words are digit words
    let p = i;
    for (;;) {
      let q = p - 1;
      while (q >= 0 && p - q <= 2 && isJoin(text.charCodeAt(q))) q--;
      if (q === p - 1 || q < 0) break;
      const e = q + 1;
      const s = wordBefore(text, e);
      const d = s < 0 ? -1 : digitWordAt(text, s, e);
      if (d < 0) break;
      found.push({ s, e, d });
      p = s;
    }
  }
  if (spelled) spelledRuns(text, found);
  if (found.length === 0) return null;
  found.sort((a, b) => a.s - b.s);
  // a word found by both readings is folded once (inside a group of compound numerals, as the group)
  let u = 0;
  for (const w of found) if (u === 0 || w.s >= found[u - 1].e) found[u++] = w;
  found.length = u;
  return replaceSpans(
    text,
    found.map((w) => ({ s: w.s, e: w.e, to: w.ds ?? (w.d === COMMA_GAP ? ' ' : String.fromCharCode(0x30 + w.d)) })),
  );
}
