/**
 * Evaluation metrics shared by `qalqan eval`, training reports and the benchmark.
 */
import { LABELS } from './features.js';

/** Precision / recall / F1 triple. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** The `qalqan eval --json` object. */
export interface EvalReport {
  n: number;
  macro_f1: number;
  per_label: Record<string, PRF>;
  benign_fpr: number;
  indicators: PRF;
}

/** One evaluated item: gold vs predicted label and indicator sets (type+value). */
export interface EvalItem {
  gold: string;
  pred: string;
  goldInd?: readonly { type: string; value: string }[];
  predInd?: readonly { type: string; value: string }[];
}

function prf(tp: number, fp: number, fn: number): PRF & { rawF1: number } {
  // No predictions (or no gold items) give 0, except the empty-vs-empty case (nothing to find, nothing claimed) = 1.
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: r4(precision), recall: r4(recall), f1: r4(f1), rawF1: f1 };
}

/**
 * Per-label P/R/F1, macro-F1, benign FPR, micro indicator P/R/F1.
 * Macro-F1 averages the labels that occur in the gold labels or the predictions; a
 * label absent from both is reported as 0/0/0 and left out of the average.
 */
export function computeMetrics(items: readonly EvalItem[]): EvalReport {
  const per_label: Record<string, PRF> = {};
  let macro = 0;
  let present = 0;
  for (const l of LABELS) {
    let tp = 0, fp = 0, fn = 0;
    for (const it of items) {
      if (it.pred === l && it.gold === l) tp++;
      else if (it.pred === l) fp++;
      else if (it.gold === l) fn++;
    }
    if (tp + fp + fn === 0) {
      per_label[l] = { precision: 0, recall: 0, f1: 0 };
      continue;
    }
    const { rawF1, ...m } = prf(tp, fp, fn);
    per_label[l] = m;
    macro += rawF1; // average unrounded values
    present++;
  }
  const benign = items.filter((it) => it.gold === 'benign');
  const fpr = benign.length ? benign.filter((it) => it.pred !== 'benign').length / benign.length : 0;
  let tp = 0, fp = 0, fn = 0;
  for (const it of items) {
    const g = new Set((it.goldInd ?? []).map((x) => x.type + '\u0000' + x.value));
    const p = new Set((it.predInd ?? []).map((x) => x.type + '\u0000' + x.value));
    for (const x of p) (g.has(x) ? tp++ : fp++);
    for (const x of g) if (!p.has(x)) fn++;
  }
  return { n: items.length, macro_f1: r4(present ? macro / present : 0), per_label, benign_fpr: r4(fpr), indicators: strip(prf(tp, fp, fn)) };
}

/**
 * Expected calibration error of the top label (10 equal-width confidence bins):
 * the mean |confidence - accuracy| weighted by bin size.
 */
export function expectedCalibrationError(conf: readonly number[], correct: readonly boolean[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, ok: 0 }));
  conf.forEach((c, i) => {
    const b = bins[Math.min(9, Math.floor(c * 10))];
    b.n++;
    b.conf += c;
    b.ok += correct[i] ? 1 : 0;
  });
  let e = 0;
  for (const b of bins) if (b.n) e += (b.n / conf.length) * Math.abs(b.conf / b.n - b.ok / b.n);
  return r4(e);
}

/** Plain-text table of a report. */
export function formatReport(r: EvalReport): string {
  const lines = [`n=${r.n}  macro-F1=${r.macro_f1.toFixed(4)}  benign FPR=${(r.benign_fpr * 100).toFixed(2)}%`];
  lines.push('label                 precision  recall   f1');
  for (const [l, m] of Object.entries(r.per_label)) {
    lines.push(`${l.padEnd(21)} ${m.precision.toFixed(4).padStart(9)}  ${m.recall.toFixed(4).padStart(6)}   ${m.f1.toFixed(4)}`);
  }
  const i = r.indicators;
  lines.push(`indicators            ${i.precision.toFixed(4).padStart(9)}  ${i.recall.toFixed(4).padStart(6)}   ${i.f1.toFixed(4)}`);
  return lines.join('\n');
}

function strip({ precision, recall, f1 }: PRF): PRF {
  return { precision, recall, f1 };
}

function r4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
