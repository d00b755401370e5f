/**
 * Run the detector over labelled rows and compute the evaluation report.
 */
import type { Detector } from './detector.js';
import { LABELS } from './features.js';
import { type EvalReport, computeMetrics } from './metrics.js';

/** A labelled row in the dev.jsonl format. */
export interface LabelledRow {
  id?: string;
  label: string;
  text: string;
  indicators?: { type: string; value: string }[];
}

/** Predictions and report for `rows`. */
export function evaluate(det: Detector, rows: readonly LabelledRow[]): { report: EvalReport; preds: string[] } {
  const preds: string[] = [];
  const items = rows.map((r) => {
    const res = det.detect(r.text, false);
    preds.push(res.label);
    return { gold: r.label, pred: res.label, goldInd: r.indicators ?? [], predInd: res.indicators };
  });
  return { report: computeMetrics(items), preds };
}

/** Validate one parsed JSONL value as a labelled row; returns an error message or null. */
export function checkRow(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  const o = v as Record<string, unknown>;
  if (typeof o.text !== 'string') return 'missing string field "text"';
  if (typeof o.label !== 'string' || !(LABELS as readonly string[]).includes(o.label)) return `field "label" must be one of ${LABELS.join(', ')}`;
  if (o.indicators !== undefined) {
    if (!Array.isArray(o.indicators)) return 'field "indicators" must be an array';
    for (const x of o.indicators) {
      if (typeof x !== 'object' || x === null || typeof (x as { type?: unknown }).type !== 'string' || typeof (x as { value?: unknown }).value !== 'string') {
        return 'each indicator needs string "type" and "value"';
      }
    }
  }
  return null;
}
