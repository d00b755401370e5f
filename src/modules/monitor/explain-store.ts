/**
 * How an item's explanation is stored: one short array per piece of evidence,
 * `[kind, start, end, category, weight | null, substance | null]`, without the evidence text,
 * which is the item's own text between start and end. Readers get the detector's objects back
 * (`expandExplain`), with the text cut from the item.
 *
 * Why: the evidence objects repeat their key names and copy a slice of the post each, ~1.2 kB
 * per item, most of what the detection UPDATE sent and stored; in this form it is about a third
 * of that, and `npm run bench:ingest` on PostgreSQL went from 3,449 to 4,047 items/s
 * (docs/monitor.md). Rows stored before keep the object form; `expandExplain` reads both.
 */
import type { Evidence } from './detect/index.js';

/** One stored piece of evidence. */
export type StoredEvidence = [kind: Evidence['kind'], start: number, end: number, category: string, weight: number | null, substance: string | null];

/** The stored form of a detector's explanation. */
export function packExplain(explain: readonly Evidence[]): StoredEvidence[] {
  return explain.map((e) => [e.kind, e.start, e.end, e.category, e.weight ?? null, e.substance ?? null]);
}

/** The explanation as the detector gave it, from either stored form; null stays null. */
export function expandExplain(stored: unknown, text: string): Evidence[] | null {
  if (!Array.isArray(stored)) return null;
  return stored.map((x): Evidence => {
    if (!Array.isArray(x)) return x as Evidence; // stored before the short form
    const [kind, start, end, category, weight, substance] = x as StoredEvidence;
    const e: Evidence = { kind, text: text.slice(start, end), category, start, end };
    if (substance !== null && substance !== undefined) e.substance = substance;
    if (weight !== null && weight !== undefined) e.weight = weight;
    return e;
  });
}
