import { createHash } from 'node:crypto';
import { MAX_TEXT } from '../ingest.validate.js';
import type { Allowlist } from './ip.js';
import { decodeBody, extractHtml } from './extract.js';
import { ALLOW_ALL, DISALLOW_ALL, isAllowed, parseRobots, type RobotsRules } from './robots.js';
import { FetchRefused, safeFetch, type Resolver } from './safe-fetch.js';
import { emptyTotals, sendBatch, type IngestItem, type IngestSink, type SinkTotals } from './sink.js';

/**
 * A polite, bounded, single-connection web crawler. Breadth-first from the seeds; at any time
 * it fetches the pending URL whose host may be contacted soonest, so one slow host does not
 * stall the others but no host is ever hit faster than its interval (max of our minimum and the
 * site's Crawl-delay). Every request goes through safeFetch (SSRF policy); redirects are not
 * followed inside a fetch but queued, so their targets pass scope, robots and rate checks too.
 */
export interface CrawlLimits {
  maxDepth: number;
  maxPages: number;
  maxBytes: number;
  requestTimeoutMs: number;
  runTimeoutMs: number;
  maxRedirects: number;
  /** Least time between two requests to one host. */
  minHostIntervalMs: number;
}

/** Time source, injectable so tests check rate limiting without real waiting. */
export interface Clock { now(): number; sleep(ms: number): Promise<void> }
export const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export interface CrawlOptions extends CrawlLimits {
  seeds: string[];
  /** Hosts in scope besides the seeds' sites (exact host names). */
  allowedHosts?: string[];
  userAgent: string;
  allowlist: Allowlist;
  sink: IngestSink;
  batchSize?: number;
  resolver?: Resolver;
  clock?: Clock;
  /** One call per request made or refused, for logs and tests. */
  onEvent?: (e: CrawlEvent) => void;
}

export interface CrawlEvent { at: number; url: string; kind: 'robots' | 'page'; outcome: string }

export interface CrawlStats extends SinkTotals {
  pagesFetched: number;
  bytes: number;
  /** URLs not fetched, by reason (robots, out_of_scope, depth, deadline, max_pages, content_type, …). */
  skipped: Record<string, number>;
  /** Fetches that failed, by reason (blocked_address, too_large, timeout, http_404, …). */
  errors: Record<string, number>;
}

/** Refusals of the target itself: reported as such for the page, not hidden behind "robots unreachable". */
const POLICY_REFUSALS = new Set(['blocked_address', 'dns', 'credentials', 'scheme']);

type Pending = { url: string; depth: number; hops: number };

const TRACKING = /^(utm_\w+|fbclid|gclid|yclid|_openstat|mc_cid|mc_eid)$/i;

/** Canonical form for de-duplication: no fragment, no tracking parameters, sorted query. */
export function canonicalUrl(input: string): string {
  const u = new URL(input);
  u.hash = '';
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = new URLSearchParams(params).toString();
  return u.href;
}

/** The crawl site of a host: `www.` dropped, so www.example.kz and news.example.kz share example.kz. */
const siteOf = (host: string) => host.toLowerCase().replace(/^www\./, '');

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Identity of a page snapshot. The content part hashes the extracted title+text, not the raw
 * bytes: markup churn (CSRF tokens, ad slots, build hashes) would otherwise make every re-crawl a
 * "new" snapshot, while a change an analyst can read is a new item. The raw-body hash is kept in
 * `raw.snapshotSha256`. The ingest pipeline caps external ids at 256 chars; long URLs are hashed.
 */
export function snapshotId(canonical: string, contentHash: string): string {
  const id = `${canonical}#sha256:${contentHash.slice(0, 32)}`;
  return id.length <= 256 ? id : `urlsha256:${sha256(canonical)}#sha256:${contentHash.slice(0, 32)}`;
}

