/**
 * Ads → dropper registry, automatically: the cards, IBANs and phones that monitoring found in
 * flagged posts (traces store: an `item` entity per post `mentions` the instrument) are
 * registered with origin `ads`, one report per (instrument, region, post). Runs as a scheduled
 * job and on "sync now"; always attributed to a system actor.
 *
 * - Only flagged posts count: the post's detector label is not benign and reviewers have not
 *   rejected it (a false alarm's phone number is not a lead). Monitoring writes only flagged
 *   posts to traces; the label check guards against other writers.
 * - Indicators an analyst declared a public service (a hotline, a bank's number) are skipped.
 * - Validation as for manual entries (Luhn + scheme lengths, KZ IBAN mod-97, E.164); invalid
 *   values are skipped and counted by reason.
 * - Region: the post's region (a post naming one region); posts naming none or several go to
 *   QALQAN_FINANCE_ADS_REGION when set, otherwise they are counted as `noRegion`.
 * - Idempotent: a sighting already registered (same post reference) is never reported again;
 *   batches lock their type's progress row, so a job and a manual run never both write one.
 * - Each batch that writes commits with one audit row listing what it did.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { regionCondition } from '../../../platform/db/scope.js';
import { isRegionCode } from '../../../platform/geo/regions.js';
import { postsByTraceValue, type PostOfRecord } from '../../monitor/items.service.js';
import { reviewStatus } from '../../monitor/review/review.service.js';
import { listHubs } from '../../monitor/shops/shops.service.js';
import { entitiesByType, type LinkedSource } from '../../traces/traces.service.js';
import { writeReports } from './droppers.service.js';
import { financeAdsSync, financeDropperReports, financeDroppers } from './schema.js';
import { validateInstrument, type DropperKind, type ValidInstrument } from './validate.js';

/** Traces entity types registered from ads. */
export const ADS_TYPES: readonly DropperKind[] = ['card', 'iban', 'phone'];
/** A run starts this long before the last processed change: a transaction that began earlier may commit after it. */
export const ADS_LOOKBACK_MS = 15 * 60_000;
/** Posts considered per instrument (most recent first): a number in thousands of ads needs only the new ones. */
const POSTS_PER_ENTITY = 100;

export interface AdsSyncOptions {
  /** Rescan every instrument, not only those changed since the last run (idempotent, slower). */
  full?: boolean;
  /** Instruments per batch (one transaction, one audit row): default 200. */
  batchSize?: number;
  /** Batches per type in one run: default 50; the next run continues. */
  maxBatches?: number;
  /** Region for posts that name no single region (QALQAN_FINANCE_ADS_REGION). */
  defaultRegion?: string | null;
  /** The user who pressed "sync now" (kept in the audit row). */
  requestedBy?: string | null;
}

/** What a run did. */
export interface AdsSyncResult {
  batches: number;
  /** Instruments looked at. */
  scanned: number;
  /** Registry rows created, and reports added (new rows included). */
  created: number;
  reported: number;
  /** Sightings registered before (skipped). */
  alreadyKnown: number;
  invalid: number;
  invalidReasons: Record<string, number>;
  /** Instruments in no flagged post, only in posts reviewers rejected, or declared public services. */
  notFlagged: number;
  rejectedByReview: number;
  publicService: number;
  /** Sightings in posts naming no single region while no default region is configured. */
  noRegion: number;
  /** Ids of the registry rows written (at most 500). */
  droppers: string[];
  /** True when the batch limit stopped the run before the end (the next run continues). */
  more: boolean;
}

const empty = (): AdsSyncResult => ({ batches: 0, scanned: 0, created: 0, reported: 0, alreadyKnown: 0, invalid: 0, invalidReasons: {}, notFlagged: 0, rejectedByReview: 0, publicService: 0, noRegion: 0, droppers: [], more: false });

function add(into: AdsSyncResult, r: AdsSyncResult): void {
  for (const k of ['batches', 'scanned', 'created', 'reported', 'alreadyKnown', 'invalid', 'notFlagged', 'rejectedByReview', 'publicService', 'noRegion'] as const) into[k] += r[k];
  for (const [k, v] of Object.entries(r.invalidReasons)) into.invalidReasons[k] = (into.invalidReasons[k] ?? 0) + v;
  into.droppers = [...new Set([...into.droppers, ...r.droppers])].slice(0, 500);
}

