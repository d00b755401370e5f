/**
 * Regression floors on sets written by other authors (fixtures/authors-*.jsonl, 2026-12-05):
 * each was written by a separate helper who saw only dev.jsonl and the indicator validators,
 * never the generator, the lexicon, the model or the other sets. They are the closest thing
 * in the repository to the hidden evaluation data (more Kazakh, more obfuscation, more hard
 * negatives), and the figures on them are far below the synthetic ones: see
 * docs/monitor-detect.md, "Sets written by other authors".
 *
 * - a, b: their misses shaped the generator's contrast families (train/corpus/contrast.ts), so
 *   the committed model's figures on them are optimistic;
 * - c: used to choose between 2 and 6 training passes (and to reject more data and stronger L2);
 * - d: written after that, used only to confirm the choice;
 * - e: written after the committed model, never used for any choice: the unbiased figure then.
 * - f: written after the cue check (detector.ts) was chosen on a-e, and used to confirm it; its
 *   three indicator misses were then fixed (so its indicator figure is no longer unbiased).
 *
 * The floors sit at the committed model's figures: a retrained model must not do worse. The
 * indicator floor is the target itself: F1 1 here, and never a value with a broken checksum
 * (precision 1; each set writes such values into some texts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evaluate, type LabelledRow } from './evaluate.js';
import { getDetector } from './index.js';

const FLOORS: Record<string, { macroF1: number; benignFpr: number }> = {
  'authors-a': { macroF1: 0.98, benignFpr: 0 },
  'authors-b': { macroF1: 0.92, benignFpr: 0.024 },
  'authors-c': { macroF1: 0.91, benignFpr: 0.062 },
  'authors-d': { macroF1: 0.92, benignFpr: 0.024 },
  'authors-e': { macroF1: 0.91, benignFpr: 0.048 },
  'authors-f': { macroF1: 0.91, benignFpr: 0.027 },
};

for (const [name, floor] of Object.entries(FLOORS)) {
  describe(`detect: ${name} (written by another author)`, () => {
    const rows = readFileSync(fileURLToPath(new URL(`./fixtures/${name}.jsonl`, import.meta.url)), 'utf8')
      .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRow & { id: string });
    const { report, preds } = evaluate(getDetector(), rows);
    const misses = () => rows.flatMap((r, i) => (preds[i] === r.label ? [] : [`${r.id}: ${r.label} -> ${preds[i]}`])).join('\n');

    it(`macro-F1 >= ${floor.macroF1}, benign false-positive rate <= ${floor.benignFpr}`, () => {
      assert.ok(report.macro_f1 >= floor.macroF1, `macro-F1 ${report.macro_f1}\n${misses()}`);
      assert.ok(report.benign_fpr <= floor.benignFpr, `benign FPR ${report.benign_fpr}\n${misses()}`);
    });

    it('extracts exactly the indicators written down (F1 = 1, no broken checksum reported)', () => {
      assert.equal(report.indicators.precision, 1, JSON.stringify(report.indicators));
      assert.equal(report.indicators.f1, 1, JSON.stringify(report.indicators));
    });
  });
}
