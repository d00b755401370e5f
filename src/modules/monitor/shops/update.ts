/**
 * Incremental shop components. Called in the follow-up's shops transaction with a batch of item
 * ids: flagged items not yet in a shop are joined through their mergeable indicators to the
 * shops that already own those indicators, and to each other; a new item that touches two
 * shops merges them (evidence row per merge). Batched: a handful of statements per batch,
 * whatever its size, with the union-find in memory.
 *
 * Hub guard: an indicator declared a public service never glues anything; an indicator that
 * would take part in more than `hubMerges` shop merges becomes a hub (`merges`) at that moment
 * and the merge is refused (evidence row `refused_hub`). A shop's own bot keeps gluing its
 * posts: joining a shop is not a merge, only connecting two existing components is.
 *
 * Concurrency: follow-up jobs run in parallel, so the whole update holds a transaction-level
 * advisory lock (taken after the items' row locks, before the audit lock: one global order).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { systemActor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { arrayParam, columnsOf } from '../../../platform/db/arrays.js';
import { monitorItems } from '../schema.js';
import { monitorShopIndicators, monitorShopItems, monitorShopMerges, monitorShops } from './schema.js';

/** Indicator types that identify a shop. URLs are left out: their domain already counts. */
export const SHOP_INDICATOR_TYPES: ReadonlySet<string> = new Set(['telegram', 'domain', 'phone', 'card', 'iban', 'btc', 'tron', 'eth', 'email']);
/** Default: an indicator that would join more than this many shop merges is a hub. */
export const HUB_MERGES = 3;
/** Serialises shop maintenance across concurrent follow-up jobs (audit uses 727_001). */
export const SHOPS_LOCK_KEY = 727_110;

export const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const keyOf = (type: string, value: string) => `${type}\u0000${value}`;
const splitKey = (k: string) => { const i = k.indexOf('\u0000'); return { type: k.slice(0, i), value: k.slice(i + 1) }; };
const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

/** Mergeable indicators of an item, deduplicated, as keys. */
export function shopKeys(indicators: unknown): string[] {
  const out = new Set<string>();
  if (!Array.isArray(indicators)) return [];
  for (const ind of indicators as { type?: unknown; value?: unknown }[]) {
    if (typeof ind?.type === 'string' && typeof ind.value === 'string' && SHOP_INDICATOR_TYPES.has(ind.type)) out.add(keyOf(ind.type, ind.value));
  }
  return [...out];
}

interface KeyState { shopId: string | null; items: number; merges: number; hub: string | null; first: Date; last: Date; hubItem?: string }
interface ShopRow { id: string; item_count: number; regions: string[]; first_seen: string | Date; last_seen: string | Date }
interface Comp { shops: Set<string>; items: string[] }

/** Union-find over string nodes: S:<shop>, K:<key>, I:<item>. */
class Components {
  private parent = new Map<string, string>();
  private data = new Map<string, Comp>();
  find(x: string): string {
    let p = this.parent.get(x);
    if (p === undefined) { this.parent.set(x, x); this.data.set(x, { shops: new Set(x.startsWith('S:') ? [x.slice(2)] : []), items: [] }); return x; }
    while (p !== x) { const gp = this.parent.get(p)!; this.parent.set(x, gp); x = p; p = this.parent.get(x)!; }
    return x;
  }
  comp(root: string): Comp { return this.data.get(root)!; }
  union(a: string, b: string): string {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return ra;
    const da = this.data.get(ra)!, db = this.data.get(rb)!;
    const [big, small, bigRoot, smallRoot] = da.items.length + da.shops.size >= db.items.length + db.shops.size ? [da, db, ra, rb] : [db, da, rb, ra];
    for (const s of small.shops) big.shops.add(s);
    big.items.push(...small.items);
    this.parent.set(smallRoot, bigRoot);
    this.data.delete(smallRoot);
    return bigRoot;
  }
}

/** Rank of an indicator as a shop's name: a bot handle first, then any handle, domain, phone… */
export const NAME_RANK_SQL = sql`case when type = 'telegram' and value like '%bot' then 0 when type = 'telegram' then 1 when type = 'domain' then 2 when type = 'phone' then 3 when type = 'email' then 4 else 5 end`;

