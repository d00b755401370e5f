/**
 * The dropper registry: cards, IBANs and phones that drug shops use to collect payment, seen in
 * monitored ads (traces store) or reported by banks. Every row is validated, region-scoped and
 * audited; each registration is also observed in the traces store with provenance, so the
 * instrument links to the shops, posts and wallets monitoring and tracing found.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, requireRegion, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { regionCondition } from '../../../platform/db/scope.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { isRegionCode } from '../../../platform/geo/regions.js';
import { getEntity, observe, type LinkObservation } from '../../traces/traces.service.js';
import { ledgerOfAddress } from '../tags/model.js';
import { financeDropperReports, financeDroppers } from './schema.js';
import { validateInstrument, type ValidInstrument } from './validate.js';

export { requestBankBlock } from './requests.service.js';
export { importBankCsv, bankCsvTemplate, type CsvImportResult, type CsvRowError } from './import.service.js';

export type Dropper = typeof financeDroppers.$inferSelect;
export type DropperReport = typeof financeDropperReports.$inferSelect;

export const DROPPER_STATUSES = ['reported', 'confirmed', 'blocked', 'cleared'] as const;
export type DropperStatus = (typeof DROPPER_STATUSES)[number];

/** Allowed status moves: a cleared number that shows up again goes back to "reported". */
const MOVES: Record<DropperStatus, DropperStatus[]> = {
  reported: ['confirmed', 'cleared'],
  confirmed: ['blocked', 'cleared'],
  blocked: ['cleared', 'confirmed'],
  cleared: ['reported'],
};

/** One report of an instrument (manual entry, one bank CSV row, one ad). */
export interface DropperInput {
  kind: string;
  value: string;
  region: string;
  /** bank_csv | ads | manual */
  origin?: 'bank_csv' | 'ads' | 'manual';
  /** Reporting bank or person. */
  reporter?: string;
  reference?: string;
  reportedAt?: Date;
  holderName?: string;
  /** Bank name when the reporter knows it (cards); IBANs get theirs from the bank code. */
  bankName?: string;
  /** Shop name the instrument was advertised by (linked in the traces store). */
  shop?: string;
  /** A crypto address the instrument is connected to (linked in the traces store). */
  wallet?: string;
  note?: string;
  details?: Record<string, unknown>;
}

/** The traces observation of one registration: the instrument, and links to its shop and wallet. */
export function observationOf(v: ValidInstrument, input: DropperInput): { entities: { type: string; value: string; provenance: { sourceRef: string | null } }[]; links: LinkObservation[] } {
  const me = { type: v.kind, value: v.value };
  const links: LinkObservation[] = [];
  if (input.shop?.trim()) links.push({ from: me, to: { type: 'shop', value: input.shop.trim() }, kind: 'belongs_to', confidence: 0.9 });
  const w = input.wallet?.trim() ? ledgerOfAddress(input.wallet.trim()) : null;
  if (w) links.push({ from: { type: w.chain, value: w.address }, to: me, kind: 'related', confidence: 0.7 });
  return { entities: [{ ...me, provenance: { sourceRef: input.reference ?? null } }], links };
}

/**
 * Register (or re-report) instruments inside `tx`: upsert by (kind, value, region), append a
 * report row each, observe them in the traces store. Shared by manual entry and CSV import.
 */
