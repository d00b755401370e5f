/**
 * The CPU part of the detection stage, free of any database code so it can run in a worker
 * thread (detect-worker.ts) as well as inline: detector, regions named in the text, and each
 * item's element of the JSON document the write reads (the ingest insert, the follow-up's UPDATE).
 */
import { regionsNamed } from '../../platform/geo/cities.js';
import { detectBatch, getDetector, type Label } from './detect/index.js';
import { packExplain } from './explain-store.js';

/** What the write phase needs from one detected item. */
export interface Detected {
  label: Label;
  /** 1 − p(benign), 4 decimals: the stored `risk`. */
  risk: number;
  /** Indicators as type/value (their spans live in the stored JSON only). */
  indicators: { type: string; value: string }[];
  /** ISO 3166-2:KZ codes of the places named in the text, sorted and unique. */
  regions: string[];
}

/**
 * A detected batch: per item what the follow-up needs, and the write's JSON document, one array
 * whose element i (label, risk, scores, explain (stored form), indicators, regions) belongs to
 * text i. Joined here, off the main thread: one string crosses the thread boundary, not one per item.
 */
export interface DetectedBatch { items: Detected[]; doc: string }

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Load the model now rather than inside the first batch. */
export function warmUp(): void {
  getDetector();
}

/** Detect a batch; results in input order. */
export function computeDetections(texts: readonly string[]): DetectedBatch {
  const items = new Array<Detected>(texts.length);
  return { items, doc: detectInto(texts, items) };
}

/**
 * Only the write's document of a batch (ingest needs nothing else: the insert returns each row's
 * label), so no per-item objects are built or cloned back across the thread boundary.
 */
export function computeDetectionDoc(texts: readonly string[]): string {
  return detectInto(texts, null);
}

function detectInto(texts: readonly string[], out: Detected[] | null): string {
  const results = detectBatch(texts);
  const json = new Array<string>(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const d = results[i]!;
    const regions = regionsNamed(texts[i]!);
    const risk = r4(1 - d.scores.benign);
    if (out) out[i] = { label: d.label, risk, regions, indicators: d.indicators.map((x) => ({ type: x.type, value: x.value })) };
    // Serialised here, off the main thread: the document is ~0.7 kB per item (explanation in its stored form, explain-store.ts).
    json[i] = JSON.stringify({ label: d.label, risk, scores: d.scores, explain: packExplain(d.explain), indicators: d.indicators, regions });
  }
  return `[${json.join(',')}]`;
}
