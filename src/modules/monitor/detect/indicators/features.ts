/**
 * One cheap pass over the (normalised) text that tells which extractors can
 * possibly fire. Most posts have no wallet, no e-mail and no URL; skipping those
 * regexes is what keeps extraction at a few microseconds per message.
 */

/** Bit flags of {@link Features.flags}. */
export const F = {
  AT: 1, // any '@'
  EMAIL_AT: 2, // '@' right after a local-part character ("x@", "x @ ")
  DOT_LATIN: 4, // '.' (possibly defanged "[.]", " . ") followed by a Latin letter
  DOT_CYR: 8, // ... by a Cyrillic letter (IDN domains)
  SCHEME: 16, // "://" or "[:"
  BRACKET: 32, // [ ( { < — defanged separators
  UNDERSCORE: 64,
  /** Something for normalize() to fold: invisibles inside a token, full-width or math letters, mixed scripts, O-for-0. */
  NORMALIZE: 128,
  KEYWORD: 256, // a word starting tg / тг / tlg / телег… ("тг: name")
  SPELLED_DOT: 512, // a word dot / точка / тчк / нүкте / дот
  AT_WORD: 1024, // a word at / собака / собачка / sobaka / айқұлақ / эт
  SPELLED_JOINT: 2048, // a word подчёркивание / нижн… / андерскор / астын… / астың… / underscore (spelled-joints.ts)
  LETTER_DOT: 4096, // a single Latin letter between a non-letter and a dot, another char and a dot: "k.i." (letter-chains.ts)
} as const;

/** Result of {@link scanFeatures}; a single reused instance, read it before the next call. */
export interface Features {
  flags: number;
  /** ASCII digits in the text. */
  digits: number;
  /** Longest run of ASCII letters/digits. */
  maxAlnumRun: number;
  /** ASCII letters/digits in the text. */
  alnum: number;
  /**
   * Places where a digit group follows a word after one or two non-letters ("семь 538"): the end of
   * the word and the digit's index, in pairs in {@link JUNCTIONS} (digit words, see digit-words.ts;
   * looked up by the caller: a look-up inside this loop cost 0.36 µs a message).
   */
  junctions: number;
}

/** Word-end/digit index pairs of the last scan (see {@link Features.junctions}); at most 32 pairs. */
export const JUNCTIONS = new Int32Array(64);

const out: Features = { flags: 0, digits: 0, maxAlnumRun: 0, alnum: 0, junctions: 0 };

const isLatin = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAsciiAlnum = (c: number) => isLatin(c) || isDigit(c);
/**
 * Digit a letter stands in for inside a number ("8 7О1 …", "87l1…"): O/o/О/о → 0,
 * l/I/і/І → 1, З → 3; -1 for any other char. normalize() applies it only inside
 * runs that start and end with real digits and are not glued to a word.
 */
export function digitLookalike(c: number): number {
  if (c === 0x4f || c === 0x6f || c === 0x41e || c === 0x43e) return 0x30;
  if (c === 0x6c || c === 0x49 || c === 0x456 || c === 0x406) return 0x31;
  if (c === 0x417) return 0x33;
  return -1;
}
// Visible ASCII: an invisible char next to one may be hiding inside a value.
const isVisibleAscii = (c: number) => c > 0x20 && c < 0x7f;

/**
 * Characters with no meaning inside a value (soft hyphen, zero-width
 * (non)joiners, bidi controls, variation selectors, keycap combiner, combining
 * marks). They only matter next to ASCII: "kr\u200Bg_shop", "8\uFE0F\u20E3";
 * the FE0F of an emoji (❄️) or a ZWJ between emoji must not trigger the slow path.
 */
export function isInvisible(c: number): boolean {
  return (
    c === 0xad || c === 0x34f || c === 0x61c || c === 0x115f || c === 0x1160 ||
    c === 0x17b4 || c === 0x17b5 || (c >= 0x180b && c <= 0x180e) ||
    (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) || (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0xfeff || c === 0x20e3 || (c >= 0x300 && c <= 0x36f)
  );
}

/** Look-alike punctuation and letter forms that normalize() folds to ASCII. */
export function isFoldable(c: number): boolean {
  return (
    (c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || c === 0x3002 || c === 0xff61 ||
    c === 0xfe6b || c === 0x2215 || c === 0x2044 || c === 0xd835
  );
}

const isLocal = (c: number) =>
  isLatin(c) || isDigit(c) || c === 0x2e || c === 0x5f || c === 0x2d || c === 0x2b || c === 0x25;

/** Lower case for Latin, Russian and Kazakh letters (enough for the word tests here and in digit-words.ts). */
export function low(c: number): number {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f)) return c + 0x20;
  if (c >= 0x400 && c <= 0x40f) return c + 0x50;
  if (c >= 0x490 && c <= 0x4ff && (c & 1) === 0) return c + 1;
  return c;
}

