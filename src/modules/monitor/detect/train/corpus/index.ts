/**
 * Seeded, reproducible generator of labelled training examples for the monitoring text
 * classifier. See README.md in this folder for the template families and conventions.
 */
import { R, subSeed } from './rng.js';
import { Ctx, PH_CLOSE, PH_OPEN, type Family, type Label, type Lang } from './ctx.js';
import { OBF_MIX, noiseSegments } from './obfuscate.js';
import { indicatorProblems } from './verify.js';
import { RU_SALE } from './ru-sale.js';
import { KK_SALE } from './kk-sale.js';
import { EN_POS } from './en.js';
import { MIXED_POS } from './mixed.js';
import { RU_REC } from './recruit.js';
import { RU_KK_PROP } from './propaganda.js';
import { RU_NEG_1 } from './negatives-ru-1.js';
import { RU_NEG_2 } from './negatives-ru-2.js';
import { KK_NEG } from './negatives-kk.js';
import { EN_MIXED_NEG } from './negatives-en-mixed.js';
import { CONTRAST } from './contrast.js';

export type { Label, Lang } from './ctx.js';
export type Split = 'train' | 'holdout';

export interface CorpusExample {
  id: string;
  lang: 'ru' | 'kk' | 'en' | 'mixed';
  label: Label;
  text: string;
  indicators: { type: string; value: string }[];
  /** template family id + short description */
  note: string;
}

export interface CorpusOptions {
  seed: number;
  size: number;
  /** 'train' (default) or 'holdout' (disjoint template families, held-out vocabulary, other obfuscation mix).
   *  'all' mixes both, e.g. for fitting a final model after model selection. */
  split?: Split | 'all';
}

export const FAMILIES: readonly Family[] = [
  ...RU_SALE, ...KK_SALE, ...EN_POS, ...MIXED_POS, ...RU_REC, ...RU_KK_PROP, ...RU_NEG_1, ...RU_NEG_2, ...KK_NEG, ...EN_MIXED_NEG, ...CONTRAST,
];

export const LABEL_MIX: readonly (readonly [Label, number])[] = [
  ['drug_sale', 30], ['courier_recruitment', 15], ['drug_propaganda', 10], ['benign', 45],
];
export const LANG_MIX: readonly (readonly [Lang, number])[] = [['ru', 40], ['kk', 25], ['en', 15], ['mixed', 20]];

/** Obfuscation level distribution for positive labels (0 none .. 3 heavy). */
const OBF_LEVELS: Record<Split, [number, number][]> = {
  train: [[0, 45], [1, 30], [2, 18], [3, 7]],
  holdout: [[0, 25], [1, 30], [2, 30], [3, 15]],
};

const DECOR = ['🔥', '👍', '💯', '✅', '😉', '‼️', '👇', '🙏', '⚡️', '😂', '🤝', '📌'];
const PH_RE = new RegExp(`(${PH_OPEN}\\d+${PH_CLOSE})`);

export function familiesFor(split: Split | 'all'): Family[] {
  return FAMILIES.filter((f) => (split === 'all' ? true : split === 'holdout' ? !!f.hold : !f.hold));
}

function cleanup(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, '').replace(/^[ \t]+/g, '').replace(/ ([,.!?:])(?=\s|$)/g, '$1').replace(/([^ ]) {3,}/g, '$1  '))
    .filter((l) => l !== '')
    .join('\n')
    .replace(/([.!?])\s*\1(?=\s|$)/g, '$1')
    .replace(/:\s*$/, '')
    .replace(/([.!?]\s+)(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase())
    .trim();
}

/** Render one example from a family; null if the indicator self-check fails. */
export function renderExample(f: Family, r: R, split: Split): { text: string; indicators: { type: string; value: string }[] } | null {
  const positive = f.label !== 'benign';
  const obfLevel = positive ? r.weighted(OBF_LEVELS[split]) : 0;
  const c = new Ctx(r, split, obfLevel, OBF_MIX[split]);
  c.topic = f.topic;
  c.paths = f.paths;
  let raw = cleanup(f.gen(c));
  if (r.chance(0.07)) raw += ' ' + r.pick(DECOR);
  const parts = raw.split(PH_RE);
  const segIdx = parts.map((_, i) => i).filter((i) => i % 2 === 0);
  const noisy = noiseSegments(r, segIdx.map((i) => parts[i]), { obfLevel, positive, mix: OBF_MIX[split] });
  segIdx.forEach((pi, k) => (parts[pi] = noisy[k]));
  const inds: { type: string; value: string }[] = [];
  const text = parts
    .map((p, i) => {
      if (i % 2 === 0) return p;
      const e = c.embs[Number(p.slice(1, -1))];
      for (const x of e.inds) if (!inds.some((y) => y.type === x.type && y.value === x.value)) inds.push({ ...x });
      return e.w;
    })
    .join('')
    .trim();
  if (text.length < 8 || text.includes(PH_OPEN) || text.includes(PH_CLOSE)) return null;
  if (indicatorProblems(text, inds).length) return null;
  return { text, indicators: inds };
}

export function generateCorpus(opts: CorpusOptions): CorpusExample[] {
  const split = opts.split ?? 'train';
  const fams = familiesFor(split);
  const cells = new Map<string, Family[]>();
  for (const f of fams) {
    const k = f.label + '|' + f.lang;
    if (!cells.has(k)) cells.set(k, []);
    cells.get(k)!.push(f);
  }
  const r = R.seeded(subSeed(opts.seed, 'corpus:' + split));
  const out: CorpusExample[] = [];
  const seen = new Set<string>();
  const maxAttempts = opts.size * 40 + 1000;
  for (let attempt = 0; out.length < opts.size && attempt < maxAttempts; attempt++) {
    const label = r.weighted(LABEL_MIX);
    const lang = r.weighted(LANG_MIX);
    const cands = cells.get(label + '|' + lang);
    if (!cands?.length) continue;
    const f = r.weighted(cands.map((x) => [x, x.w ?? 1] as const));
    const exSeed = Math.floor(r.f() * 4294967296);
    const famSplit: Split = f.hold ? 'holdout' : 'train';
    const ex = renderExample(f, R.seeded(exSeed), famSplit);
    if (!ex || seen.has(ex.text)) continue;
    seen.add(ex.text);
    out.push({
      id: `${split}-${opts.seed}-${String(out.length + 1).padStart(6, '0')}`,
      lang: f.lang,
      label: f.label,
      text: ex.text,
      indicators: ex.indicators,
      note: `${f.id}: ${f.desc}`,
    });
  }
  return out;
}
