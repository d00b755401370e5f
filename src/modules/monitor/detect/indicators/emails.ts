/**
 * E-mail addresses, also with the @ and the dots spelled out or defanged the way shops write them
 * ("petro.shop собака гмайл точка ком", "ivan [at] mail [dot] ru", "sklad.alm🐕proton.me"). Part of
 * the web stage (web.ts runs it after Telegram links and scheme URLs): an address claims its span,
 * so its host is no domain of its own.
 */
import * as hosts from './hosts.js';
import * as tld from './tld.js';
import type { Hit, Taken } from './types.js';

// local consts: imported bindings are getters under tsx (a property load per use in hot code)
const { DOT_WORDS, HOST, NOT_AFTER, normalizeHost } = hosts;
const { MAIL_PROVIDERS } = tld;

// the @ sign's names: Russian «собака» (also the diminutive «собачка»), Kazakh «айқұлақ», in Latin letters too
export const AT_WORDS = 'собака|собачк[аиуеой]|sobaka|sobachk[aiueoy]|айқұлақ|айкулак';
// "эт" (the @ read aloud in Russian) bare too: "drive.money эт inbox.ru" (blind set fc)
// a dog emoji for «собака» ("sklad.alm🐕proton.me"; blind set ff)
const DOGS = ['\u{1F415}', '\u{1F436}', '\u{1F429}'];
const AT = `(?:\\s?@\\s?|\\s?(?:${DOGS.join('|')})\\s?|\\s?[\\[({<]\\s?(?:at|@|эт|${AT_WORDS})\\s?[\\])}>]\\s?|\\s(?:at|эт|${AT_WORDS})\\s)`;
// A bracketed dot inside the local part: "krg (точка) kladmen [at] gmail (точка) com".
const LOCAL_DOT = `\\s?[\\[({<]\\s?(?:\\.|${DOT_WORDS})\\s?[\\])}>]\\s?`;
const LOCAL_DOT_RE = new RegExp(LOCAL_DOT, 'gi');
// The spelled-out letters before the last one of a local part (see extractEmails).
const SPACED_LOCAL_RE = /(?<![a-z0-9_.@])((?:[a-z0-9_.] ){3,63})$/i;
const EMAIL_RE = new RegExp(
  `(?<![a-z0-9._%+\\-])([a-z0-9](?:[a-z0-9._%+\\-]|${LOCAL_DOT}(?=[a-z0-9])){0,63})(${AT})(${HOST})${NOT_AFTER}`,
  'gi',
);

/** Words that precede the preposition "at" in English prose far more often than they name a mailbox. */
const AT_PROSE = new Set([
  'order', 'orders', 'buy', 'shop', 'look', 'available', 'find', 'found', 'visit', 'us', 'me', 'him', 'her', 'them',
  'sold', 'sale', 'now', 'online', 'here', 'there', 'get', 'pick', 'open', 'located', 'meet', 'only', 'also', 'check', 'see',
  // what a shop points at: "Menu at zhez-menu dot top", "full catalogue at ..." ("info at x dot kz" stays an address)
  'menu', 'catalog', 'catalogue', 'site', 'website', 'link', 'links', 'details', 'prices', 'pricelist', 'reviews', 'mirror', 'mirrors',
]);

/** A dog emoji in `t` (it may stand for the @, «собака»). */
export function hasDog(t: string): boolean {
  return t.indexOf('\uD83D') >= 0 && DOGS.some((d) => t.includes(d));
}

/** E-mail addresses in normalised text, the @ and the dots also spelled out; appends hits and claims their spans. */
export function extractEmails(t: string, hits: Hit[], taken: Taken): void {
  let m: RegExpExecArray | null;
  EMAIL_RE.lastIndex = 0;
  while ((m = EMAIL_RE.exec(t))) {
    const hit = readEmail(t, m, taken);
    // A refused reading ("office at Press.PVL", not a host) may hide an address right after
    // its local part: the scan resumes there, not after the whole match.
    if (!hit) { EMAIL_RE.lastIndex = m.index + m[1].length; continue; }
    hits.push(hit);
    taken.add(hit.start, hit.end);
  }
}

/** The e-mail of one EMAIL_RE match, or null when the match is not one. */
function readEmail(t: string, m: RegExpExecArray, taken: Taken): Hit | null {
  let s = m.index;
  const e = s + m[0].length;
  let local = m[1].replace(LOCAL_DOT_RE, '.').toLowerCase();
  // A local part spelled out letter by letter ("g a s h . o p t @ tuta . io"): the match
  // holds only its last letter.
  if (local.length === 1 && t.charCodeAt(s - 1) === 0x20) {
    const pre = SPACED_LOCAL_RE.exec(t.slice(Math.max(0, s - 130), s));
    if (pre) { local = pre[1].replace(/ /g, '').toLowerCase() + local; s -= pre[1].length; }
  }
  if (taken.overlaps(s, e)) return null;
  const host = normalizeHost(m[3], false);
  if (!host || local.endsWith('.') || local.includes('..')) return null;
  const at = m[2].trim().toLowerCase();
  // A bare spelled "at" is ordinary English ("look at shop.kz"); only trust it
  // for mail providers or when the dots are obfuscated too.
  const provider = MAIL_PROVIDERS.has(host.split('.')[0]);
  if ((at === 'at' || at === 'sobaka') && !provider && !/[^a-z0-9.-]/i.test(m[3])) return null;
  // A dog emoji may just be a dog ("walk the dog 🐶 petshop.kz"): a mail provider or a local part
  // shaped like a mailbox name (a dot, underscore or digit in it).
  if (at.charCodeAt(0) === 0xd83d && !provider && !/[._0-9]/.test(local)) return null;
  // A bare "at" with bracketed dots mixes two styles: "menu at krg-shop [dot] xyz" is a sentence
  // with a defanged domain; an address is "ivan at mail dot ru" or "ivan [at] mail [dot] ru".
  if (at === 'at' && !provider && /[[\](){}<>]/.test(m[3])) return null;
  // ... and not after a word that English puts before "at" ("Order at shop dot kz", "find us at").
  if (at === 'at' && AT_PROSE.has(local)) return null;
  return { type: 'email', value: `${local}@${host}`, start: s, end: e };
}
