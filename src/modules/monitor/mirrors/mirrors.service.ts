/**
 * Mirrors: a new flagged item (a post, a crawled page) that is a near-duplicate of a known
 * shop's item, or that shares the shop's indicators, belongs to that shop; when the shop's
 * requests had already been blocked, the shop has reappeared and the desk gets an alert.
 *
 * Flow: the follow-up's shops stage queues its flagged items (`queueMirrorCheck`, one call in
 * ingest.detect.ts, in the same transaction as the shops update); the `monitor.mirrors` job
 * drains the queue in batches: fingerprint (SimHash) → candidates through the band index →
 * Hamming distance ≤ k → `linkItemToShop` with the evidence (items not in a shop yet) →
 * `reappeared` alert when the item's shop had a blocked request before the item was posted.
 * One transaction per batch; a crash leaves the queue rows, so the batch is redone.
 */
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { arrayParam, columnsOf } from '../../../platform/db/arrays.js';
import { monitorItems } from '../schema.js';
import { monitorRequestEntries, monitorRequests } from '../requests/schema.js';
import { monitorShopItems, monitorShops } from '../shops/schema.js';
import { linkItemToShop } from '../shops/shops.service.js';
import { SHOPS_LOCK_KEY } from '../shops/update.js';
import { raiseAlert } from './alerts.service.js';
import { monitorFingerprints, monitorMirrorQueue } from './schema.js';
import { bands, fromHex, hamming, MIN_TOKENS, simhashWords, toHex, words } from './simhash.js';

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * Queue the flagged ones among `itemIds` for the mirror check (inside the follow-up's shops
 * transaction). `allFlagged`: the caller knows these items are flagged, so their rows need no lookup.
 */
export async function queueMirrorCheck(tx: Db, itemIds: string[], opts: { allFlagged?: boolean } = {}): Promise<void> {
  if (itemIds.length === 0) return;
  const ids = arrayParam(itemIds);
  await tx.execute(opts.allFlagged
    ? sql`insert into ${monitorMirrorQueue} (item_id) select * from unnest(${ids}::uuid[]) on conflict do nothing`
    : sql`insert into ${monitorMirrorQueue} (item_id)
      select id from ${monitorItems} where id = any(${ids}::uuid[]) and label is not null and label <> 'benign'
      on conflict do nothing`);
}

/** A near-duplicate found for an item. */
export interface NearMatch { itemId: string; simhash: string; distance: number }

/** Fingerprints within `maxDistance` of each probe (band lookup, then exact distance), nearest first. */
export async function nearDuplicates(db: Db, probes: { itemId: string; simhash: string }[], maxDistance: number): Promise<Map<string, NearMatch[]>> {
  const out = new Map<string, NearMatch[]>();
  if (probes.length === 0) return out;
  const b = probes.map((p) => bands(fromHex(p.simhash)));
  const band = (i: number) => arrayParam(b.map((x) => x[i]!));
  // One indexed equality join per band (a four-way OR would defeat the indexes); pigeonhole: any
  // pair within distance 3 agrees on at least one band. The probes come as column arrays: the
  // planner estimates unnest at the arrays' length (jsonb_to_recordset is always "100 rows",
  // which chose hash joins over whole band indexes for a handful of probes).
  // The distance is checked in the query too: band-equal candidates of a common template run to
  // dozens per probe, and shipping them all to be dropped here cost more than the check.
  const near = sql`bit_count(('x' || f.simhash)::bit(64) # ('x' || q.h)::bit(64)) <= ${maxDistance}`;
  const cand = rows<{ probe: string; item_id: string; simhash: string }>(await db.execute(sql`
    with q as (select * from unnest(${arrayParam(probes.map((p) => p.itemId))}::uuid[], ${arrayParam(probes.map((p) => p.simhash))}::text[], ${band(0)}::int[], ${band(1)}::int[], ${band(2)}::int[], ${band(3)}::int[]) as q(id, h, b0, b1, b2, b3))
    select q.id as probe, f.item_id, f.simhash from q join ${monitorFingerprints} f on f.band0 = q.b0 where f.item_id <> q.id and ${near}
    union select q.id, f.item_id, f.simhash from q join ${monitorFingerprints} f on f.band1 = q.b1 where f.item_id <> q.id and ${near}
    union select q.id, f.item_id, f.simhash from q join ${monitorFingerprints} f on f.band2 = q.b2 where f.item_id <> q.id and ${near}
    union select q.id, f.item_id, f.simhash from q join ${monitorFingerprints} f on f.band3 = q.b3 where f.item_id <> q.id and ${near}`));
  const probeHash = new Map(probes.map((p) => [p.itemId, fromHex(p.simhash)]));
  for (const c of cand) {
    const distance = hamming(probeHash.get(c.probe)!, fromHex(c.simhash));
    if (distance > maxDistance) continue;
    const list = out.get(c.probe);
    if (list) list.push({ itemId: c.item_id, simhash: c.simhash, distance });
    else out.set(c.probe, [{ itemId: c.item_id, simhash: c.simhash, distance }]);
  }
  for (const list of out.values()) list.sort((a, b) => a.distance - b.distance || a.itemId.localeCompare(b.itemId));
  return out;
}

