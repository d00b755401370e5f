/**
 * Attribution tags: the public API of finance/tags. `tagsFor` feeds tracing (stop at services)
 * and reports; manual tags are added and withdrawn with audit; imports live in tagpack.service.ts
 * and ofac.service.ts and are re-exported here.
 */
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, requireRegion, type Actor, type RegionScope } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { isRegionCode } from '../../../platform/geo/regions.js';
import type { TagCode } from '../graph/codes.js';
import { canonicalAddress, CATEGORY_CODE, CONFIDENCE, isTagCategory, NATIVE_TICKER, normalizeChain, type Chain, type TagCategory } from './model.js';
import { financeTags } from './schema.js';
import { live, liveTagsOf, tagVisible, type TagRow } from './store.js';

export { exportActorPack, exportTagPack, importActorPack, importTagPack, type TagPackQuery } from './tagpack.service.js';
export { importOfacSdn } from './ofac.service.js';
export { TAG_CATEGORIES, CONFIDENCE_IDS, CATEGORY_CODE, ledgerFor, ledgerOfAddress, normalizeChain, type Chain, type TagCategory } from './model.js';
export type { TagRow } from './store.js';

/** What tracing and reports need to know about one tag. */
export interface TagInfo {
  id: string;
  label: string;
  category: TagCategory;
  source: string;
  /** 0..1 (GraphSense level / 100). */
  confidence: number;
  /** GraphSense confidence id, e.g. authority_data. */
  confidenceId: string;
  actor: string | null;
  origin: string;
  /** The graph engine's node tag for this category (graph/codes.ts). */
  code: TagCode;
}

const info = (t: TagRow): TagInfo => ({
  id: t.id, label: t.label, category: t.category as TagCategory, source: t.source, confidence: t.confidenceLevel / 100,
  confidenceId: t.confidence, actor: t.actor, origin: t.origin, code: CATEGORY_CODE[t.category as TagCategory] ?? 0,
});

/**
 * Live tags of many addresses on one ledger, strongest first, keyed by the address exactly as
 * given (any writing: checksummed ETH, upper-case bech32). Addresses without tags are absent.
 * No permission check: tracing calls it inside its own checked use-case; pass `scope` to hide
 * other regions' manual tags from a regional caller.
 */
export async function tagsFor(db: Db, chain: string, addresses: string[], opts: { scope?: RegionScope } = {}): Promise<Map<string, TagInfo[]>> {
  const out = new Map<string, TagInfo[]>();
  const ledger = normalizeChain(chain);
  if (!ledger || !addresses.length) return out;
  const asked = new Map<string, string[]>(); // canonical → the writings asked for
  for (const a of addresses) {
    const c = canonicalAddress(ledger, a);
    if (c) asked.set(c, [...(asked.get(c) ?? []), a]);
  }
  const rows = await liveTagsOf(db, ledger, [...asked.keys()], opts.scope);
  rows.sort((x, y) => y.confidenceLevel - x.confidenceLevel || x.createdAt.getTime() - y.createdAt.getTime());
  for (const r of rows) for (const a of asked.get(r.address) ?? []) out.set(a, [...(out.get(a) ?? []), info(r)]);
  return out;
}

/**
 * One service code per address for the graph engine: the strongest tag that names a service.
 * Scam/other tags carry no code and never stop a trace.
 */
export async function tagCodesFor(db: Db, chain: string, addresses: string[], opts: { scope?: RegionScope } = {}): Promise<Map<string, { code: TagCode; tag: TagInfo }>> {
  const out = new Map<string, { code: TagCode; tag: TagInfo }>();
  for (const [a, tags] of await tagsFor(db, chain, addresses, opts)) {
    const best = tags.find((t) => t.code !== 0);
    if (best) out.set(a, { code: best.code, tag: best });
  }
  return out;
}

/** Input of a manual tag. */
export interface NewTag {
  chain: string;
  address: string;
  label: string;
  category: string;
  /** Where the analyst knows it from: case number, exchange reply, URL. */
  source: string;
  /** GraphSense confidence id; default "forensic" (50). */
  confidence?: string;
  currency?: string;
  actor?: string | null;
  /** Region of a regional attribution (a local shop); omitted = national (national scope only). */
  region?: string | null;
  note?: string;
}

