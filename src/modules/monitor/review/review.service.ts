/**
 * Human review of flagged items: a queue of items above a risk threshold (by score band, then
 * recency), one decision per reviewer per item (confirm / reject / unsure, optional note and
 * label correction), every decision audited in its transaction. An item's review status
 * aggregates its reviewers: more confirmations than rejections = confirmed, more rejections =
 * rejected, otherwise (a tie, or only "unsure") = unsure.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { expandExplain } from '../explain-store.js';
import { itemScope, ITEM_LABELS } from '../items.service.js';
import { monitorItems, monitorSources } from '../schema.js';
import { shopsOfItems } from '../shops/shops.service.js';
import { monitorReviewDecisions } from './schema.js';

export const DECISIONS = ['confirmed', 'rejected', 'unsure'] as const;
export type Decision = (typeof DECISIONS)[number];
/** Default queue threshold on risk = 1 − p(benign). Below the detector's own cut, so borderline posts get a human look too. */
export const REVIEW_THRESHOLD = 0.5;

const d = monitorReviewDecisions;
const isUuid = (x: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(x);
/** Reviewer identity that survives renames: the user/token id, the name for system actors. */
export const reviewerIdOf = (a: Actor) => a.id ?? `${a.type}:${a.name}`;

/** Aggregate decisions into a status (see the module comment). */
export function aggregate(decisions: readonly Decision[]): Decision {
  let c = 0, r = 0;
  for (const x of decisions) { if (x === 'confirmed') c++; else if (x === 'rejected') r++; }
  return c > r ? 'confirmed' : r > c ? 'rejected' : 'unsure';
}

/** Current review status of items that have decisions (others are absent from the map). No permission check: for services. */
export async function reviewStatus(db: Db, itemIds: string[]): Promise<Map<string, Decision>> {
  const ids = [...new Set(itemIds.filter(isUuid))];
  const out = new Map<string, Decision>();
  if (!ids.length) return out;
  const rows = await db.select({ itemId: d.itemId, decision: d.decision }).from(d).where(inArray(d.itemId, ids));
  const by = new Map<string, Decision[]>();
  for (const r of rows) by.set(r.itemId, [...(by.get(r.itemId) ?? []), r.decision as Decision]);
  for (const [id, ds] of by) out.set(id, aggregate(ds));
  return out;
}

/** The subset of `itemIds` the caller may see whose review status is confirmed. */
export async function confirmedItems(db: Db, actor: Actor, itemIds: string[]): Promise<string[]> {
  requirePermission(actor, 'monitor.read');
  const ids = [...new Set(itemIds.filter(isUuid))];
  if (!ids.length) return [];
  const visible = await db.select({ id: monitorItems.id }).from(monitorItems).where(and(inArray(monitorItems.id, ids), itemScope(actor)));
  const status = await reviewStatus(db, visible.map((r) => r.id));
  return ids.filter((id) => status.get(id) === 'confirmed');
}

export interface QueueQuery {
  /** Minimum risk (default REVIEW_THRESHOLD). */
  minScore?: number;
  label?: string;
  region?: string;
  source?: string;
  /** mine = not yet decided by me (default); open = decided by nobody; decided = has decisions; all. */
  status?: 'mine' | 'open' | 'decided' | 'all';
  limit?: number;
  offset?: number;
}

/** The review queue in the caller's scope: highest 5%-score band first, newest first within a band. */
export async function reviewQueue(db: Db, actor: Actor, q: QueueQuery = {}) {
  requirePermission(actor, 'monitor.review');
  const i = monitorItems;
  const when = sql`coalesce(${i.postedAt}, ${i.ingestedAt})`;
  const me = reviewerIdOf(actor);
  const c: (SQL | undefined)[] = [itemScope(actor), isNotNull(i.detectedAt), gte(i.risk, q.minScore ?? REVIEW_THRESHOLD)];
  if (q.label) c.push(eq(i.label, q.label));
  if (q.region) c.push(sql`${q.region} = any(${i.regions})`);
  if (q.source) c.push(eq(monitorSources.name, q.source));
  const status = q.status ?? 'mine';
  if (status === 'mine') c.push(sql`not exists (select 1 from ${d} x where x.item_id = ${i.id} and x.reviewer_id = ${me})`);
  if (status === 'open') c.push(sql`not exists (select 1 from ${d} x where x.item_id = ${i.id})`);
  if (status === 'decided') c.push(sql`exists (select 1 from ${d} x where x.item_id = ${i.id})`);
  const limit = Math.min(q.limit ?? 50, 200);
  const rows = await db.select({
    id: i.id, text: i.text, url: i.url, channel: i.channel, author: i.author, postedAt: i.postedAt, ingestedAt: i.ingestedAt, regions: i.regions,
    label: i.label, risk: i.risk, scores: i.scores, explain: i.explain, indicators: i.indicators, modelVersion: i.modelVersion,
    source: monitorSources.name, sourceKind: monitorSources.kind,
  }).from(i).innerJoin(monitorSources, eq(monitorSources.id, i.sourceId)).where(and(...c))
    .orderBy(sql`round(${i.risk} * 20) desc`, desc(when), asc(i.id)).limit(limit + 1).offset(q.offset ?? 0);
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const [shops, decisions] = await Promise.all([
    shopsOfItems(db, ids),
    ids.length ? db.select({ itemId: d.itemId, reviewerId: d.reviewerId, reviewerName: d.reviewerName, decision: d.decision, label: d.label, note: d.note, decidedAt: d.decidedAt })
      .from(d).where(inArray(d.itemId, ids)).orderBy(asc(d.decidedAt)) : Promise.resolve([]),
  ]);
  const items = page.map((r) => {
    const ds = decisions.filter((x) => x.itemId === r.id);
    return {
      ...r, explain: expandExplain(r.explain, r.text), shopId: shops.get(r.id) ?? null, decisions: ds.map(({ itemId: _x, ...rest }) => rest),
      mine: ds.find((x) => x.reviewerId === me)?.decision ?? null, status: ds.length ? aggregate(ds.map((x) => x.decision as Decision)) : null,
    };
  });
  return { items, more: rows.length > limit, threshold: q.minScore ?? REVIEW_THRESHOLD };
}

/** Record (or change) the caller's decision on an item. */
export async function decide(db: Db, actor: Actor, itemId: string, input: { decision: Decision; note?: string; label?: string }) {
  requirePermission(actor, 'monitor.review');
  if (!isUuid(itemId)) throw new AppError('record.not_found');
  if (!(DECISIONS as readonly string[]).includes(input.decision)) throw new AppError('request.invalid', { decision: input.decision });
  if (input.label !== undefined && (input.decision !== 'confirmed' || input.label === 'benign' || !(ITEM_LABELS as readonly string[]).includes(input.label))) {
    throw new AppError('request.invalid', { label: 'a drug label, with a confirmation only' });
  }
  const me = reviewerIdOf(actor);
  return db.transaction(async (tx) => {
    const [item] = await tx.select({ id: monitorItems.id, label: monitorItems.label, risk: monitorItems.risk, modelVersion: monitorItems.modelVersion, regions: monitorItems.regions })
      .from(monitorItems).where(and(eq(monitorItems.id, itemId), itemScope(actor)));
    if (!item) throw new AppError('record.not_found');
    if (item.label === null) throw new AppError('monitor.review_not_detected');
    const [before] = await tx.select().from(d).where(and(eq(d.itemId, itemId), eq(d.reviewerId, me))).for('update');
    const label = input.decision === 'confirmed' ? input.label ?? (item.label !== 'benign' ? item.label : null) : null;
    if (input.decision === 'confirmed' && !label) throw new AppError('request.invalid', { label: 'required to confirm an item the detector called benign' });
    const values = {
      decision: input.decision, label, note: input.note?.trim() || null, reviewerName: actor.name,
      modelLabel: item.label, modelRisk: item.risk, modelVersion: item.modelVersion, decidedAt: new Date(),
    };
    // The row lock above takes nothing when this reviewer has no decision yet: two first decisions
    // sent at once (a double key press) both insert, so the insert updates on conflict.
    const [row] = before
      ? await tx.update(d).set(values).where(eq(d.id, before.id)).returning()
      : await tx.insert(d).values({ ...values, itemId, reviewerId: me }).onConflictDoUpdate({ target: [d.itemId, d.reviewerId], set: values }).returning();
    const all = await tx.select({ decision: d.decision }).from(d).where(eq(d.itemId, itemId));
    await recordAudit(tx, actor, {
      action: 'monitor.review.decide', entityType: 'monitor_item', entityId: itemId, region: item.regions.length === 1 ? item.regions[0] : null,
      before: before ? { decision: before.decision, label: before.label, note: before.note } : null,
      after: { decision: row!.decision, label: row!.label, note: row!.note },
      details: { modelLabel: item.label, modelRisk: item.risk, modelVersion: item.modelVersion },
    });
    return { decision: row!, status: aggregate(all.map((x) => x.decision as Decision)) };
  });
}

/** Every reviewer's decision on one item (in scope), oldest first. */
export async function itemDecisions(db: Db, actor: Actor, itemId: string) {
  requirePermission(actor, 'monitor.read');
  if (!isUuid(itemId)) throw new AppError('record.not_found');
  const [item] = await db.select({ id: monitorItems.id }).from(monitorItems).where(and(eq(monitorItems.id, itemId), itemScope(actor)));
  if (!item) throw new AppError('record.not_found');
  const rows = await db.select().from(d).where(eq(d.itemId, itemId)).orderBy(asc(d.decidedAt));
  return { decisions: rows, status: rows.length ? aggregate(rows.map((r) => r.decision as Decision)) : null };
}

/** Review counts in scope for a dashboard card: decided items by status, and the open queue. */
export async function reviewStats(db: Db, actor: Actor) {
  requirePermission(actor, 'monitor.read');
  const [open] = await db.select({ n: sql<number>`count(*)::int` }).from(monitorItems).where(and(itemScope(actor), isNotNull(monitorItems.detectedAt),
    gte(monitorItems.risk, REVIEW_THRESHOLD), sql`not exists (select 1 from ${d} x where x.item_id = ${monitorItems.id})`));
  const rows = await db.select({ decision: d.decision, n: sql<number>`count(*)::int` }).from(d).innerJoin(monitorItems, eq(monitorItems.id, d.itemId))
    .where(itemScope(actor)).groupBy(d.decision);
  return { open: open!.n, decisions: Object.fromEntries(rows.map((r) => [r.decision, r.n])) };
}

export { agreement, cohenKappa } from './agreement.js';
export { feedbackRows, toJsonl, type FeedbackRow } from './feedback.js';