/** Re-derive the name of the given shops from their non-hub indicators. */
export async function renameShops(tx: Db, shopIds: string[]): Promise<void> {
  if (!shopIds.length) return;
  await tx.execute(sql`update ${monitorShops} s set name = x.value, name_type = x.type, updated_at = now()
    from (select distinct on (shop_id) shop_id, type, value from ${monitorShopIndicators}
          where shop_id = any(${arrayParam(shopIds)}::uuid[]) and hub is null
          order by shop_id, ${NAME_RANK_SQL}, item_count desc, value) x
    where s.id = x.shop_id and (s.name <> x.value or s.name_type <> x.type)`);
}

/** Point everything of the absorbed shops at their survivors (rows, members, indicators, earlier merges). */
export async function absorbShops(tx: Db, moves: { from: string; to: string }[]): Promise<void> {
  if (!moves.length) return;
  // Column arrays: unnest's row estimate is the array's length, so a single move uses the indexes
  // (jsonb_to_recordset is always estimated at 100 rows, which made the planner scan whole tables).
  const m = sql`unnest(${arrayParam(moves.map((x) => x.from))}::uuid[], ${arrayParam(moves.map((x) => x.to))}::uuid[]) as m("from", "to")`;
  await tx.execute(sql`update ${monitorShops} s set status = 'merged', merged_into = m."to", updated_at = now() from ${m} where s.id = m."from"`);
  await tx.execute(sql`update ${monitorShops} s set merged_into = m."to" from ${m} where s.merged_into = m."from"`);
  await tx.execute(sql`update ${monitorShopItems} s set shop_id = m."to" from ${m} where s.shop_id = m."from"`);
  await tx.execute(sql`update ${monitorShopIndicators} s set shop_id = m."to" from ${m} where s.shop_id = m."from"`);
}

interface ShopItem { id: string; indicators: unknown; regions: string[]; at: string | Date }

/**
 * A flagged item's stored indicators, regions and time, as the caller has just read them (the
 * follow-up reads them while claiming the item; detection results are never changed afterwards):
 * lets `updateShops` skip re-reading and re-parsing the rows' indicators.
 */
export interface DetectedItem { id: string; indicators: { type: string; value: string }[]; regions: string[]; at: Date }

