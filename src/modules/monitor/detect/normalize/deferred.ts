/**
 * Emoji written between single letters ("ш🌿и🌿ш🌿к🌿и", "п✨р✨и✨в✨е✨т") separate the letters of
 * one word, like the dots of "с.о.л.ь". Their concept tokens wait here while the letters gather;
 * once the run is resolved they are emitted after the word it became (each concept once), or after
 * the letter they followed when the letters stay single words.
 *
 * Until 2026-12-07 such an emoji ended the run: every letter became a one-letter word between
 * concept tokens, and an obfuscation probe (30% of the words of the held-out benign posts written
 * this way with ordinary emoji) had 15% of them flagged.
 */

/** Signature of an emoji separator in the normaliser's split-letter tracking (no char pair makes it). */
export const EMOJI_SEP = 2 ** 40;

/** Concept tokens waiting for the run of single letters they were written in. */
export class DeferredTokens {
  /** Token char, original span, and the index of the pending letter each came after. */
  readonly c: Uint16Array;
  readonly s: Int32Array;
  readonly e: Int32Array;
  readonly after: Int32Array;
  n = 0;

  constructor(readonly capacity: number) {
    this.c = new Uint16Array(capacity);
    this.s = new Int32Array(capacity);
    this.e = new Int32Array(capacity);
    this.after = new Int32Array(capacity);
  }

  /** Keep a token that came after pending letter `after`; false when full (the caller ends the run). */
  add(c: number, s: number, e: number, after: number): boolean {
    if (this.n === this.capacity) return false;
    const j = this.n++;
    this.c[j] = c;
    this.s[j] = s;
    this.e[j] = e;
    this.after[j] = after;
    return true;
  }

  /** The first pending letter left the run: the others move down by one. */
  shiftDown(): void {
    for (let j = 0; j < this.n; j++) this.after[j]--;
  }
}
