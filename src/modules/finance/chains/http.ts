/**
 * HTTP for the chain adapters: a token bucket per adapter (public APIs ban clients that exceed
 * their rate), timeouts, and retries with exponential backoff and jitter on 429, 5xx, network
 * errors and timeouts, honouring Retry-After. Credentials travel in headers or are stripped
 * from anything logged or cached (`redact`).
 */
import { AppError } from '../../../platform/errors/catalogue.js';
import { networkFailure } from '../../../platform/errors/network.js';

/** Refills `rate` tokens per second up to `burst`; take() waits for a token. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(private readonly rate: number, private readonly burst: number, private readonly now: () => number = Date.now, private readonly sleep: (ms: number) => Promise<void> = delay) {
    this.tokens = burst;
    this.last = now();
  }
  async take(): Promise<void> {
    for (;;) {
      const t = this.now();
      this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
      this.last = t;
      if (this.tokens >= 1) { this.tokens -= 1; return; }
      await this.sleep(Math.ceil(((1 - this.tokens) / this.rate) * 1000));
    }
  }
}

export const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface HttpOptions {
  /** Adapter name, for errors. */
  name: string;
  /** Requests per second allowed, and the burst. */
  rps: number;
  burst?: number;
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this fails the request instead of stalling a trace. */
  maxRetryAfterMs?: number;
  headers?: Record<string, string>;
  /** Injected in tests: sleeping and randomness. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface HttpStats { requests: number; retries: number; delays: number[] }

/** Parse Retry-After: delta-seconds or an HTTP date. */
export function retryAfterMs(v: string | null, now = Date.now()): number | null {
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

export class ChainHttp {
  readonly stats: HttpStats = { requests: 0, retries: 0, delays: [] };
  private readonly bucket: TokenBucket;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(readonly o: HttpOptions) {
    this.sleep = o.sleep ?? delay;
    this.random = o.random ?? Math.random;
    this.bucket = new TokenBucket(o.rps, o.burst ?? Math.max(1, Math.ceil(o.rps)), Date.now, this.sleep);
  }

  /** Backoff before retry n (1-based): base·2^(n-1), capped, with "equal jitter" (half fixed, half random). */
  backoff(n: number): number {
    const cap = Math.min(this.o.maxDelayMs ?? 30_000, (this.o.baseDelayMs ?? 500) * 2 ** (n - 1));
    return Math.round(cap / 2 + this.random() * (cap / 2));
  }

  /**
   * GET a JSON document. `retryBody` marks a 200 answer that is really a rate-limit refusal
   * (Etherscan answers "Max rate limit reached" with status 200).
   */
  async getJson(url: string, retryBody?: (body: unknown) => boolean): Promise<{ status: number; text: string; body: unknown }> {
    let lastError = '';
    for (let attempt = 0; ; attempt++) {
      let wait: number | null = null;
      await this.bucket.take();
      this.stats.requests++;
      try {
        const res = await fetch(url, { headers: { accept: 'application/json', ...this.o.headers }, signal: AbortSignal.timeout(this.o.timeoutMs) });
        const text = await res.text();
        if (res.status === 429 || res.status >= 500) {
          lastError = `HTTP ${res.status}`;
          wait = retryAfterMs(res.headers.get('retry-after'));
          if (wait !== null && wait > (this.o.maxRetryAfterMs ?? 120_000)) throw new AppError('finance.upstream_failed', { adapter: this.o.name, status: res.status, retryAfterMs: wait });
        } else if (res.status >= 400) {
          throw new AppError('finance.upstream_failed', { adapter: this.o.name, status: res.status });
        } else {
          let body: unknown;
          try { body = JSON.parse(text); } catch { throw new AppError('finance.upstream_invalid', { adapter: this.o.name, reason: 'not JSON' }); }
          if (!retryBody?.(body)) return { status: res.status, text, body };
          lastError = 'rate limited (in body)';
        }
      } catch (e) {
        if (e instanceof AppError) throw e;
        // Network failure or timeout: retryable. The reason reaches the client, so it is the kind
        // of failure, not the runtime's message text.
        lastError = networkFailure(e) ?? 'network error';
      }
      if (attempt >= this.o.retries) throw new AppError('finance.upstream_failed', { adapter: this.o.name, attempts: attempt + 1, error: lastError.slice(0, 200) });
      const ms = Math.max(wait ?? 0, this.backoff(attempt + 1));
      this.stats.retries++;
      this.stats.delays.push(ms);
      await this.sleep(ms);
    }
  }
}

/** Remove credentials from a URL (cache keys, error details). */
export function redact(url: string): string {
  const u = new URL(url);
  for (const k of [...u.searchParams.keys()]) if (/^(apikey|api_key|key|token)$/i.test(k)) u.searchParams.delete(k);
  return u.pathname + (u.search ? u.search : '');
}
