/**
 * Shops: flagged items grouped by the indicators they share (update.ts maintains them in the
 * detection transaction). Reading within region scope: a shop's regions are the union of its
 * items' regions; a regional reader sees the shops overlapping their scope and, inside a shop,
 * only the items in scope (the rest are counted, not shown). Shops naming no place stay with
 * the national desk, as items do. Out of scope reads look exactly like "not found".
 */
import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { cityById, findPlaces } from '../../../platform/geo/cities.js';
import { findEntity } from '../../traces/traces.service.js';
import { itemScope } from '../items.service.js';
import { reviewStatus } from '../review/review.service.js';
import { monitorItems, monitorSources } from '../schema.js';
import { monitorShopIndicators, monitorShopItems, monitorShopMerges, monitorShops } from './schema.js';

export { updateShops, SHOP_INDICATOR_TYPES, HUB_MERGES, type DetectedItem } from './update.js';
export { linkItemToShop, setShopStatus, markHub, unmarkHub, listHubs } from './manage.js';

/** Days without a new post after which an active shop reads as dormant. */
export const DORMANT_DAYS = 30;
export const SHOP_STATUSES = ['active', 'dormant', 'blocked', 'reappeared', 'merged'] as const;
export type ShopStatus = (typeof SHOP_STATUSES)[number];

const s = monitorShops;
/**
 * The status readers see: `blocked` turns `reappeared` when an item joined after the block was
 * recorded; `active` turns `dormant` after DORMANT_DAYS without posts.
 */
export const effectiveStatus = sql<ShopStatus>`(case
  when ${s.status} = 'merged' then 'merged'
  when ${s.status} = 'blocked' and exists (select 1 from ${monitorShopItems} si where si.shop_id = ${s.id} and si.joined_at > ${s.statusAt}) then 'reappeared'
  when ${s.status} = 'blocked' then 'blocked'
  when ${s.lastSeen} < now() - make_interval(days => ${DORMANT_DAYS}) then 'dormant'
  else 'active' end)`;

/** The scope half of every shop query (overlap, like items). */
export function shopScope(actor: Actor): SQL | undefined {
  if (actor.scope.national) return undefined;
  if (actor.scope.regions.length === 0) return sql`false`;
  return sql`${s.regions} && ${sql.param(actor.scope.regions)}::text[]`;
}

