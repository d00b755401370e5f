/**
 * Agreement between reviewers: for every pair, over the items both decided, the share of equal
 * decisions and Cohen's kappa (agreement corrected for chance, over the three categories
 * confirmed / rejected / unsure). Low kappa on a pair means the instructions are read
 * differently: a reason for a calibration session, not for blaming one reviewer.
 */
import { and, gte, lte, sql, type SQL } from 'drizzle-orm';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { itemScope } from '../items.service.js';
import { monitorItems } from '../schema.js';
import { monitorReviewDecisions } from './schema.js';

const CATS = ['confirmed', 'rejected', 'unsure'] as const;

/**
 * Cohen's kappa from paired decisions: (po − pe) / (1 − pe). Null when undefined (no pairs, or
 * both reviewers always used one and the same category, pe = 1).
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): { n: number; agreement: number | null; kappa: number | null } {
  const n = pairs.length;
  if (!n) return { n, agreement: null, kappa: null };
  const a = new Map<string, number>(), b = new Map<string, number>();
  let same = 0;
  for (const [x, y] of pairs) {
    if (x === y) same++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const po = same / n;
  let pe = 0;
  for (const [k, ca] of a) pe += (ca / n) * ((b.get(k) ?? 0) / n);
  const kappa = pe >= 1 ? null : (po - pe) / (1 - pe);
  return { n, agreement: po, kappa };
}

export interface AgreementQuery { from?: string; to?: string; minPairs?: number }

/** Per reviewer: decisions by category; per pair: n, percent agreement, kappa and the confusion table. */
export async function agreement(db: Db, actor: Actor, q: AgreementQuery = {}) {
  requirePermission(actor, 'monitor.review');
  const period: (SQL | undefined)[] = [itemScope(actor)];
  if (q.from) period.push(gte(monitorItems.ingestedAt, new Date(q.from)));
  if (q.to) period.push(lte(monitorItems.ingestedAt, new Date(q.to)));
  const where = and(...period) ?? sql`true`;
  const res = await db.execute(sql`select a.reviewer_id as ra, b.reviewer_id as rb, a.decision as da, b.decision as db, count(*)::int as n
    from ${monitorReviewDecisions} a join ${monitorReviewDecisions} b on b.item_id = a.item_id and a.reviewer_id < b.reviewer_id
    join ${monitorItems} on ${monitorItems.id} = a.item_id where ${where}
    group by 1, 2, 3, 4`);
  const cells = (res as unknown as { rows: { ra: string; rb: string; da: string; db: string; n: number }[] }).rows;
  const per = await db.execute(sql`select d.reviewer_id as r, max(d.reviewer_name) as name, d.decision as decision, count(*)::int as n
    from ${monitorReviewDecisions} d join ${monitorItems} on ${monitorItems.id} = d.item_id where ${where} group by 1, 3`);
  const reviewers = new Map<string, { id: string; name: string; confirmed: number; rejected: number; unsure: number; total: number }>();
  for (const r of (per as unknown as { rows: { r: string; name: string; decision: string; n: number }[] }).rows) {
    const x = reviewers.get(r.r) ?? { id: r.r, name: r.name, confirmed: 0, rejected: 0, unsure: 0, total: 0 };
    if ((CATS as readonly string[]).includes(r.decision)) x[r.decision as (typeof CATS)[number]] += r.n;
    x.total += r.n;
    reviewers.set(r.r, x);
  }
  const byPair = new Map<string, { a: string; b: string; pairs: [string, string][]; table: Record<string, Record<string, number>> }>();
  for (const c of cells) {
    const key = `${c.ra}\u0000${c.rb}`;
    const p = byPair.get(key) ?? { a: c.ra, b: c.rb, pairs: [], table: Object.fromEntries(CATS.map((k) => [k, Object.fromEntries(CATS.map((j) => [j, 0]))])) };
    for (let i = 0; i < c.n; i++) p.pairs.push([c.da, c.db]);
    if (p.table[c.da]) p.table[c.da]![c.db] = (p.table[c.da]![c.db] ?? 0) + c.n;
    byPair.set(key, p);
  }
  const name = (id: string) => reviewers.get(id)?.name ?? id;
  const pairs = [...byPair.values()].map((p) => ({ a: { id: p.a, name: name(p.a) }, b: { id: p.b, name: name(p.b) }, ...cohenKappa(p.pairs), table: p.table }))
    .filter((p) => p.n >= (q.minPairs ?? 1)).sort((x, y) => y.n - x.n);
  return { reviewers: [...reviewers.values()].sort((x, y) => y.total - x.total), pairs };
}
