/**
 * Evasion-style obfuscation of keywords and light "real-world" noise for whole texts.
 * Indicator placeholders (\uE000n\uE001) are never touched: callers pass only the text
 * segments between placeholders.
 */
import { transliterate } from '../../lexicon/translit.js';
import type { R } from './rng.js';

export type ObfKind = 'leet' | 'homoglyph' | 'split' | 'stretch' | 'zw' | 'caps' | 'misspell' | 'translit' | 'upper';

/** Obfuscation mixes: train and holdout deliberately differ. */
export const OBF_MIX: Record<'train' | 'holdout', [ObfKind, number][]> = {
  train: [['leet', 5], ['homoglyph', 4], ['split', 5], ['stretch', 3], ['zw', 2], ['caps', 2], ['misspell', 4], ['translit', 3], ['upper', 3]],
  holdout: [['leet', 3], ['homoglyph', 6], ['split', 3], ['stretch', 2], ['zw', 6], ['caps', 4], ['misspell', 3], ['translit', 2], ['upper', 1]],
};

const CYR2LAT: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', к: 'k', і: 'i',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
};
const LAT2CYR: Record<string, string> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х', i: 'і',
  A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х',
};
const LEET: Record<string, string[]> = {
  о: ['0'], О: ['0'], е: ['3', 'е'], Е: ['3'], з: ['3'], З: ['3'], ч: ['4'], Ч: ['4'], б: ['6'], а: ['4', 'а'], А: ['4'],
  o: ['0'], O: ['0'], e: ['3'], E: ['3'], a: ['4'], A: ['4'], i: ['1'], I: ['1'], s: ['5'], S: ['5'], t: ['7'], l: ['1'],
  и: ['u'], ш: ['w'], т: ['7'], к: ['k'], г: ['r'],
};
const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu',
  я: 'ya', ә: 'a', ғ: 'g', қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};
export const ZW = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const VOW = 'аеёиоуыэюяәөұүіaeiouy';

function leet(r: R, w: string): string {
  let out = '';
  let changed = 0;
  for (const ch of w) {
    const opts = LEET[ch];
    if (opts && (r.chance(0.55) || changed === 0)) {
      out += r.pick(opts);
      changed++;
    } else out += ch;
  }
  return out;
}

function homoglyph(r: R, w: string): string {
  let out = '';
  for (const ch of w) {
    const m = CYR2LAT[ch] ?? LAT2CYR[ch];
    out += m && r.chance(0.5) ? m : ch;
  }
  return out === w ? w.replace(/[аеорсухк]/, (c) => CYR2LAT[c] ?? c) : out;
}

function split(r: R, w: string): string {
  const sep = r.weighted<string>([['.', 4], [' ', 4], ['-', 2], ['_', 1], ['*', 1], ['·', 1], ['  ', 1], ['|', 0]]);
  const chars = [...w].filter((c) => c !== ' ');
  return chars.join(sep) + (sep === '.' && r.chance(0.3) ? '.' : '');
}

function stretch(r: R, w: string): string {
  const chars = [...w];
  const idx = chars.map((c, i) => (VOW.includes(c.toLowerCase()) ? i : -1)).filter((i) => i >= 0);
  if (!idx.length) return w + w.slice(-1).repeat(r.int(2, 3));
  const i = r.pick(idx);
  chars[i] = chars[i].repeat(r.int(3, 6));
  return chars.join('');
}

function zw(r: R, w: string): string {
  const chars = [...w];
  let out = '';
  chars.forEach((c, i) => {
    out += c;
    if (i < chars.length - 1 && isLetter(c) && r.chance(0.5)) out += r.pick(ZW);
  });
  return out.length === w.length && chars.length > 1 ? chars[0] + r.pick(ZW) + chars.slice(1).join('') : out;
}

function caps(r: R, w: string): string {
  return [...w].map((c, i) => ((i % 2 === 0) !== r.chance(0.2) ? c.toUpperCase() : c.toLowerCase())).join('');
}

function misspell(r: R, w: string): string {
  const chars = [...w];
  if (chars.length < 3) return w + w.slice(-1);
  const op = r.int(0, 3);
  const i = r.int(1, chars.length - 2);
  if (op === 0) chars.splice(i, 0, chars[i]); // double a letter: мефф
  else if (op === 1) chars.splice(i, 1); // drop a letter
  else if (op === 2) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]]; // swap
  else chars.push(chars[chars.length - 1]);
  return chars.join('');
}

export function translit(w: string): string {
  return transliterate(w, TRANSLIT);
}

export function obfuscateWord(r: R, w: string, mix: [ObfKind, number][]): string {
  const k = r.weighted(mix);
  switch (k) {
    case 'leet': return leet(r, w);
    case 'homoglyph': return homoglyph(r, w);
    case 'split': return w.length <= 12 ? split(r, w) : homoglyph(r, w);
    case 'stretch': return stretch(r, w);
    case 'zw': return zw(r, w);
    case 'caps': return caps(r, w);
    case 'misspell': return misspell(r, w);
    case 'translit': return /[а-яёәғқңөұүһі]/i.test(w) ? translit(w) : leet(r, w);
    case 'upper': return w.toUpperCase();
  }
}

// ---------------- whole-text noise ----------------
export interface NoiseOpts {
  obfLevel: number; // 0..3
  positive: boolean;
  mix: [ObfKind, number][];
}

/** Apply sentence-level noise to the text segments between placeholders. */
export function noiseSegments(r: R, segs: string[], o: NoiseOpts): string[] {
  let s = segs.slice();
  const mapAll = (f: (x: string) => string) => (s = s.map(f));
  const roll = r.f();
  if (roll < 0.045) mapAll((x) => x.toUpperCase());
  else if (roll < 0.11) mapAll((x) => x.toLowerCase());
  if (r.chance(0.07)) mapAll((x) => x.replace(/[.,;!](?=\s|$)/g, ''));
  if (r.chance(0.05)) mapAll((x) => x.replace(/\. (?=\S)/g, '\n'));
  if (r.chance(0.04)) mapAll((x) => x.replace(/ (?=\S)/g, () => (r.chance(0.1) ? '  ' : ' ')));
  const typos = r.chance(0.12) ? r.int(1, 2) : 0;
  for (let t = 0; t < typos; t++) s = touchRandomWord(r, s, (w) => misspell(r, w), 5);
  if (o.positive && o.obfLevel >= 2) {
    const n = r.int(1, o.obfLevel);
    for (let t = 0; t < n; t++) s = touchRandomWord(r, s, (w) => (r.chance(0.6) ? homoglyph(r, w) : zw(r, w)), 3);
  }
  return s;
}

function touchRandomWord(r: R, segs: string[], f: (w: string) => string, minLen: number): string[] {
  const cands: [number, number, number][] = [];
  segs.forEach((seg, si) => {
    const re = /[\p{L}]+/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(seg))) if (m[0].length >= minLen) cands.push([si, m.index, m[0].length]);
  });
  if (!cands.length) return segs;
  const [si, idx, len] = r.pick(cands);
  const seg = segs[si];
  const out = segs.slice();
  out[si] = seg.slice(0, idx) + f(seg.slice(idx, idx + len)) + seg.slice(idx + len);
  return out;
}
