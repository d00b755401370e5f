/**
 * The port between the online sources and the ingest pipeline. Sources only produce
 * `IngestItem`s and hand them to an `IngestSink`; the jobs bind the sink to the real
 * `ingestBatch` (jobs.ts). Tests pass a recording function — no database needed.
 */
export type { IngestItem, IngestResult } from '../ingest.service.js';
import type { IngestItem, IngestResult } from '../ingest.service.js';

export type IngestSink = (items: IngestItem[]) => Promise<IngestResult>;

/** Running totals of what the sink reported, kept in run stats. */
export interface SinkTotals { sent: number; accepted: number; duplicates: number; rejected: number; rejectReasons: Record<string, number> }

export const emptyTotals = (): SinkTotals => ({ sent: 0, accepted: 0, duplicates: 0, rejected: 0, rejectReasons: {} });

/** Send one batch and fold its result into the totals. */
export async function sendBatch(sink: IngestSink, items: IngestItem[], totals: SinkTotals): Promise<void> {
  if (items.length === 0) return;
  const r = await sink(items);
  totals.sent += items.length;
  totals.accepted += r.accepted;
  totals.duplicates += r.duplicates;
  totals.rejected += r.rejected.length;
  for (const x of r.rejected) totals.rejectReasons[x.reason] = (totals.rejectReasons[x.reason] ?? 0) + 1;
}

/** A sink that collects items in memory (tests, dry runs); dedups by externalId like the pipeline. */
export function memorySink(): IngestSink & { items: IngestItem[] } {
  const seen = new Set<string>();
  const items: IngestItem[] = [];
  const sink = async (batch: IngestItem[]): Promise<IngestResult> => {
    let accepted = 0;
    let duplicates = 0;
    const ids: string[] = [];
    for (const it of batch) {
      const key = it.externalId ?? it.url ?? it.text;
      if (seen.has(key)) { duplicates++; continue; }
      seen.add(key);
      items.push(it);
      accepted++;
      ids.push(String(items.length));
    }
    return { accepted, duplicates, rejected: [], ids, flagged: 0 };
  };
  return Object.assign(sink, { items });
}
