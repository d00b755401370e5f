/**
 * Mail providers written in Cyrillic after a spelled @ ("petro.shop собака гмайл точка ком"): the
 * way the address is said aloud, so that a filter looking for "@gmail.com" misses it. The provider
 * word is read as its Latin name before the e-mail pattern runs; the dot and the zone are read there
 * as for any spelled address («точка», «ком», «ру»).
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
const NAMES = Object.keys(PROVIDERS).sort((a, b) => b.length - a.length).join('|');
// after a spelled @ (the extractor runs this fold only when the feature scan saw such a word), before
// a dot or its spelled names
const HOST_RE = new RegExp(
  `(?<=(?:(?<![а-яё])(?:собак[аи]|собачк[аи]|эт)|(?<![a-z])(?:at|sobaka))\\s?)(${NAMES})(?=\\s?(?:\\.|точка|тчк|нүкте|dot)\\s?[a-zа-я])`,
  'gi',
);
/** A cheap test before the pattern (гмайл and джимейл contain майл and мейл). */
export const MAIL_HOST_HINT = /м[еэа]йл|яндекс|инбокс|рамблер|протон|тутанота|аутлук|яху/i;

/** `text` with Cyrillic mail providers after a spelled @ read in Latin (null when there is none). */
export function foldMailHosts(text: string): Normalized | null {
  return replaceMatches(text, HOST_RE, (m) => PROVIDERS[m[0].toLowerCase()]);
}