/** Case-insensitive test that `w` (lower-case) occurs in `t` at `i`. */
function wordAt(t: string, i: number, w: string): boolean {
  for (let k = 0; k < w.length; k++) if (low(t.charCodeAt(i + k)) !== w.charCodeAt(k)) return false;
  return true;
}

/** A Latin, Russian or Kazakh letter, either case. */
export const isWordLetter = (c: number) => isLatin(c) || (c >= 0x400 && c <= 0x4ff);
const isLetterAt = (t: string, i: number) => isWordLetter(t.charCodeAt(i));

/** What follows "т" + separator (space, dot, dash) in "телег" written letter by letter; the same for "teleg". */
const SPLIT_REST_CYR: Record<number, string> = { 0x20: 'е л е г', 0x2e: 'е.л.е.г', 0x2d: 'е-л-е-г' };
const SPLIT_REST_LAT: Record<number, string> = { 0x20: 'e l e g', 0x2e: 'e.l.e.g', 0x2d: 'e-l-e-g' };

/**
 * The Telegram keyword written letter by letter from the "t"/"т" at i, whose separator is at i + 1:
 * the letter `g` alone ("т г", "t.g") or `rest` of "телег"/"teleg" ("т е л е г").
 */
const spelledOut = (t: string, i: number, g: number, rest: string) =>
  (low(t.charCodeAt(i + 2)) === g && !isLetterAt(t, i + 3)) || wordAt(t, i + 2, rest);

/** First letters (lower case) of the words wordFlags looks for; callers pass chars below 0x530. */
const FLAG_FIRST = new Uint8Array(0x530);
for (const ch of 'tтdднaсsаэпu') FLAG_FIRST[ch.charCodeAt(0)] = 1;

/**
 * Flags for the words that announce a Telegram handle, a spelled-out dot or a
 * spelled-out @, tested only at word starts (and mostly decided by the first
 * two letters) so the regexes behind them can be skipped for most posts.
 */
