/**
 * Local stand-ins for the public chain APIs, for tests and browser e2e (the network is closed).
 * One node:http server on 127.0.0.1 answers in the exact JSON shapes and pagination of
 *   /esplora/address/:a/txs[/chain/:last]             (Esplora: 25 confirmed per page, mempool first)
 *   /trongrid/v1/accounts/:a/transactions[/trc20]     (TronGrid v1: data + meta.fingerprint)
 *   /etherscan?chainid=1&module=account&action=…      (Etherscan v2: status/message/result, page/offset)
 * Failures can be queued per path prefix (429 with Retry-After, 5xx, rate-limit bodies, hangs).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EsploraTx { txid: string; status: { confirmed: boolean; block_height?: number; block_time?: number }; fee?: number; vin: unknown[]; vout: unknown[] }
export type Failure = { status: number; retryAfter?: string; body?: string } | { hang: true };

export class FakeChainApis {
  /** Esplora: address → transactions, newest first (as the API orders them). */
  readonly esplora = new Map<string, EsploraTx[]>();
  /** TronGrid: address → TRX transactions and TRC-20 transfers, newest first. */
  readonly tron = new Map<string, { native: unknown[]; trc20: unknown[] }>();
  /** TronGrid page size used by the fake (≤ the client's limit). */
  tronPageSize = 200;
  /** Etherscan: address → rows per action, oldest first (sort=asc). */
  readonly eth = new Map<string, { txlist: unknown[]; txlistinternal: unknown[]; tokentx: unknown[] }>();
  /** Every request: path+query and headers. */
  readonly hits: { url: string; headers: IncomingHttpHeaders }[] = [];
  private failures: { prefix: string; f: Failure }[] = [];
  private server: Server | null = null;
  base = '';

  /** Queue failures for the next requests whose path+query starts with `prefix`. */
  fail(prefix: string, ...fs: Failure[]): void { for (const f of fs) this.failures.push({ prefix, f }); }
  hitsOf(prefix: string): number { return this.hits.filter((h) => h.url.startsWith(prefix)).length; }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const url = req.url ?? '/';
      this.hits.push({ url, headers: req.headers });
      const i = this.failures.findIndex((x) => url.startsWith(x.prefix));
      if (i >= 0) {
        const { f } = this.failures.splice(i, 1)[0]!;
        if ('hang' in f) return; // never answers: the client's timeout must fire
        res.writeHead(f.status, { 'content-type': 'application/json', ...(f.retryAfter ? { 'retry-after': f.retryAfter } : {}) });
        res.end(f.body ?? JSON.stringify({ error: 'injected' }));
        return;
      }
      const send = (body: unknown, status = 200) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
      const u = new URL(url, 'http://x');
      let m: RegExpExecArray | null;
      if ((m = /^\/esplora\/address\/([^/]+)\/txs(?:\/chain\/([^/]+))?$/.exec(u.pathname))) {
        const all = this.esplora.get(decodeURIComponent(m[1]!)) ?? [];
        const confirmed = all.filter((t) => t.status.confirmed);
        if (!m[2]) return send([...all.filter((t) => !t.status.confirmed), ...confirmed.slice(0, 25)]);
        const at = confirmed.findIndex((t) => t.txid === m![2]);
        return at < 0 ? send('Transaction not found', 400) : send(confirmed.slice(at + 1, at + 26));
      }
      if ((m = /^\/trongrid\/v1\/accounts\/([^/]+)\/transactions(\/trc20)?$/.exec(u.pathname))) {
        const acc = this.tron.get(decodeURIComponent(m[1]!)) ?? { native: [], trc20: [] };
        const list = m[2] ? acc.trc20 : acc.native;
        const size = Math.min(Number(u.searchParams.get('limit') ?? 20), this.tronPageSize);
        const start = u.searchParams.get('fingerprint') ? Number(Buffer.from(u.searchParams.get('fingerprint')!, 'base64url').toString()) : 0;
        const data = list.slice(start, start + size);
        const more = start + size < list.length;
        const fingerprint = Buffer.from(String(start + size)).toString('base64url');
        return send({ data, success: true, meta: { at: Date.now(), page_size: data.length, ...(more ? { fingerprint, links: { next: `${this.base}${u.pathname}?fingerprint=${fingerprint}` } } : {}) } });
      }
      if (u.pathname === '/etherscan') {
        const p = u.searchParams;
        if (p.get('chainid') !== '1' || p.get('module') !== 'account') return send({ status: '0', message: 'NOTOK', result: 'Error! Missing Or invalid Module name' });
        const rows = (this.eth.get(p.get('address') ?? '') as Record<string, unknown[]> | undefined)?.[p.get('action') ?? ''] ?? [];
        const start = Number(p.get('startblock') ?? 0), page = Number(p.get('page') ?? 1), offset = Number(p.get('offset') ?? 10000);
        if (page * offset > 10000) return send({ status: '0', message: 'NOTOK', result: 'Result window is too large, PageNo x Offset size must be less than or equal to 10000' });
        const inRange = rows.filter((r) => Number((r as { blockNumber: string }).blockNumber) >= start);
        const result = inRange.slice((page - 1) * offset, page * offset);
        return send(result.length ? { status: '1', message: 'OK', result } : { status: '0', message: 'No transactions found', result: [] });
      }
      send({ error: 'not found' }, 404);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Env for startTestApp / the server pointing every adapter here. */
  env(): Record<string, string> {
    return { QALQAN_ESPLORA_URL: `${this.base}/esplora`, QALQAN_TRONGRID_URL: `${this.base}/trongrid`, QALQAN_ETHERSCAN_URL: `${this.base}/etherscan` };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

/** An Esplora transaction: inputs [address, sats][] spending earlier outputs, outputs [address|null, sats][]. */
export function esploraTx(txid: string, time: number, height: number, vin: [string, number][], vout: [string | null, number][], fee = 200): EsploraTx {
  return {
    txid, fee, status: { confirmed: true, block_height: height, block_time: time },
    vin: vin.map(([a, v], i) => ({ txid: txid.slice(0, 60) + String(i).padStart(4, '0'), vout: 0, is_coinbase: false, prevout: { scriptpubkey: '', scriptpubkey_type: 'v0_p2wpkh', scriptpubkey_address: a, value: v } })),
    vout: vout.map(([a, v]) => (a ? { scriptpubkey: '', scriptpubkey_type: 'v0_p2wpkh', scriptpubkey_address: a, value: v } : { scriptpubkey: '6a', scriptpubkey_type: 'op_return', value: v })),
  };
}