/** Add a manual tag (audited). A regional user's tag is bound to their region. */
export async function addTag(db: Db, actor: Actor, input: NewTag): Promise<TagRow> {
  requirePermission(actor, 'finance.tag');
  const chain = normalizeChain(input.chain);
  if (!chain) throw new AppError('finance.invalid_address', { chain: input.chain });
  const address = canonicalAddress(chain, input.address);
  if (!address) throw new AppError('finance.invalid_address', { chain, address: input.address });
  if (!isTagCategory(input.category)) throw new AppError('request.invalid', { category: input.category });
  const confidence = input.confidence ?? 'forensic';
  if (CONFIDENCE[confidence] === undefined) throw new AppError('request.invalid', { confidence });
  let region = input.region ?? null;
  if (region === null && !actor.scope.national) {
    if (actor.scope.regions.length !== 1) throw new AppError('finance.region_required');
    region = actor.scope.regions[0]!;
  }
  if (region !== null) {
    if (!isRegionCode(region)) throw new AppError('region.invalid', { region });
    requireRegion(actor, region);
  }
  const label = input.label.trim(), source = input.source.trim();
  if (!label || !source) throw new AppError('request.invalid', { label: !label ? 'required' : undefined, source: !source ? 'required' : undefined });
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: financeTags.id, visible: sql<boolean>`coalesce(${tagVisible(actor.scope) ?? sql`true`}, false)` }).from(financeTags)
      .where(and(live(), eq(financeTags.chain, chain), eq(financeTags.address, address), eq(financeTags.label, label), eq(financeTags.source, source)));
    // The same tag in a region the caller cannot see: say it exists (one live tag per value), not
    // which one, so a regional desk cannot read another region's attributions by probing.
    if (dup) throw new AppError('record.conflict', dup.visible ? { id: dup.id } : { scope: 'another region' });
    const [row] = await tx.insert(financeTags).values({
      chain, address, currency: (input.currency ?? NATIVE_TICKER[chain]).toUpperCase(), label, category: input.category, source,
      confidence, confidenceLevel: CONFIDENCE[confidence]!, actor: input.actor ?? null, origin: 'manual', region,
      extra: input.note ? { note: input.note } : {}, createdById: actor.id, createdByName: actor.name,
    }).returning();
    await recordAudit(tx, actor, {
      action: 'finance.tag.add', entityType: 'finance_tag', entityId: row!.id, region,
      after: { chain, address, label, category: row!.category, source, confidence },
    });
    return row!;
  });
}

/** Withdraw a tag (soft: kept for reports that cited it; audited with the reason). */
export async function removeTag(db: Db, actor: Actor, id: string, reason = ''): Promise<TagRow> {
  requirePermission(actor, 'finance.tag');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
  return db.transaction(async (tx) => {
    const [t] = await tx.select().from(financeTags).where(and(eq(financeTags.id, id), live(), tagVisible(actor.scope))).for('update');
    if (!t) throw new AppError('record.not_found');
    // National tags (imports, national analysts') are withdrawn only by national scope.
    if (t.region === null && !actor.scope.national) throw new AppError('auth.region_forbidden', { region: 'national' });
    const [u] = await tx.update(financeTags).set({ removedAt: new Date(), removedByName: actor.name, removedReason: reason.slice(0, 1000), updatedAt: new Date() })
      .where(eq(financeTags.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'finance.tag.remove', entityType: 'finance_tag', entityId: id, region: t.region,
      before: { chain: t.chain, address: t.address, label: t.label, category: t.category, source: t.source }, details: { reason },
    });
    return u!;
  });
}

/** Filters of the tag list. */
export interface TagQuery {
  q?: string;
  chain?: string;
  category?: string;
  origin?: string;
  packId?: string;
  limit?: number;
  offset?: number;
}

/** Live tags visible to the caller, newest first. */
export async function listTags(db: Db, actor: Actor, q: TagQuery = {}): Promise<{ tags: TagRow[]; total: number }> {
  requirePermission(actor, 'finance.tag.read');
  const c: (SQL | undefined)[] = [live(), tagVisible(actor.scope)];
  const chain = q.chain ? normalizeChain(q.chain) : null;
  if (q.chain) c.push(eq(financeTags.chain, chain ?? '-'));
  if (q.category) c.push(eq(financeTags.category, q.category));
  if (q.origin) c.push(eq(financeTags.origin, q.origin));
  if (q.packId && /^[0-9a-f-]{36}$/i.test(q.packId)) c.push(eq(financeTags.packId, q.packId));
  if (q.q?.trim()) {
    const s = q.q.trim();
    const like = `%${s.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    c.push(or(eq(financeTags.address, s), eq(financeTags.address, s.toLowerCase()), ilike(financeTags.label, like), ilike(financeTags.actor, like)));
  }
  const where = and(...c);
  const limit = Math.min(q.limit ?? 100, 1000);
  const [tags, [n]] = await Promise.all([
    db.select().from(financeTags).where(where).orderBy(desc(financeTags.createdAt), asc(financeTags.id)).limit(limit).offset(q.offset ?? 0),
    db.select({ n: count() }).from(financeTags).where(where),
  ]);
  return { tags, total: Number(n?.n ?? 0) };
}

/** Tags of one address for a reader (all ledgers whose format matches are searched by the caller). */
export async function tagsOfAddress(db: Db, actor: Actor, chain: Chain, address: string): Promise<TagInfo[]> {
  requirePermission(actor, 'finance.tag.read');
  return (await tagsFor(db, chain, [address], { scope: actor.scope })).get(address) ?? [];
}