/** Blocked requests about a shop (or shops merged into it) blocked before `before`. */
async function blockedRequestsOf(tx: Db, shopId: string, before: Date): Promise<{ id: string; first_blocked_at: string | Date; status: string }[]> {
  return rows(await tx.execute(sql`
    with s as (select ${shopId}::uuid as id union select id from ${monitorShops} where merged_into = ${shopId}::uuid)
    select r.id, r.first_blocked_at, r.status from ${monitorRequests} r
    where r.first_blocked_at is not null and r.first_blocked_at <= ${before.toISOString()}::timestamptz
      and (r.origin_shop_id in (select id from s)
        or exists (select 1 from ${monitorRequestEntries} e where e.request_id = r.id and e.shop_id in (select id from s)))
    order by r.first_blocked_at limit 20`));
}

/** Shops of `itemIds` (items in none are absent) and those shops' item counts, in one query. */
async function shopsWithSizes(tx: Db, itemIds: string[]): Promise<{ shopOf: Map<string, string>; size: Map<string, number> }> {
  const shopOf = new Map<string, string>();
  const size = new Map<string, number>();
  if (itemIds.length === 0) return { shopOf, size };
  const found = rows<{ item_id: string; shop_id: string; item_count: number }>(await tx.execute(sql`select si.item_id, si.shop_id, s.item_count
    from ${monitorShopItems} si join ${monitorShops} s on s.id = si.shop_id where si.item_id = any(${arrayParam([...new Set(itemIds)])}::uuid[])`));
  for (const r of found) { shopOf.set(r.item_id, r.shop_id); size.set(r.shop_id, r.item_count); }
  return { shopOf, size };
}

/**
 * Apply a link's effect to the batch's view of shops: the item joined `linked.shopId`, or its
 * shop `linked.merged` (with every item in it) was merged into that one.
 */
function followLink(known: { shopOf: Map<string, string>; size: Map<string, number> }, itemId: string, before: string | null, linked: { shopId: string; merged: string | null }): void {
  const to = linked.shopId;
  if (linked.merged) {
    for (const [item, shop] of known.shopOf) if (shop === linked.merged) known.shopOf.set(item, to);
    known.size.set(to, (known.size.get(to) ?? 0) + (known.size.get(linked.merged) ?? 1));
    known.size.delete(linked.merged);
  } else if (before !== to) {
    known.shopOf.set(itemId, to);
    known.size.set(to, (known.size.get(to) ?? 0) + 1);
  }
}

interface QueuedItem { id: string; text: string; regions: string[]; at: string | Date }

/** Summary of one mirror batch. */
export interface MirrorSummary { processed: number; fingerprinted: number; linked: number; alerts: number }

