/**
 * Mail providers written in Cyrillic after a spelled @ ("petro.shop собака гмайл точка ком"): the
 * way the address is said aloud, so that a filter looking for "@gmail.com" misses it. The provider
 * word is read as its Latin name before the e-mail pattern runs; the dot and the zone are read there
 * as for any spelled address («точка», «ком», «ру»). Said aloud the dot is often dropped too
 * ("собака mail ру", "собака гмайл ком"): a provider, Latin or Cyrillic, with a zone word after a
 * space gets its dot back.
 */
import type { Normalized } from './normalize.js';
import * as normalizeMod from './normalize.js';

// local const: imported bindings are getters under tsx (a property load per use)
const { replaceMatches } = normalizeMod;

/** Cyrillic spellings of the common providers, lower case (matched case-insensitively). */
const PROVIDERS: Readonly<Record<string, string>> = {
  гмайл: 'gmail', гмейл: 'gmail', джимейл: 'gmail', джимайл: 'gmail', жимейл: 'gmail',
  мейл: 'mail', майл: 'mail', мэйл: 'mail', яндекс: 'yandex', инбокс: 'inbox', рамблер: 'rambler',
  протон: 'proton', протонмейл: 'protonmail', тутанота: 'tutanota', аутлук: 'outlook', яху: 'yahoo',
};
/** Latin names of providers that are said without their dot ("mail ру"). */
const LATIN = ['gmail', 'mail', 'yandex', 'inbox', 'rambler', 'proton', 'protonmail', 'outlook', 'yahoo', 'list', 'bk', 'icloud'];
const by = (a: string, b: string) => b.length - a.length;
const CYR_NAMES = Object.keys(PROVIDERS).sort(by).join('|');
const ALL_NAMES = [...Object.keys(PROVIDERS), ...LATIN].sort(by).join('|');
/** Zones said after a provider without the dot; the e-mail pattern reads the Cyrillic ones. */
const ZONE = 'ру|ru|ком|com|кз|kz|қз|нет|net';
// after a spelled @ (the extractor runs this fold only when the feature scan saw such a word): a
// Cyrillic provider before a dot or its spelled names (group 1), or any provider, a space and a zone
// that ends the address (groups 2 and 3)
const HOST_RE = new RegExp(
  `(?<=(?:(?<![а-яё])(?:собак[аи]|собачк[аи]|эт)|(?<![a-z])(?:at|sobaka))\\s?)` +
    `(?:(${CYR_NAMES})(?=\\s?(?:\\.|точка|тчк|нүкте|dot)\\s?[a-zа-я])|(${ALL_NAMES}) (${ZONE})(?![a-zа-яёәғқңөұүһі0-9_.-]))`,
  'gi',
);
/** A cheap test before the pattern (гмайл and джимейл contain майл and мейл). */
export const MAIL_HOST_HINT = new RegExp(`м[еэа]йл|яндекс|инбокс|рамблер|протон|тутанота|аутлук|яху| (?:${ZONE})(?![a-zа-я])`, 'i');

/** `text` with mail providers after a spelled @ read in Latin, with their dot (null when there is none). */
export function foldMailHosts(text: string): Normalized | null {
  return replaceMatches(text, HOST_RE, (m) => (m[1] !== undefined ? PROVIDERS[m[1].toLowerCase()] : `${latin(m[2])}.${m[3]}`));
}

function latin(provider: string): string {
  const p = provider.toLowerCase();
  return PROVIDERS[p] ?? p;
}
