import { index, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { monitorItems } from '../schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A reviewer's current decision on a flagged item. One row per (item, reviewer): several
 * reviewers may decide the same item (agreement statistics compare them); a reviewer changing
 * their mind updates their row, and the audit trail keeps the history.
 */
export const monitorReviewDecisions = pgTable(
  'monitor_review_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').notNull().references(() => monitorItems.id, { onDelete: 'cascade' }),
    /** Stable reviewer identity: user/token id (system actors: their name). */
    reviewerId: text('reviewer_id').notNull(),
    reviewerName: text('reviewer_name').notNull(),
    /** confirmed | rejected | unsure */
    decision: text('decision').notNull(),
    /**
     * For a confirmation: the label the reviewer confirms (defaults to the detector's; a reviewer
     * may correct drug_sale → courier_recruitment). Null for reject / unsure.
     */
    label: text('label'),
    note: text('note'),
    /** What the reviewer was shown: the detector's label, risk and model at decision time. */
    modelLabel: text('model_label'),
    modelRisk: real('model_risk'),
    modelVersion: text('model_version'),
    decidedAt: ts('decided_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monitor_review_item_reviewer_uq').on(t.itemId, t.reviewerId),
    index('monitor_review_decided_idx').on(t.decidedAt),
    index('monitor_review_reviewer_idx').on(t.reviewerId, t.decidedAt),
  ],
);
