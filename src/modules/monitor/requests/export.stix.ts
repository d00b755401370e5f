/**
 * A request's indicators as a STIX 2.1 bundle for partner agencies: the issuing identity, the
 * TLP:AMBER marking (the OASIS predefined object), one `indicator` per entry and a `grouping`
 * that ties them to the request. Ids are UUIDv5 of the request/entry ids, so exporting the same
 * request twice yields the same objects (partners de-duplicate by id).
 *
 * Patterns use STIX Cyber-observable objects where one fits (url, domain-name, email-addr,
 * user-account with account_type 'telegram'); payment cards, IBANs, phones and crypto wallets
 * have no 2.1 SCO, so they use custom observable types with the `x-` prefix (spec §11.1).
 */
import { createHash } from 'node:crypto';
import type { RequestEntry } from './requests.service.js';
import type { RequestRow } from './lifecycle.js';

/** Predefined TLP:AMBER marking-definition (STIX 2.1 §7.2.1.4). */
export const TLP_AMBER = {
  type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  created: '2017-01-20T00:00:00.000Z', definition_type: 'tlp', name: 'TLP:AMBER', definition: { tlp: 'amber' },
} as const;

// Fixed namespace for this platform's deterministic ids (a random UUID chosen once).
const NAMESPACE = 'c2f6b0de-4d1f-4f57-9a57-0b8e2a1e6f3d';

/** RFC 4122 version-5 UUID (SHA-1 of namespace + name). */
export function uuidv5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** A STIX pattern string literal: backslash and quote escaped (STIX 2.1 §9.3). */
export const stixString = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const WALLETS: Record<string, string> = { btc: 'BTC', eth: 'ETH', tron: 'TRX' };

/** The STIX pattern for an entry. */
export function patternFor(type: string, value: string): string {
  const v = stixString(value);
  switch (type) {
    case 'url': return `[url:value = ${v}]`;
    case 'domain': return `[domain-name:value = ${v}]`;
    case 'email': return `[email-addr:value = ${v}]`;
    case 'telegram': return `[user-account:account_type = 'telegram' AND user-account:account_login = ${v}]`;
    case 'card': return `[x-payment-card:number = ${v}]`;
    case 'iban': return `[x-bank-account:iban = ${v}]`;
    case 'phone': return `[x-phone-number:value = ${v}]`;
    default:
      if (WALLETS[type]) return `[x-cryptocurrency-wallet:address = ${v} AND x-cryptocurrency-wallet:currency = '${WALLETS[type]}']`;
      return `[x-qalqan-indicator:value = ${v} AND x-qalqan-indicator:type = ${stixString(type)}]`;
  }
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The bundle (a plain object; JSON.stringify it). */
export function stixBundle(r: RequestRow, entries: RequestEntry[], issuer: string, now = new Date()) {
  const identity = {
    type: 'identity', spec_version: '2.1', id: `identity--${uuidv5(`identity:${issuer}`)}`,
    created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: issuer, identity_class: 'organization', sectors: ['government-national'],
  };
  const common = { spec_version: '2.1', created_by_ref: identity.id, object_marking_refs: [TLP_AMBER.id] };
  const indicators = entries.map((e) => {
    const created = iso(r.createdAt);
    return {
      type: 'indicator', ...common, id: `indicator--${uuidv5(`entry:${e.id}`)}`, created, modified: iso(e.outcomeAt ?? r.updatedAt ?? r.createdAt),
      name: `${e.type}: ${e.value}`.slice(0, 250),
      description: e.excerpt ? e.excerpt.slice(0, 1000) : undefined,
      indicator_types: ['malicious-activity'], pattern: patternFor(e.type, e.value), pattern_type: 'stix', pattern_version: '2.1',
      valid_from: iso(e.firstSeen ?? r.createdAt),
      labels: [e.label, `target:${r.target}`].filter((x): x is string => !!x),
      external_references: [{ source_name: 'qalqan', external_id: `request-${r.seq}/entry-${e.position}` }],
    };
  });
  const grouping = {
    type: 'grouping', ...common, id: `grouping--${uuidv5(`request:${r.id}`)}`, created: iso(r.createdAt), modified: iso(r.updatedAt),
    name: `Qalqan request ${r.seq} (${r.target})`, context: 'suspicious-activity', object_refs: indicators.map((i) => i.id),
  };
  return { type: 'bundle', id: `bundle--${uuidv5(`bundle:${r.id}:${iso(now)}`)}`, objects: [identity, TLP_AMBER, ...indicators, grouping] };
}