const isUuid = (x: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(x);

const shopColumns = {
  id: s.id, name: s.name, nameType: s.nameType, status: effectiveStatus, storedStatus: s.status, mergedInto: s.mergedInto, regions: s.regions,
  firstSeen: s.firstSeen, lastSeen: s.lastSeen, itemCount: s.itemCount, statusNote: s.statusNote, statusBy: s.statusBy, statusAt: s.statusAt, createdAt: s.createdAt,
};

export interface ShopQuery {
  status?: ShopStatus;
  region?: string;
  /** Substring of the name (a handle, domain, phone…). */
  q?: string;
  minItems?: number;
  limit?: number;
  offset?: number;
}

/** Shops in the caller's scope, latest activity first; merged shops only when asked for. */
export async function listShops(db: Db, actor: Actor, q: ShopQuery = {}) {
  requirePermission(actor, 'monitor.read');
  const c: (SQL | undefined)[] = [shopScope(actor)];
  c.push(q.status ? sql`${effectiveStatus} = ${q.status}` : sql`${s.status} <> 'merged'`);
  if (q.region) c.push(sql`${q.region} = any(${s.regions})`);
  if (q.q) c.push(ilike(s.name, '%' + q.q.replace(/^@/, '').replace(/[\\%_]/g, (m) => '\\' + m) + '%'));
  if (q.minItems) c.push(sql`${s.itemCount} >= ${q.minItems}`);
  const limit = Math.min(q.limit ?? 50, 500);
  const rows = await db.select(shopColumns).from(s).where(and(...c)).orderBy(desc(s.lastSeen), desc(s.id)).limit(limit + 1).offset(q.offset ?? 0);
  return { shops: rows.slice(0, limit), more: rows.length > limit };
}

/** The shop an item belongs to, or null (no permission check: callers are services). */
export async function shopOfItem(db: Db, itemId: string): Promise<string | null> {
  if (!isUuid(itemId)) return null;
  const [row] = await db.select({ shopId: monitorShopItems.shopId }).from(monitorShopItems).where(eq(monitorShopItems.itemId, itemId));
  return row?.shopId ?? null;
}

/** Shops of many items at once: Map<itemId, shopId>. */
export async function shopsOfItems(db: Db, itemIds: string[]): Promise<Map<string, string>> {
  const ids = itemIds.filter(isUuid);
  if (!ids.length) return new Map();
  const rows = await db.select({ itemId: monitorShopItems.itemId, shopId: monitorShopItems.shopId }).from(monitorShopItems).where(inArray(monitorShopItems.itemId, ids));
  return new Map(rows.map((r) => [r.itemId, r.shopId]));
}

/** Load a visible shop, following a merge to the surviving shop. */
export async function loadShop(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw new AppError('record.not_found');
  let [row] = await db.select(shopColumns).from(s).where(and(eq(s.id, id), shopScope(actor)));
  if (row?.mergedInto) [row] = await db.select(shopColumns).from(s).where(and(eq(s.id, row.mergedInto), shopScope(actor)));
  if (!row) throw new AppError('record.not_found');
  return row;
}

const MAX_ITEMS = 500;

/**
 * One shop: its items in scope (newest first, at most 500) with review status, the indicators
 * they carry (hubs marked, traces entity ids), cities and regions named, and merge evidence.
 */
export async function getShop(db: Db, actor: Actor, shopId: string) {
  requirePermission(actor, 'monitor.read');
  const shop = await loadShop(db, actor, shopId);
  const when = sql`coalesce(${monitorItems.postedAt}, ${monitorItems.ingestedAt})`;
  const rows = await db.select({
    id: monitorItems.id, label: monitorItems.label, risk: monitorItems.risk, text: monitorItems.text, url: monitorItems.url, channel: monitorItems.channel,
    postedAt: monitorItems.postedAt, ingestedAt: monitorItems.ingestedAt, regions: monitorItems.regions, indicators: monitorItems.indicators,
    source: monitorSources.name, via: monitorShopItems.via, joinedAt: monitorShopItems.joinedAt, detail: monitorShopItems.detail,
  }).from(monitorShopItems).innerJoin(monitorItems, eq(monitorItems.id, monitorShopItems.itemId)).innerJoin(monitorSources, eq(monitorSources.id, monitorItems.sourceId))
    .where(and(eq(monitorShopItems.shopId, shop.id), itemScope(actor))).orderBy(desc(when), desc(monitorItems.id)).limit(MAX_ITEMS);
  const review = await reviewStatus(db, rows.map((r) => r.id));

  const cities = new Map<string, number>();
  const indicators = new Map<string, { type: string; value: string; items: number }>();
  for (const r of rows) {
    for (const id of new Set(findPlaces(r.text).map((p) => p.cityId))) cities.set(id, (cities.get(id) ?? 0) + 1);
    const seen = new Set<string>();
    for (const ind of (r.indicators ?? []) as { type: string; value: string }[]) {
      const k = `${ind.type}:${ind.value}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const e = indicators.get(k) ?? { type: ind.type, value: ind.value, items: 0 };
      e.items++;
      indicators.set(k, e);
    }
  }
  const inds = [...indicators.values()].sort((a, b) => b.items - a.items || a.type.localeCompare(b.type) || a.value.localeCompare(b.value)).slice(0, 300);
  const index = inds.length ? await db.select({ type: monitorShopIndicators.type, value: monitorShopIndicators.value, hub: monitorShopIndicators.hub, shopId: monitorShopIndicators.shopId, itemCount: monitorShopIndicators.itemCount })
    .from(monitorShopIndicators).where(or(...inds.map((i) => and(eq(monitorShopIndicators.type, i.type), eq(monitorShopIndicators.value, i.value))))) : [];
  const byKey = new Map(index.map((r) => [`${r.type}:${r.value}`, r]));
  const indicatorsOut = [];
  for (const i of inds) {
    const x = byKey.get(`${i.type}:${i.value}`);
    // Entities exist for flagged items' indicators; a miss (or no traces.read) is simply no link.
    const e = await findEntity(db, actor, i.type, i.value).catch(() => null);
    indicatorsOut.push({ ...i, entityId: e?.id ?? null, hub: x?.hub ?? null, totalItems: x?.itemCount ?? i.items, otherShop: x?.shopId && x.shopId !== shop.id ? x.shopId : null });
  }

  const mergeRows = await db.select().from(monitorShopMerges)
    .where(or(eq(monitorShopMerges.shopId, shop.id), sql`${monitorShopMerges.mergedShopIds} @> array[${shop.id}]::uuid[]`))
    .orderBy(desc(monitorShopMerges.createdAt)).limit(100);
  const merges = await redactMerges(db, actor, mergeRows);

  return {
    ...shop,
    hiddenItems: Math.max(0, shop.itemCount - rows.length),
    items: rows.map(({ text, indicators: _i, detail, ...r }) => ({ ...r, excerpt: text.slice(0, 280), review: review.get(r.id) ?? null, sharedIndicators: (detail as { indicators?: unknown }).indicators ?? [] })),
    indicators: indicatorsOut,
    cities: [...cities].map(([id, items]) => ({ id, region: cityById(id)?.region ?? null, name: cityById(id)?.name ?? null, items })).sort((a, b) => b.items - a.items),
    merges,
  };
}

/**
 * A merge names the item that joined two shops (and, for a near-duplicate, the item it matched).
 * A regional reader sees that the shops merged, but not the id or evidence of an item outside
 * their region: the rest of the shop page hides those items too.
 */
async function redactMerges<M extends { itemId: string | null; detail: Record<string, unknown> }>(db: Db, actor: Actor, rows: M[]): Promise<(M & { redacted?: true })[]> {
  if (actor.scope.national) return rows;
  const named = (m: M) => [m.itemId, typeof m.detail.matchedItemId === 'string' ? m.detail.matchedItemId : null].filter((x): x is string => x !== null);
  const ids = [...new Set(rows.flatMap(named))];
  const visible = new Set(ids.length ? (await db.select({ id: monitorItems.id }).from(monitorItems)
    .where(and(inArray(monitorItems.id, ids), itemScope(actor)))).map((r) => r.id) : []);
  return rows.map((m) => (named(m).every((id) => visible.has(id)) ? m : { ...m, itemId: null, detail: {}, redacted: true as const }));
}

/** Dashboard numbers: live shops in scope by effective status. */
export async function shopStats(db: Db, actor: Actor) {
  requirePermission(actor, 'monitor.read');
  // Derived status involves a correlated subquery: group over a derived table, not the expression.
  const inner = db.select({ status: sql<ShopStatus>`${effectiveStatus}`.as('status') }).from(s).where(and(shopScope(actor), sql`${s.status} <> 'merged'`)).as('x');
  const rows = await db.select({ status: inner.status, n: sql<number>`count(*)::int` }).from(inner).groupBy(inner.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<ShopStatus, number>>;
}
