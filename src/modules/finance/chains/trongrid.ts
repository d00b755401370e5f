/**
 * TRON through the TronGrid v1 API. Two walks per address, each paged with `meta.fingerprint`:
 *   GET /v1/accounts/:a/transactions          — TRX transfers (TransferContract)
 *   GET /v1/accounts/:a/transactions/trc20    — TRC-20 token transfers
 * Only confirmed, successful transactions are kept. Only the contract TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t
 * is Tether USD: any other token is stored under its contract as TOKEN-TRC20, and one calling
 * itself USDT/Tether is flagged `lookalike` (a common scam to fake a payment). The API key goes
 * in the TRON-PRO-API-KEY header, never in the URL.
 */
import { AppError } from '../../../platform/errors/catalogue.js';
import { amountString, claimsStablecoin, tronFromHex, tryCanonical, USDT_TRON } from '../store/chains.js';
import type { TransferRecord } from '../store/ingest.js';
import { asArr, asObj, asStr, type ChainAdapter, type PageIo } from './types.js';

export const TRONGRID_LIMIT = 200;

export class TronGridAdapter implements ChainAdapter {
  readonly name = 'trongrid' as const;
  readonly chain = 'tron' as const;
  constructor(private readonly baseUrl: string) {}

  async *history(address: string, io: PageIo): AsyncGenerator<TransferRecord[]> {
    const base = `${this.baseUrl.replace(/\/+$/, '')}/v1/accounts/${encodeURIComponent(address)}/transactions`;
    yield* this.walk(io, base, 'only_confirmed=true&visible=true', (d) => this.native(d));
    yield* this.walk(io, base + '/trc20', 'only_confirmed=true', (d) => this.trc20(d));
  }

  private async *walk(io: PageIo, path: string, query: string, parse: (data: unknown[]) => TransferRecord[]): AsyncGenerator<TransferRecord[]> {
    let fingerprint: string | null = null;
    for (let guard = 0; guard < 100_000; guard++) {
      const fp = fingerprint;
      const url = `${path}?${query}&limit=${TRONGRID_LIMIT}${fp ? `&fingerprint=${encodeURIComponent(fp)}` : ''}`;
      const body = asObj(await io.get({ url, stable: () => fp !== null }));
      if (body.success === false) throw new AppError('finance.upstream_invalid', { adapter: this.name, reason: String(body.error ?? 'success=false').slice(0, 200) });
      if (!Array.isArray(body.data)) throw new AppError('finance.upstream_invalid', { adapter: this.name, reason: 'no data array' });
      yield parse(body.data);
      fingerprint = asStr(asObj(body.meta).fingerprint);
      if (!fingerprint || body.data.length === 0) return;
    }
  }

  /** TRX transfers (TransferContract) from /transactions. */
  native(data: unknown[]): TransferRecord[] {
    const rows: TransferRecord[] = [];
    for (const d of data) {
      const t = asObj(d);
      const ret = asObj(asArr(t.ret)[0]);
      if (ret.contractRet !== undefined && ret.contractRet !== 'SUCCESS') continue;
      const contract = asObj(asArr(asObj(t.raw_data).contract)[0]);
      if (contract.type !== 'TransferContract') continue; // smart-contract calls: TRC-20 comes from the trc20 walk
      const v = asObj(asObj(contract.parameter).value);
      const hash = asStr(t.txID), time = Number(t.block_timestamp);
      if (!hash || !Number.isFinite(time)) throw new AppError('finance.upstream_invalid', { adapter: this.name, reason: 'transaction without txID or block_timestamp' });
      const from = tryCanonical('tron', tronFromHex(asStr(v.owner_address) ?? '')), to = tryCanonical('tron', tronFromHex(asStr(v.to_address) ?? ''));
      if (!from || !to) continue;
      rows.push({
        chain: 'tron', txHash: hash.toLowerCase(), key: 'native', asset: 'TRX', from, to, amount: amountString(v.amount), decimals: 6,
        blockTime: new Date(time), blockHeight: Number.isFinite(Number(t.blockNumber)) ? Number(t.blockNumber) : null, fee: ret.fee !== undefined ? amountString(ret.fee) : null, source: this.name,
      });
    }
    return rows;
  }

  /** TRC-20 transfers from /transactions/trc20; genuine USDT by contract only. */
  trc20(data: unknown[]): TransferRecord[] {
    const rows: TransferRecord[] = [];
    const dup = new Map<string, number>();
    for (const d of data) {
      const t = asObj(d);
      if (t.type !== undefined && t.type !== 'Transfer') continue;
      const info = asObj(t.token_info);
      const contract = asStr(info.address), hash = asStr(t.transaction_id), time = Number(t.block_timestamp);
      if (!contract || !hash || !Number.isFinite(time)) throw new AppError('finance.upstream_invalid', { adapter: this.name, reason: 'TRC-20 transfer without contract, transaction_id or time' });
      const from = tryCanonical('tron', tronFromHex(asStr(t.from) ?? '')), to = tryCanonical('tron', tronFromHex(asStr(t.to) ?? ''));
      if (!from || !to) continue;
      const amount = amountString(t.value);
      const genuine = contract === USDT_TRON;
      const symbol = asStr(info.symbol);
      // The same (contract, from, to, amount) twice in one transaction is two transfers: count them.
      const base = `tok:${contract}:${from}:${to}:${amount}`;
      const k = (dup.get(hash + base) ?? 0) + 1;
      dup.set(hash + base, k);
      rows.push({
        chain: 'tron', txHash: hash.toLowerCase(), key: `${base}:${k}`, asset: genuine ? 'USDT-TRC20' : 'TOKEN-TRC20', tokenContract: contract, tokenSymbol: symbol,
        lookalike: !genuine && claimsStablecoin(symbol, asStr(info.name)), from, to, amount, decimals: genuine ? 6 : Math.min(77, Math.max(0, Number(info.decimals) || 0)),
        blockTime: new Date(time), source: this.name,
      });
    }
    return rows;
  }
}
