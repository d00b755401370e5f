/**
 * TagPack / ActorPack import and export. Imports are national reference data (no region) and
 * need national scope. A file with invalid tags is refused whole with the list of problems,
 * unless the caller asks for `acceptValid` (then the valid tags land and the rest are reported).
 * Tags for ledgers we do not trace (LTC, ZEC…) and transaction tags are skipped, not errors.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { normalizeChain, type Chain, type TagCategory } from './model.js';
import { financeTagActors, financeTagPacks, financeTags } from './schema.js';
import { live, tagVisible, upsertTags } from './store.js';
import { PackFormatError, parseActorPack, parseTagPack, writeActorPack, writeTagPack, type TagProblem } from './tagpack.js';

/** Largest pack accepted in one request (public GraphSense packs are far smaller). */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;

/** What an import did. */
export interface ImportResult {
  packId: string;
  created: number;
  updated: number;
  /** Tags refused for errors (only with acceptValid) and tags skipped (other ledgers). */
  problems: TagProblem[];
}

function requireNational(actor: Actor): void {
  // Imported tags are national: a regional desk cannot publish attributions for the whole country.
  if (!actor.scope.national) throw new AppError('auth.region_forbidden', { region: 'national' });
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Import a GraphSense TagPack (YAML text). */
export async function importTagPack(db: Db, actor: Actor, yamlText: string, opts: { acceptValid?: boolean } = {}): Promise<ImportResult> {
  requirePermission(actor, 'finance.tag');
  requireNational(actor);
  if (Buffer.byteLength(yamlText) > MAX_PACK_BYTES) throw new AppError('request.too_large', { max: MAX_PACK_BYTES });
  let pack;
  try { pack = parseTagPack(yamlText); } catch (e) {
    if (e instanceof PackFormatError) throw new AppError('finance.import_unreadable', { reason: e.message }, { format: 'TagPack YAML' });
    throw e;
  }
  const errors = pack.problems.filter((p) => !p.skipped);
  if (errors.length && !opts.acceptValid) throw new AppError('finance.import_rejected', { problems: pack.problems.slice(0, 500) }, { count: errors.length });
  return db.transaction(async (tx) => {
    const [p] = await tx.insert(financeTagPacks).values({
      kind: 'tagpack', title: pack.header.title, creator: pack.header.creator, description: pack.header.description, isPublic: pack.header.isPublic,
      sha256: sha(yamlText), importedById: actor.id, importedByName: actor.name,
    }).returning();
    const res = await upsertTags(tx, pack.tags.map((t) => ({
      ...t, origin: 'tagpack', packId: p!.id, region: null, isPublic: pack.header.isPublic, createdById: actor.id, createdByName: actor.name,
    })));
    await tx.update(financeTagPacks).set({ created: res.created, updated: res.updated, refused: pack.problems.length }).where(eq(financeTagPacks.id, p!.id));
    await recordAudit(tx, actor, {
      action: 'finance.tag.import', entityType: 'finance_tag_pack', entityId: p!.id,
      after: { kind: 'tagpack', title: pack.header.title, creator: pack.header.creator }, details: { created: res.created, updated: res.updated, problems: pack.problems.length, sha256: sha(yamlText) },
    });
    return { packId: p!.id, created: res.created, updated: res.updated, problems: pack.problems };
  });
}

/** Import a GraphSense ActorPack: actors are upserted by id. */
export async function importActorPack(db: Db, actor: Actor, yamlText: string, opts: { acceptValid?: boolean } = {}): Promise<ImportResult> {
  requirePermission(actor, 'finance.tag');
  requireNational(actor);
  if (Buffer.byteLength(yamlText) > MAX_PACK_BYTES) throw new AppError('request.too_large', { max: MAX_PACK_BYTES });
  let pack;
  try { pack = parseActorPack(yamlText); } catch (e) {
    if (e instanceof PackFormatError) throw new AppError('finance.import_unreadable', { reason: e.message }, { format: 'ActorPack YAML' });
    throw e;
  }
  if (pack.problems.length && !opts.acceptValid) throw new AppError('finance.import_rejected', { problems: pack.problems.slice(0, 500) }, { count: pack.problems.length });
  return db.transaction(async (tx) => {
    const [p] = await tx.insert(financeTagPacks).values({
      kind: 'actorpack', title: pack.header.title, creator: pack.header.creator, description: pack.header.description, isPublic: pack.header.isPublic,
      sha256: sha(yamlText), importedById: actor.id, importedByName: actor.name,
    }).returning();
    const ids = pack.actors.map((a) => a.id);
    const existing = ids.length ? new Set((await tx.select({ id: financeTagActors.id }).from(financeTagActors).where(inArray(financeTagActors.id, ids))).map((r) => r.id)) : new Set<string>();
    for (const a of pack.actors) {
      const row = { label: a.label, uri: a.uri, categories: a.categories, jurisdictions: a.jurisdictions, aliases: a.aliases, context: a.context, packId: p!.id, lastmod: a.lastmod, updatedAt: new Date() };
      await tx.insert(financeTagActors).values({ id: a.id, ...row }).onConflictDoUpdate({ target: financeTagActors.id, set: row });
    }
    const created = pack.actors.filter((a) => !existing.has(a.id)).length, updated = pack.actors.length - created;
    await tx.update(financeTagPacks).set({ created, updated, refused: pack.problems.length }).where(eq(financeTagPacks.id, p!.id));
    await recordAudit(tx, actor, {
      action: 'finance.tag.import', entityType: 'finance_tag_pack', entityId: p!.id,
      after: { kind: 'actorpack', title: pack.header.title, creator: pack.header.creator }, details: { created, updated, problems: pack.problems.length, sha256: sha(yamlText) },
    });
    return { packId: p!.id, created, updated, problems: pack.problems };
  });
}

/** What to export. Regional manual tags are exported only when asked and visible. */
export interface TagPackQuery {
  chain?: string;
  category?: string;
  origin?: string;
  packId?: string;
  includeRegional?: boolean;
  /** Only tags whose source pack is public (for sharing outside the agency). */
  publicOnly?: boolean;
  title?: string;
  creator?: string;
}

function exportWhere(actor: Actor, q: TagPackQuery): SQL | undefined {
  const c: (SQL | undefined)[] = [live(), tagVisible(actor.scope)];
  if (!q.includeRegional) c.push(isNull(financeTags.region));
  if (q.chain) c.push(eq(financeTags.chain, normalizeChain(q.chain) ?? '-'));
  if (q.category) c.push(eq(financeTags.category, q.category));
  if (q.origin) c.push(eq(financeTags.origin, q.origin));
  if (q.packId && /^[0-9a-f-]{36}$/i.test(q.packId)) c.push(eq(financeTags.packId, q.packId));
  if (q.publicOnly) c.push(eq(financeTags.isPublic, true));
  return and(...c);
}

/** Export tags as a TagPack (YAML text), audited (it is data leaving the system). */
export async function exportTagPack(db: Db, actor: Actor, q: TagPackQuery = {}): Promise<{ yaml: string; count: number }> {
  requirePermission(actor, 'finance.tag.read');
  const rows = await db.select().from(financeTags).where(exportWhere(actor, q)).orderBy(asc(financeTags.chain), asc(financeTags.address), asc(financeTags.label)).limit(200_000);
  const yaml = writeTagPack(
    { title: q.title ?? `Qalqan attribution tags ${new Date().toISOString().slice(0, 10)}`, creator: q.creator ?? actor.name, isPublic: Boolean(q.publicOnly) },
    rows.map((r) => ({
      chain: r.chain as Chain, address: r.address, currency: r.currency, label: r.label, source: r.source, category: r.category as TagCategory,
      confidence: r.confidence, actor: r.actor, lastmod: r.lastmod ?? r.updatedAt, extra: r.region ? { ...r.extra, context: JSON.stringify({ region: r.region }) } : r.extra,
    })),
  );
  await db.transaction((tx) => recordAudit(tx, actor, { action: 'finance.tag.export', entityType: 'finance_tag_pack', details: { ...q, count: rows.length } }));
  return { yaml, count: rows.length };
}

/** Export the actors referenced by live tags (or all) as an ActorPack. */
export async function exportActorPack(db: Db, actor: Actor, q: { referencedOnly?: boolean } = {}): Promise<{ yaml: string; count: number }> {
  requirePermission(actor, 'finance.tag.read');
  const rows = await db.select().from(financeTagActors).where(q.referencedOnly
    ? sql`exists (select 1 from ${financeTags} t where t.actor = ${financeTagActors.id} and t.removed_at is null)` : undefined).orderBy(asc(financeTagActors.id));
  const yaml = writeActorPack({ title: 'Qalqan actors', creator: actor.name }, rows.map((r) => ({ ...r, lastmod: r.lastmod })));
  return { yaml, count: rows.length };
}

/** Imported packs, newest first (for the import history screen). */
export async function listPacks(db: Db, actor: Actor) {
  requirePermission(actor, 'finance.tag.read');
  return db.select().from(financeTagPacks).orderBy(sql`${financeTagPacks.importedAt} desc`).limit(200);
}
