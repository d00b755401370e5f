import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One URL entry of a sent / blocked / restored blocking request, watched by the scheduled
 * rechecks. Rows are synchronised from the requests module (`urlsToRecheck`): one per request
 * entry, so two requests naming the same URL each get their own status and outcome; a batch
 * still fetches each URL once. `region` is the request's region and drives read scope.
 */
export const monitorRecheckTargets = pgTable(
  'monitor_recheck_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    url: text('url').notNull(),
    /** Lower-case host of `url`: the unit of politeness (one request at a time per host, spaced). */
    host: text('host').notNull(),
    region: text('region').notNull(),
    /** The request's status at the last sync or outcome we recorded: sent | blocked | restored. */
    requestStatus: text('request_status').notNull(),
    /** pending (never checked) | reachable | blocked | gone | restored — see docs/monitor-rechecks.md. */
    status: text('status').notNull().default('pending'),
    /** false once the request left sent/blocked/restored (cancelled, refused…): kept for history, not checked. */
    active: boolean('active').notNull().default(true),
    lastCheckedAt: ts('last_checked_at'),
    /** When `status` last changed (first check included). */
    lastChangeAt: ts('last_change_at'),
    nextCheckAt: ts('next_check_at').notNull().defaultNow(),
    /** Errors in a row (timeouts, 5xx): each one brings the next attempt closer, none changes `status`. */
    consecutiveErrors: integer('consecutive_errors').notNull().default(0),
    /** reachable | blocked | gone | error | refused of the latest check. */
    lastOutcome: text('last_outcome'),
    lastHttpStatus: integer('last_http_status'),
    lastFinalUrl: text('last_final_url'),
    /** sha256 of the visible text the last time content was present (compared on restore). */
    contentHash: text('content_hash'),
    /** 64-bit SimHash (16 hex digits) of that text. */
    simhash: text('simhash'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monitor_recheck_targets_entry_uq').on(t.requestId, t.entryId),
    index('monitor_recheck_targets_due_idx').on(t.active, t.nextCheckAt),
    index('monitor_recheck_targets_url_idx').on(t.url),
    index('monitor_recheck_targets_region_idx').on(t.region, t.status),
  ],
);

/** Status history: one row per check of a target, never updated. */
export const monitorRecheckChecks = pgTable(
  'monitor_recheck_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id').notNull().references(() => monitorRecheckTargets.id, { onDelete: 'cascade' }),
    checkedAt: ts('checked_at').notNull().defaultNow(),
    /** schedule | manual */
    trigger: text('trigger').notNull(),
    /** Actor name (a user for "recheck now", `monitor-rechecks` for the schedule). */
    requestedBy: text('requested_by').notNull(),
    /** reachable | blocked | gone | error (retried, no status change) | refused (SSRF policy, no status change) */
    outcome: text('outcome').notNull(),
    /** Stable reason code: http_200, http_451, blockpage_host, blockpage_marker, dns, connection_refused, timeout, http_503, blocked_address… */
    reason: text('reason').notNull(),
    statusBefore: text('status_before').notNull(),
    statusAfter: text('status_after').notNull(),
    httpStatus: integer('http_status'),
    /** URL after redirects (null when nothing answered). */
    finalUrl: text('final_url'),
    redirects: jsonb('redirects').notNull().default([]),
    /** sha256 of the visible text (HTML/plain text) or of the body (other types); null without content. */
    contentHash: text('content_hash'),
    /** 64-bit SimHash of the visible text, 16 hex digits. */
    simhash: text('simhash'),
    /** SimHash distance to the content seen before (restores: is it the same page back?). */
    distance: integer('distance'),
    bytes: integer('bytes'),
    durationMs: integer('duration_ms'),
    /** Outcome recorded on the request by this check: blocked | restored; null when none. */
    requestOutcome: text('request_outcome'),
    /** Short technical detail (error message, matched marker); never shown with a stack. */
    detail: text('detail'),
  },
  (t) => [index('monitor_recheck_checks_target_idx').on(t.targetId, t.checkedAt)],
);
