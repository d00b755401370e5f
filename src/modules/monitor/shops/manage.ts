/**
 * Changes people (and the mirrors detector) make to shops: link an item to a known shop,
 * record a shop's status, declare an indicator a public service (a hub that never merges).
 * Each change holds the shops lock (update.ts) and is audited in its transaction.
 */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { canonicalize } from '../../traces/traces.service.js';
import { itemScope } from '../items.service.js';
import { monitorItems } from '../schema.js';
import { monitorShopIndicators, monitorShopItems, monitorShopMerges, monitorShops } from './schema.js';
import { absorbShops, renameShops, rowsOf, SHOP_INDICATOR_TYPES, SHOPS_LOCK_KEY, shopKeys } from './update.js';

const lock = (tx: Db) => tx.execute(sql`select pg_advisory_xact_lock(${SHOPS_LOCK_KEY})`);
const actorName = (a: Actor) => a.name;

/** The live shop for an id (following a merge), locked; not found outside the caller's scope. */
async function liveShop(tx: Db, actor: Actor, shopId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(shopId)) throw new AppError('record.not_found');
  const scope = actor.scope.national ? undefined : sql`${monitorShops.regions} && ${sql.param(actor.scope.regions)}::text[]`;
  let [row] = await tx.select().from(monitorShops).where(and(eq(monitorShops.id, shopId), scope)).for('update');
  if (row?.mergedInto) [row] = await tx.select().from(monitorShops).where(eq(monitorShops.id, row.mergedInto)).for('update');
  if (!row) throw new AppError('record.not_found');
  return row;
}

/**
 * Put an item into a shop on other evidence than a shared indicator (a near-duplicate page, an
 * analyst's judgement). If the item is in another shop already, that shop merges into this one.
 * The item's unknown mergeable indicators start belonging to the shop.
 */
export async function linkItemToShop(tx: Db, actor: Actor, itemId: string, shopId: string,
  evidence: { kind: 'near_duplicate' | 'shared_indicator' | 'manual'; detail: Record<string, unknown> }): Promise<{ shopId: string; merged: string | null }> {
  requirePermission(actor, 'monitor.read');
  await lock(tx);
  const shop = await liveShop(tx, actor, shopId);
  const [item] = await tx.select({ id: monitorItems.id, regions: monitorItems.regions, indicators: monitorItems.indicators, at: sql<string>`coalesce(${monitorItems.postedAt}, ${monitorItems.ingestedAt})` })
    .from(monitorItems).where(and(eq(monitorItems.id, itemId), itemScope(actor)));
  if (!item) throw new AppError('record.not_found');
  const [current] = await tx.select().from(monitorShopItems).where(eq(monitorShopItems.itemId, itemId));
  if (current?.shopId === shop.id) return { shopId: shop.id, merged: null };
  const at = new Date(item.at);
  let merged: string | null = null;
  if (current) {
    const [other] = await tx.select().from(monitorShops).where(eq(monitorShops.id, current.shopId)).for('update');
    merged = other!.id;
    await absorbShops(tx, [{ from: other!.id, to: shop.id }]);
    const regions = [...new Set([...shop.regions, ...other!.regions])].sort();
    await tx.update(monitorShops).set({
      itemCount: shop.itemCount + other!.itemCount, regions, updatedAt: new Date(),
      firstSeen: new Date(Math.min(shop.firstSeen.getTime(), other!.firstSeen.getTime())), lastSeen: new Date(Math.max(shop.lastSeen.getTime(), other!.lastSeen.getTime())),
    }).where(eq(monitorShops.id, shop.id));
    await tx.insert(monitorShopMerges).values({ shopId: shop.id, mergedShopIds: [other!.id], outcome: 'merged', kind: evidence.kind, itemId, actor: actorName(actor), detail: evidence.detail });
  } else {
    await tx.insert(monitorShopItems).values({ itemId, shopId: shop.id, via: evidence.kind, detail: evidence.detail });
    const regions = [...new Set([...shop.regions, ...item.regions])].sort();
    await tx.update(monitorShops).set({
      itemCount: shop.itemCount + 1, regions, updatedAt: new Date(),
      firstSeen: at < shop.firstSeen ? at : shop.firstSeen, lastSeen: at > shop.lastSeen ? at : shop.lastSeen,
    }).where(eq(monitorShops.id, shop.id));
    const keys = shopKeys(item.indicators).map((k) => { const i = k.indexOf('\u0000'); return { type: k.slice(0, i), value: k.slice(i + 1) }; });
    if (keys.length) {
      // Only unknown indicators are claimed: known ones belong to their shop (a merge is a decision, not a side effect).
      await tx.insert(monitorShopIndicators).values(keys.map((k) => ({ ...k, shopId: shop.id, itemCount: 1, firstSeen: at, lastSeen: at }))).onConflictDoNothing();
      await renameShops(tx, [shop.id]);
    }
  }
  await recordAudit(tx, actor, {
    action: 'monitor.shop.link', entityType: 'monitor_shop', entityId: shop.id, region: shop.regions.length === 1 ? shop.regions[0] : null,
    after: { itemId, shopId: shop.id, merged }, details: { kind: evidence.kind, ...evidence.detail },
  });
  return { shopId: shop.id, merged };
}

