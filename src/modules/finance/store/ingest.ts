/**
 * Writing ledger data into the store: transactions, transfers and the address index, idempotent
 * (a re-fetched page inserts nothing new and counts nothing twice).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { ASSET_INFO, type Chain } from './chains.js';
import { financeAddresses, financeTransactions, financeTransfers } from './schema.js';

/** One value movement as an adapter (or an import) produces it. */
export interface TransferRecord {
  chain: Chain;
  txHash: string;
  /** Identity inside the transaction (see financeTransfers.key). */
  key: string;
  asset: string;
  tokenContract?: string | null;
  tokenSymbol?: string | null;
  lookalike?: boolean;
  /** null: the UTXO transaction itself (output rows). */
  from: string | null;
  /** null: the UTXO transaction itself (input rows). */
  to: string | null;
  /** Exact integer in smallest units. */
  amount: string;
  decimals: number;
  blockTime: Date;
  blockHeight?: number | null;
  ioIndex?: number | null;
  /** Transaction fee (native smallest units), given on any row of the transaction. */
  fee?: string | null;
  source?: string;
}

const BATCH = 400;

/** Store transfers (and their transactions and addresses). Returns how many transfers were new. */
export async function ingestTransfers(tx: Db, rows: TransferRecord[]): Promise<{ inserted: number }> {
  if (rows.length === 0) return { inserted: 0 };
  for (const r of rows) if (!ASSET_INFO[r.asset] || ASSET_INFO[r.asset]!.chain !== r.chain) throw new Error(`unknown asset ${r.asset} on ${r.chain}`);
  const txs = new Map<string, typeof financeTransactions.$inferInsert>();
  for (const r of rows) {
    const k = r.chain + ':' + r.txHash;
    const t = txs.get(k);
    if (!t) txs.set(k, { chain: r.chain, hash: r.txHash, blockHeight: r.blockHeight ?? null, blockTime: r.blockTime, fee: r.fee ?? null, source: r.source ?? 'import' });
    else if (r.fee && !t.fee) t.fee = r.fee;
  }
  const txRows = [...txs.values()];
  for (let i = 0; i < txRows.length; i += BATCH) await tx.insert(financeTransactions).values(txRows.slice(i, i + BATCH)).onConflictDoNothing();

  let inserted = 0;
  const seen = new Map<string, { chain: string; address: string; n: number; first: Date; last: Date }>();
  const note = (chain: string, address: string | null, t: Date) => {
    if (!address) return;
    const k = chain + ':' + address;
    const s = seen.get(k);
    if (!s) seen.set(k, { chain, address, n: 1, first: t, last: t });
    else { s.n++; if (t < s.first) s.first = t; if (t > s.last) s.last = t; }
  };
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((r) => ({
      chain: r.chain, txHash: r.txHash, key: r.key, asset: r.asset, tokenContract: r.tokenContract ?? null, tokenSymbol: r.tokenSymbol ?? null,
      lookalike: r.lookalike ?? false, fromAddress: r.from, toAddress: r.to, amount: r.amount, value: Number(BigInt(r.amount)), decimals: r.decimals,
      blockTime: r.blockTime, ioIndex: r.ioIndex ?? null,
    }));
    const added = await tx.insert(financeTransfers).values(values).onConflictDoNothing()
      .returning({ chain: financeTransfers.chain, from: financeTransfers.fromAddress, to: financeTransfers.toAddress, t: financeTransfers.blockTime });
    inserted += added.length;
    for (const a of added) { note(a.chain, a.from, a.t); note(a.chain, a.to, a.t); }
  }
  // Sorted so concurrent ingests lock address rows in one order (no deadlocks).
  const addrs = [...seen.values()].sort((a, b) => (a.chain + a.address < b.chain + b.address ? -1 : 1));
  for (let i = 0; i < addrs.length; i += BATCH) {
    await tx.insert(financeAddresses).values(addrs.slice(i, i + BATCH).map((a) => ({ chain: a.chain, address: a.address, firstSeen: a.first, lastSeen: a.last, transferCount: a.n })))
      .onConflictDoUpdate({
        target: [financeAddresses.chain, financeAddresses.address],
        set: {
          firstSeen: sql`least(${financeAddresses.firstSeen}, excluded.first_seen)`,
          lastSeen: sql`greatest(${financeAddresses.lastSeen}, excluded.last_seen)`,
          transferCount: sql`${financeAddresses.transferCount} + excluded.transfer_count`,
        },
      });
  }
  return { inserted };
}

/** Make sure addresses exist in the index (seeds typed by a user before any data is fetched). */
export async function ensureAddresses(tx: Db, chain: Chain, addresses: string[]): Promise<void> {
  if (addresses.length === 0) return;
  await tx.insert(financeAddresses).values([...new Set(addresses)].sort().map((address) => ({ chain, address }))).onConflictDoNothing();
}
