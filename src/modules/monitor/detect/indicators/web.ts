/**
 * Web-ish indicators: Telegram links and handles, URLs, domains and e-mails,
 * including the defanged/spelled-out writings shops use to slip past filters
 * (`x[.]top`, `t . me / name`, `shop собака gmail точка com`, `тг: name`).
 *
 * Stage order matters: Telegram links, scheme URLs, e-mails, bare domains,
 * handles. Each stage claims its span so later stages do not re-read a part of
 * it (an e-mail's domain is not a domain, a URL path is not a handle).
 */
import * as emails from './emails.js';
import type { Features } from './features.js';
import * as features from './features.js';
import * as hosts from './hosts.js';
import type { Hit, Taken } from './types.js';

// local consts: imported bindings are getters under tsx (a property load per use in hot code)
const { F } = features;
const { AT_WORDS, extractEmails, hasDog } = emails;
const { CYR, CYR_HOST_RE_SRC, CYR_TLDS, DOT, HOST, NOT_AFTER, NOT_AFTER_CYR, PATH, SCHEME, normalizeHost } = hosts;


const URL_RE = new RegExp(
  `(?<![a-z0-9_.\\-/])(${SCHEME})?(${HOST}|\\d{1,3}(?:\\.\\d{1,3}){3})${NOT_AFTER}(?::\\d{1,5})?(${PATH})?`,
  'gi',
);
const URL_CYR_RE = new RegExp(
  `(?<![a-z0-9${CYR}_.\\-/])(${SCHEME})?(${CYR_HOST_RE_SRC})${NOT_AFTER_CYR}(?::\\d{1,5})?(${PATH})?`,
  'gi',
);
const CYR_HINT = new RegExp(`[.\\])}>]\\s?(?:${CYR_TLDS})(?![${CYR}])`, 'i');

// The slash after a Telegram host, also spelled out as a word ("t dot me slash name"), the way
// "dot" is spelled for the dot.
const SLASH = '(?:\\s?\\/\\s?|\\s(?:slash|сл[эе]ш)\\s)';

// Telegram links tolerate spaces everywhere ("t . me / name") because the
// username check afterwards is strict enough to keep this safe.
const TME_RE = new RegExp(
  `(?<![a-z0-9_.\\-/${CYR}])(?:(?:h[tx]{2}ps?)\\s?:\\s?\\/\\s?\\/\\s?)?(?:www\\s?\\.\\s?)?` +
    // "m e" too: a spaced host is written spaced all through ("t . m e / name")
    // the dot dropped or written as a dash or a space too ("tme/name", "t-me/name", "t me/name"; blind set ff)
    `(?:t|т|telegram)(?:\\s?${DOT}\\s?|-|\\s)?(?:m ?e|м ?е|dog)${SLASH}(?:s\\s?\\/\\s?)?@?([a-z][a-z0-9_]{4,31})(?![a-z0-9_])`,
  'gi',
);
// Cyrillic "Т.МЕ/" and spaced "t . m e /" too, and the slash spelled out ("t dot me slash name")
const TME_HINT = /(?:[mм] ?[eе]|[MМ] ?[EЕ]|[MМ] ?[eе]|dog|DOG)(?:\s?\/|\s(?:[sS][lL][aA][sS][hH]|сл[эе]ш|СЛ[ЭЕ]Ш)\s)/;
const TG_RESOLVE_RE = /tg:\/\/resolve\?domain=([a-z][a-z0-9_]{4,31})(?![a-z0-9_])/gi;


