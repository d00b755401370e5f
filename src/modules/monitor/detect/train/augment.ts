/**
 * Obfuscated copies of hand-written rows. The sets by other authors are repeated to weigh
 * against the generated corpus; instead of identical copies, a repeat can carry the evasions
 * the generator uses (look-alikes, digits for letters, split and stretched letters, zero-width
 * characters, transliteration), so the model sees each human phrasing in the written forms a
 * shop would use. Indicators are never touched: a word next to a digit or to a character of
 * handles, addresses and links ('@', '.', '/', ':', '_', '-', ...) is left alone, so every
 * indicator keeps its value.
 */
import { OBF_MIX, obfuscateWord } from './corpus/obfuscate.js';
import { R, subSeed } from './corpus/rng.js';
import type { LabelledRow } from '../evaluate.js';
import { extractIndicators } from '../indicators/index.js';

/** Share of eligible words obfuscated in a copy. */
const WORD_RATE = 0.25;
const LETTERS = /\p{L}{3,}/gu;
const NEAR_INDICATOR = /[\p{N}@./:_#\\\-+=?&%~]/u;

/** One obfuscated copy of `text` (deterministic in seed). */
export function obfuscateText(text: string, seed: number): string {
  const r = R.seeded(seed);
  return text.replace(LETTERS, (w, at: number) => {
    const before = at > 0 ? text[at - 1] : ' ';
    const after = text[at + w.length] ?? ' ';
    if (NEAR_INDICATOR.test(before) || NEAR_INDICATOR.test(after) || !r.chance(WORD_RATE)) return w;
    return obfuscateWord(r, w, OBF_MIX.train);
  });
}

/** The indicators of `text` as one string: equal for two texts exactly when their indicators are. */
export function indicatorKey(text: string): string {
  return extractIndicators(text).map((i) => `${i.type}:${i.value}`).join('\n');
}

/**
 * `copies` obfuscated copies of every row (labels kept), seeded per row and copy. A copy whose
 * indicators differ from the row's (an obfuscated keyword such as "телеге" in "name в телеге")
 * is drawn again, up to three times, and is otherwise the row itself.
 */
export function obfuscatedCopies(rows: readonly LabelledRow[], copies: number, seed: number): LabelledRow[] {
  const out: LabelledRow[] = [];
  const want = rows.map((r) => indicatorKey(r.text));
  for (let k = 0; k < copies; k++) {
    rows.forEach((row, i) => {
      let text = row.text;
      for (let attempt = 0; attempt < 3; attempt++) {
        const t = obfuscateText(row.text, subSeed(seed, `${k}\u0000${attempt}\u0000${row.text}`));
        if (indicatorKey(t) === want[i]) {
          text = t;
          break;
        }
      }
      out.push({ ...row, text });
    });
  }
  return out;
}
