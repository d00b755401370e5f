/**
 * The freeze / block letter and its CSV annex, rendered from a stored request (monitor request
 * lifecycle) so the package always matches what was approved. A draft carries a DRAFT banner.
 */
import { CSV_BOM, csvLine } from '../../../platform/reports/csv.js';
import { createPdf, finishPdf, stampPages } from '../../../platform/reports/pdf.js';
import { amount, keyValues, paragraph, table } from './layout.js';
import { rt, type ReportLang } from './texts.js';

/** What the letter needs from a request (a subset of getRequest's answer). */
export interface LetterRequest {
  request: { id: string; seq: number; target: string; region: string; title: string; addressee: string; legalBasis: string | null; status: string; createdByName: string; approvedByName: string | null; createdAt: Date };
  entries: { position: number; type: string; value: string; label: string | null; firstSeen: Date | null; excerpt: string; meta: Record<string, unknown> | null }[];
}

/** Rows shown in the letter body; the CSV always has them all. */
export const LETTER_ROWS = 200;

const detail = (e: LetterRequest['entries'][number]): string => {
  const m = e.meta ?? {};
  if (m.amount !== undefined) return `${amount(Number(m.amount))} ${String(m.asset ?? '')} · ${Array.isArray(m.txs) ? (m.txs as string[]).slice(0, 3).join(', ') : ''}`;
  return [e.label, e.excerpt].filter(Boolean).join(' · ');
};

/** The letter PDF in Kazakh, Russian or English. */
export async function renderLetter(r: LetterRequest, lang: ReportLang): Promise<Buffer> {
  const t = (k: string) => rt(lang, k);
  const bank = r.request.target === 'bank';
  const doc = createPdf({ title: `${t(bank ? 'letterBank' : 'letterFreeze')} ${t('no_')} ${r.request.seq}` });
  if (r.request.status === 'draft') doc.font('bold').fontSize(12).fillColor('#b00').text(t('draft'), { align: 'right' }).fillColor('#000');
  keyValues(doc, [[t('to'), r.request.addressee || r.request.target], [t('no_'), String(r.request.seq)], [t('date'), r.request.createdAt.toISOString().slice(0, 10)], [t('region'), r.request.region]]);
  doc.moveDown(0.8).font('bold').fontSize(14).text(t(bank ? 'letterBank' : 'letterFreeze'), { align: 'center' }).moveDown(0.6);
  if (r.request.title) paragraph(doc, r.request.title, 10);
  paragraph(doc, t(bank ? 'bodyBank' : 'bodyFreeze'), 10);
  paragraph(doc, r.request.legalBasis || t('basisDefault'), 9);
  table(doc, ['#', t('value'), t('details'), t('firstSeen')],
    r.entries.slice(0, LETTER_ROWS).map((e) => [String(e.position), e.value, detail(e), e.firstSeen ? e.firstSeen.toISOString().slice(0, 10) : '—']), [1, 8, 8, 3]);
  paragraph(doc, t('csvNote'), 9);
  doc.moveDown(1);
  keyValues(doc, [[t('author'), r.request.createdByName], [t('approvedBy'), r.request.approvedByName ?? '—']]);
  stampPages(doc, `${t('footer')} · ${t('no_')} ${r.request.seq}`);
  return finishPdf(doc);
}

/** The CSV annex: every entry with its amounts and transactions (full values, unmasked: it goes to the addressee). */
export function renderAnnexCsv(r: LetterRequest): string {
  let out = CSV_BOM + csvLine(['position', 'type', 'value', 'label', 'asset', 'amount', 'transactions', 'first_seen', 'details']);
  for (const e of r.entries) {
    const m = e.meta ?? {};
    out += csvLine([e.position, e.type, e.value, e.label ?? '', m.asset ?? '', m.amount ?? '', Array.isArray(m.txs) ? (m.txs as string[]).join(' ') : '', e.firstSeen, e.excerpt]);
  }
  return out;
}
