/**
 * Reading monitored items and officers' manual submissions.
 *
 * Region scope: an item's `regions` are the places its text names. National readers see every
 * item; a regional reader sees the items whose regions overlap theirs. Items naming no place
 * stay with the national desk (most posts name none; showing all of them to every region would
 * make the scope meaningless). Out of scope reads look exactly like "not found".
 */
import { and, desc, eq, gte, isNotNull, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/catalogue.js';
import type { AppContext } from '../../platform/http/context.js';
import { findEntity } from '../traces/traces.service.js';
import { ingestBatch, sourceId } from './ingest.service.js';
import { expandExplain } from './explain-store.js';
import { deriveExternalId } from './ingest.validate.js';
import { monitorItems, monitorSources } from './schema.js';

export const ITEM_LABELS = ['drug_sale', 'courier_recruitment', 'drug_propaganda', 'benign'] as const;

/** The scope half of every item query (overlap of the item's regions with the reader's). */
export function itemScope(actor: Actor): SQL | undefined {
  if (actor.scope.national) return undefined;
  if (actor.scope.regions.length === 0) return sql`false`;
  return sql`${monitorItems.regions} && ${sql.param(actor.scope.regions)}::text[]`;
}

export interface ItemQuery {
  /** A label, `flagged` (any non-benign) or `pending` (not detected yet). */
  label?: string;
  /** Minimum 1 − p(benign). */
  minScore?: number;
  region?: string;
  /** Source name. */
  source?: string;
  /** Period on posted_at (ingest time when the post has no date). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const listColumns = {
  id: monitorItems.id, externalId: monitorItems.externalId, url: monitorItems.url, channel: monitorItems.channel, author: monitorItems.author,
  postedAt: monitorItems.postedAt, ingestedAt: monitorItems.ingestedAt, regions: monitorItems.regions, label: monitorItems.label, risk: monitorItems.risk,
  detectedAt: monitorItems.detectedAt, source: monitorSources.name, sourceKind: monitorSources.kind,
  // Lists show a preview only; the item page has the whole text.
  preview: sql<string>`left(${monitorItems.text}, 280)`,
};

/** Items in the caller's scope, newest first. */
export async function listItems(db: Db, actor: Actor, q: ItemQuery) {
  requirePermission(actor, 'monitor.read');
  const when = sql`coalesce(${monitorItems.postedAt}, ${monitorItems.ingestedAt})`;
  const c: (SQL | undefined)[] = [itemScope(actor)];
  if (q.label === 'flagged') c.push(and(isNotNull(monitorItems.label), ne(monitorItems.label, 'benign')));
  else if (q.label === 'pending') c.push(isNull(monitorItems.label));
  else if (q.label) c.push(eq(monitorItems.label, q.label));
  if (q.minScore !== undefined) c.push(gte(monitorItems.risk, q.minScore));
  if (q.region) c.push(sql`${q.region} = any(${monitorItems.regions})`);
  if (q.source) c.push(eq(monitorSources.name, q.source));
  if (q.from) c.push(gte(when, new Date(q.from)));
  if (q.to) c.push(lte(when, new Date(q.to)));
  const limit = Math.min(q.limit ?? 50, 500);
  const rows = await db.select(listColumns).from(monitorItems).innerJoin(monitorSources, eq(monitorSources.id, monitorItems.sourceId))
    .where(and(...c)).orderBy(desc(monitorItems.ingestedAt), desc(monitorItems.id)).limit(limit + 1).offset(q.offset ?? 0);
  return { items: rows.slice(0, limit), more: rows.length > limit };
}

/** One item with its evidence spans, indicators (with their traces entity ids) and scores. */
export async function getItem(db: Db, actor: Actor, id: string) {
  requirePermission(actor, 'monitor.read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
  const [row] = await db.select({ item: monitorItems, source: monitorSources.name, sourceKind: monitorSources.kind })
    .from(monitorItems).innerJoin(monitorSources, eq(monitorSources.id, monitorItems.sourceId))
    .where(and(eq(monitorItems.id, id), itemScope(actor)));
  if (!row) throw new AppError('record.not_found');
  const indicators = ((row.item.indicators ?? []) as { type: string; value: string; start: number; end: number }[]);
  const entities: Record<string, string> = {};
  for (const ind of indicators) {
    const key = `${ind.type}:${ind.value}`;
    if (key in entities) continue;
    // Entities exist only for flagged items (see ingest.detect.ts); a miss is simply no link.
    const e = await findEntity(db, actor, ind.type, ind.value).catch(() => null);
    if (e) entities[key] = e.id;
  }
  const { raw: _raw, ...item } = row.item;
  return { item: { ...item, explain: expandExplain(item.explain, item.text), source: row.source, sourceKind: row.sourceKind }, entities };
}

/** An officer's submission of a URL and/or text; returns the item id (the existing one for a repeat). */
export async function submitManual(ctx: AppContext, actor: Actor, input: { url?: string; text?: string; channel?: string }) {
  requirePermission(actor, 'monitor.ingest');
  const text = input.text?.trim() ? input.text : input.url;
  if (!text) throw new AppError('request.invalid', { text: 'url or text required' });
  const source = { kind: 'manual' as const, name: 'officers' };
  const r = await ingestBatch(ctx, actor, { source, items: [{ text, url: input.url, channel: input.channel, raw: { submittedBy: actor.name } }] });
  if (r.rejected.length) throw new AppError('request.invalid', { reason: r.rejected[0]!.reason });
  if (r.ids[0]) return { id: r.ids[0], duplicate: false };
  const srcId = await sourceId(ctx.db, source);
  const [row] = await ctx.db.select({ id: monitorItems.id }).from(monitorItems)
    .where(and(eq(monitorItems.sourceId, srcId), eq(monitorItems.externalId, deriveExternalId(input.url ?? null, text)), itemScope(actor)));
  // Submitted before by someone who sees a region this officer does not: say so, without its id.
  if (!row) throw new AppError('monitor.duplicate_out_of_scope');
  return { id: row.id, duplicate: true };
}

/** Dashboard card: flagged items of the last 7 days in scope, by label, and items waiting for detection; plus the action figures of stats/dashboard.ts. */
export async function monitorStats(db: Db, actor: Actor) {
  requirePermission(actor, 'monitor.read');
  const rows = await db.select({ label: monitorItems.label, n: sql<number>`count(*)::int` }).from(monitorItems)
    .where(and(itemScope(actor), gte(monitorItems.ingestedAt, new Date(Date.now() - 7 * 86_400_000)))).groupBy(monitorItems.label);
  const byLabel: Record<string, number> = {};
  for (const r of rows) byLabel[r.label ?? 'pending'] = r.n;
  // Imported lazily: the stats module reads review and requests, which import this file.
  const { monitorCardExtras } = await import('./stats/dashboard.js');
  return { week: byLabel, ...await monitorCardExtras(db, actor) };
}

/** A monitored post as other modules may rely on it: the detector's label, whatever anyone wrote into the traces store. */
export interface PostOfRecord { id: string; label: string | null }

/**
 * The monitored posts behind traces `item` entities, by entity value (`<kind>:<source>/<external id>`,
 * as ingest.detect.ts writes it). Other modules use this instead of the entity's attributes, which
 * any traces editor can change: a lead taken from monitoring must rest on monitoring's own record.
 */
export async function postsByTraceValue(db: Db, values: readonly string[]): Promise<Map<string, PostOfRecord>> {
  const out = new Map<string, PostOfRecord>();
  const uniq = [...new Set(values)];
  if (!uniq.length) return out;
  const key = sql<string>`left(${monitorSources.kind} || ':' || ${monitorSources.name} || '/' || ${monitorItems.externalId}, 500)`;
  const rows = await db.select({ key, id: monitorItems.id, label: monitorItems.label }).from(monitorItems)
    .innerJoin(monitorSources, eq(monitorSources.id, monitorItems.sourceId))
    .where(sql`${key} = any(${sql.param(uniq)}::text[])`);
  for (const r of rows) out.set(r.key, { id: r.id, label: r.label });
  return out;
}
