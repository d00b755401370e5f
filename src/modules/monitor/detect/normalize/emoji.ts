/**
 * Emoji -> concept tokens.
 *
 * Shops write product codes with emoji (❄️ cocaine, 🧂 "salt"/alpha-PVP, 🍁🌿
 * cannabis, 💎 crystals, 🔌 "plug" = dealer...). The normaliser replaces each emoji
 * sequence (with its variation selectors, skin tones and ZWJ parts) by ONE private-use
 * character U+E000+id, so a concept is one "letter" for n-grams and one token for the
 * lexicon. Emoji without a specific concept fall back to their Unicode group
 * (smiley, food, ...), taken from the `unicode-emoji-json` package data.
 *
 * The drug readings are the street conventions seen in Kazakhstan/Russia shop ads
 * (and in this project's labelled examples); they are only hints — benign posts
 * (kids' party ❄️, bath salt 🧂) use the same emoji and the classifier weighs context.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface EmojiConcept {
  id: number;
  name: string;
  /** Substance the emoji usually codes for in shop ads, if any. */
  substance?: string;
}

// [name, substance, emoji...]. The first code point of each emoji is the key.
const SPECIFIC: [string, string | undefined, string][] = [
  ['snow', 'cocaine', '❄ ☃ ⛄ 🌨'],
  ['gem', 'stimulant_crystal', '💎 💠'],
  ['leaf', 'cannabis', '🍁 🍂 🍃'],
  ['herb', 'cannabis', '🌿 ☘ 🍀 🪴'],
  ['sprout', undefined, '🌱 🌾'],
  ['tree', undefined, '🌲 🌳 🌴 🎄'],
  ['mushroom', 'mushrooms', '🍄'],
  ['pill', 'mdma', '💊'],
  ['salt', 'alpha_pvp', '🧂'],
  ['plug', undefined, '🔌'],
  ['chocolate', 'hashish', '🍫'],
  ['lightning', 'amphetamine', '⚡'],
  ['rocket', 'amphetamine', '🚀'],
  ['crystalball', 'lsd', '🔮'],
  ['cat', 'mephedrone', '😼 🐱 🐈 😺 😸 😻 🙀 😽 😿 😾 😹'],
  ['coconut', 'cocaine', '🥥'],
  ['nose', 'cocaine', '👃'],
  ['syringe', 'heroin', '💉'],
  ['candy', 'mdma', '🍬 🍭'],
  ['ice', 'methamphetamine', '🧊'],
  ['chem', 'synthetic', '🧪 ⚗'],
  ['money', undefined, '💰 💵 💸 💴 💶 💷 🤑 💲 💳 🏦'],
  ['package', undefined, '📦 🎁'],
  ['pin', undefined, '📍 📌 🗺 🧭'],
  ['camera', undefined, '📷 📸 📹'],
  ['party', undefined, '🎉 🥳 🎊 🪩 🎶 🎵 🎧 🕺 💃 🎤'],
  ['fire', undefined, '🔥'],
  ['hundred', undefined, '💯'],
  ['check', undefined, '✅ ✔ ☑'],
  ['wink', undefined, '😉 😏 😜 🤫 🤐 🙊 😎 😌'],
  ['walk', undefined, '🚶 🏃 🚴 🛴 🚲 🚗 🚕 🛵 🚚'],
  ['magnet', undefined, '🧲'],
  ['coin', undefined, '🪙'],
  ['skull', undefined, '💀 ☠ ⚰'],
  ['warning', undefined, '⚠ 🚫 ⛔ ❌ ❗ ❕ ‼'],
  ['police', undefined, '👮 🚓 🚔 🚨 ⚖ 🏛'],
  ['medical', undefined, '🏥 ⚕ 🩺 🩹 🚑'],
  ['heart', undefined, '❤ 💚 💙 💜 🧡 💛 🤍 🖤 💔 😍 🥰'],
  ['star', undefined, '⭐ 🌟 ✨ 💫'],
  ['point', undefined, '👉 👇 ➡ ⬇ 👈'],
  ['phone', undefined, '📱 ☎ 📞 💬 ✉ 📩 📨 📲'],
  ['smoke', 'cannabis', '🚬 💨'],
  ['high', undefined, '😵 🤪 🥴 🌈 🌀 👽 🛸 🤯'],
  ['bomb', undefined, '💣 💥'],
  ['clock', undefined, '⏰ ⏱ ⌛ ⏳ 🕐'],
  ['anon', undefined, '🔒 🔐 🕵 🥷'],
  ['bath', undefined, '🛁 🧴 💆 🧖 🧼'],
  ['baked', undefined, '🥐 🍰 🎂 🍞 🥧 🧁 🍪'],
  ['school', undefined, '🏫 📚 🎓 ✏ 📖'],
  ['help', undefined, '🙏 🤝 🆘'],
  ['laugh', undefined, '😂 🤣 😅 😄 😆'],
  ['work', undefined, '💼 👷'],
  ['fruit', undefined, '🍓 🍒 🍉 🍋 🍌 🍎 🍊 🍇'],
  ['nuts', undefined, '🌰 🥜'],
  ['ok', undefined, '👍 👌 🤙'],
];

