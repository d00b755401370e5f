/**
 * Writing tags in bulk (imports) and the region rule for reading them. Used by the tag services
 * only; other modules go through tags.service.ts.
 */
import { and, eq, inArray, isNull, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { RegionScope } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { regionCondition } from '../../../platform/db/scope.js';
import { financeTags } from './schema.js';

export type TagRow = typeof financeTags.$inferSelect;
export type NewTagRow = typeof financeTags.$inferInsert;

/** National tags (no region) are visible to every reader; regional ones only inside the scope. */
export function tagVisible(scope: RegionScope, column: Column = financeTags.region): SQL | undefined {
  const inScope = regionCondition(scope, column);
  return inScope === undefined ? undefined : or(isNull(column), inScope);
}

export const live = () => isNull(financeTags.removedAt);
const key = (r: { chain: string; address: string; label: string; source: string }) => `${r.chain}\u0000${r.address}\u0000${r.label}\u0000${r.source}`;

/**
 * Upsert tags by (chain, address, label, source) among live tags: a re-import of the same pack
 * updates category, confidence, actor and extra fields instead of adding duplicates.
 */
export async function upsertTags(tx: Db, rows: NewTagRow[]): Promise<{ created: number; updated: number; ids: string[] }> {
  const unique = new Map<string, NewTagRow>();
  for (const r of rows) unique.set(key(r), r); // the last writing in a file wins, as in YAML maps
  const all = [...unique.values()];
  let created = 0, updated = 0;
  const ids: string[] = [];
  for (let i = 0; i < all.length; i += 500) {
    const chunk = all.slice(i, i + 500);
    const existing = await tx.select({ id: financeTags.id, chain: financeTags.chain, address: financeTags.address, label: financeTags.label, source: financeTags.source })
      .from(financeTags).where(and(live(), inArray(financeTags.address, [...new Set(chunk.map((r) => r.address))])));
    const byKey = new Map(existing.map((e) => [key(e), e.id]));
    const fresh = chunk.filter((r) => !byKey.has(key(r)));
    if (fresh.length) {
      const ins = await tx.insert(financeTags).values(fresh).returning({ id: financeTags.id });
      created += ins.length;
      ids.push(...ins.map((r) => r.id));
    }
    for (const r of chunk) {
      const id = byKey.get(key(r));
      if (!id) continue;
      await tx.update(financeTags).set({
        currency: r.currency, category: r.category, confidence: r.confidence, confidenceLevel: r.confidenceLevel, actor: r.actor ?? null,
        packId: r.packId ?? null, isPublic: r.isPublic ?? false, lastmod: r.lastmod ?? null, extra: r.extra ?? {}, updatedAt: new Date(),
      }).where(eq(financeTags.id, id));
      updated++;
      ids.push(id);
    }
  }
  return { created, updated, ids };
}

/** Live tags of these canonical addresses on one ledger, within a scope (none = everything). */
export async function liveTagsOf(db: Db, chain: string, addresses: string[], scope?: RegionScope): Promise<TagRow[]> {
  if (!addresses.length) return [];
  const out: TagRow[] = [];
  for (let i = 0; i < addresses.length; i += 5000) {
    const part = addresses.slice(i, i + 5000);
    out.push(...await db.select().from(financeTags).where(and(
      eq(financeTags.chain, chain), live(), sql`${financeTags.address} = any(${sql.param(part)}::text[])`, scope ? tagVisible(scope) : undefined,
    )));
  }
  return out;
}
