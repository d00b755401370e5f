import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Names } from '../../platform/geo/regions.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** An indicator of the drug situation (catalogue entry); seeded from catalogue.data.ts, edited by admins. */
export const situationIndicators = pgTable(
  'situation_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable machine code used by imports, exports and the API, e.g. `crimes_297`. */
    code: text('code').notNull().unique(),
    /** crime | seizure | production | enforcement | online | health | prevention | euda */
    category: text('category').notNull(),
    /** Name in kk / ru / en. */
    names: jsonb('names').$type<Names>().notNull(),
    /** What exactly is counted, in kk / ru / en (may be empty). */
    description: jsonb('description').$type<Names>().notNull(),
    /** One of UNITS (catalogue.data.ts); fixed once values exist. */
    unit: text('unit').notNull(),
    /** higher_better | higher_worse | neutral */
    polarity: text('polarity').notNull(),
    /** Whether the per-100,000-population view applies. */
    perCapita: boolean('per_capita').notNull(),
    /** sum | last | none: how months make a quarter and quarters a year (stats.ts). */
    aggregation: text('aggregation').notNull(),
    /** Granularities values may be reported for: subset of month, quarter, year. */
    periods: jsonb('periods').$type<string[]>().notNull(),
    /** Default source of the figures, in kk / ru / en. */
    source: jsonb('source').$type<Names>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Inactive indicators keep their values but take no new ones. */
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
);

/**
 * One figure for one indicator, region and period. At most one row per triple: re-submitting
 * replaces a submitted or returned row; an accepted one must be returned by a reviewer first.
 */
export const situationValues = pgTable(
  'situation_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorCode: text('indicator_code').notNull().references(() => situationIndicators.code, { onDelete: 'restrict', onUpdate: 'restrict' }),
    /** ISO 3166-2:KZ code; drives access scope. */
    region: text('region').notNull(),
    /** `2026-03`, `2026-Q1` or `2026` (periods.ts). */
    period: text('period').notNull(),
    /** month | quarter | year, derived from `period`, for filtering. */
    periodKind: text('period_kind').notNull(),
    value: doublePrecision('value').notNull(),
    /** Where the figure comes from (free text from the submitter; empty = the indicator's default source). */
    source: text('source').notNull().default(''),
    /** The submitter's explanation, e.g. why a figure jumped. */
    note: text('note').notNull().default(''),
    /** submitted | accepted | returned */
    status: text('status').notNull().default('submitted'),
    /** The reviewer's reason when returned. */
    reviewComment: text('review_comment').notNull().default(''),
    submittedById: text('submitted_by_id'),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    /** Name of the imported file the value came from; null for the entry form. */
    importFile: text('import_file'),
    reviewedById: text('reviewed_by_id'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: ts('reviewed_at'),
  },
  (t) => [
    uniqueIndex('situation_values_key').on(t.indicatorCode, t.region, t.period),
    index('situation_values_status_idx').on(t.status, t.region),
    index('situation_values_region_idx').on(t.region, t.periodKind),
  ],
);
