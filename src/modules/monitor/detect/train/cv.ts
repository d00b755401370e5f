/**
 * `npm run train:cv`: grouped k-fold cross-validation over the sets written by other authors,
 * the measure used to choose the training recipe (docs/dev/monitor-detect-history.md, "Fifth session of
 * 2026-12-06"). The sets of RECIPE.authors are dealt into `--folds` groups in turn (set i goes
 * to fold i mod k); each fold's model trains on the other groups (same recipe,
 * `--authors-repeat 0`, the other sets as feedback repeated as the recipe repeats them) and is
 * scored on its own group. Scores are pooled over all folds and reported at decision thresholds
 * 0.7, 0.8, 0.9, 0.92, 0.94 and 0.96; the last line is one JSON object.
 *
 * Faster than leave-one-set-out (`npm run train:loso`): k trainings per candidate instead of one
 * per set, two at a time on two cores (four folds with three averaged orders: about 8 minutes
 * here). Options: --folds N (default 4), --keep (keep the fold models); every other argument
 * goes to train.ts unchanged, so candidates are compared as `npm run train:cv -- --size 60000
 * --l2h 2e-5 --seeds 1`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decide, Detector } from '../detector.js';
import { LABELS } from '../features.js';
import { computeMetrics } from '../metrics.js';
import { RECIPE, readJsonl } from './train.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, '../fixtures');
const THRESHOLDS = [0.7, 0.8, 0.9, 0.92, 0.94, 0.96];

const argv = process.argv.slice(2);
const foldsAt = argv.indexOf('--folds');
const folds = foldsAt >= 0 ? Number(argv[foldsAt + 1]) : 4;
const keep = argv.includes('--keep');
const trainArgs = argv.filter((a, i) => a !== '--keep' && (foldsAt < 0 || (i !== foldsAt && i !== foldsAt + 1)));
if (!Number.isInteger(folds) || folds < 2 || folds > RECIPE.authors.files.length) {
  process.stderr.write(`--folds must be an integer from 2 to ${RECIPE.authors.files.length}\n`);
  process.exit(2);
}

/** Run train.ts for one fold; resolves when it exits, rejects with its stderr on failure. */
function trainFold(rest: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'train.ts'), '--quiet', '--out', dir, '--authors-repeat', '0',
      '--feedback', rest, '--feedback-repeat', String(RECIPE.authors.repeat), ...trainArgs,
      // the recipe's Latin and decorated copies, unless the candidate sets its own (train.ts reads the first)
      '--feedback-translit', String(RECIPE.authors.translit), '--feedback-decorate', String(RECIPE.authors.decorate)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`training fold ${dir} failed: ${err}`))));
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'qalqan-cv-'));
try {
  const groups: string[][] = Array.from({ length: folds }, () => []);
  RECIPE.authors.files.forEach((f, i) => groups[i % folds]!.push(f));
  const text = (f: string) => readFileSync(join(FIXTURES, f), 'utf8').trimEnd();
  for (let k = 0; k < folds; k++) {
    writeFileSync(join(tmp, `rest${k}.jsonl`), groups.flatMap((g, j) => (j === k ? [] : g.map(text))).join('\n') + '\n');
  }
  // Two folds at a time: one per core on the 2-core machines this runs on.
  for (let k = 0; k < folds; k += 2) {
    await Promise.all([k, k + 1].filter((x) => x < folds).map((x) => trainFold(join(tmp, `rest${x}.jsonl`), join(tmp, `m${x}`))));
  }
  const scored: { gold: string; p: number[] }[] = [];
  for (let k = 0; k < folds; k++) {
    const det = Detector.load(join(tmp, `m${k}`, 'model.bin'));
    for (const f of groups[k]!) {
      for (const r of readJsonl(join(FIXTURES, f))) {
        det.detect(r.text, false);
        scored.push({ gold: r.label, p: Array.from(det.probs) });
      }
    }
  }
  const benign = scored.filter((x) => x.gold === 'benign').length;
  const at = THRESHOLDS.map((t) => {
    const m = computeMetrics(scored.map((x) => ({ gold: x.gold, pred: LABELS[decide(x.p, t)] })));
    const fp = Math.round(m.benign_fpr * benign);
    process.stderr.write(`threshold ${t}: macro-F1 ${m.macro_f1.toFixed(4)}, benign FPR ${(100 * m.benign_fpr).toFixed(2)}% (${fp} of ${benign})\n`);
    return { threshold: t, macro_f1: m.macro_f1, benign_fpr: m.benign_fpr, benign_false_positives: fp };
  });
  process.stdout.write(JSON.stringify({ folds, sets: RECIPE.authors.files.length, rows: scored.length, benign, train_args: trainArgs, thresholds: at }) + '\n');
} finally {
  if (!keep) rmSync(tmp, { recursive: true, force: true });
  else process.stderr.write(`models kept in ${tmp}\n`);
}