// "@name", "@ name", and the spelled-out "[at] name" / "собака name".
const HANDLE_RE = new RegExp(
  `(?<![a-z0-9_.+\\-@/])(?:@(\\s?)|[\\[({<]\\s?(?:at|@|${AT_WORDS})\\s?[\\])}>]\\s?|(?<![${CYR}])(?:${AT_WORDS})\\s)` +
    `([a-z][a-z0-9_]{4,31})(?![a-z0-9_@]|\\.[a-z0-9]|:\\/)`,
  'gi',
);
// "тг: name", "телега - name", "telegram name_shop", Kazakh case forms (телеграмда…, тг-да),
// up to two words before the colon ("тг арқылы: name", "в тг пиши: name") or a contact verb
// without one ("тг-ға жаз name_x"). Groups: 1|2 the separator (if any), 3 the name. A "~"
// counts as a space, not a separator: "тг ~ name_24" needs a handle-shaped name, and
// "15 000 тг ~ approx" is tenge.
/** Arrows pointing at a name ("→ x_shop"); with the dashes, what separates a contact word from a name. */
const POINTERS = '->|→|=>|👉|➡️?|➜|➔|⇒|⟶|►|▶️?';
/** Dashes and arrows between a contact word and a name (also after a contact verb, CONTACT_RE). */
const ARROWS = `–|—|${POINTERS}`;
const KW_SEP = `(:|-|=|${ARROWS})`;
// A contact verb between the keyword and the name, without a separator: "тг-ға жаз name_x",
// "в тг пишите name_x" (handle-shaped names only, like every form without a separator).
const KW_VERB = `[ \\t]+(?:жаз|пиш|напиш)[${CYR}]{0,6}[ \\t]+`;
// "telegram arqyly: name": the Latin-script Kazakh "via" between the keyword and the colon.
const KK_LATIN_VIA = 'ar[qk][yi]l[yi]|or[qk][yi]l[yi]';
// ... or how to write it: "Тг без @: name" (the name typed without the @).
const NO_AT = '(?:без|without)[ \\t]?@';
// ... or what the name is, in English: "tg channel — name", "telegram bot: name".
const KW_LATIN_NOUN = 'channel|chat|group|bot|account|kanal';
const LATIN_NOUN_HEAD = new RegExp(`(?:${KW_LATIN_NOUN})[^a-z]*$`, 'i');
// The word written letter by letter, as labels are to dodge filters: spaced, dotted or dashed, in
// Cyrillic ("т г : name", "т е л е г а: name", "Т.е.л.е.г.р.а.м: name", "т.г: name") or Latin
// ("T G: name", "T.e.l.e.g.r.a.m: name"); features.ts flags the same forms.
const SPLIT_TELEGRAM = [
  ...[' ', '\\.', '-'].map((d) => `т${d}г|т${d}е${d}л${d}е${d}г(?:${d}[${CYR}]){0,3}`),
  ...[' ', '\\.', '-'].map((d) => `t${d}g|t${d}e${d}l${d}e${d}g(?:${d}[a-z]){0,3}`),
].join('|');
/** Opening quotes that may stand before a name. */
const OPEN_QUOTE = `[«"'“„‘]`;
const OPEN_QUOTE_RE = new RegExp(OPEN_QUOTE);
/** The name at `s` stands right after an opening quote (and maybe a space). */
function isQuoted(t: string, s: number): boolean {
  const q = t[s - 1] === ' ' ? s - 2 : s - 1;
  return q >= 0 && OPEN_QUOTE_RE.test(t[q]);
}
const KEYWORD_RE = new RegExp(
  `(?<![a-z0-9${CYR}_])(?:tg|тг|tlg|тлг|teleg(?:ram[a-z]{0,2}|[aeuy]|oy)?|телег[${CYR}]*|${SPLIT_TELEGRAM}|тележк[${CYR}]*)` +
    `(?:-[${CYR}]{1,6})?(?:(?:[ \\t]+(?:[${CYR}]{1,12}|${KK_LATIN_VIA}|${KW_LATIN_NOUN}|${NO_AT})){1,2}\\s*${KW_SEP}\\s*|\\s*${KW_SEP}\\s*|\\s*~\\s*|${KW_VERB}|\\s+)` +
    // the name in quotes: "тг «krg_sklad_job»" (blind set ff)
    `(?:${OPEN_QUOTE}\\s?)?([a-z][a-z0-9_]{4,31})(?![a-z0-9_@]|\\.[a-z0-9]|:\\/)`,
  'gi',
);
// The keyword after the name: "kokshe_shop (телега)", "name_24 [tg]", transliterated "(telega)".
// Handle-shaped names only: "Total (тг)" is a column in tenge.
const KEYWORD_AFTER_RE = new RegExp(
  `(?<![a-z0-9_.@/\\-])([a-z][a-z0-9_]{4,31})\\s?[(\\[]\\s?(?:tg|тг|телега|телеге|телеграм|telegram|telega|telege)\\s?[)\\]]`,
  'gi',
);
// "orda_shop в телеге", "name_24 in telegram", "name_kz телеграмда" / "telegramda", "aktobe_ice тг":
// handle-shaped names only. Not before a colon: "…in USDT TRC20 TG: @x_shop" names what follows.
const KEYWORD_IN_RE = new RegExp(
  `(?<![a-z0-9_.@/\\-])([a-z][a-z0-9_]{4,31})\\s(?:(?:в|во|in|on)\\s(?:тг|tg|телег[${CYR}]{0,3}|телеграм[${CYR}]{0,3}|telegram)|телеграмда|телеграмнан|тг-да|telegramda|telegramnan|tg-da|тг|tg)(?![a-z0-9${CYR}]|\\s*[:=])`,
  'gi',
);
// A Russian or Kazakh contact verb (or the shop's "Оператор" / "куратор") before a bare name, with
// or without a colon: "Жазыңдар: shym_jobs", "Jaz: x_kurer" / "Zhaz: x_shop" (Latin-script
// Kazakh), "Байланыс: x_shop", "Пиши x_shop", "Оператор: x_op", "Оператор на связи: x_op", "чек
// оператору x_op", "Пиши куратору: x_cur", "операторға жібер: x_op", "Жаз → x_shop", spaced
// "Ж а з :  x_shop"; or the account named: "аккаунт x_hr", "ник: x_shop", "the account is x_kz", and
// "ник" with one or two words before the colon ("ник карагандинский кот: x_y"; not a platform's name).
// Only names with an underscore, as shop handles nearly always have ("Пишите:
// Telegram" is a word, "Оператор: Алия" a person); not the English "Contact:"/"DM:", which forms
// follow with "first_name". Not a name followed by a game or another platform: "Ник: k0k0s_007,
// CS-те кездесеміз" is a player's nickname.
const OTHER_PLATFORM = `\\s?[,.]?\\s?(?:(?:в|во|in|на|on)\\s)?(?:игре|ойында|games?(?![a-z])|cs(?:2|go)?(?![a-z])|pubg|dota|steam|minecraft|майнкрафт|roblox|fortnite|standoff|brawl|valorant|instagram|инст(?:а|е|у|ой|аграм[${CYR}]{0,3})?(?![${CYR}])|tiktok|тикток)`;
// A word between "ник" and the colon ("ник карагандинский кот: name"), not a platform's name ("ник майнкрафт: x_1").
const NICK_WORD = `(?!(?:майнкрафт|роблокс|тикток|инст|игр|ойын|стим|дот|пабг|фортнайт|стандофф|вк|ютуб|твич|дискорд)[${CYR}]*(?![${CYR}]))[${CYR}]{2,14}`;
const CONTACT_RE = new RegExp(
  `(?<![a-z0-9${CYR}_])(?:пиши|пишите|писать|ж ?а ?з[${CYR}]{0,6}|jaz[a-zäğıñöşūü]{0,6}|zhaz[a-zäğıñöşūü]{0,6}|связь|контакт[${CYR}]{0,3}|байланыс[${CYR}]{0,3}|оператор[${CYR}]{0,2}|куратор[${CYR}]{0,2}|operator|аккаунт[${CYR}]{0,3}|никнейм|ник|username|nick(?:name)?|account(?:\\sis)?)` +
    `(?:\\sна\\sсвязи|\\s(?:жібер|жiбер|жибер|скин|отправ|напиш)[${CYR}]{0,4}|(?<=ник|никнейм)(?:[ \\t]+${NICK_WORD}){1,2}(?=[ \\t]{0,2}:))?(?:\\s{0,2}(?::|${ARROWS})\\s{0,2}|\\s)` +
    `(?:${OPEN_QUOTE}\\s?)?([a-z][a-z0-9_]{4,31})(?![a-z0-9_@]|\\.[a-z0-9]|:\\/|${OTHER_PLATFORM})`,
  'gi',
);
// An arrow pointing at a shop name: "в телеграме «atyrau jumys» деп ізде → atyrau_jumys" (names with an underscore).
// Arrows only: a dash is punctuation ("— w_e_e_d, acid" spells a drug).
const ARROW_RE = new RegExp(`(?:${POINTERS})[ \\t]{0,2}([a-z][a-z0-9_]{4,31})(?![a-z0-9_@]|\\.[a-z0-9]|:\\/)`, 'gi');
// A name spelled out letter by letter: "s t e p _ w o l f _ b o t", "@ a k t o b e _ k u r a t o r".
// Only names with an underscore: spaced capitals ("F R E E") are emphasis.
const SPACED_NAME_RE = /(?<![a-z0-9_.@\/\-])(?:[a-z0-9_] ){4,31}[a-z0-9_](?![a-z0-9_])/gi;
// Bare bot usernames ("пиши aktobe_skidki_bot"): Telegram bot names must end in "bot".
const BOT_RE = /(?<![a-z0-9_.@/\-])([a-z][a-z0-9_]{0,27}_bot)(?![a-z0-9_@\-]|\.[a-z0-9])/gi;

