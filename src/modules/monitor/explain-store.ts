/**
 * How an item's explanation is stored: one string, a piece of evidence per `;`-separated entry
 * `k,start,end,category,weight,substance` (k: t term, e emoji, i indicator, f feature; weight and
 * substance empty when absent), without the evidence text, which is the item's own text between
 * start and end. Readers get the detector's objects back (`expandExplain`), with the text cut
 * from the item.
 *
 * Why: the explanation is most of a detected row. The evidence objects repeat their key names and
 * copy a slice of the post each (~1.2 kB per item); short arrays (the form from 2026-12-05) were
 * still ~0.9 kB stored, since jsonb keeps every number and array with its own header; this string
 * is about a third of that: a detected row went from ~1,450 to ~890 bytes
 * (docs/dev/monitor-ingest-history.md, "Tenth pass"; ingest throughput did not change
 * measurably). Rows stored before keep the object or the array form; `expandExplain` reads all
 * three.
 */
import type { Evidence } from './detect/index.js';

/** One piece of evidence in the array form (rows stored 2026-12-05 – 2026-12-06). */
export type StoredEvidence = [kind: Evidence['kind'], start: number, end: number, category: string, weight: number | null, substance: string | null];

const CODE: Record<Evidence['kind'], string> = { term: 't', emoji: 'e', indicator: 'i', feature: 'f' };
const KIND: Record<string, Evidence['kind']> = { t: 'term', e: 'emoji', i: 'indicator', f: 'feature' };
/** Characters a category or substance must not contain to be written in the string form. */
const SEPARATORS = /[,;]/;

/**
 * The stored form of a detector's explanation: the string form, or the array form for the
 * (never seen) evidence whose category or substance contains a separator.
 */
export function packExplain(explain: readonly Evidence[]): string | StoredEvidence[] {
  const parts = new Array<string>(explain.length);
  for (let i = 0; i < explain.length; i++) {
    const e = explain[i]!;
    if (SEPARATORS.test(e.category) || (e.substance !== undefined && SEPARATORS.test(e.substance))) return packArrays(explain);
    parts[i] = `${CODE[e.kind]},${e.start},${e.end},${e.category},${e.weight ?? ''},${e.substance ?? ''}`;
  }
  return parts.join(';');
}

function packArrays(explain: readonly Evidence[]): StoredEvidence[] {
  return explain.map((e) => [e.kind, e.start, e.end, e.category, e.weight ?? null, e.substance ?? null]);
}

/** The explanation as the detector gave it, from any stored form; null stays null. */
export function expandExplain(stored: unknown, text: string): Evidence[] | null {
  if (typeof stored === 'string') return stored === '' ? [] : stored.split(';').map((entry) => {
    const [k, start, end, category, weight, substance] = entry.split(',') as [string, string, string, string, string, string];
    return evidence(KIND[k] ?? 'feature', Number(start), Number(end), category, weight === '' ? null : Number(weight), substance || null, text);
  });
  if (!Array.isArray(stored)) return null;
  return stored.map((x): Evidence => {
    if (!Array.isArray(x)) return x as Evidence; // the object form (before 2026-12-05)
    const [kind, start, end, category, weight, substance] = x as StoredEvidence;
    return evidence(kind, start, end, category, weight, substance, text);
  });
}

function evidence(kind: Evidence['kind'], start: number, end: number, category: string, weight: number | null | undefined, substance: string | null | undefined, text: string): Evidence {
  const e: Evidence = { kind, text: text.slice(start, end), category, start, end };
  if (substance !== null && substance !== undefined) e.substance = substance;
  if (weight !== null && weight !== undefined) e.weight = weight;
  return e;
}
