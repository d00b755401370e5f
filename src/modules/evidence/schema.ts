import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** An item held in a regional evidence room (seized substances, devices, documents, cash). */
export const evidenceItems = pgTable(
  'evidence_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** ISO 3166-2:KZ code of the room's region; drives access scope. */
    region: text('region').notNull(),
    /** Criminal case or ERDR registration number the item belongs to. */
    caseNumber: text('case_number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** substance | device | document | money | other */
    category: text('category').notNull(),
    /** Free-form quantity as recorded on the seizure protocol, e.g. "12.4 g", "3 phones". */
    quantity: text('quantity').notNull().default(''),
    /** Storage place: room, safe, shelf. */
    location: text('location').notNull(),
    /** in_storage | checked_out | disposed */
    status: text('status').notNull().default('in_storage'),
    /** Person currently responsible for the item. */
    holder: text('holder').notNull(),
    /** Tamper-evident seal number; changes when the package is re-sealed. */
    sealNumber: text('seal_number').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('evidence_region_idx').on(t.region), index('evidence_case_idx').on(t.caseNumber)],
);

/** One hand-over in the chain of custody; never updated or deleted. */
export const custodyEvents = pgTable(
  'custody_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').notNull().references(() => evidenceItems.id, { onDelete: 'restrict' }),
    at: ts('at').notNull().defaultNow(),
    /** received | checked_out | returned | transferred | resealed | disposed */
    action: text('action').notNull(),
    fromHolder: text('from_holder'),
    toHolder: text('to_holder'),
    location: text('location'),
    sealNumber: text('seal_number'),
    /** Purpose or basis, e.g. "forensic examination, order No. 123". */
    note: text('note').notNull().default(''),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
  },
  (t) => [index('custody_item_idx').on(t.itemId, t.at)],
);
