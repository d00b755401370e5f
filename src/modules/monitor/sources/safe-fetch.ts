import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { allowlisted, blockedReason, parseIp, type Allowlist } from './ip.js';

/**
 * The crawler's only way onto the network: an SSRF-safe GET.
 *
 * Every hop (the first request and each redirect) is validated the same way: http/https only,
 * no credentials in the URL, DNS resolved by us, EVERY resolved address checked against the
 * non-public ranges (ip.ts) unless the operator allowlisted it, and then the socket is opened to
 * exactly the address we checked (a pinned `lookup`), so a second DNS answer (rebinding) can
 * never be the one we connect to. Redirects are followed by hand, so each one is re-checked.
 * Bodies are streamed with a byte cap (decoded bytes, so a gzip bomb stops at the cap too) and
 * the whole fetch shares one deadline.
 */

/** DNS resolution, injectable so tests can make a name resolve to 127.0.0.1. */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;
export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export interface SafeFetchOptions {
  allowlist: Allowlist;
  userAgent: string;
  maxBytes: number;
  /** Whole fetch, redirects and body included. */
  timeoutMs: number;
  maxRedirects: number;
  resolver?: Resolver;
  accept?: string;
  /**
   * false: return a 3xx as is (empty body) so the caller re-queues its target through its own
   * scope/robots/rate checks; the target is then vetted here again when fetched.
   */
  followRedirects?: boolean;
  /** Extra policy for redirect targets (e.g. crawl scope); returns a refusal reason or null. */
  checkRedirect?: (url: URL) => string | null;
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  redirects: string[];
}

/** A request the policy refused or that broke a limit; `reason` is a stable code for stats. */
export class FetchRefused extends Error {
  constructor(readonly reason: string, readonly url: string, detail = '') {
    super(`${reason}: ${url}${detail ? ` (${detail})` : ''}`);
  }
}

/**
 * Check a URL and resolve its host; returns the single address to connect to.
 * Exported so callers (the API) can refuse obviously bad seeds early with the same rules.
 */
export async function vetTarget(url: URL, opts: Pick<SafeFetchOptions, 'allowlist' | 'resolver'>): Promise<string> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused('scheme', url.href);
  if (url.username || url.password) throw new FetchRefused('credentials', url.href);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const literal = parseIp(host);
  let addresses: string[];
  if (literal) addresses = [host];
  else {
    try { addresses = (await (opts.resolver ?? systemResolver)(host)).map((a) => a.address); } catch (e) {
      throw new FetchRefused('dns', url.href, (e as Error).message);
    }
    if (addresses.length === 0) throw new FetchRefused('dns', url.href, 'no addresses');
  }
  for (const address of addresses) {
    const ip = parseIp(address);
    const why = ip ? blockedReason(ip) : 'unparseable';
    // One bad answer refuses the name: otherwise a resolver could mix a public and a private address.
    if (why && !allowlisted(opts.allowlist, host, port, address)) throw new FetchRefused('blocked_address', url.href, `${address} ${why}`);
  }
  return addresses[0]!;
}

/** GET with the full policy; resolves with the final response (any status) or rejects with FetchRefused. */
export async function safeFetch(input: string, opts: SafeFetchOptions): Promise<FetchResult> {
  let url: URL;
  try { url = new URL(input); } catch { throw new FetchRefused('invalid_url', input); }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  const redirects: string[] = [];
  try {
    for (;;) {
      const address = await vetTarget(url, opts);
      const res = await request(url, address, opts, controller.signal);
      const location = res.headers.location;
      if ([301, 302, 303, 307, 308].includes(res.statusCode ?? 0) && location) {
        if (opts.followRedirects === false) {
          res.destroy();
          return { url: url.href, status: res.statusCode!, headers: res.headers, body: Buffer.alloc(0), redirects };
        }
        res.resume();
        res.destroy();
        if (redirects.length >= opts.maxRedirects) throw new FetchRefused('too_many_redirects', url.href);
        let next: URL;
        try { next = new URL(location, url); } catch { throw new FetchRefused('invalid_redirect', url.href); }
        next.hash = '';
        const why = opts.checkRedirect?.(next);
        if (why) throw new FetchRefused(why, next.href, `redirect from ${url.href}`);
        redirects.push(next.href);
        url = next;
        continue;
      }
      const body = await readBody(res, url.href, opts.maxBytes);
      return { url: url.href, status: res.statusCode ?? 0, headers: res.headers, body, redirects };
    }
  } catch (e) {
    if (controller.signal.aborted && !(e instanceof FetchRefused)) throw new FetchRefused('timeout', url.href);
    if (e instanceof FetchRefused) throw e;
    throw new FetchRefused('network', url.href, (e as Error).message);
  } finally {
    clearTimeout(timer);
  }
}

function request(url: URL, address: string, opts: SafeFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const family = parseIp(address)!.family;
  // Pinned resolution: whatever Node asks, the answer is the address vetTarget checked.
  const lookup = ((_host: string, options: { all?: boolean }, cb: (...a: unknown[]) => void) => {
    if (options?.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as unknown as LookupFunction;
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request({
      protocol: url.protocol, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || undefined,
      path: url.pathname + url.search, method: 'GET', lookup, signal, agent: false,
      headers: { 'user-agent': opts.userAgent, accept: opts.accept ?? 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1', 'accept-encoding': 'gzip, deflate, br' },
    }, resolve);
    req.on('error', reject);
    req.end();
  });
}

async function readBody(res: IncomingMessage, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) { res.destroy(); throw new FetchRefused('too_large', url, `${declared} bytes declared`); }
  const enc = String(res.headers['content-encoding'] ?? '').toLowerCase().trim();
  const decoder = enc === 'gzip' || enc === 'x-gzip' ? createGunzip() : enc === 'deflate' ? createInflate() : enc === 'br' ? createBrotliDecompress() : null;
  const stream: Readable = decoder ? res.pipe(decoder) : res;
  if (decoder) res.on('error', (e) => decoder.destroy(e));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      // Stop reading (and drop the connection) the moment the cap is passed: never buffer more.
      if (total > maxBytes) throw new FetchRefused('too_large', url, `over ${maxBytes} bytes`);
      chunks.push(chunk as Buffer);
    }
  } finally {
    if (total > maxBytes || !res.complete) { res.destroy(); decoder?.destroy(); }
  }
  return Buffer.concat(chunks);
}
