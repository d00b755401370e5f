/**
 * What one fetch of a requested URL says about it. Pure functions over safeFetch's result or
 * refusal, so every rule is unit-tested without a network.
 *
 *   reachable  content present (2xx that is not the authority's block page)
 *   blocked    HTTP 451, or the block page: a configured block-page host anywhere in the
 *              redirect chain, or a configured text marker in the page's visible text
 *   gone       404 / 410 / other final 4xx, the name does not resolve (NXDOMAIN), connection refused
 *   error      timeouts, 5xx, 408/429, resets, oversize bodies: retried, never a status change
 *   refused    the SSRF policy refused the target (private/loopback/metadata address, bad scheme):
 *              recorded, never fetched, never a status change
 */
import { createHash } from 'node:crypto';
import { decodeBody, extractHtml } from '../sources/extract.js';
import { FetchRefused, type FetchResult } from '../sources/safe-fetch.js';
import { simhash, toHex } from '../mirrors/simhash.js';

export type CheckOutcome = 'reachable' | 'blocked' | 'gone' | 'error' | 'refused';

/** How to recognise the blocking authority's stub page (QALQAN_BLOCKPAGE_HOSTS / _MARKERS). */
export interface BlockPageFingerprints {
  /** Lower-case host names; a host matches itself and its subdomains. */
  hosts: string[];
  /** Lower-case phrases looked for in the page's visible text (whitespace collapsed). */
  markers: string[];
}

export interface Classification {
  outcome: CheckOutcome;
  reason: string;
  httpStatus: number | null;
  finalUrl: string | null;
  redirects: string[];
  contentHash: string | null;
  simhash: string | null;
  bytes: number | null;
  detail: string | null;
}

/** Parse the two config strings: hosts comma-separated, markers separated by `|`. */
export function parseFingerprints(hosts: string, markers: string): BlockPageFingerprints {
  return {
    hosts: hosts.split(',').map((h) => h.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '')).filter(Boolean),
    markers: markers.split('|').map((m) => collapse(m).toLowerCase()).filter(Boolean),
  };
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

const hostMatches = (host: string, list: string[]) => list.some((h) => host === h || host.endsWith(`.${h}`));

function hostOf(url: string): string {
  try { return new URL(url).hostname.toLowerCase(); } catch { return ''; }
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const empty = { httpStatus: null, finalUrl: null, redirects: [], contentHash: null, simhash: null, bytes: null, detail: null };

/** Visible text of a body: HTML extracted as the crawler does, plain text as is, anything else none. */
export function visibleText(res: FetchResult): string | null {
  const type = String(res.headers['content-type'] ?? '').toLowerCase();
  const decoded = decodeBody(res.body, type);
  if (type.includes('html') || (!type && /^\s*</.test(decoded))) {
    const x = extractHtml(decoded, res.url);
    return [x.title, x.text].filter(Boolean).join('\n');
  }
  if (type.startsWith('text/') || type.includes('json') || type.includes('xml')) return collapse(decoded);
  return null;
}

/** Classify a response that arrived (any status). */
export function classifyResponse(res: FetchResult, fp: BlockPageFingerprints): Classification {
  const base = { ...empty, httpStatus: res.status, finalUrl: res.url, redirects: res.redirects, bytes: res.body.length };
  // A redirect through the authority's stub host is a block whatever the final page says.
  const viaBlockHost = [...res.redirects, res.url].map(hostOf).find((h) => hostMatches(h, fp.hosts));
  if (viaBlockHost) return { ...base, outcome: 'blocked', reason: 'blockpage_host', detail: viaBlockHost };
  if (res.status === 451) return { ...base, outcome: 'blocked', reason: 'http_451' };
  const text = res.status >= 200 && res.status < 300 || res.status === 403 ? visibleText(res) : null;
  if (text !== null && fp.markers.length) {
    const lower = collapse(text).toLowerCase();
    const marker = fp.markers.find((m) => lower.includes(m));
    // Stub pages are often served with 200 or 403; either way it is the authority's page.
    if (marker) return { ...base, outcome: 'blocked', reason: 'blockpage_marker', detail: marker.slice(0, 200) };
  }
  if (res.status >= 200 && res.status < 300) {
    const hashed = text ?? '';
    return {
      ...base, outcome: 'reachable', reason: `http_${res.status}`,
      contentHash: text !== null ? sha256(text) : sha256(res.body),
      simhash: text !== null ? toHex(simhash(hashed)) : null,
    };
  }
  if (res.status === 408 || res.status === 429 || res.status >= 500) return { ...base, outcome: 'error', reason: `http_${res.status}` };
  if (res.status >= 400) return { ...base, outcome: 'gone', reason: `http_${res.status}` };
  // 1xx/3xx without a usable Location: nothing to judge by.
  return { ...base, outcome: 'error', reason: `http_${res.status}` };
}

/** Classify a fetch that produced no response. */
export function classifyFailure(e: unknown): Classification {
  if (!(e instanceof FetchRefused)) return { ...empty, outcome: 'error', reason: 'internal', detail: String((e as Error)?.message ?? e).slice(0, 300) };
  const detail = e.message.slice(0, 300);
  switch (e.reason) {
    case 'blocked_address': case 'scheme': case 'credentials': case 'invalid_url':
      return { ...empty, outcome: 'refused', reason: e.reason, detail };
    case 'dns':
      // NXDOMAIN / no data is a removed name; SERVFAIL or a resolver timeout (EAI_AGAIN) is ours to retry.
      return /ENOTFOUND|ENODATA|no addresses/i.test(e.message)
        ? { ...empty, outcome: 'gone', reason: 'dns', detail }
        : { ...empty, outcome: 'error', reason: 'dns_error', detail };
    case 'network':
      if (/ECONNREFUSED/.test(e.message)) return { ...empty, outcome: 'gone', reason: 'connection_refused', detail };
      return { ...empty, outcome: 'error', reason: /ECONNRESET|socket hang up/i.test(e.message) ? 'connection_reset' : 'network', detail };
    default:
      // timeout, too_large, too_many_redirects, invalid_redirect: transient or inconclusive.
      return { ...empty, outcome: 'error', reason: e.reason, detail };
  }
}

/** Status after a check: errors and refusals change nothing; content after blocked/gone is `restored`. */
export function nextStatus(before: string, outcome: CheckOutcome): string {
  if (outcome === 'error' || outcome === 'refused') return before;
  if (outcome === 'blocked' || outcome === 'gone') return outcome;
  if (before === 'blocked' || before === 'gone' || before === 'restored') return 'restored';
  return 'reachable';
}