const URL_RES = [URL_RE, URL_CYR_RE];
const CAPITALISED_TLD = /[A-Z][a-z]+$/;
const BOT_HINT = /_[bB][oO][tT]/;
const ARROW_HINT = /[→👉➡]|->|=>/;
const TG_HOSTS = new Set(['t.me', 'telegram.me', 'telegram.dog', 'www.t.me', 'www.telegram.me']);
// t.me paths that are not usernames.
const TG_RESERVED = new Set([
  'joinchat', 'addstickers', 'addemoji', 'share', 'proxy', 'socks', 'iv', 'login', 'addlist',
  'setlanguage', 'addtheme', 'boost', 'confirmphone', 'invoice', 'contact', 'bg', 'giftcode',
]);
const USERNAME = /^[a-z][a-z0-9_]{4,31}$/;
const PLAIN_HOST = new RegExp(`^[a-z0-9.${CYR}-]+$`, 'i');

/** Canonical Telegram username (lower-case, trailing underscores dropped), or null. */
export function normalizeTelegram(name: string): string | null {
  let v = name.charCodeAt(0) === 0x40 ? name.slice(1) : name;
  let end = v.length;
  while (end > 0 && v.charCodeAt(end - 1) === 0x5f) end--;
  v = (end < v.length ? v.slice(0, end) : v).toLowerCase();
  return USERNAME.test(v) ? v : null;
}


