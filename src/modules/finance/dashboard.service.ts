/**
 * The finance card of the home dashboard: what the caller's regions did this week in crypto
 * tracing (runs, exits at exchanges), where the dropper registry stands and which bank/exchange
 * requests are still open. Every figure within the caller's region scope; parts the caller's
 * roles may not read are left out.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import { rolesAllow } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/client.js';
import { regionCondition } from '../../platform/db/scope.js';
import { requestStats } from '../monitor/requests/requests.service.js';
import { financeDropperReports, financeDroppers } from './droppers/schema.js';
import { dropperStats } from './droppers/droppers.service.js';
import { financeTraceRuns } from './store/schema.js';

/** Request statuses still waiting for someone: drafting, approval, or the addressee's answer. */
const OPEN = ['draft', 'approved', 'sent'] as const;

export interface FinanceStats {
  /** Trace runs of the last 7 days. */
  tracesWeek: number;
  /** Exits at exchanges in those runs: exit records, distinct exchange addresses, traced amount per asset (whole units). */
  exchangeExits: { exits: number; addresses: number; amounts: Record<string, number> };
  /** Dropper registry rows by status, and rows that came from ads in the last 7 days. */
  droppers?: Record<string, number>;
  droppersFromAdsWeek?: number;
  /** Open finance requests (draft, approved, sent) to banks and exchanges; of them, drafts awaiting approval. */
  openRequests?: { bank: number; exchange: number; drafts: number };
}

export async function financeStats(db: Db, actor: Actor): Promise<FinanceStats> {
  requirePermission(actor, 'finance.read');
  const since = new Date(Date.now() - 7 * 86_400_000);
  const t = financeTraceRuns;
  const runs = and(regionCondition(actor.scope, t.region), gte(t.createdAt, since));
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(t).where(runs);
  // Exit totals per address are stored with each run (results.totals); exchanges by their tag category.
  const ex = await db.select({
    asset: t.asset, exits: sql<number>`coalesce(sum((x->>'count')::int), 0)::int`, amount: sql<number>`coalesce(sum((x->>'amount')::float8), 0)`,
    addresses: sql<string[]>`array_agg(distinct x->>'address')`,
  }).from(t).innerJoin(sql`jsonb_array_elements(${t.results}->'totals') as x`, sql`true`).where(and(runs, sql`x->>'category' = 'exchange'`)).groupBy(t.asset);
  const out: FinanceStats = {
    tracesWeek: Number(n?.n ?? 0),
    exchangeExits: {
      exits: ex.reduce((s, r) => s + Number(r.exits), 0),
      addresses: new Set(ex.flatMap((r) => r.addresses ?? [])).size,
      amounts: Object.fromEntries(ex.map((r) => [r.asset, Math.round(Number(r.amount) * 1e6) / 1e6])),
    },
  };
  if (rolesAllow(actor.roles, 'finance.dropper.read')) {
    const by: Record<string, number> = { reported: 0, confirmed: 0, blocked: 0, cleared: 0 };
    for (const r of await dropperStats(db, actor)) by[r.status] = (by[r.status] ?? 0) + r.n;
    out.droppers = by;
    const [ads] = await db.select({ n: sql<number>`count(distinct ${financeDroppers.id})::int` }).from(financeDroppers)
      .innerJoin(financeDropperReports, eq(financeDropperReports.dropperId, financeDroppers.id))
      .where(and(eq(financeDropperReports.origin, 'ads'), gte(financeDropperReports.createdAt, since), regionCondition(actor.scope, financeDroppers.region)));
    out.droppersFromAdsWeek = Number(ads?.n ?? 0);
  }
  if (rolesAllow(actor.roles, 'monitor.request.read')) {
    const open = async (target: 'bank' | 'exchange') => {
      const s = await requestStats(db, actor, { origin: 'finance', target });
      return { open: OPEN.reduce((a, k) => a + (s.byStatus[k] ?? 0), 0), drafts: s.byStatus.draft ?? 0 };
    };
    const [bank, exchange] = [await open('bank'), await open('exchange')];
    out.openRequests = { bank: bank.open, exchange: exchange.open, drafts: bank.drafts + exchange.drafts };
  }
  return out;
}
