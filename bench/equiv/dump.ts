/**
 * Dump detect() outputs (label, scores, indicators, explain) as JSONL, for the
 * old-vs-new equivalence check (bench/equiv/compare.ts).
 *
 *   node --import tsx bench/equiv/dump.ts OUT.jsonl [N] [SEED]
 *
 * Rows: every row of <repo>/../shared/corpus/dev.jsonl, then the bench mix of N
 * messages (default 100k, seed 9009 = the bench:detect mix), then 50k messages of a
 * second mix (seed SEED, default 4242), then a few edge cases. Each row is dumped
 * twice: with explanations and with detect(text, false); `p` holds the unrounded
 * probabilities of the first call.
 */
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Detector } from '../../src/modules/monitor/detect/detector.js';
import { benchMix } from '../lib/mix.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEV = process.env.DEV ?? join(HERE, '../../../shared/corpus/dev.jsonl');
const out = createWriteStream(process.argv[2]);
const n = Number(process.argv[3] ?? 100_000);
const seed2 = Number(process.argv[4] ?? 4242);

const texts: string[] = [];
if (!existsSync(DEV)) throw new Error(`dev set missing at ${DEV}`);
 for (const l of readFileSync(DEV, 'utf8').split('\n')) if (l.trim()) texts.push((JSON.parse(l) as { text: string }).text);
for (const t of benchMix(n, 9009)) texts.push(t);
for (const t of benchMix(50_000, seed2)) texts.push(t);
texts.push('', ' ', 'x', '\uD800', '\u0000'.repeat(10), '🇰🇿🇰🇿', 'x'.repeat(20000), 'м'.repeat(300) + ' меф ' + '@'.repeat(50), 'ш и ш к и в Алматы @abc_shop', 'Зaклaдки ❄️ и м3ф — Караганда. Пиши @krg_klad_bot, оплата 4065 4912 1035 0349');
const det = Detector.load();
let buf = '';
for (const t of texts) {
  const a = det.detect(t);
  const p = Array.from(det.probs);
  const b = det.detect(t, false);
  buf += JSON.stringify({ t: t.length > 200 ? t.slice(0, 200) : t, p, a, b }) + '\n';
  if (buf.length > 1 << 20) {
    out.write(buf);
    buf = '';
  }
}
out.end(buf);
process.stderr.write(`dumped ${texts.length} texts\n`);
