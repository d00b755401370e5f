/**
 * Ethereum through an Etherscan-v2-style API (`?chainid=1&module=account&action=…`; Etherscan
 * itself or a compatible explorer). Three walks per address, ascending by block, paged with
 * page/offset: txlist (ETH), txlistinternal (ETH moved by contracts — exchanges pay out this way)
 * and tokentx (ERC-20). Etherscan serves at most 10 000 rows per query window, so after that
 * the walk restarts at the last block seen (duplicates are dropped by the store's key).
 * Only the genuine USDT and USDC contracts count; other tokens are TOKEN-ERC20, flagged
 * `lookalike` when they call themselves USDT/USDC/Tether. Failed transactions are skipped.
 */
import { AppError } from '../../../platform/errors/catalogue.js';
import { amountString, claimsStablecoin, tryCanonical, USDC_ETH, USDT_ETH } from '../store/chains.js';
import type { TransferRecord } from '../store/ingest.js';
import { asArr, asObj, asStr, type ChainAdapter, type PageIo } from './types.js';

/** Etherscan's limit on page × offset inside one query window. */
const WINDOW = 10_000;

/** Etherscan answers a rate-limit refusal with HTTP 200 and this in `result`. */
export const isRateLimitBody = (b: unknown): boolean => {
  const o = asObj(b);
  return o.status === '0' && typeof o.result === 'string' && /rate limit/i.test(o.result);
};

export class EtherscanAdapter implements ChainAdapter {
  readonly name = 'etherscan' as const;
  readonly chain = 'eth' as const;
  constructor(private readonly baseUrl: string, private readonly apiKey: string | undefined, private readonly pageSize = 1000, private readonly chainId = 1) {}

  async *history(address: string, io: PageIo): AsyncGenerator<TransferRecord[]> {
    yield* this.walk(io, 'txlist', address, (r) => this.native(r, 'native'));
    yield* this.walk(io, 'txlistinternal', address, (r) => this.native(r, 'internal'));
    yield* this.walk(io, 'tokentx', address, (r) => this.tokens(r));
  }

  private async *walk(io: PageIo, action: string, address: string, parse: (rows: unknown[]) => TransferRecord[]): AsyncGenerator<TransferRecord[]> {
    let startblock = 0, page = 1;
    for (let guard = 0; guard < 100_000; guard++) {
      const q = new URLSearchParams({ chainid: String(this.chainId), module: 'account', action, address, startblock: String(startblock), endblock: '999999999', page: String(page), offset: String(this.pageSize), sort: 'asc' });
      if (this.apiKey) q.set('apikey', this.apiKey);
      const body = asObj(await io.get({ url: `${this.baseUrl}?${q}`, stable: (b) => asArr(asObj(b).result).length === this.pageSize, retryBody: isRateLimitBody }));
      if (body.status !== '1') {
        // "No transactions found" is an empty history, anything else (bad key, bad address) an error.
        if (Array.isArray(body.result) && body.result.length === 0) return;
        throw new AppError('finance.upstream_failed', { adapter: this.name, message: String(body.message ?? ''), result: String(body.result ?? '').slice(0, 200) });
      }
      const rows = asArr(body.result);
      yield parse(rows);
      if (rows.length < this.pageSize) return;
      if (page * this.pageSize >= WINDOW) {
        const last = Number(asObj(rows[rows.length - 1]).blockNumber);
        if (!Number.isFinite(last) || last <= startblock) throw new AppError('finance.upstream_invalid', { adapter: this.name, reason: `more than ${WINDOW} rows in block ${startblock}` });
        startblock = last; page = 1;
      } else page++;
    }
  }

  private common(t: Record<string, unknown>) {
    const hash = asStr(t.hash)?.toLowerCase(), time = Number(t.timeStamp);
    if (!hash || !/^0x[0-9a-f]{64}$/.test(hash) || !Number.isFinite(time)) throw new AppError('finance.upstream_invalid', { adapter: this.name, reason: 'row without hash or timeStamp' });
    return { hash, blockTime: new Date(time * 1000), blockHeight: Number.isFinite(Number(t.blockNumber)) ? Number(t.blockNumber) : null };
  }

  /** ETH moved by a transaction (txlist) or by a contract inside one (txlistinternal). */
  native(rows: unknown[], kind: 'native' | 'internal'): TransferRecord[] {
    const out: TransferRecord[] = [];
    for (const r of rows) {
      const t = asObj(r);
      if (t.isError === '1' || t.txreceipt_status === '0') continue;
      const { hash, blockTime, blockHeight } = this.common(t);
      const amount = amountString(t.value);
      const from = tryCanonical('eth', asStr(t.from)), to = tryCanonical('eth', asStr(t.to) || asStr(t.contractAddress));
      if (amount === '0' || !from || !to) continue; // contract calls without value carry no money
      const fee = kind === 'native' && t.gasUsed !== undefined && t.gasPrice !== undefined ? (BigInt(amountString(t.gasUsed)) * BigInt(amountString(t.gasPrice))).toString() : null;
      out.push({ chain: 'eth', txHash: hash, key: kind === 'native' ? 'native' : `int:${asStr(t.traceId) ?? `${from}:${to}:${amount}`}`, asset: 'ETH', from, to, amount, decimals: 18, blockTime, blockHeight, fee, source: this.name });
    }
    return out;
  }

  /** ERC-20 transfers (tokentx). */
  tokens(rows: unknown[]): TransferRecord[] {
    const out: TransferRecord[] = [];
    const dup = new Map<string, number>();
    for (const r of rows) {
      const t = asObj(r);
      const { hash, blockTime, blockHeight } = this.common(t);
      const contract = asStr(t.contractAddress)?.toLowerCase();
      const from = tryCanonical('eth', asStr(t.from)), to = tryCanonical('eth', asStr(t.to));
      if (!contract || !from || !to) continue;
      const amount = amountString(t.value);
      const asset = contract === USDT_ETH ? 'USDT-ERC20' : contract === USDC_ETH ? 'USDC-ERC20' : 'TOKEN-ERC20';
      const symbol = asStr(t.tokenSymbol);
      let key: string;
      if (asStr(t.logIndex) !== null) key = `tok:${contract}:log${asStr(t.logIndex)}`;
      else {
        const base = `tok:${contract}:${from}:${to}:${amount}`;
        const k = (dup.get(hash + base) ?? 0) + 1;
        dup.set(hash + base, k);
        key = `${base}:${k}`;
      }
      out.push({
        chain: 'eth', txHash: hash, key, asset, tokenContract: contract, tokenSymbol: symbol, lookalike: asset === 'TOKEN-ERC20' && claimsStablecoin(symbol, asStr(t.tokenName)),
        from, to, amount, decimals: asset === 'TOKEN-ERC20' ? Math.min(77, Math.max(0, Number(t.tokenDecimal) || 0)) : 6, blockTime, blockHeight, source: this.name,
      });
    }
    return out;
  }
}
