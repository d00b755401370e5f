/**
 * Public normalisation API: normalised string + offset map back to the original.
 *
 * The detector itself uses a shared `Normalizer` instance and reads its buffers
 * directly; this wrapper copies them out for callers and tests.
 */
import { lexicon } from '../lexicon/index.js';
import { EMOJI_BASE, EMOJI_CONCEPTS } from './emoji.js';
import { Normalizer } from './normalizer.js';

export { Normalizer, F_START, F_JOINED } from './normalizer.js';
export { EMOJI_BASE, EMOJI_CONCEPTS } from './emoji.js';

/** Result of `normalize`. */
export interface NormalizedText {
  /** Normalised text: " word word ... " (leading/trailing space, single spaces). */
  text: string;
  /** map[i] = original UTF-16 start offset of normalised char i. */
  map: Int32Array;
  /** mapEnd[i] = original end offset (exclusive) of normalised char i. */
  mapEnd: Int32Array;
}

let shared: Normalizer | null = null;

/** A Normalizer that uses the built-in lexicon to choose leet readings (м3ф -> меф). */
export function sharedNormalizer(): Normalizer {
  if (!shared) shared = new Normalizer(lexicon().isWord, lexicon().termEnd);
  return shared;
}

/** Normalise `text`; see normalizer.ts for the rules. */
export function normalize(text: string): NormalizedText {
  const n = sharedNormalizer();
  n.run(text);
  return { text: n.text(), map: n.start.slice(0, n.len), mapEnd: n.end.slice(0, n.len) };
}

/** Original [start, end) of the normalised span [s, e) (spaces at the edges ignored). */
export function toOriginal(nt: NormalizedText, s: number, e: number): [number, number] {
  while (s < e && nt.text.charCodeAt(s) === 0x20) s++;
  while (e > s && nt.text.charCodeAt(e - 1) === 0x20) e--;
  if (s >= e) return [nt.map[s] ?? 0, nt.map[s] ?? 0];
  return [nt.map[s], nt.mapEnd[e - 1]];
}

/** Human-readable form: emoji concept chars rendered as ⟨name⟩ (debugging, docs). */
export function readable(normalized: string): string {
  return normalized.replace(/[\uE000-\uE0FE]/g, (c) => `⟨${EMOJI_CONCEPTS[c.charCodeAt(0) - EMOJI_BASE]?.name ?? 'emoji'}⟩`);
}