/** Record a shop's status (blocked after a successful request, active again after a mistake). */
export async function setShopStatus(db: Db, actor: Actor, shopId: string, status: 'active' | 'blocked', note?: string) {
  requirePermission(actor, 'monitor.shops.manage');
  return db.transaction(async (tx) => {
    const shop = await liveShop(tx, actor, shopId);
    const [row] = await tx.update(monitorShops).set({ status, statusNote: note ?? null, statusBy: actorName(actor), statusAt: new Date(), updatedAt: new Date() })
      .where(eq(monitorShops.id, shop.id)).returning({ id: monitorShops.id, status: monitorShops.status });
    await recordAudit(tx, actor, {
      action: 'monitor.shop.status', entityType: 'monitor_shop', entityId: shop.id, region: shop.regions.length === 1 ? shop.regions[0] : null,
      before: { status: shop.status, note: shop.statusNote }, after: { status, note: note ?? null },
    });
    return row!;
  });
}

function canonicalKey(type: string, value: string) {
  if (!SHOP_INDICATOR_TYPES.has(type)) throw new AppError('request.invalid', { type: 'not a shop indicator type' });
  const c = canonicalize(type, value);
  if ('reject' in c) throw new AppError('traces.invalid_value', { type, reason: c.reject });
  return { type, value: c.value };
}

/**
 * Declare an indicator a public service (a hotline, an exchange's deposit wallet, a marketplace
 * domain): from now on it never joins items or merges shops. Existing shops stay as they are;
 * the shop page shows the hub so an analyst can judge earlier merges through it.
 */
export async function markHub(db: Db, actor: Actor, input: { type: string; value: string; note: string }) {
  requirePermission(actor, 'monitor.shops.manage');
  const k = canonicalKey(input.type, input.value);
  return db.transaction(async (tx) => {
    await lock(tx);
    const now = new Date();
    const [before] = await tx.select().from(monitorShopIndicators).where(and(eq(monitorShopIndicators.type, k.type), eq(monitorShopIndicators.value, k.value)));
    await tx.insert(monitorShopIndicators).values({ ...k, hub: 'public_service', hubNote: input.note, hubBy: actorName(actor), hubAt: now, firstSeen: now, lastSeen: now })
      .onConflictDoUpdate({ target: [monitorShopIndicators.type, monitorShopIndicators.value], set: { hub: 'public_service', hubNote: input.note, hubBy: actorName(actor), hubAt: now } });
    if (before?.shopId) await renameShops(tx, [before.shopId]);
    await recordAudit(tx, actor, { action: 'monitor.shop.hub', entityType: 'monitor_shop_indicator', entityId: `${k.type}:${k.value}`, before: { hub: before?.hub ?? null }, after: { hub: 'public_service', note: input.note } });
    return { ...k, hub: 'public_service' as const };
  });
}

/** Undo a hub (either kind): the indicator glues again; its merge counter starts afresh. */
export async function unmarkHub(db: Db, actor: Actor, input: { type: string; value: string; note?: string }) {
  requirePermission(actor, 'monitor.shops.manage');
  const k = canonicalKey(input.type, input.value);
  return db.transaction(async (tx) => {
    await lock(tx);
    const [before] = await tx.select().from(monitorShopIndicators).where(and(eq(monitorShopIndicators.type, k.type), eq(monitorShopIndicators.value, k.value))).for('update');
    if (!before?.hub) throw new AppError('record.not_found');
    await tx.update(monitorShopIndicators).set({ hub: null, hubNote: input.note ?? null, hubBy: actorName(actor), hubAt: new Date(), mergeCount: 0 })
      .where(and(eq(monitorShopIndicators.type, k.type), eq(monitorShopIndicators.value, k.value)));
    if (before.shopId) await renameShops(tx, [before.shopId]);
    await recordAudit(tx, actor, { action: 'monitor.shop.unhub', entityType: 'monitor_shop_indicator', entityId: `${k.type}:${k.value}`, before: { hub: before.hub }, after: { hub: null, note: input.note ?? null } });
    return { ...k, hub: null };
  });
}

/** Hubs, newest first: declared public services and indicators the guard stopped. */
export async function listHubs(db: Db, actor: Actor, q: { limit?: number; offset?: number } = {}) {
  requirePermission(actor, 'monitor.read');
  const limit = Math.min(q.limit ?? 100, 500);
  const rows = rowsOf<unknown>({ rows: await db.select().from(monitorShopIndicators).where(isNotNull(monitorShopIndicators.hub))
    .orderBy(desc(monitorShopIndicators.hubAt), monitorShopIndicators.type, monitorShopIndicators.value).limit(limit + 1).offset(q.offset ?? 0) });
  return { hubs: rows.slice(0, limit), more: rows.length > limit };
}
