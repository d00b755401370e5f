/**
 * A name written with spaces, dashes or dots where its underscores go, and an instruction that says
 * so: "ник ast rabotaem 24 (пробелы — это нижнее подчёркивание)", "тг geroin-rai (вместо дефиса —
 * нижнее подчёркивание)", "dm @shym.white — telegram doesn't allow dots, type an underscore instead"
 * (blind set ff). A Telegram name has no space, dash or dot, so a filter looking for handle-shaped
 * names misses it. Only with such an instruction in the text, the separators of a name right after
 * a Telegram word or an @ are read as underscores, before the web extractors run; whether the result
 * is a handle is decided by their own rules.
 */
import type { Normalized } from './normalize.js';
import * as normalizeMod from './normalize.js';

// local const: imported bindings are getters under tsx (a property load per use)
const { replaceMatches } = normalizeMod;

/** The underscore's names (the feature scan flags them: F.SPELLED_JOINT) and the sign itself. */
const UNDERSCORE = 'нижн[а-яё]* подч[её]ркиван[а-яё]*|подч[её]ркиван[а-яё]*|андерскор[а-яё]*|underscores?|астын(?:ғы)? сыз[а-яәғқңөұүһі]*|астыңғы сызық[а-яәғқңөұүһі]*|«_»|"_"';
/** The separators an instruction may name, by the char they stand for. */
const SEPARATORS: readonly [string, string][] = [
  [' ', 'пробел[а-яё]*|spaces?|бос орын[а-яәғқңөұүһі]*'],
  ['-', 'дефис[а-яё]*|тире|hyphens?|dash(?:es)?|сызықша[а-яәғқңөұүһі]*'],
  ['.', 'точк[а-яё]*|dots?|нүкте[а-яәғқңөұүһі]*|нукте[а-яё]*'],
];
/** A separator's name and the underscore's within a few words of each other, in either order. */
const INSTRUCTIONS = SEPARATORS.map(([sep, names]): [string, RegExp] => [
  sep,
  new RegExp(`(?<![a-zа-яё])(?:(?:${names})[^.!?\\n]{0,40}?(?:${UNDERSCORE})|(?:${UNDERSCORE})[^.!?\\n]{0,40}?(?:${names}))`, 'i'),
]);
/** Words after a spaced name that end it ("dm @ast rabotaem 24 and wait"). */
const NOT_PART = '(?:and|or|then|to|in|on|for|please|pls|dm|и|или)';

/** A Telegram word or an @, then a name of two to five parts joined by `sep`. */
function namePattern(sep: string): RegExp {
  const s = sep === ' ' ? ' ' : `\\${sep}`;
  const part = sep === ' ' ? `(?!${NOT_PART}(?![a-z0-9]))[a-z0-9]+` : '[a-z0-9]+';
  return new RegExp(
    `(?<=(?:@|(?<![a-zа-яё])(?:тг|tg|телег[а-яё]*|telegram|ник|nick|username|dm)[ \\t]*[:\\-—]?[ \\t]*@?))` +
      `[a-z][a-z0-9]*(?:${s}${part}){1,4}(?![a-z0-9]|${s}${part})`,
    'gi',
  );
}
const NAMES = new Map(SEPARATORS.map(([sep]) => [sep, namePattern(sep)]));

/** `text` with the separators of a name read as underscores where the text says so (null when it does not). */
export function foldInstructedJoints(text: string): Normalized | null {
  for (const [sep, re] of INSTRUCTIONS) {
    if (!re.test(text)) continue;
    return replaceMatches(text, NAMES.get(sep)!, (m) => m[0].split(sep).join('_'));
  }
  return null;
}