const CYR_SUFFIX = new RegExp(`-[${CYR}]+$`, 'i');
const HAS_CYR = new RegExp(`[${CYR}]`, 'i');

function stripTrailing(path: string): string {
  let p = path;
  for (;;) {
    const c = p[p.length - 1];
    if (c === undefined) return p;
    // Kazakh case suffix glued to an ASCII link: "https://x.kz/menu-ге".
    if (c > '\u0400' && CYR_SUFFIX.test(p) && !HAS_CYR.test(p.replace(CYR_SUFFIX, ''))) {
      p = p.replace(CYR_SUFFIX, '');
      continue;
    }
    if ('.,;:!?\'"»…]}>'.includes(c)) { p = p.slice(0, -1); continue; }
    if (c === ')' && p.split('(').length <= p.split(')').length - 1) { p = p.slice(0, -1); continue; }
    return p;
  }
}

/**
 * A plain word after "keyword: " (match `m` of KEYWORD_RE ending at `e`) that is prose, not a name:
 * a compound glued by a dash ("Telegram-based"), a sentence that goes on ("on Telegram: evidence
 * from …") or another channel ("no Telegram — email only"). Handle-shaped names are not asked.
 */
function isProseAfterKeyword(t: string, m: RegExpExecArray, e: number): boolean {
  return isGluedDash(t, m) || PROSE_AFTER.test(t.slice(e, e + 8)) || LIST_AFTER.test(t.slice(e, e + 40)) || CHANNEL_WORDS.has(m[3].toLowerCase());
}