export async function writeReports(tx: Db, actor: Actor, items: { v: ValidInstrument; input: DropperInput; entityId?: string }[], importId: string | null): Promise<Dropper[]> {
  const out: Dropper[] = [];
  for (const { v, input } of items) {
    const at = input.reportedAt ?? new Date();
    // One statement for a new instrument and a repeat report (also two first reports at once: the
    // ads job and a bank import): the conflict update locks the row and counts the report.
    const d = financeDroppers;
    const [row] = await tx.insert(d).values({
      kind: v.kind, value: v.value, display: v.display, region: input.region, scheme: v.scheme, bankCode: v.bankCode,
      bankName: v.bankName ?? (input.bankName?.trim() || null), holderName: input.holderName?.trim() ?? '', firstSeen: at, lastSeen: at, reports: 1,
      note: input.note?.trim() ?? '', createdById: actor.id, createdByName: actor.name,
    }).onConflictDoUpdate({
      target: [d.kind, d.value, d.region],
      set: {
        lastSeen: sql`greatest(${d.lastSeen}, excluded.last_seen)`, firstSeen: sql`least(${d.firstSeen}, excluded.first_seen)`,
        reports: sql`${d.reports} + 1`, updatedAt: sql`now()`,
        // A cleared number reported again is back in work.
        status: sql`case when ${d.status} = 'cleared' then 'reported' else ${d.status} end`,
        statusChangedAt: sql`case when ${d.status} = 'cleared' then now() else ${d.statusChangedAt} end`,
        // What the register lacks, a new report may fill in; what it has stays.
        holderName: sql`case when ${d.holderName} = '' then excluded.holder_name else ${d.holderName} end`,
        bankName: sql`coalesce(${d.bankName}, excluded.bank_name)`,
      },
    }).returning() as [Dropper];
    await tx.insert(financeDropperReports).values({
      dropperId: row.id, origin: input.origin ?? 'manual', reporter: input.reporter?.trim() || actor.name, reference: input.reference?.trim() ?? '', reportedAt: at,
      importId, details: { ...(input.details ?? {}), ...(input.shop ? { shop: input.shop } : {}), ...(input.wallet ? { wallet: input.wallet } : {}), ...(input.note ? { note: input.note } : {}) },
      createdById: actor.id, createdByName: actor.name,
    });
    out.push(row);
  }
  // Items that come from the traces store already (ads found by monitoring) are linked to their
  // entity directly: observing them again would count our own registration as another sighting.
  for (const [i, it] of items.entries()) {
    const row = out[i]!;
    if (it.entityId && row.entityId !== it.entityId) { await tx.update(financeDroppers).set({ entityId: it.entityId }).where(eq(financeDroppers.id, row.id)); row.entityId = it.entityId; }
  }
  // One traces batch for all others: the instrument entities with provenance, and their links.
  const entities = [], links: LinkObservation[] = [];
  const observed: Dropper[] = [];
  for (const [i, { v, input, entityId }] of items.entries()) {
    if (entityId) continue;
    observed.push(out[i]!);
    const o = observationOf(v, input);
    entities.push(...o.entities.map((e) => ({ ...e, provenance: { ...e.provenance, region: input.region } })));
    links.push(...o.links.map((l) => ({ ...l, provenance: { region: input.region, sourceRef: input.reference ?? null } })));
  }
  if (entities.length) {
    const res = await observe(tx, actor, { module: 'finance', source: importId ? 'finance:bank_report' : 'finance:dropper_registry', sourceRef: importId, entities, links });
    for (const [i, id] of res.entityIds.entries()) {
      const row = observed[i]!;
      if (id && row.entityId !== id) { await tx.update(financeDroppers).set({ entityId: id }).where(eq(financeDroppers.id, row.id)); row.entityId = id; }
    }
  }
  return out;
}

function checkRegion(actor: Actor, region: string | undefined): string {
  const r = region ?? (!actor.scope.national && actor.scope.regions.length === 1 ? actor.scope.regions[0] : undefined);
  if (!r) throw new AppError('finance.region_required');
  if (!isRegionCode(r)) throw new AppError('region.invalid', { region: r });
  requireRegion(actor, r);
  return r;
}

/** Register one instrument by hand (or report it again); audited. */
export async function addDropper(db: Db, actor: Actor, input: Omit<DropperInput, 'region'> & { region?: string }): Promise<Dropper> {
  requirePermission(actor, 'finance.dropper.write');
  const region = checkRegion(actor, input.region);
  const v = validateInstrument(input.kind, input.value);
  if ('reason' in v) throw new AppError('finance.invalid_address', { kind: input.kind, reason: v.reason });
  return db.transaction(async (tx) => {
    const [row] = await writeReports(tx, actor, [{ v, input: { ...input, region, origin: input.origin ?? 'manual' } }], null);
    await recordAudit(tx, actor, { action: 'finance.dropper.report', entityType: 'finance_dropper', entityId: row!.id, region, after: { kind: row!.kind, display: row!.display, status: row!.status, reports: row!.reports } });
    return row!;
  });
}

/** Filters of the registry list. */
export interface DropperQuery { q?: string; kind?: string; status?: string; region?: string; bank?: string; limit?: number; offset?: number }

/** Registry rows in the caller's regions, most recently seen first. */
export async function listDroppers(db: Db, actor: Actor, q: DropperQuery = {}): Promise<{ droppers: Dropper[]; total: number }> {
  requirePermission(actor, 'finance.dropper.read');
  const d = financeDroppers;
  const c: (SQL | undefined)[] = [regionCondition(actor.scope, d.region)];
  if (q.kind) c.push(eq(d.kind, q.kind));
  if (q.status) c.push(eq(d.status, q.status));
  if (q.region) c.push(eq(d.region, q.region));
  if (q.bank) c.push(ilike(d.bankName, `%${q.bank.replace(/[\\%_]/g, (m) => '\\' + m)}%`));
  if (q.q?.trim()) {
    const s = q.q.trim();
    const digits = s.replace(/[\s\-()]/g, '');
    c.push(or(ilike(d.value, `%${digits.replace(/[\\%_]/g, (m) => '\\' + m)}%`), ilike(d.holderName, `%${s.replace(/[\\%_]/g, (m) => '\\' + m)}%`)));
  }
  const where = and(...c);
  const limit = Math.min(q.limit ?? 100, 1000);
  const [droppers, [n]] = await Promise.all([
    db.select().from(d).where(where).orderBy(desc(d.lastSeen), asc(d.id)).limit(limit).offset(q.offset ?? 0),
    db.select({ n: count() }).from(d).where(where),
  ]);
  return { droppers, total: Number(n?.n ?? 0) };
}

