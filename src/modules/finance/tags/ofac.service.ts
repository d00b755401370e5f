/**
 * OFAC SDN import: every "Digital Currency Address" of the list becomes a `sanctioned` tag with
 * confidence `authority_data` (GraphSense level 60), source = the entry's OFAC page. The
 * ledger is decided by the address format (ledgerFor); addresses on ledgers we do not trace
 * (XMR, LTC, ZEC…) are counted as skipped. Re-importing a newer list updates the same tags.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { CONFIDENCE, ledgerFor } from './model.js';
import { ofacFormat, parseSdnAdvancedXml, parseSdnXml } from './ofac.js';
import { financeTagPacks, financeTags } from './schema.js';
import { upsertTags, type NewTagRow } from './store.js';

/** The advanced XML of the full list is ~100 MB; larger uploads are refused. */
export const MAX_OFAC_BYTES = 200 * 1024 * 1024;

/** What an OFAC import did. */
export interface OfacImportResult {
  packId: string;
  format: 'sdn' | 'advanced';
  published: string | null;
  listed: number;
  created: number;
  updated: number;
  /** Listed addresses not tagged: ticker, address, reason (unsupported_ledger, invalid_address, format_mismatch). */
  skipped: { uid: string; ticker: string; address: string; reason: string }[];
  /** Tagged addresses per ledger. */
  byChain: Record<string, number>;
  /** OFAC tags this list no longer carries, withdrawn (soft, dated, audited) by this import. */
  withdrawn: { id: string; chain: string; address: string; label: string; source: string }[];
  /**
   * applied: tags missing from this list were withdrawn; older_list: the list is older than one
   * imported before, so it changed nothing (neither withdrew nor tagged: an address it lists that
   * the newer list dropped stays withdrawn); undated: the file has no publication date, so it
   * withdrew nothing; disabled: the caller asked not to (a partial file).
   */
  withdrawal: 'applied' | 'older_list' | 'undated' | 'disabled';
}

/** Options of an OFAC import. */
export interface OfacImportOptions {
  /** Withdraw live OFAC tags the list no longer carries (default true: the official files are complete lists). */
  withdrawMissing?: boolean;
}

const OFAC_PAGE = 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=';