// The first word of a list: "v Telegram — operator, sklad, kladmen" names roles, not an account.
const LIST_AFTER = /^,[ \t]?[\p{L}'’]+(?:,|[ \t](?:и|and|or|или|және|i)[ \t])/u;

/** The separator is a dash with no space on either side: "Telegram-based" is a compound word. */
function isGluedDash(t: string, m: RegExpExecArray): boolean {
  const sep = m[2];
  if (sep !== '-' && sep !== '–' && sep !== '—') return false;
  const at = m.index + m[0].lastIndexOf(sep, m[0].length - m[3].length);
  return at > 0 && !/\s/.test(t[at - 1]) && !/\s/.test(t[at + 1] ?? ' ');
}

// The rest of a name split at its underscores by spaces, after a keyword or "@": "тг: aktau _ kladmen
// _ hr" is aktau_kladmen_hr (written so that filters looking for a handle see only "aktau").
const SPACED_PARTS_RE = /^(?:[ \t]?_[ \t]?[a-z0-9]+)+(?![a-z0-9_@]|\.[a-z0-9])/i;
const SPACED_PARTS_AFTER_UNDERSCORE_RE = /^[ \t][a-z0-9]+(?:[ \t]?_[ \t]?[a-z0-9]+)*(?![a-z0-9_@]|\.[a-z0-9])/i;

/**
 * Add the Telegram name at [s, e) with the parts that follow it across spaced underscores (the
 * name alone when nothing follows or the joined name would be too long for Telegram); returns
 * where the added span ends, or -1 when the parts run into a span already taken.
 */
function addTelegramJoined(t: string, hits: Hit[], taken: Taken, name: string, s: number, e: number): number {
  // a space or tab follows (the name patterns never end before an underscore)
  const c = t.charCodeAt(e);
  const m = c === 0x20 || c === 0x09 ? (name.endsWith('_') ? SPACED_PARTS_AFTER_UNDERSCORE_RE : SPACED_PARTS_RE).exec(t.slice(e, e + 64)) : null;
  const joined = m && /[ \t]/.test(m[0]) ? name + m[0].replace(/[ \t]/g, '') : name;
  if (joined === name || joined.length > 32) {
    addTelegram(hits, taken, name, s, e);
    return e;
  }
  const end = e + m![0].length;
  if (taken.overlaps(s, end)) return -1;
  addTelegram(hits, taken, joined, s, end);
  return end;
}

function addTelegram(hits: Hit[], taken: Taken, name: string, s: number, e: number): void {
  const v = normalizeTelegram(name);
  if (v) hits.push({ type: 'telegram', value: v, start: s, end: e });
  taken.add(s, e);
}

/** Telegram, URL, domain and e-mail indicators in normalised text. */
export function extractWeb(t: string, hits: Hit[], taken: Taken, f: Features): void {
  let m: RegExpExecArray | null;
  const flags = f.flags;
  const dotLike = (flags & (F.DOT_LATIN | F.SCHEME | F.SPELLED_DOT)) !== 0;
  // DOT_CYR too: "Т.МЕ/name" written in Cyrillic letters
  // a slash: "tme/name" has no dot
  if ((dotLike || flags & F.DOT_CYR || t.indexOf('/') >= 0) && TME_HINT.test(t)) {
    TME_RE.lastIndex = 0;
    while ((m = TME_RE.exec(t))) {
      if (TG_RESERVED.has(m[1].toLowerCase())) continue;
      addTelegram(hits, taken, m[1], m.index, m.index + m[0].length);
    }
  }
  if (flags & F.SCHEME && t.includes('tg://')) {
    TG_RESOLVE_RE.lastIndex = 0;
    while ((m = TG_RESOLVE_RE.exec(t))) addTelegram(hits, taken, m[1], m.index, m.index + m[0].length);
  }
  const bare: RegExpExecArray[] = [];
  for (const re of URL_RES) {
    if (re === URL_RE ? !dotLike : !(flags & F.DOT_CYR && CYR_HINT.test(t))) continue;
    re.lastIndex = 0;
    while ((m = re.exec(t))) {
      if (taken.overlaps(m.index, m.index + m[0].length)) continue;
      if (m[1] === undefined) bare.push(m);
      else addUrl(t, m, hits, taken);
    }
  }
  // DOT_CYR too: a zone in Cyrillic is all the dot of "ivan собака мейл ру" has after the fold (mail-hosts.ts)
  if ((dotLike || flags & F.DOT_CYR) && (flags & (F.EMAIL_AT | F.AT_WORD) || (flags & F.AT && flags & F.BRACKET) || hasDog(t))) extractEmails(t, hits, taken);
  for (const b of bare) addUrl(t, b, hits, taken);
  extractHandles(t, hits, taken, flags);
}

function addUrl(t: string, m: RegExpExecArray, hits: Hit[], taken: Taken): void {
  const scheme = m[1];
  const rawHost = m[2];
  const hs = m.index + (scheme ? scheme.length : 0);
  const he = hs + rawHost.length;
  if (taken.overlaps(hs, he)) return;
  const ip = /^[\d.]+$/.test(rawHost);
  if (ip && !scheme) return;
  const host = ip ? rawHost : normalizeHost(rawHost, scheme !== undefined);
  if (!host) return;
  // "now.Best price" is a missing space, not a domain: bare hosts with a
  // Capitalised TLD are rejected (all-caps "SHOP.KZ" is fine).
  if (!scheme && CAPITALISED_TLD.test(rawHost)) return;
  const path = stripTrailing(m[3] ?? '');
  const end = m.index + m[0].length - ((m[3]?.length ?? 0) - path.length);
  if (TG_HOSTS.has(host) || host.endsWith('.t.me')) {
    // Telegram links give only a username (none for invite links).
    const sub = host.endsWith('.t.me') && !host.startsWith('www.') ? host.slice(0, -5) : '';
    const name = sub || /^\/(?:s\/)?@?([a-z0-9_]+)/i.exec(path)?.[1] || '';
    if (name && !TG_RESERVED.has(name.toLowerCase())) addTelegram(hits, taken, name, m.index, end);
    else taken.add(m.index, end);
    return;
  }
  // A clean scheme URL keeps its written form; a defanged one (hxxp, [.], spaces)
  // is reported by its host only, in normal form.
  const clean =
    scheme !== undefined && /^(?:https?|ftp):\/\/$/i.test(scheme) && (ip || PLAIN_HOST.test(rawHost));
  if (clean) {
    hits.push({ type: 'url', value: t.slice(m.index, end), start: m.index, end });
  }
  if (!ip) hits.push({ type: 'domain', value: host, start: hs, end: he });
  taken.add(m.index, end);
}

// Looser writings ("@ name", "тг name") need a username that does not look like
// a plain word: an underscore or a digit, as shop handles nearly always have.
const HANDLE_SHAPED = /[_0-9]/;
// Shop handles after a contact verb: "Пиши: x_shop" (see CONTACT_RE).
const HAS_UNDERSCORE = /_/;
// "5000 тг" is tenge: then only the direct "тг: name" form counts as Telegram ("24/7 тг name_x" is not tenge).
// A digit that ends a word written with digits for letters ("б0шк1 тг kst_zelen") is no price.
const TENGE = /(?<![/\p{L}])\d[ \u00A0]?(?:тг|tg)$/iu;
// A plain word after "Telegram:" that an English sentence goes on from is a title, not a name:
// "Drug markets on Telegram: evidence from Kazakhstan".
const PROSE_AFTER = /^[ \t]+(?:from|of|and|in|on|for|with|to|the|by|about|as|is|are|vs)(?![a-z0-9_])/i;
// Other channels named after the keyword: "no Telegram — email only" is not a handle "email".
const CHANNEL_WORDS = new Set([
  'email', 'gmail', 'whatsapp', 'viber', 'signal', 'instagram', 'insta', 'facebook', 'phone', 'channel', 'group',
  // ... and instructions: "Telegram: search 'shop kz'", "Telegram: message the admin".
  'search', 'find', 'write', 'message', 'below', 'above', 'account', 'profile', 'username', 'handle', 'click',
]);
// English words that follow "@" used as "at" ("see you @ noon"); names of 5+ letters only.
const SPACED_AT_STOP = new Set([
  'night', 'midnight', 'morning', 'evening', 'today', 'tonight', 'tomorrow', 'weekend', 'school',
  'office', 'least', 'first', 'lunch', 'dinner', 'store', 'price', 'about', 'around', 'every', 'their',
  'there', 'where',
]);

function extractHandles(t: string, hits: Hit[], taken: Taken, flags: number): void {
  let m: RegExpExecArray | null;
  if (flags & (F.AT | F.AT_WORD)) {
    HANDLE_RE.lastIndex = 0;
    while ((m = HANDLE_RE.exec(t))) {
      const s = m.index;
      const e = s + m[0].length;
      // "@ name" is a handle in ru/kk posts, but "@ night" is English for "at".
      // Spelled-out forms ("[at] name", "собака name") need a handle shape.
      if (taken.overlaps(s, e)) continue;
      if (m[1] === undefined ? !HANDLE_SHAPED.test(m[2]) : m[1] !== '' && SPACED_AT_STOP.has(m[2].toLowerCase())) continue;
      addTelegramJoined(t, hits, taken, m[2], s, e);
    }
  }
  if (flags & F.KEYWORD) {
    KEYWORD_RE.lastIndex = 0;
    while ((m = KEYWORD_RE.exec(t))) {
      const e = m.index + m[0].length;
      const s = e - m[3].length;
      const direct = m[2] !== undefined; // "тг: name"
      if (
        taken.overlaps(s, e) ||
        // a quotation after the keyword ("в телеге: «Rabota kurierom…»"): quoted names need a handle shape
        (isQuoted(t, s) && !HANDLE_SHAPED.test(m[3])) ||
        (direct && !HANDLE_SHAPED.test(m[3]) && isProseAfterKeyword(t, m, e)) ||
        (!direct && !m[1] && !HANDLE_SHAPED.test(m[3])) ||
        (!direct && TENGE.test(t.slice(Math.max(0, m.index - 3), m.index + 2))) ||
        // "Telegram channel: Daily news" names the channel in prose: after an English noun, handle shapes only
        (m[1] !== undefined && !HANDLE_SHAPED.test(m[3]) && LATIN_NOUN_HEAD.test(t.slice(m.index, s)))
      ) {
        KEYWORD_RE.lastIndex = s; // "ТГ telegram: name": the rejected word may be the next keyword
        continue;
      }
      const end = addTelegramJoined(t, hits, taken, m[3], s, e);
      if (end > e) KEYWORD_RE.lastIndex = end;
    }
  }
  if (flags & F.KEYWORD) {
    if (flags & F.BRACKET) scanNames(t, KEYWORD_AFTER_RE, hits, taken, 'start', HANDLE_SHAPED);
    scanNames(t, KEYWORD_IN_RE, hits, taken, 'start', HANDLE_SHAPED);
  }
  // The names found below all hold an underscore outside every claimed span; most underscores are
  // inside the @handles and links found above, and then these four scans over the text are skipped.
  if (flags & F.UNDERSCORE && freeUnderscore(t, taken)) {
    scanNames(t, CONTACT_RE, hits, taken, 'end', HAS_UNDERSCORE);
    if (ARROW_HINT.test(t)) scanNames(t, ARROW_RE, hits, taken, 'end', HAS_UNDERSCORE);
    if (t.includes(' _ ')) extractSpacedNames(t, hits, taken);
    if (BOT_HINT.test(t)) scanNames(t, BOT_RE, hits, taken, 'match');
  }
}

/** Is some '_' of `t` outside the spans claimed so far? */
function freeUnderscore(t: string, taken: Taken): boolean {
  for (let p = t.indexOf('_'); p >= 0; p = t.indexOf('_', p + 1)) if (!taken.overlaps(p, p + 1)) return true;
  return false;
}

/** Letter-by-letter names with an underscore, joined ("o s k e m e n _ w o r k" -> oskemen_work). */
function extractSpacedNames(t: string, hits: Hit[], taken: Taken): void {
  let m: RegExpExecArray | null;
  SPACED_NAME_RE.lastIndex = 0;
  while ((m = SPACED_NAME_RE.exec(t))) {
    const name = m[0].replace(/ /g, '');
    const s = m.index;
    const e = s + m[0].length;
    if (name.includes('_') && /^[a-z]/i.test(name) && !taken.overlaps(s, e)) addTelegram(hits, taken, name, s, e);
  }
}

/**
 * Every match of `re` (group 1: the name) as a Telegram name, unless its span is taken or the name
 * lacks `shape`. The span is the name at the start or at the end of the match, or the whole match.
 */
function scanNames(t: string, re: RegExp, hits: Hit[], taken: Taken, span: 'start' | 'end' | 'match', shape?: RegExp): void {
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while ((m = re.exec(t))) {
    const name = m[1];
    const s = span === 'end' ? m.index + m[0].length - name.length : m.index;
    const e = span === 'start' ? s + name.length : m.index + m[0].length;
    if (!taken.overlaps(s, e) && (!shape || shape.test(name))) addTelegram(hits, taken, name, s, e);
  }
}
