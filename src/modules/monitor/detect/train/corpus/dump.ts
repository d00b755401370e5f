/**
 * Write a generated corpus as JSONL (same fields as shared/corpus/dev.jsonl).
 *   npx tsx src/modules/monitor/detect/train/corpus/dump.ts --seed 1 --size 1000 --split train > out.jsonl
 * Options: --seed N (default 1), --size N (default 1000), --split train|holdout|all (default train), --stats (summary to stderr)
 */
import { generateCorpus } from './index.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const seed = Number(arg('seed') ?? 1);
const size = Number(arg('size') ?? 1000);
const split = (arg('split') ?? 'train') as 'train' | 'holdout' | 'all';
if (!Number.isInteger(seed) || !Number.isInteger(size) || size < 0 || !['train', 'holdout', 'all'].includes(split)) {
  process.stderr.write('usage: dump.ts --seed N --size N --split train|holdout|all [--stats]\n');
  process.exit(2);
}

const rows = generateCorpus({ seed, size, split });
const chunks: string[] = [];
for (const r of rows) {
  chunks.push(JSON.stringify({ id: r.id, lang: r.lang, label: r.label, text: r.text, indicators: r.indicators, note: r.note }));
}
process.stdout.write(chunks.join('\n') + (chunks.length ? '\n' : ''));

if (process.argv.includes('--stats')) {
  const count = (k: (r: (typeof rows)[number]) => string) => {
    const m: Record<string, number> = {};
    for (const r of rows) m[k(r)] = (m[k(r)] ?? 0) + 1;
    return m;
  };
  process.stderr.write(JSON.stringify({ n: rows.length, label: count((r) => r.label), lang: count((r) => r.lang) }, null, 1) + '\n');
}
if (rows.length < size) process.stderr.write(`warning: only ${rows.length} distinct examples generated (asked for ${size})\n`);
