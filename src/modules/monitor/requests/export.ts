/**
 * Exports of one request: the letter (PDF, Kazakh or Russian), CSV and JSON of the bundle, and
 * the STIX 2.1 bundle (export.stix.ts). Exports are reads (monitor.request.read, region scope)
 * and each is audited, because a letter or a partner bundle leaving the system is an event an
 * auditor wants to find.
 */
import { recordAudit } from '../../../platform/audit/audit.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { isRegionCode, regionName } from '../../../platform/geo/regions.js';
import { CSV_BOM, csvLine } from '../../../platform/reports/csv.js';
import { createPdf, finishPdf, stampPages } from '../../../platform/reports/pdf.js';
import { stixBundle } from './export.stix.js';
import { fill, LETTER, type LetterLang } from './letter.text.js';
import { getRequest, type RequestEntry } from './requests.service.js';
import type { RequestTarget } from './targets.js';

export type ExportFormat = 'pdf' | 'csv' | 'json' | 'stix';

/** Issuer named in the letter footer and the STIX identity. */
export const ISSUER = 'Qalqan — cyber-supervision (Comprehensive Plan 2026–2028)';

const stamp = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '—');

type Detail = Awaited<ReturnType<typeof getRequest>>;

/** The letter as a PDF (A4, DejaVu Sans: Kazakh letters render). Drafts carry a "not approved" banner. */
export async function letterPdf(d: Detail, lang: LetterLang): Promise<Buffer> {
  const T = LETTER[lang];
  const r = d.request;
  const target = r.target as RequestTarget;
  const finance = r.originModule === 'finance';
  const doc = createPdf({ title: `${fill(T.number, { n: r.seq })} — ${T.subject[target]}`, author: ISSUER });
  const width = doc.page.width - 100;
  if (r.status === 'draft' || r.status === 'cancelled') {
    doc.font('bold').fontSize(11).fillColor('#b00020').text(T.draft, { align: 'center' }).moveDown(0.5);
  }
  doc.font('regular').fontSize(10).fillColor('#000').text(r.addressee || T.addressee[target], 300, doc.y, { width: width - 250 });
  doc.moveDown(1.5);
  doc.font('bold').fontSize(13).text(`${fill(T.number, { n: r.seq })} ${fill(T.dated, { d: stamp(r.approvedAt ?? r.createdAt).slice(0, 10) })}`, 50, doc.y, { width });
  doc.fontSize(12).text(T.subject[target], { width }).moveDown(0.3);
  if (r.title) doc.font('regular').fontSize(10).fillColor('#333').text(r.title, { width });
  if (isRegionCode(r.region)) doc.font('regular').fontSize(10).fillColor('#333').text(fill(T.region, { r: regionName(r.region, lang) }), { width });
  doc.moveDown(0.8).fillColor('#000').font('regular').fontSize(11);
  doc.text(finance ? T.bodyFinance : T.body, { width, align: 'justify' }).moveDown(0.5);
  doc.fontSize(10).text(r.legalBasis || (finance || target === 'bank' || target === 'exchange' ? T.basisFinance : T.basisDefault), { width, align: 'justify' }).moveDown(0.5);
  doc.fontSize(11).text(T.ask, { width }).moveDown(1);

  doc.font('bold').fontSize(12).text(fill(T.entries, { n: d.entries.length }), { width }).moveDown(0.4);
  for (const e of d.entries) writeEntry(doc, e, lang, width);

  doc.moveDown(1).font('regular').fontSize(10).fillColor('#000');
  doc.text(fill(T.prepared, { who: r.createdByName, d: stamp(r.createdAt) }), { width });
  if (r.approvedAt) doc.text(fill(r.approvedByPolicy ? T.approvedByPolicy : T.approved, { who: r.approvedByName ?? '', d: stamp(r.approvedAt) }), { width });
  stampPages(doc, `${ISSUER} · ${fill(T.number, { n: r.seq })}`);
  return finishPdf(doc);
}

function writeEntry(doc: PDFKit.PDFDocument, e: RequestEntry, lang: LetterLang, width: number): void {
  const T = LETTER[lang];
  // Keep an entry's lines together where possible: start a new page when little room is left.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
  doc.font('bold').fontSize(10).fillColor('#000').text(`${e.position}. ${T.type[e.type] ?? e.type}: `, 50, doc.y, { width, continued: true })
    .font('regular').text(e.value);
  const facts = [`${T.firstSeen}: ${stamp(e.firstSeen)}`];
  if (e.label) facts.push(`${T.label[e.label] ?? e.label}${e.risk !== null ? ` (${T.risk} ${e.risk.toFixed(2)})` : ''}`);
  doc.fontSize(9).fillColor('#333').text(facts.join(' · '), 62, doc.y, { width: width - 12 });
  if (e.sourceUrl) doc.text(`${T.source}: ${e.sourceUrl}`, { width: width - 12 });
  // The excerpt is the untrusted post text: printed as plain text, never interpreted.
  if (e.excerpt) doc.fillColor('#555').text(`${T.excerpt}: «${e.excerpt}»`, { width: width - 12 });
  doc.fillColor('#000').moveDown(0.5);
}

const CSV_HEAD = ['request', 'seq', 'target', 'region', 'status', 'position', 'type', 'value', 'first_seen', 'label', 'risk', 'source_url', 'item_id', 'shop_id', 'entity_id', 'outcome', 'excerpt'];

/** The bundle as CSV (one row per entry, BOM for Excel, CSV-injection guarded). */
export function bundleCsv(d: Detail): string {
  const r = d.request;
  return CSV_BOM + csvLine(CSV_HEAD) + d.entries.map((e) => csvLine([r.id, r.seq, r.target, r.region, r.status, e.position, e.type, e.value, e.firstSeen, e.label, e.risk,
    e.sourceUrl, e.itemId, e.shopId, e.entityId, e.outcome, e.excerpt])).join('');
}

/** The bundle as JSON: the request, its entries and history (no internal-only fields). */
export function bundleJson(d: Detail) {
  return { format: 'qalqan.blocking-request/1', issuer: ISSUER, request: d.request, entries: d.entries, history: d.history };
}

/** Build an export and audit that it left the system. */
export async function exportRequest(db: Db, actor: Actor, id: string, format: ExportFormat, lang: LetterLang = 'ru'): Promise<{ body: Buffer | string; type: string; filename: string }> {
  const d = await getRequest(db, actor, id);
  const base = `qalqan-request-${d.request.seq}-${d.request.target}`;
  let out: { body: Buffer | string; type: string; filename: string };
  if (format === 'pdf') out = { body: await letterPdf(d, lang), type: 'application/pdf', filename: `${base}-${lang}.pdf` };
  else if (format === 'csv') out = { body: bundleCsv(d), type: 'text/csv; charset=utf-8', filename: `${base}.csv` };
  else if (format === 'json') out = { body: JSON.stringify(bundleJson(d), null, 2), type: 'application/json; charset=utf-8', filename: `${base}.json` };
  else out = { body: JSON.stringify(stixBundle(d.request, d.entries, ISSUER), null, 2), type: 'application/stix+json; charset=utf-8', filename: `${base}.stix.json` };
  await db.transaction((tx) => recordAudit(tx, actor, {
    action: 'monitor.request.export', entityType: 'monitor_request', entityId: id, region: d.request.region,
    details: { format, ...(format === 'pdf' ? { lang } : {}), status: d.request.status, entries: d.entries.length },
  }));
  return out;
}
