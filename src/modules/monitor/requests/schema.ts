import { boolean, index, integer, jsonb, pgTable, real, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A blocking (or freeze) request to one target: the national blocking authority, Telegram, a
 * hosting provider, a registrar, an app store, a bank or an exchange. Created by monitoring
 * (confirmed items, shops) or by financial tracing; one lifecycle for both (requests.lifecycle.ts).
 */
export const monitorRequests = pgTable(
  'monitor_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human-readable running number for letters ("№ 17"); never reused. */
    seq: serial('seq').notNull(),
    /** blocking_authority | telegram | hosting | registrar | app_store | bank | exchange */
    target: text('target').notNull(),
    /** ISO 3166-2:KZ code of the region the request is handled by; drives access scope. */
    region: text('region').notNull(),
    title: text('title').notNull().default(''),
    /** Free-text addressee for the letter (e.g. the bank's or registrar's name); empty = the target's generic name. */
    addressee: text('addressee').notNull().default(''),
    /** Legal basis line printed in the letter; null = the default line for the letter's language. */
    legalBasis: text('legal_basis'),
    /** draft | approved | sent | blocked | refused | restored | cancelled */
    status: text('status').notNull().default('draft'),
    /** Module that created it: monitor | finance. */
    originModule: text('origin_module').notNull(),
    /** Monitored items the request is based on (monitor origin). */
    originItemIds: uuid('origin_item_ids').array().notNull().default([]),
    originShopId: uuid('origin_shop_id'),
    /** Earliest detection of the evidence (first post / first sighting); start of "detection → block" time. */
    firstDetectedAt: ts('first_detected_at'),
    createdById: text('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    approvedByName: text('approved_by_name'),
    approvedAt: ts('approved_at'),
    /** Label of the auto-approve policy that approved it; null when a person approved. */
    approvedByPolicy: text('approved_by_policy'),
    sentAt: ts('sent_at'),
    /** Latest time the target was seen blocked (first block when never restored). */
    blockedAt: ts('blocked_at'),
    /** First time blocked: end of "detection → block" time (statistics). */
    firstBlockedAt: ts('first_blocked_at'),
    restoredAt: ts('restored_at'),
  },
  (t) => [
    index('monitor_requests_status_idx').on(t.status, t.createdAt),
    index('monitor_requests_region_idx').on(t.region),
    index('monitor_requests_shop_idx').on(t.originShopId),
  ],
);

/** One thing to block/freeze in a request: a URL, domain, handle, card, IBAN, wallet… with its evidence. */
export const monitorRequestEntries = pgTable(
  'monitor_request_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => monitorRequests.id, { onDelete: 'cascade' }),
    /** Position in the letter (1-based). */
    position: integer('position').notNull(),
    /** Indicator type (traces entity type) or 'url'. */
    type: text('type').notNull(),
    value: text('value').notNull(),
    itemId: uuid('item_id'),
    shopId: uuid('shop_id'),
    /** Traces entity id of the indicator, when known. */
    entityId: uuid('entity_id'),
    /** Evidence copied at creation so the letter does not change when the item does: a text excerpt. */
    excerpt: text('excerpt').notNull().default(''),
    /** Where the evidence was posted (post or page URL). */
    sourceUrl: text('source_url'),
    /** Detector label and risk of the evidence item. */
    label: text('label'),
    risk: real('risk'),
    /** First sighting of this indicator (earliest of the item's post time and the traces entity's first_seen). */
    firstSeen: ts('first_seen'),
    /** Extra facts from the creating module (e.g. finance: bank, amount). */
    meta: jsonb('meta').notNull().default({}),
    /** Last outcome the rechecks saw for this entry: blocked | restored. */
    outcome: text('outcome'),
    outcomeAt: ts('outcome_at'),
  },
  (t) => [index('monitor_request_entries_req_idx').on(t.requestId, t.position), index('monitor_request_entries_value_idx').on(t.type, t.value)],
);

/** Status history: one row per transition, never updated. */
export const monitorRequestHistory = pgTable(
  'monitor_request_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: several moves in one transaction (create + auto-approve) share one `at`. */
    seq: serial('seq').notNull(),
    requestId: uuid('request_id').notNull().references(() => monitorRequests.id, { onDelete: 'cascade' }),
    at: ts('at').notNull().defaultNow(),
    /** null for the creation row. */
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** user | token | system | policy */
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    note: text('note').notNull().default(''),
    /** Recheck evidence (HTTP status, page hash…) for outcomes recorded by the rechecks. */
    evidence: jsonb('evidence'),
  },
  (t) => [index('monitor_request_history_req_idx').on(t.requestId, t.at)],
);

/**
 * Auto-approve policy per detector label. Off unless an admin turns it on; every change is
 * audited. When on, a request whose evidence items all carry a policy's label with risk at least
 * `minScore` is approved by the policy; it is also sent only when `autoSend` says so.
 */
export const monitorRequestPolicies = pgTable('monitor_request_policies', {
  label: text('label').primaryKey(),
  enabled: boolean('enabled').notNull().default(false),
  /** Risk (1 − p(benign)) threshold, inclusive. */
  minScore: real('min_score').notNull().default(0.99),
  autoSend: boolean('auto_send').notNull().default(false),
  updatedByName: text('updated_by_name').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
