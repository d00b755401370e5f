/**
 * `npm run train:loso`: what training on the sets written by other authors is worth on text
 * by an author the model has not seen. Each set of RECIPE.authors is left out in turn: a model
 * is trained (same recipe, `--authors-repeat 0`) on the other sets, repeated as the recipe
 * repeats them, and evaluated on the one left out. Prints one line per set and the means; the
 * last line is one JSON object. About a minute and a half per set on one core (three averaged SGD
 * orders, RECIPE.seeds; fifty-nine sets: about 45 minutes in two halves on two cores).
 *
 * Options: --repeat N (instead of RECIPE.authors.repeat), --augment N (instead of
 * RECIPE.authors.augment), --only a,b,… (leave out only these sets; run two halves at once on two
 * cores), --keep (keep the temporary models).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Detector } from '../detector.js';
import { evaluate } from '../evaluate.js';
import { RECIPE, readJsonl } from './train.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, '../fixtures');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const repeat = Number(arg('repeat') ?? RECIPE.authors.repeat);
const augment = Number(arg('augment') ?? RECIPE.authors.augment);
const tmp = mkdtempSync(join(tmpdir(), 'qalqan-loso-'));
const out: Record<string, { macro_f1: number; benign_fpr: number; benign_false_positives: number; indicators_f1: number }> = {};
try {
  const only = arg('only')?.split(',').map((x) => `authors-${x}.jsonl`);
  const texts = new Map(RECIPE.authors.files.map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8').trimEnd()]));
  for (const left of RECIPE.authors.files.filter((f) => !only || only.includes(f))) {
    const rest = join(tmp, `rest-${left}`);
    writeFileSync(rest, RECIPE.authors.files.filter((f) => f !== left).map((f) => texts.get(f)).join('\n') + '\n');
    const dir = join(tmp, left.replace(/\.jsonl$/, ''));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, 'train.ts'), '--quiet', '--out', dir, '--authors-repeat', '0', '--feedback', rest, '--feedback-repeat', String(repeat), '--feedback-augment', String(augment)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`training without ${left} failed: ${r.stderr}`);
    const rows = readJsonl(join(FIXTURES, left));
    const { report } = evaluate(Detector.load(join(dir, 'model.bin')), rows);
    const benign = rows.filter((x) => x.label === 'benign').length;
    out[left] = { macro_f1: report.macro_f1, benign_fpr: report.benign_fpr, benign_false_positives: Math.round(report.benign_fpr * benign), indicators_f1: report.indicators.f1 };
    process.stderr.write(`${left}: macro-F1 ${report.macro_f1.toFixed(4)}, benign FPR ${(100 * report.benign_fpr).toFixed(1)}% (${out[left].benign_false_positives} of ${benign}), indicator F1 ${report.indicators.f1.toFixed(4)}\n`);
  }
} finally {
  if (!process.argv.includes('--keep')) rmSync(tmp, { recursive: true, force: true });
  else process.stderr.write(`models kept in ${tmp}\n`);
}
const v = Object.values(out);
const mean = (f: (x: (typeof v)[number]) => number) => Math.round((v.reduce((a, x) => a + f(x), 0) / v.length) * 10000) / 10000;
const summary = { repeat, augment, sets: out, mean_macro_f1: mean((x) => x.macro_f1), mean_benign_fpr: mean((x) => x.benign_fpr), benign_false_positives: v.reduce((a, x) => a + x.benign_false_positives, 0) };
process.stderr.write(`mean macro-F1 ${summary.mean_macro_f1}, mean benign FPR ${(100 * summary.mean_benign_fpr).toFixed(1)}%, ${summary.benign_false_positives} benign false positives in all\n`);
process.stdout.write(JSON.stringify(summary) + '\n');
