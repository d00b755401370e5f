/**
 * Fetching a batch of requested URLs politely: every URL once per batch, hosts in parallel up to
 * a small concurrency, but one request at a time per host and at least `hostIntervalMs` between
 * two requests to the same host (a blocked shop and its hosting provider are not hammered, and
 * the authority's stub host is not hit by hundreds of redirects at once). Every request goes
 * through safeFetch, so the SSRF rules hold for the URL, each redirect and each DNS answer.
 */
import type { AppConfig } from '../../../app/config.js';
import { realClock, type Clock } from '../sources/crawler.js';
import { parseAllowlist } from '../sources/ip.js';
import { safeFetch, type Resolver, type SafeFetchOptions } from '../sources/safe-fetch.js';
import { classifyFailure, classifyResponse, parseFingerprints, type BlockPageFingerprints, type Classification } from './classify.js';

export interface CheckerOptions {
  fetch: Omit<SafeFetchOptions, 'followRedirects' | 'checkRedirect'>;
  fingerprints: BlockPageFingerprints;
  hostIntervalMs: number;
  /** Hosts fetched at the same time. */
  concurrency: number;
  clock: Clock;
}

/** A classified fetch with its timing. */
export interface CheckResult extends Classification { url: string; checkedAt: Date; durationMs: number }

/** Checker options from the configuration (the crawler's SSRF allowlist, user agent and limits). */
export function checkerOptions(c: AppConfig, deps: { resolver?: Resolver; clock?: Clock } = {}): CheckerOptions {
  return {
    fetch: {
      allowlist: parseAllowlist(c.CRAWLER_ALLOW_PRIVATE_HOSTS), userAgent: c.CRAWLER_USER_AGENT, maxBytes: c.CRAWLER_MAX_BYTES,
      timeoutMs: c.CRAWLER_REQUEST_TIMEOUT_SECONDS * 1000, maxRedirects: c.CRAWLER_MAX_REDIRECTS, resolver: deps.resolver,
    },
    fingerprints: parseFingerprints(c.QALQAN_BLOCKPAGE_HOSTS, c.QALQAN_BLOCKPAGE_MARKERS),
    hostIntervalMs: c.RECHECK_HOST_INTERVAL_MS, concurrency: c.RECHECK_CONCURRENCY, clock: deps.clock ?? realClock,
  };
}

/** Fetch and classify one URL. */
export async function checkUrl(url: string, opts: CheckerOptions): Promise<CheckResult> {
  const started = opts.clock.now();
  const checkedAt = new Date(started);
  let c: Classification;
  try {
    c = classifyResponse(await safeFetch(url, { ...opts.fetch, followRedirects: true }), opts.fingerprints);
  } catch (e) {
    c = classifyFailure(e);
  }
  return { ...c, url, checkedAt, durationMs: Math.max(0, Math.round(opts.clock.now() - started)) };
}

const hostKey = (url: string) => { try { return new URL(url).hostname.toLowerCase(); } catch { return url; } };

/** Check distinct URLs with per-host spacing; results keyed by URL. */
export async function checkUrls(urls: string[], opts: CheckerOptions): Promise<Map<string, CheckResult>> {
  const byHost = new Map<string, string[]>();
  for (const u of new Set(urls)) byHost.set(hostKey(u), [...(byHost.get(hostKey(u)) ?? []), u]);
  const queue = [...byHost.values()];
  const out = new Map<string, CheckResult>();
  const worker = async () => {
    for (let list = queue.shift(); list; list = queue.shift()) {
      let last = -Infinity;
      for (const url of list) {
        const wait = last + opts.hostIntervalMs - opts.clock.now();
        if (wait > 0) await opts.clock.sleep(wait);
        last = opts.clock.now();
        out.set(url, await checkUrl(url, opts));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, queue.length)) }, worker));
  return out;
}
