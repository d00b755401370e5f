import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit trail. Each row's `hash` covers its content and the previous
 * row's hash, so editing or deleting any row breaks the chain from that point on.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    /** Millisecond precision on purpose: the hash is computed from the JS Date. */
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    /** user | token | system | anonymous */
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    /** Dotted verb, e.g. user.create, auth.login_failed, evidence.transfer. */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** Region of the affected record; null = national-level record. Drives auditor scope. */
    region: text('region'),
    /** {before, after} summaries with secrets removed. */
    summary: jsonb('summary').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_entity_idx').on(t.entityType, t.entityId)],
);

/** The chain head, updated in the same transaction, so deleting the newest rows is detected too. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