/** Drain up to `limit` queued items: fingerprints, near-duplicate links, reappeared alerts. */
export async function runMirrorBatch(db: Db, actor: Actor, opts: { maxDistance: number; limit?: number }): Promise<MirrorSummary> {
  return db.transaction(async (tx) => {
    // `= any(array(…))`, not `in (…)`: the planner then deletes by primary key instead of
    // hash-joining against a scan of the whole queue.
    const ids = rows<{ item_id: string }>(await tx.execute(sql`delete from ${monitorMirrorQueue} where item_id = any(array(
      select item_id from ${monitorMirrorQueue} order by queued_at, item_id limit ${opts.limit ?? 500} for update skip locked)) returning item_id`)).map((r) => r.item_id);
    const summary: MirrorSummary = { processed: ids.length, fingerprinted: 0, linked: 0, alerts: 0 };
    if (ids.length === 0) return summary;
    const items = rows<QueuedItem>(await tx.execute(sql`select id, text, regions, coalesce(posted_at, ingested_at) as at from ${monitorItems}
      where id = any(${arrayParam(ids)}::uuid[]) order by id`));
    const probes: { itemId: string; simhash: string; tokens: number }[] = [];
    for (const it of items) {
      const ws = words(it.text);
      if (ws.length < MIN_TOKENS) continue;
      probes.push({ itemId: it.id, simhash: toHex(simhashWords(ws)), tokens: ws.length });
    }
    if (probes.length) {
      const b = probes.map((p) => bands(fromHex(p.simhash)));
      const col = columnsOf(probes);
      await tx.execute(sql`insert into ${monitorFingerprints} (item_id, simhash, band0, band1, band2, band3, tokens)
        select * from unnest(${col((p) => p.itemId)}::uuid[], ${col((p) => p.simhash)}::text[], ${col((_, i) => b[i]![0])}::int[], ${col((_, i) => b[i]![1])}::int[],
          ${col((_, i) => b[i]![2])}::int[], ${col((_, i) => b[i]![3])}::int[], ${col((p) => p.tokens)}::int[])
        on conflict (item_id) do nothing`);
      summary.fingerprinted = probes.length;
    }
    // Near-duplicates matter only for items in no shop or in a one-item shop (the loop below links
    // no other); most flagged items are in an established shop by now, so only the rest are looked
    // up. This first look is unlocked: an item an analyst takes out of its shop at this very moment
    // is not looked up (the next post like it will be).
    const first = await shopsWithSizes(tx, items.map((it) => it.id));
    const open = (itemId: string) => {
      const shop = first.shopOf.get(itemId);
      return shop === undefined || first.size.get(shop) === 1;
    };
    const matches = await nearDuplicates(tx, probes.filter((p) => open(p.itemId)), opts.maxDistance);
    // Linking takes the shops lock and an alert the audit lock; the shops stage takes them in that
    // order, so a batch that may link takes the shops lock first (not after an earlier item's alert).
    if (matches.size) await tx.execute(sql`select pg_advisory_xact_lock(${SHOPS_LOCK_KEY})`);
    // A reappeared alert needs a blocked request or a shop marked blocked; while there is none at
    // all (the common case, and nothing below blocks anything), the per-item checks are skipped.
    const [{ blocked: anyBlocked } = { blocked: true }] = rows<{ blocked: boolean }>(await tx.execute(sql`select
      exists(select 1 from ${monitorRequests} where first_blocked_at is not null) or exists(select 1 from ${monitorShops} where status = 'blocked') as blocked`));
    // Each item's shop and the shop's size, for the batch and for every item it matched, read in
    // one query (per-item reads were two round trips per item), again under the lock when there
    // is anything to link; nothing else moves items while the batch holds it. A link moves the
    // item into the target shop, or merges the item's one-item shop into it, and the maps follow
    // (`followLink`), so they stay exact for the rest of the batch without reading again.
    const known = matches.size ? await shopsWithSizes(tx, [...items.map((it) => it.id), ...[...matches.values()].flat().map((m) => m.itemId)]) : first;
    const shopOf = (itemId: string) => known.shopOf.get(itemId) ?? null;
    // Shops that held an item before this batch. Copies of a known ad posted together under new
    // bots match the known shop's post and each other; they must join the known shop, not gather
    // in the one-item shop of whichever copy came first.
    const batchIds = new Set(ids);
    const olderShops = new Set<string>();
    for (const [item, shop] of known.shopOf) if (!batchIds.has(item)) olderShops.add(shop);
    const probeOf = new Map(probes.map((p) => [p.itemId, p]));
    for (const it of items) {
      let shopId = shopOf(it.id);
      let via: Record<string, unknown> | null = null;
      const probe = probeOf.get(it.id);
      // A new bot name gives a mirror post a one-item shop of its own: a near-duplicate of a known
      // shop's item then joins that shop (linkItemToShop merges the singleton). An established
      // shop is never merged on text similarity alone: that stays an analyst's decision.
      const single = shopId ? known.size.get(shopId) === 1 : false;
      if (!shopId || single) {
        // A match in no shop (e.g. another new item of this batch) leads nowhere; a shop older than
        // the batch comes before a shop of this batch's items, the nearest match first within each.
        const candidates = (matches.get(it.id) ?? []).map((m) => ({ m, target: shopOf(m.itemId) }))
          .filter((c): c is { m: NearMatch; target: string } => c.target !== null && c.target !== shopId)
          .sort((a, b) => Number(olderShops.has(b.target)) - Number(olderShops.has(a.target)));
        for (const { m, target } of candidates) {
          const detail = { matchedItemId: m.itemId, distance: m.distance, maxDistance: opts.maxDistance, simhash: probe!.simhash, matchedSimhash: m.simhash };
          const linked = await linkItemToShop(tx, actor, it.id, target, { kind: 'near_duplicate', detail });
          followLink(known, it.id, shopId, linked);
          shopId = linked.shopId;
          via = { kind: 'near_duplicate', ...detail };
          summary.linked++;
          break;
        }
      }
      if (!shopId || !anyBlocked) continue;
      const at = new Date(it.at);
      const blocked = await blockedRequestsOf(tx, shopId, at);
      const [shop] = rows<{ name: string; regions: string[]; status: string; status_at: string | Date | null }>(await tx.execute(sql`select name, regions, status, status_at from ${monitorShops} where id = ${shopId}::uuid`));
      // An analyst may also have marked the shop blocked by hand (setShopStatus) before the item appeared.
      const shopBlockedAt = shop?.status === 'blocked' && shop.status_at && new Date(shop.status_at) <= at ? new Date(shop.status_at) : null;
      if (blocked.length === 0 && !shopBlockedAt) continue;
      if (!via) {
        // Joined by the shops update through shared indicators: its membership row holds them.
        const [m] = rows<{ via: string; detail: Record<string, unknown> }>(await tx.execute(sql`select via, detail from ${monitorShopItems} where item_id = ${it.id}::uuid`));
        via = { kind: m?.via ?? 'shared_indicator', ...(m?.detail ?? {}) };
      }
      const id = await raiseAlert(tx, actor, {
        kind: 'reappeared', dedupeKey: `reappeared:${shopId}:${it.id}`, regions: [...it.regions, ...(shop?.regions ?? [])], shopId, itemId: it.id,
        requestId: blocked.at(-1)?.id ?? null,
        evidence: { via, shopName: shop?.name ?? null, postedAt: at.toISOString(), shopBlockedAt: shopBlockedAt?.toISOString() ?? null, blockedRequests: blocked.map((b) => ({ id: b.id, status: b.status, firstBlockedAt: new Date(b.first_blocked_at).toISOString() })) },
      });
      if (id) summary.alerts++;
    }
    await recordAudit(tx, actor, { action: 'monitor.mirrors', entityType: 'monitor_items', details: summary });
    return summary;
  });
}