/** Indicators analysts declared public services (type:value). */
async function publicServices(db: Db, actor: Actor): Promise<Set<string>> {
  const out = new Set<string>();
  for (let offset = 0; offset < 20_000; offset += 500) {
    const page = await listHubs(db, actor, { limit: 500, offset });
    for (const h of page.hubs as { type: string; value: string; hub: string | null }[]) if (h.hub === 'public_service') out.add(`${h.type}:${h.value}`);
    if (!page.more) break;
  }
  return out;
}

/**
 * A post's label and reference. A monitored post answers from monitoring's own record (label,
 * item id), never from the entity's attributes: any traces editor can change those, and a cleared
 * `monitorItemId` would have hidden a reviewer's rejection. Posts other modules wrote keep their
 * attributes.
 */
const postRef = (s: LinkedSource, rec?: PostOfRecord) => rec?.id ?? (typeof s.attributes.monitorItemId === 'string' ? s.attributes.monitorItemId : `entity:${s.id}`);
const labelOf = (s: LinkedSource, rec?: PostOfRecord) => (rec ? rec.label : typeof s.attributes.label === 'string' ? s.attributes.label : null);
const flaggedLabel = (label: string | null) => label !== null && label !== 'benign';

/** Register instruments from flagged ads into the dropper registry. */
export async function syncAdsDroppers(db: Db, actor: Actor, opts: AdsSyncOptions = {}): Promise<AdsSyncResult> {
  requirePermission(actor, 'finance.dropper.write');
  const defaultRegion = opts.defaultRegion ?? null;
  if (defaultRegion !== null && !isRegionCode(defaultRegion)) throw new AppError('region.invalid', { region: defaultRegion });
  const batchSize = Math.min(Math.max(opts.batchSize ?? 200, 1), 1000);
  const maxBatches = Math.min(Math.max(opts.maxBatches ?? 50, 1), 10_000);
  const hubs = await publicServices(db, actor);
  const total = empty();
  for (const type of ADS_TYPES) {
    let after: string | undefined;
    let since: Date | undefined;
    for (let b = 0; ; b++) {
      if (b >= maxBatches) { total.more = true; break; }
      const { result, next } = await db.transaction(async (tx) => {
        await tx.insert(financeAdsSync).values({ type }).onConflictDoNothing();
        const [state] = await tx.select().from(financeAdsSync).where(eq(financeAdsSync.type, type)).for('update');
        if (b === 0 && !opts.full && state?.cursorAt) since = new Date(state.cursorAt.getTime() - ADS_LOOKBACK_MS);
        const page = await entitiesByType(tx, actor, type, { since, after, limit: batchSize, linkedFrom: { type: 'item', kind: 'mentions', limit: POSTS_PER_ENTITY } });
        const result = await registerPage(tx, actor, type, page.items, hubs, defaultRegion);
        result.batches = 1;
        const last = page.items.at(-1)?.updatedAt;
        const cursorAt = last && (!state?.cursorAt || last > state.cursorAt) ? last : state?.cursorAt ?? null;
        const summary = { ...result, droppers: result.droppers.length, requestedBy: opts.requestedBy ?? null };
        await tx.update(financeAdsSync).set({ cursorAt, lastRunAt: new Date(), lastResult: summary, updatedAt: new Date() }).where(eq(financeAdsSync.type, type));
        if (result.reported > 0 || (opts.requestedBy && b === 0)) {
          await recordAudit(tx, actor, {
            action: 'finance.dropper.ads_sync', entityType: 'finance_dropper', entityId: null, region: null,
            details: { type, ...result, droppers: result.droppers.slice(0, 200), requestedBy: opts.requestedBy ?? null, full: !!opts.full },
          });
        }
        return { result, next: page.next };
      });
      add(total, result);
      if (!next) break;
      after = next;
    }
  }
  return total;
}

interface Candidate { v: ValidInstrument; entityId: string; post: LinkedSource; region: string }

