/**
 * Requests from confirmed monitored items or from a whole shop. Only items a reviewer confirmed
 * are accepted (the answer lists the refused ones with the reason); their indicators and post
 * URLs are grouped by target (targets.ts), one draft per target, all in one transaction.
 */
import { and, inArray } from 'drizzle-orm';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { isRegionCode } from '../../../platform/geo/regions.js';
import { findEntity } from '../../traces/traces.service.js';
import { itemScope } from '../items.service.js';
import { confirmedItems } from '../review/review.service.js';
import { monitorItems } from '../schema.js';
import { getShop } from '../shops/shops.service.js';
import { insertRequest } from './requests.service.js';
import { groupByTarget, type EntryInput, type RequestTarget, type SkipReason } from './targets.js';

/** Why an item was not used. */
export type RefusedReason = 'not_found' | 'not_confirmed';

export interface FromItemsInput {
  itemIds: string[];
  /** Region handling the requests; defaults to the items' one common region, else the caller's only region. */
  region?: string;
  title?: string;
  /** Only these targets (default: every target the indicators call for). */
  targets?: RequestTarget[];
}

export interface FromItemsResult {
  requests: { id: string; target: RequestTarget; status: string; entries: number }[];
  refused: { itemId: string; reason: RefusedReason }[];
  skipped: { type: string; value: string; itemId?: string; reason: SkipReason }[];
}

const MAX_ITEMS = 2000;

/** A readable window of the post around the indicator (the letter's evidence), whitespace collapsed. */
export function excerptOf(text: string, start?: number, end?: number, pad = 140): string {
  const s = start ?? 0;
  const e = end ?? Math.min(text.length, 2 * pad);
  const a = Math.max(0, s - pad);
  const b = Math.min(text.length, e + pad);
  return ((a > 0 ? '…' : '') + text.slice(a, b) + (b < text.length ? '…' : '')).replace(/\s+/g, ' ').trim();
}

/** Drafts from the confirmed ones among `itemIds`. */
export async function createFromItems(db: Db, actor: Actor, input: FromItemsInput, shopId?: string): Promise<FromItemsResult> {
  requirePermission(actor, 'monitor.request.create');
  const ids = [...new Set(input.itemIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
  if (input.itemIds.length > MAX_ITEMS) throw new AppError('request.invalid', { itemIds: `at most ${MAX_ITEMS}` });
  const refused: FromItemsResult['refused'] = input.itemIds.filter((id) => !ids.includes(id)).map((itemId) => ({ itemId, reason: 'not_found' as const }));
  const rows = ids.length === 0 ? [] : await db.select({
    id: monitorItems.id, text: monitorItems.text, url: monitorItems.url, postedAt: monitorItems.postedAt, ingestedAt: monitorItems.ingestedAt,
    regions: monitorItems.regions, label: monitorItems.label, risk: monitorItems.risk, indicators: monitorItems.indicators,
  }).from(monitorItems).where(and(inArray(monitorItems.id, ids), itemScope(actor)));
  const found = new Set(rows.map((r) => r.id));
  for (const id of ids) if (!found.has(id)) refused.push({ itemId: id, reason: 'not_found' });
  const confirmed = new Set<string>(Array.from(await confirmedItems(db, actor, [...found]) as Iterable<string>));
  const items = rows.filter((r) => {
    if (confirmed.has(r.id)) return true;
    refused.push({ itemId: r.id, reason: 'not_confirmed' });
    return false;
  });
  // Earliest post first, so de-duplication keeps the first sighting as the cited evidence.
  items.sort((a, b) => +(a.postedAt ?? a.ingestedAt) - +(b.postedAt ?? b.ingestedAt));

  const entries: EntryInput[] = [];
  const entityCache = new Map<string, { id: string; firstSeen: Date } | null>();
  for (const it of items) {
    const when = it.postedAt ?? it.ingestedAt;
    const base = { itemId: it.id, shopId, sourceUrl: it.url, label: it.label, risk: it.risk };
    const inds = (it.indicators ?? []) as { type: string; value: string; start: number; end: number }[];
    for (const ind of inds) {
      const key = `${ind.type}:${ind.value}`;
      if (!entityCache.has(key)) {
        const e = await findEntity(db, actor, ind.type, ind.value).catch(() => null);
        entityCache.set(key, e ? { id: e.id, firstSeen: e.firstSeen } : null);
      }
      const ent = entityCache.get(key) ?? null;
      entries.push({ ...base, type: ind.type, value: ind.value, entityId: ent?.id, excerpt: excerptOf(it.text, ind.start, ind.end),
        firstSeen: ent && ent.firstSeen < when ? ent.firstSeen : when });
    }
    // The post's own address is evidence and a target too (a page to block, a t.me post to report).
    if (it.url && !inds.some((i) => i.type === 'url' && i.value === it.url)) {
      entries.push({ ...base, type: 'url', value: it.url, excerpt: excerptOf(it.text), firstSeen: when });
    }
  }
  const { groups, skipped } = groupByTarget(entries);
  if (input.targets) for (const t of [...groups.keys()]) if (!input.targets.includes(t)) groups.delete(t);
  if (groups.size === 0) throw new AppError('monitor.request_nothing', { refused, skipped });

  const region = input.region ?? commonRegion(items.map((i) => i.regions)) ?? (actor.scope.national ? undefined : actor.scope.regions.length === 1 ? actor.scope.regions[0] : undefined);
  if (!region) throw new AppError('monitor.request_region_required');
  if (!isRegionCode(region)) throw new AppError('region.invalid', { region });

  const created = await db.transaction(async (tx) => {
    const out: FromItemsResult['requests'] = [];
    for (const [target, list] of groups) {
      const itemIds = [...new Set(list.map((e) => e.itemId!))];
      const evidence = items.filter((i) => itemIds.includes(i.id)).map((i) => ({ label: i.label, risk: i.risk }));
      const r = await insertRequest(tx, actor, { target, region, title: input.title, entries: list, origin: { module: 'monitor', itemIds, shopId }, evidenceItems: evidence });
      out.push({ id: r.id, target, status: r.status, entries: list.length });
    }
    return out;
  });
  return { requests: created, refused, skipped };
}

/** The one region every item names, if they agree. */
function commonRegion(lists: string[][]): string | undefined {
  const all = new Set(lists.flat());
  return all.size === 1 ? [...all][0] : undefined;
}

/** Drafts from every confirmed item of a shop (the shop must be in the caller's scope). */
export async function createFromShop(db: Db, actor: Actor, shopId: string, input: Omit<FromItemsInput, 'itemIds'>): Promise<FromItemsResult> {
  requirePermission(actor, 'monitor.request.create');
  const shop = await getShop(db, actor, shopId);
  const regions = (shop.regions ?? []) as string[];
  const region = input.region ?? (regions.length === 1 ? regions[0] : undefined);
  return createFromItems(db, actor, { ...input, region, itemIds: shop.items.map((i: { id: string }) => i.id) }, shop.id);
}
