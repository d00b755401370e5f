import { sql } from 'drizzle-orm';
import { boolean, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/**
 * Raw bytes. PGlite hands bytea back as Uint8Array and node-postgres as Buffer; both become
 * Buffer here so callers see one type.
 */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * A plan: the national Comprehensive Plan (region null) or a regional anti-drug HQ plan.
 * Dates are calendar days (YYYY-MM-DD) in Asia/Almaty; they are never instants.
 */
export const planPlans = pgTable('plan_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Short unique code, e.g. "KP-2026-2028" or "HQ-KZ-75-2026". */
  code: text('code').notNull().unique(),
  /** national | regional */
  kind: text('kind').notNull(),
  /** ISO 3166-2:KZ code of a regional HQ plan; null for the national plan (visible to every region). */
  region: text('region'),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  periodStart: text('period_start').notNull(),
  periodEnd: text('period_end').notNull(),
  /** Regional plans: the CADCA Strategic Prevention Framework step the HQ is in now. */
  currentPhase: text('current_phase'),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [index('plan_plans_region_idx').on(t.region)]);

/** A section of a plan. In regional plans the five CADCA steps are sections, marked by `phase`. */
export const planSections = pgTable('plan_sections', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => planPlans.id, { onDelete: 'restrict' }),
  /** Copy of the plan's region so every query can be scoped without a join. */
  region: text('region'),
  /** As printed in the plan ("1", "II"); unique within the plan. */
  number: text('number').notNull(),
  title: text('title').notNull(),
  /** assessment | capacity | planning | implementation | evaluation (CADCA SPF), or null. */
  phase: text('phase'),
  sortOrder: integer('sort_order').notNull().default(0),
}, (t) => [uniqueIndex('plan_sections_number_uq').on(t.planId, t.number), index('plan_sections_region_idx').on(t.region)]);

/** An item of a plan, or a sub-item when `parentId` is set. Status is computed, never stored. */
export const planItems = pgTable('plan_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => planPlans.id, { onDelete: 'restrict' }),
  sectionId: uuid('section_id').notNull().references(() => planSections.id, { onDelete: 'restrict' }),
  parentId: uuid('parent_id').references((): AnyPgColumn => planItems.id, { onDelete: 'restrict' }),
  /** Copy of the plan's region (scope). */
  region: text('region'),
  /** As printed ("12", "12.1"); unique within the plan, the key of re-imports. */
  number: text('number').notNull(),
  title: text('title').notNull(),
  /** Lead agency, e.g. "МВД (ІІМ)"; dashboards group by it. */
  responsible: text('responsible').notNull(),
  coExecutors: textArray('co_executors'),
  /** Control dates, YYYY-MM-DD ascending; each needs a report. The last one completes the item. */
  deadlines: textArray('deadlines'),
  expectedResult: text('expected_result').notNull().default(''),
  kpiName: text('kpi_name').notNull().default(''),
  kpiUnit: text('kpi_unit').notNull().default(''),
  kpiTarget: doublePrecision('kpi_target'),
  /** What the executor must report (the plan's "form of completion"). */
  reportingForm: text('reporting_form').notNull().default(''),
  /** once | monthly | quarterly | semiannual | annual */
  periodicity: text('periodicity').notNull().default('once'),
  /** CADCA strategies for community change this activity uses (see constants.ts). */
  strategies: textArray('strategies'),
  cancelled: boolean('cancelled').notNull().default(false),
  cancelReason: text('cancel_reason').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('plan_items_number_uq').on(t.planId, t.number), index('plan_items_section_idx').on(t.sectionId),
  index('plan_items_parent_idx').on(t.parentId), index('plan_items_region_idx').on(t.region),
]);

