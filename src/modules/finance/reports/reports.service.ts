/**
 * Finance outputs: the case report PDF of a trace run, and freeze-request packages (letter PDF
 * + CSV annex) for exchanges (from a run's exits) and banks (from the dropper registry, see
 * droppers/requests.service.ts). Requests go through the monitoring request lifecycle; the
 * letter is rendered from the stored request so it shows exactly what was approved.
 * Every generated document is audited with its SHA-256.
 */
import { createHash } from 'node:crypto';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { createRequest, getRequest } from '../../monitor/requests/requests.service.js';
import { clusterOf } from '../clusters/clusters.service.js';
import { getTrace, type TraceRun } from '../trace/trace.service.js';
import { renderCaseReport, type ReportCluster } from './case-report.js';
import { renderAnnexCsv, renderLetter, type LetterRequest } from './letter.js';
import type { ReportLang } from './texts.js';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const safe = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'report';

/** Clusters of the seeds and exit addresses (at most `limit` lookups). */
async function clustersOf(db: Db, run: TraceRun, limit = 100): Promise<ReportCluster[]> {
  const p = run.params as { resolvedSeeds?: string[] };
  const addrs = [...new Set([...(p.resolvedSeeds ?? run.seeds), ...run.results.exits.map((x) => x.address)])].slice(0, limit);
  const out: ReportCluster[] = [];
  for (const a of addrs) {
    const c = await clusterOf(db, run.chain as 'btc' | 'eth' | 'tron', a).catch(() => null);
    out.push({ address: a, id: c?.id ?? null, size: c?.size ?? 1, heuristics: c?.heuristics ?? [], confidence: c?.confidence ?? null });
  }
  return out;
}

/** Audit a document leaving the system, in its own transaction. */
async function auditDocument(db: Db, actor: Actor, action: string, entityType: string, entityId: string, region: string | null, details: Record<string, unknown>): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, actor, { action, entityType, entityId, region, details }));
}

/** The case report PDF of a stored trace run. */
export async function caseReportPdf(db: Db, actor: Actor, traceId: string, lang: ReportLang = 'ru'): Promise<{ pdf: Buffer; filename: string; sha256: string }> {
  requirePermission(actor, 'finance.report');
  const run = await getTrace(db, actor, traceId);
  const pdf = await renderCaseReport(run, await clustersOf(db, run), lang, { generatedBy: actor.name, generatedAt: new Date() });
  const sha256 = sha(pdf);
  await auditDocument(db, actor, 'finance.report.case', 'finance_trace_run', run.id, run.region, { lang, sha256, bytes: pdf.length, exits: run.results.exitsTotal });
  return { pdf, filename: `case-report-${safe(run.caseNumber || run.id)}.pdf`, sha256 };
}

/** One service a run's funds reached, with what a freeze request to it would cite. */
export interface FreezeCandidate { service: string; category: string; addresses: { address: string; amount: number; exits: number; first: string; txs: string[] }[]; amount: number; asset: string }

/** Services (exchanges and other attributed exits) of a run, biggest amount first. */
export function freezeCandidatesOf(run: TraceRun): FreezeCandidate[] {
  const by = new Map<string, FreezeCandidate>();
  for (const x of run.results.exits) {
    if (!x.service) continue;
    const c = by.get(x.service.label) ?? { service: x.service.label, category: x.service.category, addresses: [], amount: 0, asset: x.asset };
    let a = c.addresses.find((y) => y.address === x.address);
    if (!a) c.addresses.push(a = { address: x.address, amount: 0, exits: 0, first: x.time, txs: [] });
    a.amount += x.amount; a.exits++;
    if (x.time < a.first) a.first = x.time;
    const last = x.path[x.path.length - 1]?.tx;
    if (last && !a.txs.includes(last)) a.txs.push(last);
    c.amount += x.amount;
    by.set(x.service.label, c);
  }
  return [...by.values()].sort((a, b) => b.amount - a.amount);
}

export async function freezeCandidates(db: Db, actor: Actor, traceId: string): Promise<FreezeCandidate[]> {
  requirePermission(actor, 'finance.report');
  return freezeCandidatesOf(await getTrace(db, actor, traceId));
}

/**
 * Draft a freeze request to one exchange (or other service) for the exit addresses of a run
 * that belong to it; the request's region is the run's (the case's).
 */
export async function createFreezeRequest(db: Db, actor: Actor, traceId: string, input: { service: string; addresses?: string[]; addressee?: string; legalBasis?: string; title?: string }) {
  requirePermission(actor, 'finance.report');
  const run = await getTrace(db, actor, traceId);
  const c = freezeCandidatesOf(run).find((x) => x.service === input.service);
  const addrs = c?.addresses.filter((a) => !input.addresses?.length || input.addresses.includes(a.address)) ?? [];
  if (!c || !addrs.length) throw new AppError('finance.nothing_to_request', { service: input.service });
  const r = await createRequest(db, actor, {
    target: 'exchange', region: run.region, addressee: input.addressee ?? c.service, legalBasis: input.legalBasis ?? null,
    title: input.title ?? `${c.service}: ${addrs.length} ${run.chain.toUpperCase()} / ${c.asset}${run.caseNumber ? ` · ${run.caseNumber}` : ''}`,
    entries: addrs.map((a) => ({
      type: run.chain, value: a.address, label: c.service, firstSeen: new Date(a.first),
      meta: { traceId: run.id, asset: c.asset, amount: Number(a.amount.toFixed(8)), exits: a.exits, txs: a.txs, category: c.category },
    })),
    origin: { module: 'finance' },
  });
  return { ...r, service: c.service, entries: addrs.length, amount: addrs.reduce((s, a) => s + a.amount, 0) };
}

async function financeRequest(db: Db, actor: Actor, requestId: string): Promise<LetterRequest> {
  const r = await getRequest(db, actor, requestId);
  // Letters here are finance's (banks and exchanges); monitoring renders its own.
  if (r.request.originModule !== 'finance' || !['bank', 'exchange'].includes(r.request.target)) throw new AppError('record.not_found');
  return r as unknown as LetterRequest;
}

/** The letter PDF of a finance request (bank or exchange). */
export async function requestLetterPdf(db: Db, actor: Actor, requestId: string, lang: ReportLang = 'ru'): Promise<{ pdf: Buffer; filename: string }> {
  requirePermission(actor, 'finance.report');
  const r = await financeRequest(db, actor, requestId);
  const pdf = await renderLetter(r, lang);
  await auditDocument(db, actor, 'finance.report.letter', 'monitor_request', r.request.id, r.request.region, { lang, sha256: sha(pdf), status: r.request.status });
  return { pdf, filename: `request-${r.request.seq}-${r.request.target}-${lang}.pdf` };
}

/** The CSV annex of a finance request. */
export async function requestAnnexCsv(db: Db, actor: Actor, requestId: string): Promise<{ csv: string; filename: string }> {
  requirePermission(actor, 'finance.report');
  const r = await financeRequest(db, actor, requestId);
  const csv = renderAnnexCsv(r);
  await auditDocument(db, actor, 'finance.report.annex', 'monitor_request', r.request.id, r.request.region, { sha256: sha(csv), entries: r.entries.length });
  return { csv, filename: `request-${r.request.seq}-${r.request.target}.csv` };
}
