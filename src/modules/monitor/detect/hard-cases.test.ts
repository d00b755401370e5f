/**
 * Regression guard for retraining: 50 hard messages written by hand on 2026-12-05, after
 * the committed model was trained and never used for training (fixtures/hard-cases.jsonl):
 * heavy obfuscation (spaced letters, enclosed and look-alike letters, t . me links), Kazakh
 * and code-switched posts, veiled ads, and the hard negatives the task names (police news,
 * rehab and pharmacy contacts, hair dryers, stamps, salt, pine cones, internet speed,
 * treasure hunting, legal crypto exchange, legitimate courier jobs).
 *
 * The committed model gets 48 of 50 labels right; the two misses are propaganda: one without
 * drug words ("Под кайфом жизнь ярче…") and English psychedelics-as-therapy, the weak class
 * listed in docs/monitor-detect.md. A retrained model must not do worse.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evaluate, type LabelledRow } from './evaluate.js';
import { getDetector } from './index.js';

const rows = readFileSync(fileURLToPath(new URL('./fixtures/hard-cases.jsonl', import.meta.url)), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRow & { id: string });

describe('detect: hand-written hard cases (never trained on)', () => {
  const { report, preds } = evaluate(getDetector(), rows);
  const misses = rows.flatMap((r, i) => (preds[i] === r.label ? [] : [`${r.id}: ${r.label} -> ${preds[i]}`]));

  it('keeps every hard negative benign', () => {
    assert.equal(report.benign_fpr, 0, misses.join('\n'));
  });

  it('labels at least 48 of the 50 correctly (macro-F1 >= 0.95)', () => {
    assert.ok(misses.length <= 2, misses.join('\n'));
    assert.ok(report.macro_f1 >= 0.95, `macro-F1 ${report.macro_f1}\n${misses.join('\n')}`);
  });

  it('extracts exactly the indicators written down (F1 = 1)', () => {
    assert.equal(report.indicators.f1, 1, JSON.stringify(report.indicators));
  });
});
