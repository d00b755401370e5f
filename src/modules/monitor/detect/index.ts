/**
 * Cyber-supervision detection engine: classifies a post as drug_sale,
 * courier_recruitment, drug_propaganda or benign with calibrated scores, extracts
 * indicators (handles, links, wallets, cards, phones, IBANs) and explains the
 * decision with evidence spans in the original text.
 *
 * The committed model (model/model.bin) is loaded lazily on the first call.
 */
import { Detector } from './detector.js';

export type { Label, DetectResult } from './detector.js';
export type { Evidence } from './explain.js';
export type { Indicator, IndicatorType } from './indicators/index.js';
export { Detector, MODEL_PATH, decide } from './detector.js';
export { normalize, toOriginal, readable, type NormalizedText } from './normalize/index.js';
export { lexicon } from './lexicon/index.js';
export { LABELS } from './features.js';

let detector: Detector | null = null;

/** The shared detector (loads the committed model once). */
export function getDetector(): Detector {
  if (!detector) detector = Detector.load();
  return detector;
}

/** Classify one text; see DetectResult. */
export function detect(text: string): import('./detector.js').DetectResult {
  return getDetector().detect(text);
}

/** Classify many texts (same results as calling detect on each). */
export function detectBatch(texts: readonly string[]): import('./detector.js').DetectResult[] {
  const d = getDetector();
  const out = new Array(texts.length);
  for (let i = 0; i < texts.length; i++) out[i] = d.detect(texts[i]);
  return out;
}
