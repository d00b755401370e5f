/**
 * A name written with a dot or a dash between its letters ("тг k.i.t.c.h.e.n_alm", "@s-n-o-w_ast"):
 * shops write them so that a filter looking for handle-shaped names misses the name. A chain of four
 * or more single Latin letters or digits (a letter first) with one separator throughout is read
 * joined before the web extractors run; whether the result is a handle is decided by their own rules,
 * as for a name written whole. A chain followed by a longer part ("x.y.z.w.kz") is a domain and is
 * left alone; a chain of digits first (an IP address, a phone) too.
 */
import type { Normalized } from './normalize.js';
import * as normalizeMod from './normalize.js';

// local const: imported bindings are getters under tsx (a property load per use)
const { replaceMatches } = normalizeMod;

/** Four or more single chars joined by one separator, not inside a longer word or dotted name. */
const CHAIN_RE = /(?<![a-z0-9_.-])[a-z]([.-])[a-z0-9](?:\1[a-z0-9]){2,}(?![a-z0-9]|[.-][a-z0-9])/gi;
/** A cheap test before the pattern. */
export const LETTER_CHAIN_HINT = /[a-z][.-][a-z0-9][.-][a-z0-9][.-][a-z0-9]/i;

/** `text` with every letter chain read joined (spans map back to the whole chain), or null when it has none. */
export function foldLetterChains(text: string): Normalized | null {
  return replaceMatches(text, CHAIN_RE, (m) => m[0].replaceAll(m[1], ''));
}
