/**
 * Who a request goes to, and which indicators go to whom. Pure functions: no database.
 *
 * A web URL is asked of the national blocking authority (access restriction) and of the hosting
 * provider (take-down); a bare domain of the blocking authority and the registrar; a Telegram
 * handle or t.me link of Telegram; an app-store link of the store; a card or IBAN of the bank.
 * Exchanges get freeze requests for wallets, created by financial tracing (which knows the
 * exchange); monitoring leaves wallets, phones and e-mails to the modules that act on them.
 */

export const REQUEST_TARGETS = ['blocking_authority', 'telegram', 'hosting', 'registrar', 'app_store', 'bank', 'exchange'] as const;
/** A request's addressee kind. */
export type RequestTarget = (typeof REQUEST_TARGETS)[number];

export const REQUEST_STATUSES = ['draft', 'approved', 'sent', 'blocked', 'refused', 'restored', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** One indicator/URL proposed for a request, before it is grouped by target. */
export interface EntryInput {
  /** Indicator type (traces entity type) or 'url'. */
  type: string;
  value: string;
  itemId?: string;
  shopId?: string;
  entityId?: string;
  /** Evidence text excerpt (monitor fills it from the item). */
  excerpt?: string;
  sourceUrl?: string | null;
  label?: string | null;
  risk?: number | null;
  firstSeen?: Date | null;
  meta?: Record<string, unknown>;
}

/** Why an indicator was left out of automatic grouping. */
export type SkipReason = 'no_target' | 'invalid_url';

const TELEGRAM_HOSTS = /^(?:www\.)?(?:t|telegram)\.(?:me|dog)$/i;
const APP_STORE_HOSTS = /^(?:apps\.apple\.com|itunes\.apple\.com|play\.google\.com|appgallery\.huawei\.com|apps\.rustore\.ru)$/i;

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch { return null; }
}

/** Targets an indicator goes to; empty when monitoring does not request it (see the file comment). */
export function targetsFor(type: string, value: string): RequestTarget[] | SkipReason {
  switch (type) {
    case 'url': {
      const host = hostOf(value);
      if (!host) return 'invalid_url';
      if (TELEGRAM_HOSTS.test(host)) return ['telegram'];
      if (APP_STORE_HOSTS.test(host)) return ['app_store'];
      return ['blocking_authority', 'hosting'];
    }
    case 'domain':
      if (TELEGRAM_HOSTS.test(value)) return 'no_target';
      return ['blocking_authority', 'registrar'];
    case 'telegram': return ['telegram'];
    case 'card': case 'iban': return ['bank'];
    default: return 'no_target';
  }
}

/**
 * Group entries by target, de-duplicated by (type, value) within a target (the first evidence
 * wins, so the letter cites the earliest item when callers sort by time). Skipped ones are returned with reasons.
 */
export function groupByTarget(entries: EntryInput[]): { groups: Map<RequestTarget, EntryInput[]>; skipped: { type: string; value: string; itemId?: string; reason: SkipReason }[] } {
  const groups = new Map<RequestTarget, EntryInput[]>();
  const seen = new Set<string>();
  const skipped: { type: string; value: string; itemId?: string; reason: SkipReason }[] = [];
  const skippedKeys = new Set<string>();
  for (const e of entries) {
    const targets = targetsFor(e.type, e.value);
    if (typeof targets === 'string') {
      const k = `${e.type}\u0000${e.value}`;
      if (!skippedKeys.has(k)) { skippedKeys.add(k); skipped.push({ type: e.type, value: e.value, itemId: e.itemId, reason: targets }); }
      continue;
    }
    for (const t of targets) {
      const k = `${t}\u0000${e.type}\u0000${e.value}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const g = groups.get(t) ?? [];
      g.push(e);
      groups.set(t, g);
    }
  }
  return { groups, skipped };
}

/** The URL rechecks fetch for an entry (a domain is checked at its root), or null for non-web entries. */
export function recheckUrl(type: string, value: string): string | null {
  if (type === 'url') return hostOf(value) ? value : null;
  if (type === 'domain') return `http://${value}/`;
  return null;
}