/** Import sdn.xml or SDN_ADVANCED.xml (detected from the root element). National scope only. */
export async function importOfacSdn(db: Db, actor: Actor, xmlText: string, opts: OfacImportOptions = {}): Promise<OfacImportResult> {
  requirePermission(actor, 'finance.tag');
  if (!actor.scope.national) throw new AppError('auth.region_forbidden', { region: 'national' });
  if (Buffer.byteLength(xmlText) > MAX_OFAC_BYTES) throw new AppError('request.too_large', { max: MAX_OFAC_BYTES });
  const format = ofacFormat(xmlText);
  if (!format) throw new AppError('finance.import_unreadable', { reason: 'root element is neither sdnList nor Sanctions' }, { format: 'OFAC SDN XML' });
  const list = format === 'sdn' ? parseSdnXml(xmlText) : parseSdnAdvancedXml(xmlText);
  const rows: NewTagRow[] = [];
  const skipped: OfacImportResult['skipped'] = [];
  const byChain: Record<string, number> = {};
  const lastmod = list.published ? new Date(list.published) : null;
  for (const a of list.addresses) {
    const l = ledgerFor(a.ticker, a.address);
    if ('refused' in l) { skipped.push({ uid: a.uid, ticker: a.ticker, address: a.address, reason: l.refused }); continue; }
    byChain[l.chain] = (byChain[l.chain] ?? 0) + 1;
    rows.push({
      chain: l.chain, address: l.address, currency: a.ticker === 'XBT' ? 'BTC' : a.ticker, label: a.name || `SDN ${a.uid}`, category: 'sanctioned',
      source: OFAC_PAGE + encodeURIComponent(a.uid), confidence: 'authority_data', confidenceLevel: CONFIDENCE.authority_data!, actor: null, origin: 'ofac',
      region: null, isPublic: true, lastmod: lastmod && !Number.isNaN(lastmod.getTime()) ? lastmod : null,
      extra: { ofacUid: a.uid, programs: a.programs, partyType: a.partyType, ticker: a.ticker, list: format === 'sdn' ? 'sdn.xml' : 'SDN_ADVANCED.xml' },
      createdById: actor.id, createdByName: actor.name,
    });
  }
  const sha256 = createHash('sha256').update(xmlText).digest('hex');
  return db.transaction(async (tx) => {
    const [p] = await tx.insert(financeTagPacks).values({
      kind: format === 'sdn' ? 'ofac_sdn' : 'ofac_advanced', title: `OFAC SDN list${list.published ? ' ' + list.published : ''}`,
      creator: 'U.S. Treasury, Office of Foreign Assets Control', description: 'Digital currency addresses of Specially Designated Nationals', isPublic: true,
      sha256, importedById: actor.id, importedByName: actor.name,
    }).returning();
    // Publication date of the newest list applied before this one (tags keep it as lastmod), read before the upsert rewrites it.
    const [prev] = await tx.select({ at: sql<string | null>`max(${financeTags.lastmod})` }).from(financeTags).where(eq(financeTags.origin, 'ofac'));
    const published = lastmod && !Number.isNaN(lastmod.getTime()) ? lastmod : null;
    const prevAt = prev?.at ? new Date(prev.at) : null;
    const older = published !== null && prevAt !== null && published < prevAt;
    // An archive copy must not undo a newer list: tagging what it lists would sanction again an
    // address the newer list dropped, and move every tag's lastmod back.
    const res = older ? { created: 0, updated: 0 } : await upsertTags(tx, rows.map((r) => ({ ...r, packId: p!.id })));
    const withdrawal: OfacImportResult['withdrawal'] = older ? 'older_list' : opts.withdrawMissing === false ? 'disabled' : published === null && prevAt !== null ? 'undated' : 'applied';
    const withdrawn = withdrawal === 'applied' ? await withdrawDelisted(tx, actor, rows, p!.id, list.published) : [];
    await tx.update(financeTagPacks).set({ created: res.created, updated: res.updated, refused: skipped.length }).where(eq(financeTagPacks.id, p!.id));
    await recordAudit(tx, actor, {
      action: 'finance.tag.import', entityType: 'finance_tag_pack', entityId: p!.id, after: { kind: `ofac_${format}`, published: list.published },
      details: { listed: list.addresses.length, created: res.created, updated: res.updated, skipped: skipped.length, byChain, sha256, withdrawn: withdrawn.length, withdrawal },
    });
    return { packId: p!.id, format, published: list.published, listed: list.addresses.length, created: res.created, updated: res.updated, skipped, byChain, withdrawn, withdrawal };
  });
}

/**
 * Withdraw the live OFAC tags whose (ledger, address, name, entry) the new list does not carry:
 * an address taken off the list, or moved to another entry or name (the new one was just
 * tagged). Soft and dated like a manual withdrawal, one audit row per tag, so a report that
 * cited the tag still shows it and when it stopped counting; tracing ignores it from now on.
 */
async function withdrawDelisted(tx: Db, actor: Actor, listed: NewTagRow[], packId: string, published: string | null): Promise<OfacImportResult['withdrawn']> {
  const key = (r: { chain: string; address: string; label: string; source: string }) => `${r.chain}\u0000${r.address}\u0000${r.label}\u0000${r.source}`;
  const keep = new Set(listed.map(key));
  const live = await tx.select({ id: financeTags.id, chain: financeTags.chain, address: financeTags.address, label: financeTags.label, source: financeTags.source })
    .from(financeTags).where(and(eq(financeTags.origin, 'ofac'), isNull(financeTags.removedAt))).for('update');
  const gone = live.filter((t) => !keep.has(key(t)));
  if (!gone.length) return [];
  const reason = `no longer on the OFAC SDN list${published ? ' published ' + published : ''}`;
  const now = new Date();
  for (let i = 0; i < gone.length; i += 1000) {
    await tx.update(financeTags).set({ removedAt: now, removedByName: actor.name, removedReason: reason, updatedAt: now })
      .where(inArray(financeTags.id, gone.slice(i, i + 1000).map((t) => t.id)));
  }
  for (const t of gone) {
    await recordAudit(tx, actor, {
      action: 'finance.tag.remove', entityType: 'finance_tag', entityId: t.id, region: null,
      before: { chain: t.chain, address: t.address, label: t.label, category: 'sanctioned', source: t.source },
      details: { reason, cause: 'ofac_delisted', packId, published },
    });
  }
  return gone;
}
