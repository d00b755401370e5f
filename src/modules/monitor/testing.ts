/** Test helpers for the monitor tests (and other modules' tests that need detected items). */
import { and, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { unfinishedItem } from './ingest.detect.js';
import { monitorItems } from './schema.js';

/** Wait until every given item is detected and its follow-up (traces, shops, mirrors) done (or fail after `ms`). */
export async function waitDetected(db: Db, ids: string[], ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(monitorItems).where(and(inArray(monitorItems.id, ids), unfinishedItem));
    if (r!.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${r!.n} of ${ids.length} items still undetected or awaiting follow-up after ${ms} ms`);
    await new Promise((res) => setTimeout(res, 100));
  }
}