function wordFlags(t: string, i: number, first: number): number {
  if (FLAG_FIRST[first] === 0) return 0; // most words: no need to read on
  const second = low(t.charCodeAt(i + 1));
  switch (first) {
    case 0x74: // t: tg, tlg, teleg…
      if (second === 0x67) return F.KEYWORD;
      if (second === 0x6c) return wordAt(t, i + 2, 'g') ? F.KEYWORD : 0;
      // "T G: name", "t.g: name", "t.e.l.e.g.r.a.m: name", "t-e-l-e-g-a - name"
      if (second === 0x20 || second === 0x2e || second === 0x2d) return spelledOut(t, i, 0x67, SPLIT_REST_LAT[second]!) ? F.KEYWORD : 0;
      return second === 0x65 && wordAt(t, i + 2, 'leg') ? F.KEYWORD : 0;
    case 0x442: // т: тг, т г, тлг, телег…, тележк…; точка, тчк
      if (second === 0x433) return F.KEYWORD;
      // spaced, dotted or dashed: "т г : name", "т е л е г а: name", "т.г: name", "Т.е.л.е.г.р.а.м: name"
      if (second === 0x20 || second === 0x2e || second === 0x2d) return spelledOut(t, i, 0x433, SPLIT_REST_CYR[second]!) ? F.KEYWORD : 0;
      if (second === 0x43b) return wordAt(t, i + 2, 'г') ? F.KEYWORD : 0;
      if (second === 0x435) return wordAt(t, i + 2, 'лег') || wordAt(t, i + 2, 'леж') ? F.KEYWORD : 0;
      if (second === 0x43e) return wordAt(t, i + 2, 'чк') ? F.SPELLED_DOT : 0;
      return second === 0x447 && wordAt(t, i + 2, 'к') ? F.SPELLED_DOT : 0;
    case 0x64: // d: dot
      return second === 0x6f && wordAt(t, i + 2, 't') && !isLetterAt(t, i + 3) ? F.SPELLED_DOT : 0;
    case 0x434: // д: дот
      return second === 0x43e && wordAt(t, i + 2, 'т') && !isLetterAt(t, i + 3) ? F.SPELLED_DOT : 0;
    case 0x43d: // н: нүкте, нукте; нижнее (подчёркивание)
      if (second === 0x438) return wordAt(t, i + 2, 'жн') ? F.SPELLED_JOINT : 0;
      return (second === 0x4af || second === 0x443) && wordAt(t, i + 2, 'кте') ? F.SPELLED_DOT : 0;
    case 0x43f: // п: подчёркивание
      return second === 0x43e && wordAt(t, i + 2, 'дч') ? F.SPELLED_JOINT : 0;
    case 0x75: // u: underscore
      return second === 0x6e && wordAt(t, i + 2, 'der') ? F.SPELLED_JOINT : 0;
    case 0x61: // a: at; а-prefixed Kazakh "айқұлақ" is Cyrillic below
      return second === 0x74 && !isLetterAt(t, i + 2) ? F.AT_WORD : 0;
    case 0x441: // с: собака, собачка
      return second === 0x43e && (wordAt(t, i + 2, 'бак') || wordAt(t, i + 2, 'бачк')) ? F.AT_WORD : 0;
    case 0x73: // s: sobaka, sobachka
      return second === 0x6f && (wordAt(t, i + 2, 'bak') || wordAt(t, i + 2, 'bachk')) ? F.AT_WORD : 0;
    case 0x430: // а: айқұлақ, айкулак; астын / астыңғы (сызу), андерскор
      if (second === 0x441) return wordAt(t, i + 2, 'ты') ? F.SPELLED_JOINT : 0;
      if (second === 0x43d) return wordAt(t, i + 2, 'дерск') ? F.SPELLED_JOINT : 0;
      return second === 0x439 && (wordAt(t, i + 2, 'құлақ') || wordAt(t, i + 2, 'кулак')) ? F.AT_WORD : 0;
    case 0x44d: // э: эт (only as a word: "это" is everywhere)
      return second === 0x442 && !isLetterAt(t, i + 2) ? F.AT_WORD : 0;
  }
  return 0;
}

// Character classes for the scan; one table load instead of a chain of range tests.
const OTHER = 0, DIGIT = 1, LATIN = 2, FOREIGN = 3, DOT = 4, AT = 5, UNDERSCORE = 6, COLON = 7, BRACKET = 8, INVIS = 9, HIGH = 10;
const CLS = new Uint8Array(0x530);
for (let c = 0x30; c <= 0x39; c++) CLS[c] = DIGIT;
for (let c = 0x41; c <= 0x5a; c++) { CLS[c] = LATIN; CLS[c + 0x20] = LATIN; }
for (let c = 0x370; c < 0x530; c++) CLS[c] = FOREIGN;
for (let c = 0x300; c <= 0x36f; c++) CLS[c] = INVIS;
CLS[0xad] = INVIS;
CLS[0x34f] = INVIS;
CLS[0x2e] = DOT;
CLS[0x40] = AT;
CLS[0x5f] = UNDERSCORE;
CLS[0x3a] = COLON;
for (const c of '[({<') CLS[c.charCodeAt(0)] = BRACKET;

// The text will be normalised and scanned again, so the rest of this scan is moot.
function needsNormalize(): Features {
  out.flags = F.NORMALIZE;
  out.digits = out.alnum = out.maxAlnumRun = out.junctions = 0;
  return out;
}

/** A word of look-alikes may be a digit group after "<digit> " ("… 646 ОО 82"): normalize() decides. */
const opensLookalikeGroup = (t: string, i: number, c: number) =>
  i >= 2 && t.charCodeAt(i - 1) === 0x20 && isDigit(t.charCodeAt(i - 2)) && digitLookalike(c) > 0;

/**
 * Scan `t` once and fill the shared {@link Features} record. With `stop` (the
 * default), a text that needs normalising ends the scan early with only
 * `flags = F.NORMALIZE`: the caller normalises and rescans with `stop = false`.
 */
