/**
 * Hosts as shops write them, shared by the link and the e-mail extractors (web.ts, emails.ts): the
 * patterns of a dot and its defanged or spelled-out replacements, of a Latin or Cyrillic host and of
 * a link's scheme and path, and the reading of a matched host into its canonical lower-case form.
 */
import * as tld from './tld.js';

// local const: imported bindings are getters under tsx (a property load per use in hot code)
const { TLD_SET } = tld;

export const CYR = 'а-яёәғқңөұүһі';
// A dot, or one of its defanged / spelled-out replacements.
export const DOT_WORDS = 'dot|точка|тчк|нүкте|нукте|дот';
export const DOT =
  `(?:\\s?[\\[({<]\\s?(?:\\.|${DOT_WORDS})\\s?[\\])}>]\\s?|\\s(?:${DOT_WORDS})\\s|\\s\\.\\s?|\\.)`;
// Latin and Cyrillic (IDN) hosts are matched by separate regexes: letting every
// Cyrillic word start a host candidate made the scan several times slower. The
// label count is bounded because every label of a failed chain ("x[.]x[.]x…")
// is a new start position: unbounded, that is quadratic.
const LAT_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const CYR_LABEL = `[${CYR}0-9](?:[${CYR}0-9-]{0,61}[${CYR}0-9])?`;
// Cyrillic TLD words accepted after a Latin name ("shop-kz точка ру"); see SPELLED_TLD.
const SPELLED_TLDS = 'ру|ком|кз|қз|нет|орг|топ|инфо|онион|шоп|сайт';
export const CYR_TLDS = 'рф|қаз|рус|онлайн|сайт|орг|ком|бел|укр|дети|мон|срб';
export const HOST = `${LAT_LABEL}(?:${DOT}${LAT_LABEL}){0,7}${DOT}(?:xn--[a-z0-9-]{2,59}|[a-z]{2,24}|${SPELLED_TLDS})`;
export const CYR_HOST_RE_SRC = `${CYR_LABEL}(?:${DOT}${CYR_LABEL}){0,7}${DOT}(?:${CYR_TLDS})`;
export const SCHEME = `(?:h[tx]{2}ps?|ftp)(?:\\s?(?::|\\[:\\])\\s?\\/\\s?\\/\\s?|\\[:\\/\\/\\])`;
// Path characters: RFC 3986 plus Cyrillic (unencoded paths are common in RU links).
export const PATH = `[/?#][a-z0-9${CYR}\\-._~:/?#\\[\\]@!$&'()*+,;=%]*`;
// A Latin host may be followed by a Kazakh/Russian suffix ("shop.kz-ке", "x.kzда")
// but not by more host characters.
export const NOT_AFTER = `(?![a-z0-9_]|-[a-z0-9]|${DOT}[a-z0-9])`;
export const NOT_AFTER_CYR = `(?![a-z0-9${CYR}_\\-]|${DOT}[a-z0-9${CYR}])`;

const DOT_SEP = new RegExp(DOT, 'gi');
const LATIN_HOST = /^[a-z0-9.-]+$/;
const CYR_HOST = new RegExp(`^[${CYR}0-9.-]+$`);
const HAS_LETTER = new RegExp(`[a-z${CYR}]`);
// TLDs spelled in Cyrillic after a Latin name ("shop-kz точка ком").
const SPELLED_TLD = new Map([
  ['ру', 'ru'], ['ком', 'com'], ['кз', 'kz'], ['қз', 'kz'], ['нет', 'net'], ['орг', 'org'],
  ['топ', 'top'], ['инфо', 'info'], ['онион', 'onion'], ['шоп', 'shop'], ['сайт', 'site'],
]);

// A dot spelled as a bare word, or bracketed, between spaces, and the small words prose puts around
// such a "dot": "instead of a dot to dodge filters" names no domain a.to, "the dot com era" none
// the.com, "a mirror domain written with [.] to dodge filters" none with.to.
const SPACED_DOT = new RegExp(`\\s(?:${DOT_WORDS})\\s|\\s[\\[({<]\\s?(?:\\.|${DOT_WORDS})\\s?[\\])}>]\\s`, 'i');
const PROSE_WORDS = new Set(['a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'and', 'or', 'is', 'it', 'as', 'no', 'not', 'this', 'that', 'with', 'from', 'one', 'each', 'every', 'any', 'some', 'its', 'his', 'her', 'our', 'your', 'their']);

/** Host with defanged dots restored, lower-cased; null unless it looks like a real domain. */
export function normalizeHost(raw: string, anyTld: boolean): string | null {
  let host = raw.replace(DOT_SEP, '.').toLowerCase();
  const dot = host.lastIndexOf('.');
  if (dot <= 0) return null;
  // Without a scheme, a name read through a spaced spelled-out or bracketed dot must not be a prose word.
  if (!anyTld && SPACED_DOT.test(raw) && host.slice(0, dot).split('.').some((l) => l.length < 2 || PROSE_WORDS.has(l))) return null;
  let tld = host.slice(dot + 1);
  const spelled = SPELLED_TLD.get(tld);
  if (spelled && LATIN_HOST.test(host.slice(0, dot))) {
    tld = spelled;
    host = host.slice(0, dot + 1) + tld;
  }
  if (!anyTld && !TLD_SET.has(tld) && !tld.startsWith('xn--')) return null;
  // One script per host: "сайт.kz" or "shop.рф" are sentence fragments, not domains.
  const cyrTld = /^[а-яёәғқңөұүһі]/.test(tld);
  if (!(cyrTld ? CYR_HOST.test(host) : LATIN_HOST.test(host))) return null;
  if (!HAS_LETTER.test(host.slice(0, dot))) return null; // "1.5", "10.00"
  // An onion service name is 56 base32 chars (v3; 16 for the retired v2): "mirrors with .onion
  // addresses" names none.
  if (tld === 'onion' && !ONION_NAME.test(host.slice(host.lastIndexOf('.', dot - 1) + 1, dot))) return null;
  return host;
}
const ONION_NAME = /^(?:[a-z2-7]{56}|[a-z2-7]{16})$/;
