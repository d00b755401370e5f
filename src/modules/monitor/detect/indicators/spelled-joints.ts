/**
 * Underscores spelled out inside a Telegram name ("yol (нижнее подчёркивание) driver (нижнее
 * подчёркивание) kz", "shym (астын сызу) tauar (астын сызу) bot", "shym + _ + almaz + _ + 77", "krg _ 420 _ shop"):
 * shops write them so that a filter looking for handle-shaped names misses the name. Each spelled
 * joint between two Latin letters or digits is folded to "_" with an offset map before the web
 * extractors run; whether the result is a handle is decided by their own rules, as for a name
 * written whole.
 */
import type { Normalized } from './normalize.js';
import * as normalizeMod from './normalize.js';

// local consts: imported bindings are getters under tsx (a property load per use)
const { replaceMatches } = normalizeMod;

/** The underscore's names in Russian and Kazakh (also typed on a Russian keyboard). */
const NAMES_CYR = [
  'нижнее[ \\t]+подч[её]ркивание', 'нижний[ \\t]+пробел', 'нижнее[ \\t]+тире', 'подч[её]ркивание', 'андерскор',
  'астын(?:ғы|гы)?[ \\t]+сыз(?:у|ық|ык)', 'астыңғы[ \\t]+сызық',
].join('|');
/** ... and in English. */
const NAMES = `${NAMES_CYR}|underscore|under[ \\t]score`;

/**
 * An underscore with a space or "+" beside it ("krg _ 420 _ shop", "shym + _ + almaz"): a cheap test
 * for texts with an underscore (the spelled names are flagged by the feature scan, F.SPELLED_JOINT).
 */
export const LOOSE_UNDERSCORE = /[ \t+]_|_[ \t+]/;

/**
 * A spelled joint between two Latin letters or digits: the name in brackets, "+ _ +", the Russian or
 * Kazakh name bare ("taraz астын сызу jasyl": Cyrillic words between Latin parts are no prose), or an
 * underscore with spaces around it after a short part ("krg _ 420 _ shop": too short to be a name on
 * its own). The English name bare only in a chain of two: "tg: Python underscore methods" is prose
 * about a Python name, "candy underscore factory underscore alm" is a name.
 */
const JOINT_RE = new RegExp(
  `(?<=[a-z0-9])[ \\t]*(?:[(\\[{<«"][ \\t]*(?:${NAMES})[ \\t]*[)\\]}>»"]|\\+[ \\t]*_[ \\t]*\\+)[ \\t]*(?=[a-z0-9])|` +
    `(?<=[a-z0-9])[ \\t]+(?:${NAMES_CYR})[ \\t]+(?=[a-z0-9])|` +
    // the English name bare only in a chain of two or more ("candy underscore factory underscore alm")
    `(?<=[a-z0-9])[ \\t]+underscore[ \\t]+(?=[a-z0-9]+[ \\t]+underscore[ \\t]+[a-z0-9])|` +
    `(?<=[a-z0-9][ \\t]+underscore[ \\t]+[a-z0-9]+)[ \\t]+underscore[ \\t]+(?=[a-z0-9])|` +
    // after a part of two to four chars (a longer one is a name, and web.ts joins the parts that follow
    // it); not between single letters: "a s t a n a _ s w e e t s" is a name spelled letter by letter
    `(?<=(?<![a-z0-9_])[a-z0-9]{2,4})[ \\t]+_[ \\t]+(?=[a-z0-9]{2})`,
  'gi',
);

/** `text` with every spelled joint folded to "_" (spans map back to the whole joint), or null when it has none. */
export function foldSpelledJoints(text: string): Normalized | null {
  return replaceMatches(text, JOINT_RE, () => '_');
}
