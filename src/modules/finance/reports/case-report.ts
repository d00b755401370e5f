/**
 * The case report of a parallel financial investigation, from one stored trace run: what was
 * traced and how (seeds, parameters, model and engine version, data cut-off), where the money
 * went (exits by service with amounts), each exit's path explained hop by hop, the clusters of
 * the addresses involved, the tags relied on and the data sources. Rendering only; the service
 * (reports.service.ts) loads and audits.
 */
import { createPdf, finishPdf, stampPages } from '../../../platform/reports/pdf.js';
import type { TraceRun } from '../trace/trace.service.js';
import { amount, heading, keyValues, paragraph, table } from './layout.js';
import { explainExit } from './explain.js';
import { MODEL_TEXT, rt, type ReportLang } from './texts.js';

/** A cluster as the report shows it. */
export interface ReportCluster { address: string; id: string | null; size: number; heuristics: string[]; confidence: string | null }

/** Exits shown with their full path; the rest are in the totals table. */
export const MAX_EXITS_DETAILED = 40;

/** Render the case report PDF. */
export async function renderCaseReport(run: TraceRun, clusters: ReportCluster[], lang: ReportLang, meta: { generatedBy: string; generatedAt: Date }): Promise<Buffer> {
  const t = (k: string, v?: Record<string, string | number>) => rt(lang, k, v);
  const p = run.params as Record<string, unknown>;
  const doc = createPdf({ title: `${t('caseTitle')} ${run.caseNumber || run.id}`, author: meta.generatedBy });
  doc.font('bold').fontSize(16).text(t('caseTitle'), { align: 'left' }).moveDown(0.3);
  if (run.title) doc.font('regular').fontSize(11).text(run.title).moveDown(0.3);
  keyValues(doc, [
    [t('caseNumber'), run.caseNumber], [t('region'), run.region], [t('run'), run.id],
    [t('createdBy'), run.createdByName], [t('createdAt'), run.createdAt.toISOString()],
    [t('generated'), `${meta.generatedAt.toISOString()} · ${meta.generatedBy}`],
  ]);

  heading(doc, t('params'));
  const seconds = p.windowSeconds as number | null;
  keyValues(doc, [
    [t('chain'), run.chain], [t('asset'), run.asset], [t('direction'), t(run.direction === 'backward' ? 'backward' : 'forward')],
    [t('model'), MODEL_TEXT[run.model]?.[lang] ?? run.model], [t('maxHops'), String(p.maxHops ?? '')],
    [t('window'), `${p.from ?? '—'}${seconds ? ` + ${Math.round(seconds / 3600)} h` : ''}`], [t('minValue'), p.minValue == null ? '—' : String(p.minValue)],
    [t('hubs'), t(p.expandHighDegree ? 'yes' : 'no')], [t('engine'), run.modelVersion], [t('watermark'), String(run.maxTransferId ?? '—')],
  ]);
  const seeds = (p.resolvedSeeds as string[] | undefined) ?? run.seeds;
  table(doc, ['#', t('seeds')], seeds.map((s, i) => [String(i + 1), s]), [1, 14]);

  const r = run.results;
  heading(doc, t('summary'));
  const total = r.totals.reduce((s, x) => s + x.amount, 0);
  keyValues(doc, [[t('exitsTotal'), String(r.exitsTotal)], [t('amountTotal'), `${amount(total)} ${run.asset}`]]);
  // By service: addresses of one service summed under its label.
  const bySvc = new Map<string, { label: string; category: string; amount: number; count: number; addresses: number }>();
  for (const x of r.totals) {
    const label = x.label ?? (x.reason === 'high-degree' ? t('highDegree') : t('unattributed'));
    const k = `${label}\u0000${x.category ?? ''}`;
    const s = bySvc.get(k) ?? { label, category: x.category ?? '—', amount: 0, count: 0, addresses: 0 };
    s.amount += x.amount; s.count += x.count; s.addresses++;
    bySvc.set(k, s);
  }
  heading(doc, t('byService'), 11);
  table(doc, [t('service'), t('category'), t('amount'), t('count'), t('address')],
    [...bySvc.values()].sort((a, b) => b.amount - a.amount).map((s) => [s.label, s.category, `${amount(s.amount)} ${run.asset}`, String(s.count), String(s.addresses)]), [5, 3, 4, 2, 2]);

  heading(doc, t('exits'));
  for (const [i, x] of r.exits.slice(0, MAX_EXITS_DETAILED).entries()) {
    heading(doc, `${i + 1}. ${x.service ? `${x.service.label} (${x.service.category})` : t(x.reason === 'high-degree' ? 'highDegree' : 'unattributed')} — ${amount(x.amount)} ${x.asset}`, 10);
    keyValues(doc, [[t('address'), x.address], [t('date'), x.time]]);
    table(doc, [t('hop'), t('fromTo'), t('tx'), t('amount')],
      x.path.map((s, j) => [String(j + 1), `${s.from} → ${s.to}`, `${s.tx}\n${s.time}`, `${amount(s.value)} (${amount(s.taint)}; ${(s.share * 100).toFixed(1)} %)`]), [1, 8, 7, 4], 6.5);
    for (const line of explainExit(x, run.model, lang)) paragraph(doc, line, 7.5);
  }
  if (r.exitsTotal > Math.min(r.exits.length, MAX_EXITS_DETAILED)) paragraph(doc, t('more', { n: r.exitsTotal - Math.min(r.exits.length, MAX_EXITS_DETAILED) }));

  heading(doc, t('clusters'));
  table(doc, [t('address'), t('cluster'), t('size'), t('heuristics')],
    clusters.map((c) => [c.address, c.id ? `${c.id.slice(0, 8)}… (${c.confidence})` : t('noCluster'), c.id ? String(c.size) : '—', c.heuristics.join(', ')]), [7, 4, 2, 4]);

  heading(doc, t('tags'));
  const used = Object.entries((p.tagsUsed ?? {}) as Record<string, { label: string; category: string; source: string; confidence: number }>);
  table(doc, [t('address'), t('service'), t('category'), t('confidence'), t('source')],
    used.map(([a, g]) => [a, g.label, g.category, `${Math.round(g.confidence * 100)} / 100`, g.source]), [6, 4, 3, 2, 6]);

  heading(doc, t('sources'));
  paragraph(doc, t('ledgerSource'));
  paragraph(doc, t('tagSource'));
  const srcs = [...new Set(used.map(([, g]) => g.source))];
  for (const s of srcs) paragraph(doc, `• ${s}`, 8);

  stampPages(doc, `${t('footer')} · ${run.caseNumber || run.id}`);
  return finishPdf(doc);
}
