/**
 * Bitcoin through an Esplora REST server (Blockstream's or mempool.space's API, or a private
 * one). GET /address/:a/txs returns mempool transactions and the newest 25 confirmed; older
 * ones come 25 at a time from /address/:a/txs/chain/:last_seen_txid. Each transaction carries
 * vin[].prevout (the spent output's address and value) and vout[], which is all the store needs:
 * one transfer row per input and per output. Unconfirmed transactions are skipped (no block time,
 * may never confirm).
 */
import { AppError } from '../../../platform/errors/catalogue.js';
import { amountString, tryCanonical } from '../store/chains.js';
import type { TransferRecord } from '../store/ingest.js';
import { asArr, asObj, asStr, type ChainAdapter, type PageIo } from './types.js';

/** Confirmed transactions per page of the Esplora API. */
export const ESPLORA_PAGE = 25;

export class EsploraAdapter implements ChainAdapter {
  readonly name = 'esplora' as const;
  readonly chain = 'btc' as const;
  constructor(private readonly baseUrl: string) {}

  async *history(address: string, io: PageIo): AsyncGenerator<TransferRecord[]> {
    const base = this.baseUrl.replace(/\/+$/, '');
    let url = `${base}/address/${encodeURIComponent(address)}/txs`;
    let first = true;
    for (;;) {
      const body = await io.get({ url, stable: () => !first });
      const txs = asArr(body);
      if (!Array.isArray(body)) throw new AppError('finance.upstream_invalid', { adapter: this.name, reason: 'expected an array of transactions' });
      const confirmed = txs.filter((t) => asObj(asObj(t).status).confirmed === true);
      yield confirmed.flatMap((t) => this.transfers(asObj(t)));
      // The first page may add mempool entries on top of 25 confirmed ones; only confirmed count.
      if (confirmed.length < ESPLORA_PAGE) return;
      const last = asStr(asObj(confirmed[confirmed.length - 1]).txid);
      if (!last) return;
      url = `${base}/address/${encodeURIComponent(address)}/txs/chain/${encodeURIComponent(last)}`;
      first = false;
    }
  }

  /** Esplora transaction JSON → input and output rows. */
  transfers(t: Record<string, unknown>): TransferRecord[] {
    const hash = asStr(t.txid);
    const status = asObj(t.status);
    const time = Number(status.block_time);
    if (!hash || !/^[0-9a-f]{64}$/.test(hash) || !Number.isFinite(time)) throw new AppError('finance.upstream_invalid', { adapter: this.name, reason: 'transaction without txid or block_time' });
    const blockTime = new Date(time * 1000);
    const blockHeight = Number.isFinite(Number(status.block_height)) ? Number(status.block_height) : null;
    const fee = t.fee !== undefined ? amountString(t.fee) : null;
    const rows: TransferRecord[] = [];
    asArr(t.vin).forEach((v, i) => {
      const vin = asObj(v);
      if (vin.is_coinbase === true) return; // new coins: no sender
      const prev = asObj(vin.prevout);
      const from = tryCanonical('btc', asStr(prev.scriptpubkey_address));
      if (!from) return; // non-standard script without an address
      rows.push({ chain: 'btc', txHash: hash, key: `in:${i}`, asset: 'BTC', from, to: null, amount: amountString(prev.value), decimals: 8, blockTime, blockHeight, ioIndex: i, fee, source: this.name });
    });
    asArr(t.vout).forEach((v, n) => {
      const out = asObj(v);
      const to = tryCanonical('btc', asStr(out.scriptpubkey_address));
      if (!to) return; // OP_RETURN and other address-less outputs
      rows.push({ chain: 'btc', txHash: hash, key: `out:${n}`, asset: 'BTC', from: null, to, amount: amountString(out.value), decimals: 8, blockTime, blockHeight, ioIndex: n, fee, source: this.name });
    });
    return rows;
  }
}
