/**
 * Demo data for crypto tracing — SYNTHETIC, clearly marked: a drug shop's USDT-TRC20 wallet
 * (a TRON wallet found by the monitoring demo when there is one) collecting buyers' payments
 * and paying through a few hops to two tagged exchanges; a small Bitcoin history with a
 * multi-input spend and a CoinJoin for the cluster pages; one stored trace run.
 * Addresses are checksummed hashes of labels (store/synthetic.ts), not anyone's wallets.
 * Idempotent: fixed keys, duplicate tags ignored, the demo run created once.
 */
import { SYNTHETIC } from '../../app/demo.js';
import { systemActor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/catalogue.js';
import type { AppContext } from '../../platform/http/context.js';
import { observe, search } from '../traces/traces.service.js';
import { rebuildClusters } from './clusters/clusters.service.js';
import { USDT_TRON } from './store/chains.js';
import { ingestTransfers, type TransferRecord } from './store/ingest.js';
import { syntheticBtc, syntheticTron, syntheticTxid } from './store/synthetic.js';
import { addTag } from './tags/tags.service.js';
import { getTrace, listTraces, runTrace } from './trace/trace.service.js';
import { seedFinanceAttributionDemo } from './demo-attribution.js';

const DEMO_CASE = 'DEMO-FIN-2026-0001';
const DAY = 86_400;
const START = Date.UTC(2026, 0, 10) / 1000;

export async function seedFinanceDemo(ctx: AppContext): Promise<void> {
  const actor = systemActor('demo-seed');
  const db = ctx.db;
  // Prefer a TRON wallet the monitoring demo found in a post, so the demo path "post → wallet → trace" works.
  const found = await search(db, actor, { q: 'T', type: 'tron', limit: 1 }).catch(() => []);
  const shop = found[0]?.value ?? syntheticTron('demo-shop');
  const w = (s: string) => syntheticTron('demo-' + s);
  const [buyer1, buyer2, buyer3, mule1, mule2, mule3, exchangeA, exchangeB, clean] = ['buyer1', 'buyer2', 'buyer3', 'mule1', 'mule2', 'mule3', 'exchange-a', 'exchange-b', 'clean'].map(w) as string[];
  let seq = 0;
  const usdt = (from: string, to: string, usd: number, day: number): TransferRecord => {
    const amount = String(Math.round(usd * 1_000_000));
    const hash = syntheticTxid(`demo-usdt-${seq++}`);
    return { chain: 'tron', txHash: hash, key: `tok:${USDT_TRON}:${from}:${to}:${amount}:1`, asset: 'USDT-TRC20', tokenContract: USDT_TRON, tokenSymbol: 'USDT', from, to, amount, decimals: 6, blockTime: new Date((START + day * DAY) * 1000), source: 'demo' };
  };
  await db.transaction((tx) => ingestTransfers(tx, [
    usdt(buyer1!, shop, 120, 0), usdt(buyer2!, shop, 85, 0.5), usdt(buyer3!, shop, 240, 1),
    usdt(clean!, mule1!, 1000, 0.2), usdt(shop, mule1!, 400, 2), usdt(mule1!, mule2!, 900, 3), usdt(mule2!, exchangeA!, 880, 4),
    usdt(mule1!, mule3!, 450, 3.5), usdt(mule3!, exchangeB!, 440, 5), usdt(shop, exchangeB!, 40, 6),
  ]));

  // Bitcoin: a wallet spending two of its addresses together (one cluster) and a CoinJoin that must not merge.
  const b = (s: string) => syntheticBtc('demo-' + s);
  const rows: TransferRecord[] = [];
  const btx = (label: string, day: number, ins: [string, number][], outs: [string, number][]) => {
    const h = syntheticTxid('demo-btc-' + label);
    const t = new Date((START + day * DAY) * 1000);
    ins.forEach(([a, v], i) => rows.push({ chain: 'btc', txHash: h, key: `in:${i}`, asset: 'BTC', from: a, to: null, amount: String(v), decimals: 8, blockTime: t, ioIndex: i, source: 'demo' }));
    outs.forEach(([a, v], i) => rows.push({ chain: 'btc', txHash: h, key: `out:${i}`, asset: 'BTC', from: null, to: a, amount: String(v), decimals: 8, blockTime: t, ioIndex: i, source: 'demo' }));
  };
  btx('fund', 0, [[b('buyer'), 2_000_000]], [[b('shop-1'), 1_500_000], [b('buyer'), 490_000]]);
  btx('fund2', 0.5, [[b('buyer2'), 900_000]], [[b('shop-2'), 800_000], [b('buyer2'), 95_000]]);
  btx('consolidate', 2, [[b('shop-1'), 1_500_000], [b('shop-2'), 800_000]], [[b('mule'), 2_000_000], [b('shop-change'), 295_000]]);
  btx('coinjoin', 3, [[b('mule'), 2_000_000], [b('cj-2'), 1_100_000], [b('cj-3'), 1_050_000]], [[b('cj-out-1'), 1_000_000], [b('cj-out-2'), 1_000_000], [b('cj-out-3'), 1_000_000], [b('mule-change'), 998_000]]);
  btx('cashout', 4, [[b('cj-out-1'), 1_000_000]], [[b('exchange-c'), 999_000]]);
  await db.transaction((tx) => ingestTransfers(tx, rows));

  const tag = async (chain: string, address: string, label: string, category: string) => {
    try { await addTag(db, actor, { chain, address, label: `${SYNTHETIC} ${label}`, category, source: 'synthetic demo data', confidence: 'forensic' }); }
    catch (e) { if (!(e instanceof AppError && e.code === 'record.conflict')) throw e; }
  };
  await tag('tron', exchangeA!, 'Exchange A hot wallet', 'exchange');
  await tag('tron', exchangeB!, 'Exchange B deposit', 'exchange');
  await tag('tron', shop, 'Shop wallet from a monitored post', 'drug_shop');
  await tag('btc', b('exchange-c'), 'Exchange C deposit', 'exchange');
  await observe(db, actor, { module: 'finance', source: 'finance:demo', entities: [{ type: 'tron', value: shop, tags: ['demo'] }, { type: 'btc', value: b('shop-1'), tags: ['demo'] }] });
  await rebuildClusters(db, 'btc', { actor });

  const runs = await listTraces(db, actor, { caseNumber: DEMO_CASE, limit: 1 });
  const run = runs.total === 0
    ? await runTrace(db, actor, { chain: 'tron', asset: 'USDT-TRC20', seeds: [shop], direction: 'forward', model: 'haircut', maxHops: 5, region: 'KZ-75', caseNumber: DEMO_CASE, title: `${SYNTHETIC} Shop wallet → exchanges` })
    : await getTrace(db, actor, runs.items[0]!.id);
  // Attribution and registry demo: regional tag, TagPack, bank report, ads → registry, freeze request draft.
  await seedFinanceAttributionDemo(ctx, run);
}
