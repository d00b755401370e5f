/**
 * Emoji between the digit groups of a number ("8 7 7 7 🔥 4 0 4 🔥 2 8 8 0", "4105 🔸 8436 🔸 0659"):
 * shops set them there so that a filter looking for digit runs sees none. Each such emoji run is
 * read as one space before the phone and card patterns run; checksums and the phone shape still
 * decide what a number is.
 */
import type { Normalized } from './normalize.js';
import * as normalizeMod from './normalize.js';

// local const: imported bindings are getters under tsx (a property load per use in hot code)
const { replaceMatches } = normalizeMod;

// An emoji (with its variation selectors and joiners) between two digits, with the space or none
// on each side: the whole gap becomes one space, as the number patterns expect between groups.
const GAP = /(?<=\d)[ \u00A0]?(?:\p{Extended_Pictographic}|[\u25A0-\u25FF\u2B00-\u2BFF])(?:[\uFE0F\u200D]|\p{Extended_Pictographic}|[\u25A0-\u25FF\u2B00-\u2BFF])*[ \u00A0]?(?=\d)/gu;

/**
 * A cheap test before the fold: a digit followed by an emoji or a symbol (surrogate pairs start with
 * U+D83C..D83E), not by a currency sign (₸ after a price is the common case).
 */
export const EMOJI_GAP_HINT = /\d[ \u00A0]?[\u2190-\u2BFF\uD83C-\uD83E]/;

/** `text` with every emoji between digit groups read as a space (null when there is none). */
export function foldEmojiGaps(text: string): Normalized | null {
  return replaceMatches(text, GAP, () => ' ');
}