/** The given items with indicators that are not in a shop yet, in the order the update needs (time, then id). */
async function notInShop(tx: Db, detected: DetectedItem[]): Promise<ShopItem[]> {
  const withIndicators = detected.filter((d) => d.indicators.length > 0);
  if (!withIndicators.length) return [];
  const members = new Set(rowsOf<{ item_id: string }>(await tx.execute(sql`select item_id from ${monitorShopItems}
    where item_id = any(${arrayParam(withIndicators.map((d) => d.id))}::uuid[])`)).map((r) => r.item_id));
  return withIndicators.filter((d) => !members.has(d.id))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Join the flagged items among `itemIds` that are not in a shop yet (`opts.detected`: those
 * items' stored indicators, regions and time, when the caller has them). Idempotent: a retried
 * batch finds its items already placed and changes nothing.
 */
export async function updateShops(tx: Db, itemIds: string[], opts: { hubMerges?: number; detected?: DetectedItem[] } = {}): Promise<void> {
  if (!itemIds.length) return;
  const hubMerges = opts.hubMerges ?? HUB_MERGES;
  const items = opts.detected ? await notInShop(tx, opts.detected) : rowsOf<ShopItem>(await tx.execute(sql`
    select i.id, i.indicators, i.regions, coalesce(i.posted_at, i.ingested_at) as at from ${monitorItems} i
    where i.id = any(${arrayParam(itemIds)}::uuid[]) and i.label is not null and i.label <> 'benign'
      and jsonb_typeof(i.indicators) = 'array' and jsonb_array_length(i.indicators) > 0
      and not exists (select 1 from ${monitorShopItems} si where si.item_id = i.id)
    order by 4, 1`));
  const itemKeys = new Map(items.map((r) => [r.id, shopKeys(r.indicators)]));
  const allKeys = [...new Set([...itemKeys.values()].flat())];
  if (!allKeys.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${SHOPS_LOCK_KEY})`);

  const split = allKeys.map(splitKey);
  const existing = rowsOf<{ type: string; value: string; shop_id: string | null; item_count: number; merge_count: number; hub: string | null; first_seen: string | Date; last_seen: string | Date }>(
    await tx.execute(sql`select x.type, x.value, x.shop_id, x.item_count, x.merge_count, x.hub, x.first_seen, x.last_seen
      from ${monitorShopIndicators} x join unnest(${arrayParam(split.map((k) => k.type))}::text[], ${arrayParam(split.map((k) => k.value))}::text[]) as k(type, value)
        on x.type = k.type and x.value = k.value`));
  const state = new Map<string, KeyState>();
  for (const r of existing) {
    state.set(keyOf(r.type, r.value), { shopId: r.shop_id, items: r.item_count, merges: r.merge_count, hub: r.hub, first: toDate(r.first_seen), last: toDate(r.last_seen) });
  }
  const existedKeys = new Set(state.keys());
  const oldShopIds = [...new Set(existing.map((r) => r.shop_id).filter((s): s is string => !!s))];
  const oldShops = new Map(rowsOf<ShopRow>(oldShopIds.length ? await tx.execute(sql`select id, item_count, regions, first_seen, last_seen from ${monitorShops}
    where id = any(${arrayParam(oldShopIds)}::uuid[]) for update`) : { rows: [] }).map((s) => [s.id, s]));

  const uf = new Components();
  const nodeOf = (k: string) => { const s = state.get(k)!; return s.shopId && existedKeys.has(k) && !s.hub ? 'S:' + s.shopId : 'K:' + k; };
  const events: { itemId: string; groups: { keys: string[]; shops: string[] }[] }[] = [];
  const refusals: { itemId: string; keys: string[]; shops: string[] }[] = [];
  const joinedVia = new Map<string, string[]>();
  const byId = new Map(items.map((r) => [r.id, r]));

  for (const it of items) {
    const at = toDate(it.at);
    const keys = itemKeys.get(it.id)!;
    for (const k of keys) {
      const s = state.get(k) ?? { shopId: null, items: 0, merges: 0, hub: null, first: at, last: at };
      s.items++;
      if (at < s.first) s.first = at;
      if (at > s.last) s.last = at;
      state.set(k, s);
    }
    let live = keys.filter((k) => !state.get(k)!.hub);
    for (;;) {
      const groups = new Map<string, string[]>();
      for (const k of live) {
        const r = uf.find(nodeOf(k));
        groups.set(r, [...(groups.get(r) ?? []), k]);
      }
      const shopLike = [...groups].filter(([r]) => { const c = uf.comp(r); return c.shops.size > 0 || c.items.length > 0; });
      if (shopLike.length >= 2) {
        const tripped = shopLike.flatMap(([, ks]) => ks).filter((k) => state.get(k)!.merges + 1 > hubMerges);
        if (tripped.length) {
          for (const k of tripped) Object.assign(state.get(k)!, { hub: 'merges', hubItem: it.id });
          refusals.push({ itemId: it.id, keys: tripped, shops: shopLike.flatMap(([r]) => [...uf.comp(r).shops]) });
          live = live.filter((k) => !tripped.includes(k));
          continue;
        }
        for (const [, ks] of shopLike) for (const k of ks) state.get(k)!.merges++;
        events.push({ itemId: it.id, groups: shopLike.map(([r, ks]) => ({ keys: ks, shops: [...uf.comp(r).shops] })) });
      }
      break;
    }
    if (!live.length) continue;
    const node = 'I:' + it.id;
    uf.find(node);
    uf.comp(uf.find(node)).items.push(it.id);
    for (const k of live) uf.union(node, nodeOf(k));
    joinedVia.set(it.id, live);
  }

  // Final shop of every component that received items: the biggest existing shop survives.
  const finalOf = new Map<string, string>();
  const newShops: { id: string; items: string[] }[] = [];
  const moves: { from: string; to: string }[] = [];
  const survivors = new Map<string, { items: string[]; absorbed: string[] }>();
  for (const itemId of joinedVia.keys()) {
    const root = uf.find('I:' + itemId);
    if (finalOf.has(root)) continue;
    const c = uf.comp(root);
    if (c.shops.size === 0) {
      const id = randomUUID();
      finalOf.set(root, id);
      newShops.push({ id, items: c.items });
      continue;
    }
    const ranked = [...c.shops].sort((a, b) => {
      const sa = oldShops.get(a)!, sb = oldShops.get(b)!;
      return sb.item_count - sa.item_count || toDate(sa.first_seen).getTime() - toDate(sb.first_seen).getTime() || a.localeCompare(b);
    });
    const survivor = ranked[0]!;
    finalOf.set(root, survivor);
    survivors.set(survivor, { items: c.items, absorbed: ranked.slice(1) });
    for (const s of ranked.slice(1)) moves.push({ from: s, to: survivor });
  }
  const shopOfItem = (itemId: string) => finalOf.get(uf.find('I:' + itemId));

  const span = (ids: string[]) => {
    const regions = new Set<string>();
    let first = Infinity, last = -Infinity;
    for (const id of ids) {
      const r = byId.get(id)!;
      for (const g of r.regions) regions.add(g);
      const t = toDate(r.at).getTime();
      first = Math.min(first, t); last = Math.max(last, t);
    }
    return { regions, first, last };
  };
  const pickName = (ids: string[]) => {
    const keys = [...new Set(ids.flatMap((id) => joinedVia.get(id)!))].map(splitKey);
    const rank = (k: { type: string; value: string }) => (k.type === 'telegram' ? (k.value.endsWith('bot') ? 0 : 1) : ['domain', 'phone', 'email'].indexOf(k.type) + 3 || 6);
    keys.sort((a, b) => rank(a) - rank(b) || a.value.localeCompare(b.value));
    return keys[0]!;
  };

  // Multi-row writes as INSERT … SELECT FROM unnest(column arrays): a few parameters per
  // statement instead of one per cell (drizzle's per-cell query building and the driver's
  // per-parameter encoding cost more CPU than the database's work for these rows).
  for (let i = 0; i < newShops.length; i += 2000) {
    const rows = newShops.slice(i, i + 2000).map((s) => {
      const { regions, first, last } = span(s.items);
      const name = pickName(s.items);
      return { id: s.id, name: name.value, nameType: name.type, regions: JSON.stringify([...regions].sort()), first: new Date(first).toISOString(), last: new Date(last).toISOString(), n: s.items.length };
    });
    const col = columnsOf(rows);
    await tx.execute(sql`insert into ${monitorShops} (id, name, name_type, regions, first_seen, last_seen, item_count)
      select r.id, r.name, r.name_type, array(select jsonb_array_elements_text(r.regions)), r.first, r.last, r.n
      from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.name)}::text[], ${col((r) => r.nameType)}::text[], ${col((r) => r.regions)}::jsonb[],
        ${col((r) => r.first)}::timestamptz[], ${col((r) => r.last)}::timestamptz[], ${col((r) => r.n)}::int[])
        as r(id, name, name_type, regions, first, last, n)`);
  }
  if (survivors.size) {
    const doc = JSON.stringify([...survivors].map(([id, s]) => {
      const own = span(s.items);
      const all = [id, ...s.absorbed].map((x) => oldShops.get(x)!);
      const regions = new Set([...own.regions, ...all.flatMap((x) => x.regions)]);
      const first = Math.min(own.first, ...all.map((x) => toDate(x.first_seen).getTime()));
      const last = Math.max(own.last, ...all.map((x) => toDate(x.last_seen).getTime()));
      return { id, n: s.items.length + all.reduce((a, x) => a + x.item_count, 0), regions: [...regions].sort(), first: new Date(first).toISOString(), last: new Date(last).toISOString() };
    }));
    await tx.execute(sql`update ${monitorShops} s set item_count = u.n, regions = u.regions, first_seen = u.first, last_seen = u.last, updated_at = now()
      from jsonb_to_recordset(${doc}::jsonb) as u(id uuid, n int, regions text[], first timestamptz, last timestamptz) where s.id = u.id`);
  }
  await absorbShops(tx, moves);

  const members = [...joinedVia].map(([itemId, keys]) => ({ itemId, shopId: shopOfItem(itemId)!, detail: JSON.stringify({ indicators: keys.map(splitKey) }) }));
  for (let i = 0; i < members.length; i += 2000) {
    const part = members.slice(i, i + 2000);
    await tx.execute(sql`insert into ${monitorShopItems} (item_id, shop_id, via, detail)
      select r.item_id, r.shop_id, 'shared_indicator', r.detail
      from unnest(${arrayParam(part.map((m) => m.itemId))}::uuid[], ${arrayParam(part.map((m) => m.shopId))}::uuid[], ${arrayParam(part.map((m) => m.detail))}::jsonb[]) as r(item_id, shop_id, detail)
      on conflict do nothing`);
  }

  // The indicator index: every key of the batch with its final shop and counters.
  const moved = new Map(moves.map((m) => [m.from, m.to]));
  const keyRows = [...state].map(([k, s]) => {
    const r = uf.find(nodeOf(k));
    const shopId = finalOf.get(r) ?? (s.shopId ? moved.get(s.shopId) ?? s.shopId : null);
    return { ...splitKey(k), shop_id: shopId, items: s.items, merges: s.merges, hub: s.hub, first: s.first.toISOString(), last: s.last.toISOString(), hub_at: s.hubItem ? new Date().toISOString() : null };
  });
  for (let i = 0; i < keyRows.length; i += 5000) {
    const part = keyRows.slice(i, i + 5000);
    const col = columnsOf(part);
    await tx.execute(sql`insert into ${monitorShopIndicators} (type, value, shop_id, item_count, merge_count, hub, hub_by, hub_at, first_seen, last_seen)
      select type, value, shop_id, items, merges, hub, case when hub_at is not null then 'hub guard' end, hub_at, first, last
      from unnest(${col((r) => r.type)}::text[], ${col((r) => r.value)}::text[], ${col((r) => r.shop_id)}::uuid[], ${col((r) => r.items)}::int[], ${col((r) => r.merges)}::int[],
        ${col((r) => r.hub)}::text[], ${col((r) => r.hub_at)}::timestamptz[], ${col((r) => r.first)}::timestamptz[], ${col((r) => r.last)}::timestamptz[])
        as u(type, value, shop_id, items, merges, hub, hub_at, first, last)
      on conflict (type, value) do update set shop_id = excluded.shop_id, item_count = excluded.item_count, merge_count = excluded.merge_count,
        hub = excluded.hub, hub_by = coalesce(excluded.hub_by, ${monitorShopIndicators.hubBy}), hub_at = coalesce(excluded.hub_at, ${monitorShopIndicators.hubAt}),
        first_seen = excluded.first_seen, last_seen = excluded.last_seen`);
  }

  const evidence: (typeof monitorShopMerges.$inferInsert)[] = [];
  const resolve = (s: string) => moved.get(s) ?? s;
  for (const e of events) {
    const final = shopOfItem(e.itemId)!;
    const merged = [...new Set(e.groups.flatMap((g) => g.shops))].filter((s) => s !== final);
    if (!merged.length || e.groups.filter((g) => g.shops.length).length < 2) continue;
    evidence.push({ shopId: final, mergedShopIds: merged, outcome: 'merged', kind: 'shared_indicator', itemId: e.itemId, actor: 'system',
      detail: { groups: e.groups.map((g) => ({ indicators: g.keys.map(splitKey), shops: g.shops })) } });
  }
  for (const r of refusals) {
    const final = shopOfItem(r.itemId) ?? (r.shops[0] ? resolve(r.shops[0]) : undefined);
    if (!final) continue;
    evidence.push({ shopId: final, mergedShopIds: [...new Set(r.shops.map(resolve))].filter((s) => s !== final), outcome: 'refused_hub', kind: 'shared_indicator',
      itemId: r.itemId, actor: 'system', detail: { hubs: r.keys.map(splitKey), hubMerges } });
  }
  if (evidence.length) await tx.insert(monitorShopMerges).values(evidence);
  await renameShops(tx, [...new Set([...finalOf.values()])]);
  if (moves.length || refusals.length) {
    await recordAudit(tx, systemActor('monitor.shops'), {
      action: 'monitor.shops.merge', entityType: 'monitor_shops',
      details: { merged: moves, hubs: refusals.flatMap((r) => r.keys.map(splitKey)), items: members.length },
    });
  }
}