/** People assigned to execute an item; they may report on it and get its reminders. */
export const planItemExecutors = pgTable('plan_item_executors', {
  itemId: uuid('item_id').notNull().references(() => planItems.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  assignedAt: ts('assigned_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.itemId, t.userId] }), index('plan_executors_user_idx').on(t.userId)]);

/** A periodic report on an item. A returned report stays as history; the executor submits a new one. */
export const planReports = pgTable('plan_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  itemId: uuid('item_id').notNull().references(() => planItems.id, { onDelete: 'restrict' }),
  planId: uuid('plan_id').notNull().references(() => planPlans.id, { onDelete: 'restrict' }),
  /** Region the report speaks for (the item's region, or the reporter's for national items); null = national. */
  region: text('region'),
  /** The control date (one of the item's deadlines) this report answers. */
  dueDate: text('due_date'),
  text: text('text').notNull(),
  kpiValue: doublePrecision('kpi_value'),
  /** The executor states the item is fully executed; accepted, it makes the item done. */
  final: boolean('final').notNull().default(false),
  /** submitted | accepted | returned */
  status: text('status').notNull().default('submitted'),
  submittedBy: uuid('submitted_by'),
  submittedByName: text('submitted_by_name').notNull(),
  submittedAt: ts('submitted_at').notNull().defaultNow(),
  reviewedBy: uuid('reviewed_by'),
  reviewedByName: text('reviewed_by_name'),
  reviewedAt: ts('reviewed_at'),
  reviewComment: text('review_comment').notNull().default(''),
}, (t) => [index('plan_reports_item_idx').on(t.itemId, t.submittedAt), index('plan_reports_queue_idx').on(t.status, t.region)]);

/**
 * Files attached to a report, kept in the database (bytea, size-limited) so they travel with
 * backups and dumps and commit atomically with the report. `sha256` is of the exact bytes.
 */
export const planAttachments = pgTable('plan_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => planReports.id, { onDelete: 'restrict' }),
  region: text('region'),
  filename: text('filename').notNull(),
  /** Declared type, served only when on the safe list (else application/octet-stream). */
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [index('plan_attachments_report_idx').on(t.reportId)]);

/**
 * In-app notifications. (user, item, kind, day) is unique so a re-run reminder job adds
 * nothing; `day` is the Almaty calendar day the notice is about (see notify.service.ts).
 */
export const planNotifications = pgTable('plan_notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  itemId: uuid('item_id').notNull().references(() => planItems.id, { onDelete: 'cascade' }),
  /** due_14 | due_7 | due_1 | overdue | report_accepted | report_returned */
  kind: text('kind').notNull(),
  day: text('day').notNull(),
  dueDate: text('due_date'),
  /** Values for the message, rendered in the reader's language by the UI. */
  params: jsonb('params').notNull().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
  readAt: ts('read_at'),
}, (t) => [uniqueIndex('plan_notifications_uq').on(t.userId, t.itemId, t.kind, t.day), index('plan_notifications_user_idx').on(t.userId, t.createdAt)]);

/** A coalition member of a regional HQ, in one of the 12 CADCA community sectors. */
export const planCoalitionMembers = pgTable('plan_coalition_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => planPlans.id, { onDelete: 'restrict' }),
  region: text('region'),
  sector: text('sector').notNull(),
  organisation: text('organisation').notNull(),
  /** Contact person or role; no personal data beyond what the HQ publishes. */
  contact: text('contact').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [index('plan_coalition_plan_idx').on(t.planId)]);

/** An outcome measure of a regional plan (CADCA evaluation): baseline, target and actual. */
export const planOutcomes = pgTable('plan_outcomes', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => planPlans.id, { onDelete: 'restrict' }),
  region: text('region'),
  name: text('name').notNull(),
  unit: text('unit').notNull().default(''),
  baseline: doublePrecision('baseline').notNull(),
  baselineYear: integer('baseline_year'),
  target: doublePrecision('target').notNull(),
  actual: doublePrecision('actual'),
  /** Where the figure comes from (statistics, survey), so it can be checked. */
  source: text('source').notNull().default(''),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [index('plan_outcomes_plan_idx').on(t.planId)]);
