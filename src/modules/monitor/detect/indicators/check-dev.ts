/**
 * Dev-corpus check for the indicator extractor: micro precision/recall/F1 over
 * per-item sets of type+value, the mismatches, and a throughput benchmark.
 * Usage: npx tsx src/modules/monitor/detect/indicators/check-dev.ts [path.jsonl] [--quiet]
 */
import { readFileSync } from 'node:fs';
import { extractIndicators } from './index.js';

interface Row {
  id: string;
  text: string;
  indicators: { type: string; value: string }[];
}

const path = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/work/shared/corpus/dev.jsonl';
const quiet = process.argv.includes('--quiet');
const rows: Row[] = readFileSync(path, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

let tp = 0;
let fp = 0;
let fn = 0;
const perType = new Map<string, { tp: number; fp: number; fn: number }>();
const bump = (type: string, k: 'tp' | 'fp' | 'fn') => {
  const s = perType.get(type) ?? { tp: 0, fp: 0, fn: 0 };
  s[k]++;
  perType.set(type, s);
};
for (const r of rows) {
  const gold = new Set(r.indicators.map((i) => `${i.type}:${i.value}`));
  const found = extractIndicators(r.text);
  const pred = new Set(found.map((i) => `${i.type}:${i.value}`));
  for (const f of found) {
    if (r.text.slice(f.start, f.end).length === 0) console.log(`EMPTY SPAN ${r.id} ${f.type}:${f.value}`);
  }
  const missed = [...gold].filter((g) => !pred.has(g));
  const extra = [...pred].filter((p) => !gold.has(p));
  for (const g of gold) if (pred.has(g)) { tp++; bump(g.split(':')[0], 'tp'); }
  for (const g of missed) { fn++; bump(g.split(':')[0], 'fn'); }
  for (const p of extra) { fp++; bump(p.split(':')[0], 'fp'); }
  if (!quiet && (missed.length || extra.length)) {
    console.log(`${r.id}: ${JSON.stringify(r.text)}`);
    if (missed.length) console.log(`   missed: ${missed.join(', ')}`);
    if (extra.length) console.log(`   extra:  ${extra.join(', ')}`);
  }
}
const p = tp / (tp + fp || 1);
const rc = tp / (tp + fn || 1);
const f1 = (2 * p * rc) / (p + rc || 1);
console.log(`items=${rows.length} tp=${tp} fp=${fp} fn=${fn} P=${p.toFixed(4)} R=${rc.toFixed(4)} F1=${f1.toFixed(4)}`);
for (const [type, s] of [...perType].sort()) console.log(`  ${type.padEnd(9)} tp=${s.tp} fp=${s.fp} fn=${s.fn}`);

// Throughput over the corpus texts, and over ~3x longer messages (three texts
// joined). Best of several rounds: the machine is shared, the minimum is the
// least disturbed estimate.
function bench(label: string, texts: string[]): void {
  for (let i = 0; i < 20_000; i++) extractIndicators(texts[i % texts.length]);
  const n = 100_000;
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) extractIndicators(texts[i % texts.length]);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const avgLen = texts.reduce((a, t) => a + t.length, 0) / texts.length;
  console.log(
    `speed (${label}, avg ${avgLen.toFixed(0)} chars): ${Math.round(n / best).toLocaleString('en')} msg/s, ${((best / n) * 1e6).toFixed(2)} µs/msg`,
  );
}
const texts = rows.map((r) => r.text);
bench('corpus texts', texts);
bench('3 texts joined', texts.map((t, i) => [t, texts[(i + 1) % texts.length], texts[(i + 2) % texts.length]].join(' ')));