export async function crawl(opts: CrawlOptions): Promise<CrawlStats> {
  const clock = opts.clock ?? realClock;
  const started = clock.now();
  const deadline = started + opts.runTimeoutMs;
  const stats: CrawlStats = { ...emptyTotals(), pagesFetched: 0, bytes: 0, skipped: {}, errors: {} };
  const bump = (m: Record<string, number>, k: string, n = 1) => { m[k] = (m[k] ?? 0) + n; };
  const sites = new Set<string>();
  const extra = new Set((opts.allowedHosts ?? []).map((h) => h.toLowerCase()));
  const queues = new Map<string, Pending[]>(); // per host, FIFO
  const nextAt = new Map<string, number>(); // per host: earliest next request
  const robots = new Map<string, RobotsRules>(); // per origin
  const refused = new Map<string, string>(); // origins the SSRF policy refused (no page fetch either)
  const seen = new Set<string>();
  let batch: IngestItem[] = [];
  const event = (url: string, kind: CrawlEvent['kind'], outcome: string) => opts.onEvent?.({ at: clock.now(), url, kind, outcome });

  const inScope = (host: string) => {
    const h = host.toLowerCase();
    return extra.has(h) || [...sites].some((s) => h === s || h.endsWith('.' + s));
  };
  const enqueue = (raw: string, depth: number, hops: number) => {
    let url: URL;
    try { url = new URL(raw); } catch { bump(stats.skipped, 'invalid_url'); return; }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') { bump(stats.skipped, 'scheme'); event(raw, 'page', 'scheme'); return; }
    const key = canonicalUrl(url.href);
    if (seen.has(key)) return;
    if (!inScope(url.hostname)) { bump(stats.skipped, 'out_of_scope'); return; }
    if (depth > opts.maxDepth) { bump(stats.skipped, 'depth'); return; }
    seen.add(key);
    const q = queues.get(url.host) ?? [];
    q.push({ url: url.href, depth, hops });
    queues.set(url.host, q);
  };
  const fetchOpts = {
    allowlist: opts.allowlist, resolver: opts.resolver, userAgent: opts.userAgent,
    timeoutMs: opts.requestTimeoutMs, maxRedirects: opts.maxRedirects, followRedirects: false,
  };
  /** Wait for the host's turn; false when that is past the deadline. */
  const awaitTurn = async (host: string, interval: number) => {
    const wait = (nextAt.get(host) ?? 0) - clock.now();
    if (clock.now() + Math.max(wait, 0) >= deadline) return false;
    if (wait > 0) await clock.sleep(wait);
    nextAt.set(host, clock.now() + interval);
    return true;
  };
  const intervalOf = (rules: RobotsRules | undefined) => Math.max(opts.minHostIntervalMs, (rules?.crawlDelay ?? 0) * 1000);

  const robotsFor = async (url: URL): Promise<RobotsRules | null> => {
    const cached = robots.get(url.origin);
    if (cached) return cached;
    if (!(await awaitTurn(url.host, opts.minHostIntervalMs))) return null;
    const robotsUrl = `${url.origin}/robots.txt`;
    let rules: RobotsRules;
    try {
      const r = await safeFetch(robotsUrl, { ...fetchOpts, followRedirects: true, maxBytes: 512 * 1024, accept: 'text/plain' });
      rules = r.status >= 200 && r.status < 300 ? parseRobots(r.body.toString('utf8'), opts.userAgent) : r.status >= 400 && r.status < 500 ? ALLOW_ALL : DISALLOW_ALL;
      event(robotsUrl, 'robots', String(r.status));
    } catch (e) {
      // Unreachable robots.txt means "assume everything is disallowed" (RFC 9309 §2.3.1.4).
      rules = DISALLOW_ALL;
      const reason = e instanceof FetchRefused ? e.reason : 'error';
      if (POLICY_REFUSALS.has(reason)) refused.set(url.origin, reason);
      event(robotsUrl, 'robots', reason);
    }
    robots.set(url.origin, rules);
    // From now on the site's own Crawl-delay paces us.
    nextAt.set(url.host, (nextAt.get(url.host) ?? clock.now()) - opts.minHostIntervalMs + intervalOf(rules));
    return rules;
  };

  for (const s of opts.seeds) {
    try { sites.add(siteOf(new URL(s).hostname)); } catch { /* reported by enqueue */ }
  }
  for (const s of opts.seeds) enqueue(s, 0, 0);

  const flush = async () => { const b = batch; batch = []; await sendBatch(opts.sink, b, stats); };
  for (;;) {
    // The host whose turn comes first (insertion order breaks ties, so seeds go in given order).
    let host: string | null = null;
    for (const [h, q] of queues) if (q.length && (host === null || (nextAt.get(h) ?? 0) < (nextAt.get(host) ?? 0))) host = h;
    if (host === null) break;
    const item = queues.get(host)!.shift()!;
    if (stats.pagesFetched >= opts.maxPages || clock.now() >= deadline) {
      bump(stats.skipped, stats.pagesFetched >= opts.maxPages ? 'max_pages' : 'deadline');
      continue;
    }
    const url = new URL(item.url);
    const rules = await robotsFor(url);
    if (!rules) { bump(stats.skipped, 'deadline'); continue; }
    const refusal = refused.get(url.origin);
    if (refusal) { bump(stats.errors, refusal); event(item.url, 'page', refusal); continue; }
    if (!isAllowed(rules, url.pathname + url.search)) { bump(stats.skipped, 'robots'); event(item.url, 'page', 'robots'); continue; }
    if (!(await awaitTurn(url.host, intervalOf(rules)))) { bump(stats.skipped, 'deadline'); continue; }
    try {
      const r = await safeFetch(item.url, { ...fetchOpts, maxBytes: opts.maxBytes });
      stats.pagesFetched++;
      stats.bytes += r.body.length;
      if (r.status >= 300 && r.status < 400) {
        event(item.url, 'page', `redirect ${r.status}`);
        if (item.hops >= opts.maxRedirects) { bump(stats.errors, 'too_many_redirects'); continue; }
        try { enqueue(new URL(String(r.headers.location), item.url).href, item.depth, item.hops + 1); } catch { bump(stats.errors, 'invalid_redirect'); }
        continue;
      }
      event(item.url, 'page', String(r.status));
      if (r.status < 200 || r.status >= 300) { bump(stats.errors, `http_${r.status}`); continue; }
      const type = String(r.headers['content-type'] ?? 'text/html').split(';')[0]!.trim().toLowerCase();
      const html = type === 'text/html' || type === 'application/xhtml+xml';
      if (!html && type !== 'text/plain') { bump(stats.skipped, 'content_type'); continue; }
      const decoded = decodeBody(r.body, String(r.headers['content-type'] ?? ''));
      const page = html ? extractHtml(decoded, r.url) : { title: '', text: decoded.trim(), links: [], metaRobots: [] };
      if (!page.metaRobots.includes('nofollow') && !page.metaRobots.includes('none')) {
        for (const l of page.links) enqueue(l.url, item.depth + 1, 0);
      }
      const full = page.title && !page.text.startsWith(page.title) ? `${page.title}\n\n${page.text}` : page.text;
      // The pipeline refuses texts over MAX_TEXT; a long page is better stored cut than lost.
      const text = full.slice(0, MAX_TEXT);
      if (!text.trim()) { bump(stats.skipped, 'empty'); continue; }
      const canonical = canonicalUrl(r.url);
      const textSha256 = sha256(text);
      batch.push({
        text, url: canonical, channel: url.hostname, externalId: snapshotId(canonical, textSha256),
        raw: {
          kind: 'web', snapshotSha256: sha256(r.body), textSha256, title: page.title, status: r.status, contentType: type,
          fetchedAt: new Date(clock.now()).toISOString(), depth: item.depth, metaRobots: page.metaRobots,
          truncated: full.length > text.length,
          // Bounded so `raw` stays far below the pipeline's 200 000-character limit.
          links: page.links.filter((l) => l.url.length <= 500).slice(0, 100).map((l) => ({ url: l.url, text: l.text.slice(0, 200) })),
        },
      });
      if (batch.length >= (opts.batchSize ?? 50)) await flush();
    } catch (e) {
      const reason = e instanceof FetchRefused ? e.reason : 'error';
      bump(stats.errors, reason);
      event(item.url, 'page', reason);
      if (!(e instanceof FetchRefused)) throw e;
    }
  }
  await flush();
  return stats;
}
