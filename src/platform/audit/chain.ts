import { createHash } from 'node:crypto';

/** Hash of the empty chain: the first row's prev_hash. */
export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the hash does not depend on jsonb's key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}

/** The fields a row's hash covers: everything but seq and the hash itself. */
export interface ChainedFields {
  at: Date;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  region: string | null;
  summary: unknown;
  ip: string | null;
  userAgent: string | null;
  prevHash: string;
}

export function rowHash(f: ChainedFields): string {
  const body = canonicalJson({
    at: f.at.toISOString(), actorType: f.actorType, actorId: f.actorId, actorName: f.actorName, action: f.action,
    entityType: f.entityType, entityId: f.entityId, region: f.region, summary: f.summary, ip: f.ip, userAgent: f.userAgent,
  });
  return createHash('sha256').update(f.prevHash).update('\n').update(body).digest('hex');
}
