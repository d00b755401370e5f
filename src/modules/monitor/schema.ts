import { bigint, index, integer, jsonb, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** A feed items arrive from: an API client, an imported file's channel, the crawler, a Telegram collector, officers. */
export const monitorSources = pgTable(
  'monitor_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** api | file | web | telegram | manual */
    kind: text('kind').notNull(),
    /** Producer-chosen name, e.g. a channel or crawler name; (kind, name) is the identity. */
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monitor_sources_kind_name_uq').on(t.kind, t.name)],
);

/**
 * One monitored post or page. Written raw at ingest (so an acknowledged item is never lost),
 * then completed by the detection worker. (source_id, external_id) makes ingest idempotent.
 */
export const monitorItems = pgTable(
  'monitor_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id').notNull().references(() => monitorSources.id, { onDelete: 'restrict' }),
    /** Id in the source (message id, URL hash…); derived as sha256(url + text) when the producer has none. */
    externalId: text('external_id').notNull(),
    /** The original text, verbatim (never sanitised in storage; the UI renders it as text). */
    text: text('text').notNull(),
    url: text('url'),
    channel: text('channel'),
    author: text('author'),
    postedAt: ts('posted_at'),
    /** The producer's original record, for re-processing. */
    raw: jsonb('raw'),
    /** Import job that brought the item, if any. */
    importId: uuid('import_id'),
    /** Who ingested it (user/token name). */
    submittedBy: text('submitted_by').notNull(),
    ingestedAt: ts('ingested_at').notNull().defaultNow(),
    /** ISO 3166-2:KZ codes of the places named in the text; drives region scope (overlap with the reader's). */
    regions: text('regions').array().notNull().default([]),
    /** Detector output; null until detected. drug_sale | courier_recruitment | drug_propaganda | benign */
    label: text('label'),
    /** 1 − p(benign): the "score ≥" filter. */
    risk: real('risk'),
    /** Calibrated probability per label. */
    scores: jsonb('scores'),
    /**
     * Evidence spans [start, end) in `text` (terms, emoji, indicators, features), stored as one
     * string without the evidence text (explain-store.ts; older rows hold short arrays or the
     * objects); read it through `expandExplain`.
     */
    explain: jsonb('explain'),
    /** Extracted indicators with spans. */
    indicators: jsonb('indicators'),
    modelVersion: text('model_version'),
    detectedAt: ts('detected_at'),
  },
  (t) => [
    uniqueIndex('monitor_items_source_ext_uq').on(t.sourceId, t.externalId),
    index('monitor_items_ingested_idx').on(t.ingestedAt),
    index('monitor_items_label_idx').on(t.label, t.ingestedAt),
    index('monitor_items_regions_idx').using('gin', t.regions),
  ],
);

/**
 * Flagged items whose follow-up has not run yet: work owed, written in the ingest transaction
 * together with the detected item. The follow-up has two stages, each its own transaction, so
 * one batch's shop update can run while the next batch writes its traces: stage 1 (traces, mirror
 * check) claims the row by moving it to stage 2, stage 2 (shops) claims it by deleting it. A lost
 * enqueue or a crash between stages is found by the sweep; a retried job finds nothing to claim.
 * Benign items never get a row (their follow-up is empty). Storage: fillfactor 50 (migration 0021,
 * which drizzle's schema cannot express), so the stage update is HOT.
 */
export const monitorPending = pgTable('monitor_pending', {
  itemId: uuid('item_id').primaryKey(),
  /** 1: traces and mirror check owed (then shops); 2: only shops owed. */
  stage: smallint('stage').notNull().default(1),
  queuedAt: ts('queued_at').notNull().defaultNow(),
});

/** A file import running (or run) as a background job, with progress the UI polls. */
export const monitorImports = pgTable(
  'monitor_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceName: text('source_name').notNull(),
    /** telegram | csv | jsonl */
    format: text('format').notNull(),
    fileName: text('file_name').notNull().default(''),
    /** Where the uploaded bytes wait for the worker (deleted when done). */
    path: text('path').notNull(),
    /** queued | running | done | failed */
    status: text('status').notNull().default('queued'),
    bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull().default(0),
    bytesDone: bigint('bytes_done', { mode: 'number' }).notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** Rows that carry no post (Telegram service messages, media without caption): not errors. */
    skipped: integer('skipped').notNull().default(0),
    /** First row-level errors: [{ row, reason }] (capped). */
    errors: jsonb('errors').notNull().default([]),
    /** Set when the whole file failed (unreadable format). */
    failure: text('failure'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('monitor_imports_created_idx').on(t.createdAt)],
);
