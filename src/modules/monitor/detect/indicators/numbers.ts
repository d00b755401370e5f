/**
 * Numeric indicators: Kazakhstan mobile phones, KZ IBANs and payment cards,
 * with their validators. Run order matters (IBAN, then phones, then cards) so a
 * digit group already explained by a more specific pattern is not re-read as a
 * card.
 */
import type { Features } from './features.js';
import type { Hit, Taken } from './types.js';

/**
 * Kazakhstan mobile operator codes (the three digits after +7). Landlines
 * (+7 7172…, +7 727…) and Russian numbers (+7 9xx…) are deliberately absent:
 * the corpus reports Kazakhstan mobiles only.
 */
export const KZ_MOBILE_CODES: ReadonlySet<string> = new Set([
  '700', '701', '702', '705', '706', '707', '708', '747', '750', '751',
  '760', '761', '762', '763', '764', '771', '775', '776', '777', '778',
]);

/** Luhn (mod-10) check over a string of digits; false for anything else. */
export function luhnValid(digits: string): boolean {
  const n = digits.length;
  if (n === 0) return false;
  let sum = 0;
  let dbl = false;
  for (let i = n - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/** Payment-card number check: 13–19 digits (separators ignored), Luhn-valid. */
export function isValidCard(s: string): boolean {
  const d = s.replace(/[ \-\u00A0]/g, '');
  return /^\d{13,19}$/.test(d) && luhnValid(d);
}

/** ISO 13616 mod-97 check of an IBAN given without separators (upper-case). */
export function ibanMod97(iban: string): number {
  const r = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return -1;
  }
  return rem;
}

const KZ_HINT = /[kK] ?[zZ]/;
const KZ_IBAN = /^KZ\d{2}\d{3}[0-9A-Z]{13}$/;

/**
 * Kazakhstan IBAN: KZ + 2 check digits + 3-digit bank code + 13 alphanumerics
 * (20 chars), mod-97 == 1. Spaces/dashes and lower case are tolerated.
 */
export function isValidKzIban(s: string): boolean {
  const v = s.replace(/[ \-\u00A0]/g, '').toUpperCase();
  return KZ_IBAN.test(v) && ibanMod97(v) === 1;
}

/**
 * Canonical E.164 form (+77xxxxxxxxx) of a Kazakhstan mobile number written in
 * any common way (+7 / 8 / 7 / 007 prefix or none, any separators), or null if
 * it is not one.
 */
export function normalizeKzPhone(s: string): string | null {
  let d = s.replace(/\D/g, '');
  if (d.length === 13 && d.startsWith('007')) d = d.slice(3);
  else if (d.length === 11 && (d[0] === '7' || d[0] === '8')) d = d.slice(1);
  if (d.length !== 10 || !KZ_MOBILE_CODES.has(d.slice(0, 3))) return null;
  return '+7' + d;
}

// Separators seen inside numbers, including the dash variants of word processors and a line break
// (a number cut in two lines to dodge filters).
const S = '[ \\-.\\u00A0\\u2010-\\u2015\\u2212\\n]';
// ... and a slash between two digits ("8/708/958/60/39"; with spaces around it a slash separates the
// items of a price list: "0.5 — 7000 / 1 — 12000"). A pattern of its own, for the texts that have
// one: the lookarounds slow every phone search down by a tenth.
const S_SLASH = `(?:${S}|(?<=\\d)\\/(?=\\d))`;
const SLASH_HINT = /\d\/\d/;

// Spaced out char by char too ("K Z 7 6 5 6 …").
const IBAN_RE = /(?<![0-9A-Za-z])K[ \u00A0]?Z[ \-\u00A0]?\d[ \-\u00A0]?\d(?:[ \-\u00A0]?[0-9A-Za-z]){16}(?![0-9A-Za-z])/gi;

// prefix? + code 7xx + 7 digits, every digit optionally separated (spaced-out
// digits are a common evasion). The lookbehind keeps us out of longer runs. A match starts on
// the prefix, a parenthesis or the code's 7, never on a separator: starting on the space before
// "7 7 7 7 4 4 3 2 6 9 4" it took the country code's 7 for the code's and left the last digit.
const phonePattern = (S: string): RegExp =>
  new RegExp(
    `(?<![\\d+]|\\d[\\-.]|(?<![0-9A-Za-z_])\\d{1,4} )(?:(\\+${S}?7|8|7|00${S}?7)${S}{0,3})?(?:\\(${S}?)?` +
      `7${S}?\\d${S}?\\d${S}?\\)?${S}{0,3}\\d(?:${S}{0,3}\\d){6}` +
      `(?!\\d|[\\-.\\u2010-\\u2015]\\d)`,
    'g',
  );
const PHONE_RE = phonePattern(S);
const PHONE_SLASH_RE = phonePattern(S_SLASH);

// A number split by a word, an evasion of filters that look for digit runs: "8 771 707 дальше 83
// 66". Narrow on purpose: a prefix, the operator code and three digits, one of these words, then
// the last four digits.
const SPLIT_PHONE_RE = new RegExp(
  `(?<![\\d+])(?:\\+${S}?7|8|7)${S}{0,2}\\(?${S}?7\\d\\d${S}?\\)?${S}{0,3}\\d${S}?\\d${S}?\\d` +
    `[ \\t]+(?:дальше|далее|потом|затем|then|next|сосын|кейін|әрі қарай|dal'?she|dalee|potom|zatem|sosyn|keyin|kejin|ari qaray)[ \\t:,]+\\d${S}?\\d${S}?\\d${S}?\\d(?![\\d\\-.]\\d|\\d)`,
  'g',
);

// Numbers without '+' are not phones when labelled as something else: "№", "#",
// "ID", "ИИН" before any of them; "заказ", "order", "счёт"… only before a bare
// 10-digit number ("Заказ: 8 701 …" is an order line, i.e. a phone).
const NUMBER_LABEL = /(?:№|#|\bno\.?|\bid|иин|бин|iin|bin)\s*:?\s*$/i;
// "77 000 000 000" is an amount: a 1–3 digit head followed by groups of exactly three.
const THOUSANDS = /^\d{1,3}(?:[ .,\u00A0]\d{3}){3,}$/;
const DOC_LABEL = /(?:заказ|order|трек|track|сч[её]т|договор|invoice)\S*\s*:?\s*$/i;

// 13–19 digits ungrouped, 4-4-4-(1..4)[-(1..3)] (groups also on two lines), 4-6-(4..5) (Amex
// style), or spaced out digit by digit or in pairs (evasions: "4 4 0 0 4 3 0 2 …", "44 58 01 88 …").
const G = '(?:[ \\-.\\u00A0\\u2010-\\u2015\\n]{1,2})';
const CARD_RE = new RegExp(
  `(?<![0-9A-Za-z+]|\\d[ \\-.,\\u00A0])(?:\\d{13,19}|\\d{4}${G}\\d{4}${G}\\d{4}${G}\\d{1,4}(?:${G}\\d{1,3})?` +
    `|\\d{4}${G}\\d{6}${G}\\d{4,5}|\\d(?:[ \\-]\\d){12,18}|\\d\\d(?:[ \\-]\\d\\d){6,8})` +
    `(?!\\d|[.,]\\d|${G}\\d{4}(?!\\d))`,
  'g',
);

// The last group of a grouped match and the separators before the first and the last group:
// a last group set off differently ("6140. 3") may be the next sentence.
const CARD_TAIL = new RegExp(`(?<=^\\d{4}(${G})\\d{4}${G}\\d{4}${G}\\d{1,4})(${G})\\d{1,3}$`);
const cardValid = (d: string) => d.length >= 13 && d.length <= 19 && luhnValid(d);

/** IBANs, phones and cards in normalised text (claims spans in `num`, respects `web`). */
export function extractNumbers(t: string, hits: Hit[], num: Taken, web: Taken, f: Features): void {
  let m: RegExpExecArray | null;
  // An IBAN has at least 5 digits (check digits + bank code), a phone 10, a card 13.
  if (f.digits < 5) return;
  if (f.alnum >= 20 && KZ_HINT.test(t)) {
    IBAN_RE.lastIndex = 0;
    while ((m = IBAN_RE.exec(t))) {
      const v = m[0].replace(/[ \-\u00A0]/g, '').toUpperCase();
      const s = m.index;
      const e = s + m[0].length;
      if (!KZ_IBAN.test(v) || ibanMod97(v) !== 1 || num.overlaps(s, e) || web.overlaps(s, e)) continue;
      hits.push({ type: 'iban', value: v, start: s, end: e });
      num.add(s, e);
    }
  }
  if (f.digits < 10) return;
  const phoneRe = SLASH_HINT.test(t) ? PHONE_SLASH_RE : PHONE_RE;
  phoneRe.lastIndex = 0;
  while ((m = phoneRe.exec(t))) {
    const s = m.index;
    const e = s + m[0].length;
    const value = normalizeKzPhone(m[0]);
    if (!value || num.overlaps(s, e) || web.overlaps(s, e) || THOUSANDS.test(m[0].trim())) continue;
    if (m[1] === undefined || m[1][0] !== '+') {
      const before = t.slice(Math.max(0, s - 16), s);
      if (NUMBER_LABEL.test(before) || (m[1] === undefined && DOC_LABEL.test(before))) continue;
    }
    hits.push({ type: 'phone', value, start: s, end: e });
    num.add(s, e);
  }
  SPLIT_PHONE_RE.lastIndex = 0;
  while ((m = SPLIT_PHONE_RE.exec(t))) {
    const s = m.index;
    const e = s + m[0].length;
    const value = normalizeKzPhone(m[0]);
    if (!value || num.overlaps(s, e) || web.overlaps(s, e)) continue;
    hits.push({ type: 'phone', value, start: s, end: e });
    num.add(s, e);
  }
  if (f.digits < 13) return;
  CARD_RE.lastIndex = 0;
  while ((m = CARD_RE.exec(t))) {
    const s = m.index;
    let e = s + m[0].length;
    let d = m[0].replace(/\D/g, '');
    if (!cardValid(d)) {
      // "… 2280 6140. 3 сапардан": a number after the full stop is not a fifth group.
      const cut = CARD_TAIL.exec(m[0]);
      if (!cut || cut[2] === cut[1]) continue;
      e = s + m[0].length - cut[0].length;
      d = m[0].slice(0, e - s).replace(/\D/g, '');
      if (!cardValid(d)) continue;
    }
    if (num.overlaps(s, e) || web.overlaps(s, e)) continue;
    hits.push({ type: 'card', value: d, start: s, end: e });
    num.add(s, e);
  }
}