async function loadScoped(db: Db, actor: Actor, id: string, forUpdate = false): Promise<Dropper> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
  const q = db.select().from(financeDroppers).where(and(eq(financeDroppers.id, id), regionCondition(actor.scope, financeDroppers.region)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('record.not_found');
  return row;
}

/** Entities linked to an instrument in the traces store, grouped for the registry page. */
export interface DropperLinks { shops: Linked[]; posts: Linked[]; wallets: Linked[]; instruments: Linked[]; other: Linked[] }
interface Linked { entityId: string; type: string; display: string; kind: string; region: string | null }

/** One instrument with its reports and what the traces store links it to (shops, posts, wallets). */
export async function getDropper(db: Db, actor: Actor, id: string): Promise<{ dropper: Dropper; reports: DropperReport[]; links: DropperLinks; moves: DropperStatus[] }> {
  requirePermission(actor, 'finance.dropper.read');
  const dropper = await loadScoped(db, actor, id);
  const reports = await db.select().from(financeDropperReports).where(eq(financeDropperReports.dropperId, id)).orderBy(desc(financeDropperReports.reportedAt)).limit(500);
  const links: DropperLinks = { shops: [], posts: [], wallets: [], instruments: [], other: [] };
  if (dropper.entityId) {
    const e = await getEntity(db, actor, dropper.entityId, { linksLimit: 200, provenanceLimit: 1 }).catch(() => null);
    for (const l of e?.links.items ?? []) {
      const x: Linked = { entityId: l.other.id, type: l.other.type, display: l.other.display, kind: l.link.kind, region: l.other.region };
      const group = l.other.type === 'shop' ? links.shops : l.other.type === 'item' ? links.posts : ['btc', 'eth', 'tron'].includes(l.other.type) ? links.wallets
        : ['card', 'iban', 'phone'].includes(l.other.type) ? links.instruments : links.other;
      group.push(x);
    }
  }
  return { dropper, reports, links, moves: MOVES[dropper.status as DropperStatus] ?? [] };
}

/** Move an instrument's status (reported → confirmed → blocked, or cleared); audited with the reason. */
export async function setDropperStatus(db: Db, actor: Actor, id: string, to: DropperStatus, note = ''): Promise<Dropper> {
  requirePermission(actor, 'finance.dropper.write');
  return db.transaction(async (tx) => {
    const d = await loadScoped(tx, actor, id, true);
    if (!(MOVES[d.status as DropperStatus] ?? []).includes(to)) throw new AppError('record.invalid_state', { status: d.status, to });
    const [u] = await tx.update(financeDroppers).set({ status: to, statusChangedAt: new Date(), updatedAt: new Date() }).where(eq(financeDroppers.id, id)).returning();
    await recordAudit(tx, actor, { action: 'finance.dropper.status', entityType: 'finance_dropper', entityId: id, region: d.region, before: { status: d.status }, after: { status: to }, details: { note } });
    return u!;
  });
}

/** Registry rows by ids within scope (for requests and reports). */
export async function droppersByIds(db: Db, actor: Actor, ids: string[]): Promise<Dropper[]> {
  requirePermission(actor, 'finance.dropper.read');
  const valid = [...new Set(ids.filter((i) => /^[0-9a-f-]{36}$/i.test(i)))];
  if (!valid.length) return [];
  return db.select().from(financeDroppers).where(and(inArray(financeDroppers.id, valid), regionCondition(actor.scope, financeDroppers.region)));
}

/** Counts by status and kind within scope (dashboard). */
export async function dropperStats(db: Db, actor: Actor): Promise<{ status: string; kind: string; n: number }[]> {
  requirePermission(actor, 'finance.dropper.read');
  const rows = await db.select({ status: financeDroppers.status, kind: financeDroppers.kind, n: sql<number>`count(*)::int` }).from(financeDroppers)
    .where(regionCondition(actor.scope, financeDroppers.region)).groupBy(financeDroppers.status, financeDroppers.kind);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
