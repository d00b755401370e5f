import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One run of an online source: a crawl (requested through the API) or one Telegram channel
 * poll. It is both the run log the API lists and, for Telegram, the cursor store: a channel's
 * cursor is the largest `cursor` among its runs (written after each committed page), so there
 * is no second table to keep consistent. Runs are operational records, not regional data.
 */
export const monitorSourceRuns = pgTable(
  'monitor_source_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** crawl | telegram */
    kind: text('kind').notNull(),
    /** crawl: the first seed's host; telegram: the channel username. */
    name: text('name').notNull(),
    /** queued | running | done | failed | backoff | not_found */
    status: text('status').notNull(),
    /** What was asked: crawl seeds and limits; telegram: nothing yet. */
    params: jsonb('params').notNull().default({}),
    /** Counters: pages/messages, sink totals, skip and error reasons. */
    stats: jsonb('stats').notNull().default({}),
    /** telegram: last message id handed to ingest. */
    cursor: bigint('cursor', { mode: 'number' }),
    /** Failure message (never shown with a stack). */
    error: text('error'),
    /** Actor name that asked for the run ('system' for schedules). */
    requestedBy: text('requested_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('monitor_source_runs_kind_name_idx').on(t.kind, t.name, t.createdAt)],
);
