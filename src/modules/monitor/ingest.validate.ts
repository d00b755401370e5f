/**
 * Item-level validation for every ingest path (API, files, crawler, Telegram, officers). A bad
 * item is reported with a reason and skipped; it never fails the batch it came in.
 */
import { createHash } from 'node:crypto';

/** One post or page as producers hand it in. */
export interface IngestItem {
  text: string;
  url?: string;
  channel?: string;
  author?: string;
  /** ISO 8601. */
  postedAt?: string;
  /** Id in the source; derived from url + text when missing. */
  externalId?: string;
  raw?: unknown;
}

/** An item that passed validation, ready for the insert. */
export interface CleanItem {
  index: number;
  externalId: string;
  text: string;
  url: string | null;
  channel: string | null;
  author: string | null;
  postedAt: string | null;
  raw: string | null;
}

export const MAX_TEXT = 100_000;
const MAX_FIELD = 1000;
const MAX_EXTERNAL_ID = 256;
const MAX_RAW = 200_000;

/** Stable id for items without one: the same post re-sent is the same item. */
export function deriveExternalId(url: string | null, text: string): string {
  return 'sha256:' + createHash('sha256').update(url ?? '').update('\u0000').update(text).digest('hex');
}

// PostgreSQL text cannot hold NUL; such a byte in a post is noise, not content worth refusing the item for.
const stripNul = (s: string) => (s.includes('\u0000') ? s.replaceAll('\u0000', '') : s);

function optString(v: unknown, field: string, max: number): string | null | { error: string } {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') return { error: `${field}_not_string` };
  if (v.length > max) return { error: `${field}_too_long` };
  return stripNul(v);
}

/** Validate one item; returns the clean form or a reason code. */
export function cleanItem(item: unknown, index: number): CleanItem | { index: number; reason: string } {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return { index, reason: 'not_an_object' };
  const it = item as Record<string, unknown>;
  if (typeof it.text !== 'string') return { index, reason: 'missing_text' };
  const text = stripNul(it.text);
  if (text.trim() === '') return { index, reason: 'empty_text' };
  if (text.length > MAX_TEXT) return { index, reason: 'text_too_long' };
  const fields: Record<string, string | null> = {};
  for (const [name, max] of [['url', 4000], ['channel', MAX_FIELD], ['author', MAX_FIELD], ['externalId', MAX_EXTERNAL_ID]] as const) {
    const v = optString(it[name], name, max);
    if (v && typeof v === 'object') return { index, reason: v.error };
    fields[name] = v;
  }
  if (fields.url !== null && !/^https?:\/\/[^\s/]+/i.test(fields.url!)) return { index, reason: 'invalid_url' };
  let postedAt: string | null = null;
  if (it.postedAt !== undefined && it.postedAt !== null && it.postedAt !== '') {
    const d = typeof it.postedAt === 'string' ? new Date(it.postedAt) : new Date(NaN);
    if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1990 || d.getUTCFullYear() > 2100) return { index, reason: 'invalid_posted_at' };
    postedAt = d.toISOString();
  }
  let raw: string | null = null;
  if (it.raw !== undefined) {
    raw = JSON.stringify(it.raw) ?? null;
    if (raw !== null && raw.length > MAX_RAW) return { index, reason: 'raw_too_large' };
    // jsonb refuses \u0000 escapes as well.
    if (raw !== null && raw.includes('\\u0000')) raw = raw.replaceAll('\\u0000', '');
  }
  return {
    index, text, url: fields.url!, channel: fields.channel!, author: fields.author!, postedAt, raw,
    externalId: fields.externalId ?? deriveExternalId(fields.url!, text),
  };
}

/**
 * An item in the HTTP API's snake_case form (`posted_at`, `external_id`) or camelCase,
 * mapped onto IngestItem; unknown fields are a reason, so typos do not go unnoticed.
 */
const API_FIELDS = new Set(['text', 'url', 'channel', 'author', 'posted_at', 'postedAt', 'external_id', 'externalId', 'raw', 'source']);
export function fromApiItem(v: unknown): IngestItem | { reason: string } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { reason: 'not_an_object' };
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!API_FIELDS.has(k)) return { reason: `unknown_field:${k.slice(0, 40)}` };
  return {
    text: o.text as string, url: o.url as string, channel: o.channel as string, author: o.author as string,
    postedAt: (o.posted_at ?? o.postedAt) as string, raw: o.raw,
    // Message ids are often numbers in producers' JSON; the store keys on their decimal text.
    externalId: typeof (o.external_id ?? o.externalId) === 'number' ? String(o.external_id ?? o.externalId) : (o.external_id ?? o.externalId) as string,
  };
}
