/**
 * Emoji-decorated copies of hand-written rows. Shop posts in the training data carry more emoji
 * than benign ones, and the model learnt emoji as evidence: two of 🔥 ✨ 💥 👉 😎 ⚡ 💯 ✅ added at
 * the start or end of the held-out sets' benign posts had 7.6% of them flagged (0.93% as written),
 * though such emoji decorate ordinary ads and chats everywhere. A decorated copy adds one to four
 * emoji of ordinary use (no drug code such as ❄️ 🌿 💊 🍁 💎 🧂 🔌 🍄 🍫 🚀) at the start or end of a
 * row, labels kept, drug and benign rows alike, so that such emoji tell the model nothing on their
 * own. Indicators are untouched (nothing is inserted inside the text).
 */
import { R, subSeed } from './corpus/rng.js';
import type { LabelledRow } from '../evaluate.js';

/** Emoji of ordinary use, with and without variation selectors. */
const DECOR = [
  '🔥', '✨', '💥', '👉', '😎', '💯', '✅', '⭐', '❗', '‼️', '👇', '➡️', '🙂', '😊', '😂', '❤️', '💙', '🎉', '🥳',
  '👍', '🙏', '🤝', '📍', '📦', '📱', '📞', '⏰', '💰', '💸', '🎁', '🌞', '🌸', '⚠️', '🆕', '💪', '🤩', '😍', '👀',
];

/** One decorated copy of `text` (deterministic in seed). */
export function decorateText(text: string, seed: number): string {
  const r = R.seeded(seed);
  const n = r.int(1, 4);
  let out = text;
  for (let i = 0; i < n; i++) {
    const e = r.pick(DECOR);
    const twice = r.chance(0.25) ? e : '';
    out = r.chance(0.5) ? `${e}${twice} ${out}` : `${out} ${e}${twice}`;
  }
  return out;
}

/** `copies` decorated copies of every row (labels and indicators kept), seeded per row and copy. */
export function decoratedCopies(rows: readonly LabelledRow[], copies: number, seed: number): LabelledRow[] {
  const out: LabelledRow[] = [];
  for (let k = 0; k < copies; k++) rows.forEach((row) => out.push({ ...row, text: decorateText(row.text, subSeed(seed, `${k}\u0000${row.text}`)) }));
  return out;
}
