/**
 * Address page: what the store knows about one address — activity span, totals per asset,
 * transfers (paged), attribution tags, cluster, and the traces entity of the same wallet.
 */
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { rolesAllow } from '../../../platform/auth/policy.js';
import type { Db } from '../../../platform/db/client.js';
import { findEntity } from '../../traces/traces.service.js';
import { clusterOf } from '../clusters/clusters.service.js';
import { tagsFor } from '../tags/tags.service.js';
import { canonicalAddress, formatUnits, type Chain } from './chains.js';
import { financeAddresses, financeTransfers } from './schema.js';

export interface AddressPageQuery { asset?: string; offset?: number; limit?: number }

export async function getAddressPage(db: Db, actor: Actor, chain: Chain, raw: string, q: AddressPageQuery = {}) {
  requirePermission(actor, 'finance.read');
  const address = canonicalAddress(chain, raw);
  const t = financeTransfers;
  const touches = or(eq(t.fromAddress, address), eq(t.toAddress, address));
  const where: (SQL | undefined)[] = [eq(t.chain, chain), touches, q.asset ? eq(t.asset, q.asset) : undefined];
  const limit = Math.min(500, Math.max(1, q.limit ?? 50)), offset = Math.max(0, q.offset ?? 0);
  const [[summary], rows, [total], totals, tags, cluster, medium] = await Promise.all([
    db.select().from(financeAddresses).where(and(eq(financeAddresses.chain, chain), eq(financeAddresses.address, address))),
    db.select().from(t).where(and(...where)).orderBy(desc(t.blockTime), desc(t.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(t).where(and(...where)),
    db.select({
      asset: t.asset, tokenContract: t.tokenContract, lookalike: t.lookalike, decimals: sql<number>`max(${t.decimals})`,
      received: sql<string>`coalesce(sum(case when ${t.toAddress} = ${address} then ${t.amount} end), 0)::text`,
      sent: sql<string>`coalesce(sum(case when ${t.fromAddress} = ${address} then ${t.amount} end), 0)::text`,
      n: count(),
    }).from(t).where(and(eq(t.chain, chain), touches)).groupBy(t.asset, t.tokenContract, t.lookalike),
    tagsFor(db, chain, [address], { scope: actor.scope }),
    clusterOf(db, chain, address, 'high'),
    clusterOf(db, chain, address, 'medium'),
  ]);
  const entity = rolesAllow(actor.roles, 'traces.read') ? await findEntity(db, actor, chain, address).catch(() => null) : null;
  return {
    chain, address,
    summary: summary ?? null,
    totals: totals.map((x) => ({ ...x, n: Number(x.n), receivedUnits: formatUnits(x.received, Number(x.decimals)), sentUnits: formatUnits(x.sent, Number(x.decimals)) })),
    tags: tags.get(address) ?? [],
    cluster, clusterMedium: medium,
    entity: entity ? { id: entity.id, type: entity.type, value: entity.value, display: entity.display } : null,
    transfers: {
      items: rows.map((r) => ({
        id: r.id, txHash: r.txHash, asset: r.asset, tokenContract: r.tokenContract, tokenSymbol: r.tokenSymbol, lookalike: r.lookalike,
        from: r.fromAddress, to: r.toAddress, direction: r.toAddress === address ? 'in' : 'out', amount: r.amount, units: formatUnits(r.amount, r.decimals),
        blockTime: r.blockTime, ioIndex: r.ioIndex,
      })),
      total: Number(total?.n ?? 0), offset, limit,
    },
  };
}