/** One page of instruments: filter, validate, skip known sightings, write the rest (inside the batch's transaction). */
async function registerPage(tx: Db, actor: Actor, type: DropperKind, items: Awaited<ReturnType<typeof entitiesByType>>['items'], hubs: Set<string>, defaultRegion: string | null): Promise<AdsSyncResult> {
  const r = empty();
  r.scanned = items.length;
  const records = await postsByTraceValue(tx, items.flatMap((e) => (e.linkedFrom ?? []).map((p) => p.value)));
  const isFlagged = (p: LinkedSource) => flaggedLabel(labelOf(p, records.get(p.value)));
  const ref = (p: LinkedSource) => postRef(p, records.get(p.value));
  const flaggedPosts = items.flatMap((e) => (e.linkedFrom ?? []).filter(isFlagged));
  const review = await reviewStatus(tx, flaggedPosts.map(ref).filter((x) => !x.startsWith('entity:')));
  const candidates: Candidate[] = [];
  for (const e of items) {
    const flagged = (e.linkedFrom ?? []).filter(isFlagged);
    if (!flagged.length) { r.notFlagged++; continue; }
    const kept = flagged.filter((p) => review.get(ref(p)) !== 'rejected');
    if (!kept.length) { r.rejectedByReview++; continue; }
    if (hubs.has(`${type}:${e.value}`)) { r.publicService++; continue; }
    const v = validateInstrument(type, e.value);
    if ('reason' in v) { r.invalid++; r.invalidReasons[v.reason] = (r.invalidReasons[v.reason] ?? 0) + 1; continue; }
    for (const post of kept) {
      const region = post.region ?? defaultRegion;
      if (!region || !isRegionCode(region)) { r.noRegion++; continue; }
      candidates.push({ v, entityId: e.id, post, region });
    }
  }
  if (!candidates.length) return r;

  // Sightings registered before, and registry rows that exist already (for the created count).
  const values = [...new Set(candidates.map((c) => c.v.value))];
  const refs = [...new Set(candidates.map((c) => ref(c.post)))];
  const d = financeDroppers, rep = financeDropperReports;
  const known = new Set((await tx.select({ value: d.value, region: d.region, ref: rep.reference }).from(rep).innerJoin(d, eq(d.id, rep.dropperId))
    .where(and(eq(rep.origin, 'ads'), eq(d.kind, type), inArray(d.value, values), inArray(rep.reference, refs))))
    .map((x) => `${x.value}|${x.region}|${x.ref}`));
  const existing = new Set((await tx.select({ value: d.value, region: d.region }).from(d).where(and(eq(d.kind, type), inArray(d.value, values))))
    .map((x) => `${x.value}|${x.region}`));
  const fresh = candidates.filter((c) => !known.has(`${c.v.value}|${c.region}|${ref(c.post)}`));
  r.alreadyKnown = candidates.length - fresh.length;
  if (!fresh.length) return r;
  r.created = new Set(fresh.map((c) => `${c.v.value}|${c.region}`).filter((k) => !existing.has(k))).size;
  // Oldest sighting first, so first/last seen and the report history read in time order.
  fresh.sort((a, b) => a.post.firstSeen.getTime() - b.post.firstSeen.getTime());
  const rows = await writeReports(tx, actor, fresh.map((c) => ({
    v: c.v, entityId: c.entityId,
    input: {
      kind: type, value: c.v.value, region: c.region, origin: 'ads' as const, reporter: 'monitor', reference: ref(c.post), reportedAt: c.post.firstSeen,
      details: { entityId: c.entityId, postEntityId: c.post.id, post: c.post.display, label: c.post.attributes.label ?? null, risk: c.post.attributes.risk ?? null },
    },
  })), null);
  r.reported = rows.length;
  r.droppers = [...new Set(rows.map((x) => x.id))];
  return r;
}

/** Progress of the automatic registration per type (last run, counters). */
export async function adsSyncStatus(db: Db, actor: Actor) {
  requirePermission(actor, 'finance.dropper.read');
  const rows = await db.select().from(financeAdsSync);
  const [n] = await db.select({ n: sql<number>`count(distinct ${financeDroppers.id})::int` }).from(financeDroppers)
    .innerJoin(financeDropperReports, eq(financeDropperReports.dropperId, financeDroppers.id))
    .where(and(eq(financeDropperReports.origin, 'ads'), regionCondition(actor.scope, financeDroppers.region)));
  return { types: ADS_TYPES.map((t) => rows.find((r) => r.type === t) ?? { type: t, cursorAt: null, lastRunAt: null, lastResult: {}, updatedAt: null }), fromAds: Number(n?.n ?? 0) };
}