const GROUPS: [string, string][] = [
  ['Smileys & Emotion', 'smiley'],
  ['People & Body', 'people'],
  ['Animals & Nature', 'nature'],
  ['Food & Drink', 'food'],
  ['Travel & Places', 'travel'],
  ['Activities', 'activity'],
  ['Objects', 'object'],
  ['Symbols', 'symbol'],
  ['Flags', 'flag'],
];

/** All concepts, indexed by id (id 0 = generic "emoji"). */
export const EMOJI_CONCEPTS: EmojiConcept[] = [{ id: 0, name: 'emoji' }];
const byName = new Map<string, number>();
function addConcept(name: string, substance?: string): number {
  const id = EMOJI_CONCEPTS.length;
  EMOJI_CONCEPTS.push(substance ? { id, name, substance } : { id, name });
  byName.set(name, id);
  return id;
}

/** First code point of an emoji -> concept id. */
const CP_CONCEPT = new Map<number, number>();
for (const [name, sub, list] of SPECIFIC) {
  const id = addConcept(name, sub);
  for (const e of list.split(' ')) CP_CONCEPT.set(e.codePointAt(0)!, id);
}
const groupIds = new Map<string, number>();
for (const [g, name] of GROUPS) groupIds.set(g, addConcept(name));

const data = require('unicode-emoji-json/data-by-emoji.json') as Record<string, { group: string }>;
for (const [e, v] of Object.entries(data)) {
  const cp = e.codePointAt(0)!;
  // Digits, '#', '*', ©, ®, ™ are emoji only as keycaps / with FE0F; as text they are text.
  if (cp < 0x80 || cp === 0xa9 || cp === 0xae || cp === 0x2122) continue;
  // Ⓜ and the squared letters 🅰 🅱 🅾 🅿 are emoji, but in "Ⓜ️Ⓔ️Ⓕ️" or "🅰🅻🅵🅰" they spell a word with
  // their non-emoji neighbours (Ⓔ, 🅻): read as letters, they fold like the rest of the alphabet.
  if (cp === 0x24c2 || (cp >= 0x1f170 && cp <= 0x1f189)) continue;
  if (!CP_CONCEPT.has(cp)) CP_CONCEPT.set(cp, groupIds.get(v.group) ?? 0);
}

/** Private-use base for concept characters in normalised text. */
export const EMOJI_BASE = 0xe000;
export const FLAG_CONCEPT = groupIds.get('Flags')!;

/** Concept id for an emoji's first code point, or -1 if it does not start an emoji. */
export function emojiConceptOf(cp: number): number {
  const id = CP_CONCEPT.get(cp);
  if (id !== undefined) return id;
  // Unassigned / newer pictographs: still emoji, generic concept.
  if ((cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x1f900 && cp <= 0x1f9ff)) return 0;
  return -1;
}

/** True for code points that extend an emoji sequence (selectors, skin tones, keycap, tags). */
export function isEmojiModifier(cp: number): boolean {
  return cp === 0xfe0f || cp === 0xfe0e || cp === 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f);
}

/** Concept id by name (throws for unknown names; used by the lexicon loader). */
export function emojiConceptId(name: string): number {
  const id = byName.get(name);
  if (id === undefined) throw new Error(`unknown emoji concept ${name}`);
  return id;
}

/**
 * End of the emoji sequence that starts with code point `first` (already read, ending before `i`):
 * variation selectors, skin tones, a second regional indicator of a flag, and ZWJ-joined pictographs
 * (🐈‍⬛, 👨‍⚕️) belong to it.
 */
export function emojiSequenceEnd(text: string, i: number, first: number): number {
  const n = text.length;
  let regional = first >= 0x1f1e6 && first <= 0x1f1ff;
  while (i < n) {
    let cp = text.charCodeAt(i);
    let w = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00);
      w = 2;
    }
    if (isEmojiModifier(cp)) i += w;
    else if (regional && cp >= 0x1f1e6 && cp <= 0x1f1ff) {
      i += w;
      regional = false;
    } else if (cp === 0x200d /* ZWJ */ && i + 1 < n) {
      // ZWJ joins the next pictograph into the same sequence (🐈‍⬛, 👨‍⚕️)
      let nx = text.charCodeAt(i + 1);
      let nw = 1;
      if (nx >= 0xd800 && nx <= 0xdbff && i + 2 < n) {
        nx = 0x10000 + ((nx - 0xd800) << 10) + (text.charCodeAt(i + 2) - 0xdc00);
        nw = 2;
      }
      if (emojiConceptOf(nx) >= 0) i += 1 + nw;
      else break;
    } else break;
  }
  return i;
}
