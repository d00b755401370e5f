import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { monitorItems } from '../schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * SimHash of a flagged item's normalised text with its banded index: the 64 bits cut into four
 * 16-bit bands, each indexed. Two fingerprints within Hamming distance 3 share at least one band
 * exactly (pigeonhole), so "any band equal" finds every candidate; the distance is checked after.
 */
export const monitorFingerprints = pgTable(
  'monitor_fingerprints',
  {
    itemId: uuid('item_id').primaryKey().references(() => monitorItems.id, { onDelete: 'cascade' }),
    /** 64-bit SimHash, 16 hex digits. */
    simhash: text('simhash').notNull(),
    /** Bits 63–48, 47–32, 31–16 and 15–0 of the SimHash (0–65535). */
    band0: integer('band0').notNull(),
    band1: integer('band1').notNull(),
    band2: integer('band2').notNull(),
    band3: integer('band3').notNull(),
    /** Normalised words the hash was built from (short texts are not fingerprinted). */
    tokens: integer('tokens').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('monitor_fingerprints_b0_idx').on(t.band0),
    index('monitor_fingerprints_b1_idx').on(t.band1),
    index('monitor_fingerprints_b2_idx').on(t.band2),
    index('monitor_fingerprints_b3_idx').on(t.band3),
  ],
);

/**
 * Flagged items waiting for the mirror check. Filled inside the follow-up's shops transaction (so
 * no flagged item is missed, even across a crash, and its shop is known by then) and drained by the `monitor.mirrors` job.
 */
export const monitorMirrorQueue = pgTable(
  'monitor_mirror_queue',
  {
    itemId: uuid('item_id').primaryKey(),
    queuedAt: ts('queued_at').notNull().defaultNow(),
  },
  // The job drains the oldest first: without this index every batch sorted the whole queue,
  // which during a bulk ingest holds tens of thousands of rows (~80 ms per batch at 90,000).
  (t) => [index('monitor_mirror_queue_order_idx').on(t.queuedAt, t.itemId)],
);

/**
 * Something an analyst must look at: a blocked URL whose content came back (`restored`), or a
 * known shop that reappeared in a new item after its requests were blocked (`reappeared`).
 * Acknowledging is audited and records who and when.
 */
export const monitorAlerts = pgTable(
  'monitor_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** restored | reappeared */
    kind: text('kind').notNull(),
    /** Idempotency: restored:<checkId>, reappeared:<shopId>:<itemId>. */
    dedupeKey: text('dedupe_key').notNull(),
    /** Regions the alert belongs to (read scope by overlap; empty = the national desk only). */
    regions: text('regions').array().notNull().default([]),
    shopId: uuid('shop_id'),
    itemId: uuid('item_id'),
    requestId: uuid('request_id'),
    targetId: uuid('target_id'),
    url: text('url'),
    /** Why: matched item and SimHash distance, shared indicators, the check that saw content back… */
    evidence: jsonb('evidence').notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    acknowledgedById: text('acknowledged_by_id'),
    acknowledgedBy: text('acknowledged_by'),
    acknowledgedAt: ts('acknowledged_at'),
    ackNote: text('ack_note'),
  },
  (t) => [
    uniqueIndex('monitor_alerts_dedupe_uq').on(t.dedupeKey),
    index('monitor_alerts_open_idx').on(t.acknowledgedAt, t.createdAt),
    index('monitor_alerts_regions_idx').using('gin', t.regions),
  ],
);