export function scanFeatures(t: string, stop = true): Features {
  let flags = 0;
  let digits = 0;
  let alnum = 0;
  let run = 0;
  let max = 0;
  // class of the previous char for the mixed-script test: OTHER, LATIN (or '_'), FOREIGN or DIGIT
  let prev = OTHER;
  let letterEnd = -9; // end of the last word of letters followed by an OTHER char (see junctions)
  let nJ = 0;
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    const k = c < 0x530 ? CLS[c] : HIGH;
    // Most characters of a ru/kk post: Cyrillic letters, then spaces. Inside a run of
    // either nothing changes (run is already 0 after both), so the run costs one test.
    if (k === prev && (k === FOREIGN || k === OTHER)) continue;
    if (k === FOREIGN) {
      if (run > max) max = run;
      run = 0;
      if (prev === OTHER) flags |= wordFlags(t, i, low(c));
      if (prev === OTHER ? opensLookalikeGroup(t, i, c) : prev === LATIN || (prev === DIGIT && digitLookalike(c) > 0)) {
        if (stop) return needsNormalize();
        flags |= F.NORMALIZE;
      }
      prev = FOREIGN;
      continue;
    }
    if (k === OTHER) {
      if (run > max) max = run;
      run = 0;
      if (prev === FOREIGN || prev === LATIN) letterEnd = i;
      prev = OTHER;
      continue;
    }
    if (k === DIGIT) {
      if (prev === OTHER && i - letterEnd <= 2 && nJ < 64) {
        JUNCTIONS[nJ++] = letterEnd;
        JUNCTIONS[nJ++] = i;
      }
      // a look-alike opening a digit group ("4003 О303 …") needs the fold too
      if ((prev === FOREIGN || prev === LATIN) && digitLookalike(t.charCodeAt(i - 1)) > 0) {
        if (stop) return needsNormalize();
        flags |= F.NORMALIZE;
      }
      digits++;
      alnum++;
      run++;
      prev = DIGIT;
      continue;
    }
    if (k === LATIN) {
      if (prev === OTHER) flags |= wordFlags(t, i, c | 0x20);
      if (prev === OTHER ? opensLookalikeGroup(t, i, c) : prev === FOREIGN || (prev === DIGIT && digitLookalike(c) > 0)) {
        if (stop) return needsNormalize();
        flags |= F.NORMALIZE;
      }
      alnum++;
      run++;
      prev = LATIN;
      continue;
    }
    if (run > max) max = run;
    run = 0;
    prev = OTHER;
    switch (k) {
      case DOT: {
        // "x.top", "x[.]top", "x(.) top", "x .top", "x . top" — but not the
        // sentence end ". Word", which is everywhere.
        let j = i + 1;
        let d = t.charCodeAt(j);
        const closed = d === 0x5d || d === 0x29 || d === 0x7d || d === 0x3e;
        if (closed) d = t.charCodeAt(++j);
        if (d >= 0x400 && d <= 0x4ff) flags |= F.DOT_CYR; // IDN: no space after the dot
        if (d === 0x20 && (closed || t.charCodeAt(i - 1) === 0x20)) d = t.charCodeAt(++j);
        if (isLatin(d)) flags |= F.DOT_LATIN;
        else if (d === 0x43c || d === 0x41c) flags |= F.DOT_CYR; // 'т . ме / name'
        if (t.charCodeAt(i + 2) === 0x2e && isLatin(t.charCodeAt(i - 1)) && !isAsciiAlnum(t.charCodeAt(i - 2))) flags |= F.LETTER_DOT;
        break;
      }
      case AT: {
        // "x@y" or "x @ y"; "DM @name" is a handle, not an e-mail.
        flags |= F.AT;
        const p = t.charCodeAt(i - 1);
        if (isLocal(p) || (p === 0x20 && t.charCodeAt(i + 1) === 0x20 && isLocal(t.charCodeAt(i - 2)))) flags |= F.EMAIL_AT;
        break;
      }
      case UNDERSCORE:
        flags |= F.UNDERSCORE;
        prev = LATIN;
        break;
      case COLON:
        if (t.charCodeAt(i + 1) === 0x2f || t.charCodeAt(i + 2) === 0x2f) flags |= F.SCHEME;
        break;
      case BRACKET:
        flags |= F.BRACKET;
        break;
      default: // INVIS or HIGH
        if (isFoldable(c) || (isInvisible(c) && (isVisibleAscii(t.charCodeAt(i - 1)) || isVisibleAscii(t.charCodeAt(i + 1))))) {
          if (stop) return needsNormalize();
          flags |= F.NORMALIZE;
        }
    }
  }
  if (run > max) max = run;
  out.flags = flags;
  out.digits = digits;
  out.alnum = alnum;
  out.maxAlnumRun = max;
  out.junctions = nJ >> 1;
  return out;
}
