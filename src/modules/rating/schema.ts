import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Methodology } from './engine/index.js';
import type { RatingResult, SensitivitySettings, SnapshotValue } from './snapshot.js';
import type { SensitivityRow } from './engine/index.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One version of a rating methodology (indicators, weights, rules) as configuration. A new
 * version is a new row; only drafts may change, so a rating computed with an active or retired
 * version can always be recomputed with exactly the rules it was computed with.
 */
export const ratingMethodologies = pgTable(
  'rating_methodologies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Family name shared by all versions, e.g. "Anti-drug work of akimats". */
    name: text('name').notNull(),
    /** Version label, unique within the name, e.g. "2026.1". */
    version: text('version').notNull(),
    /** The engine's methodology JSON, validated by `methodologySchema` (defaults applied). */
    config: jsonb('config').$type<Methodology>().notNull(),
    /** draft (editable) | active (usable for new ratings) | retired (kept for old ratings) */
    status: text('status').notNull().default('draft'),
    /** Version this one was derived from in the editor, for the history view. */
    basedOn: uuid('based_on'),
    createdBy: text('created_by').notNull(),
    createdById: text('created_by_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    activatedBy: text('activated_by'),
    activatedAt: ts('activated_at'),
  },
  (t) => [
    uniqueIndex('rating_methodologies_name_version_uq').on(t.name, t.version),
    check('rating_methodologies_status_ck', sql`${t.status} in ('draft', 'active', 'retired')`),
  ],
);

/**
 * A rating of the regions for one period. Holds a frozen copy of every input value it was
 * computed from, so a published rating is reproducible without the source data, and two hashes
 * that let anyone check it: `inputHash` over methodology + inputs + settings, `resultHash` over
 * the computed ranking and sensitivity. A national record: no region column (see docs/rating.md
 * for who sees drafts).
 */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Period label as in the value table, e.g. "2025" or "2025-H1". */
    period: text('period').notNull(),
    /** Period the rank change is measured against (same methodology); null = no comparison. */
    previousPeriod: text('previous_period'),
    methodologyId: uuid('methodology_id').notNull().references(() => ratingMethodologies.id, { onDelete: 'restrict' }),
    /** draft | approved | published; published rows never change. */
    status: text('status').notNull().default('draft'),
    /** Where the values came from: csv (an upload) | situation (the situation monitoring service). */
    inputSource: text('input_source').notNull(),
    /** Free note on the inputs, e.g. the uploaded file name. */
    inputNote: text('input_note').notNull().default(''),
    /** Frozen input values (both periods, with per-capita denominators), sorted canonically. */
    inputs: jsonb('inputs').$type<SnapshotValue[]>().notNull(),
    /** Monte Carlo settings (runs, seed, jitter, normalisations): part of the reproducible input. */
    sensitivityOptions: jsonb('sensitivity_options').$type<SensitivitySettings>().notNull(),
    /** Ranking with contributions and rank change. */
    result: jsonb('result').$type<RatingResult>().notNull(),
    /** Monte Carlo rank intervals per region. */
    sensitivity: jsonb('sensitivity').$type<SensitivityRow[]>().notNull(),
    /** SHA-256 (hex) of the canonical snapshot: methodology, periods, inputs, settings. */
    inputHash: text('input_hash').notNull(),
    /** SHA-256 (hex) of the canonical result and sensitivity. */
    resultHash: text('result_hash').notNull(),
    computedBy: text('computed_by').notNull(),
    /** Stable identity of the computing actor (`type:id`), for the four-eyes rule on approval. */
    computedById: text('computed_by_id').notNull(),
    computedAt: ts('computed_at').notNull(),
    approvedBy: text('approved_by'),
    approvedById: text('approved_by_id'),
    approvedAt: ts('approved_at'),
    publishedBy: text('published_by'),
    publishedAt: ts('published_at'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('ratings_period_idx').on(t.period, t.status),
    index('ratings_methodology_idx').on(t.methodologyId),
    check('ratings_status_ck', sql`${t.status} in ('draft', 'approved', 'published')`),
  ],
);
