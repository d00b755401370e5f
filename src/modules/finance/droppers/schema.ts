import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A dropper (money-mule) payment instrument: a card, IBAN or phone number (mobile-wallet
 * transfers) that drug shops tell buyers to pay to. One row per (kind, value, region): each
 * region's desk keeps its own status for the same number, so no region sees another's work.
 */
export const financeDroppers = pgTable(
  'finance_droppers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** card | iban | phone */
    kind: text('kind').notNull(),
    /** Canonical value (traces canonical form: digits for cards, upper-case IBAN, E.164 phone). */
    value: text('value').notNull(),
    /** Masked form for lists, letters and screens (a card shows only BIN and last four). */
    display: text('display').notNull(),
    /** ISO 3166-2:KZ code of the desk that keeps it; drives access scope. */
    region: text('region').notNull(),
    /** reported | confirmed | blocked | cleared */
    status: text('status').notNull().default('reported'),
    /** Card scheme from the IIN range (visa, mastercard, mir, unionpay, amex, maestro, other); null for IBAN/phone. */
    scheme: text('scheme'),
    /** KZ IBAN bank code (positions 5–7) or the issuing bank's code as reported. */
    bankCode: text('bank_code'),
    /** Bank name from data/kz-banks.json, or as the reporting bank wrote it. */
    bankName: text('bank_name'),
    /** Holder name as a bank reported it (personal data: shown only to permitted roles). */
    holderName: text('holder_name').notNull().default(''),
    /** The traces entity of the same value, once linked. */
    entityId: uuid('entity_id'),
    /** Latest blocking request to a bank that covered it (monitor requests). */
    lastRequestId: uuid('last_request_id'),
    firstSeen: ts('first_seen').notNull(),
    lastSeen: ts('last_seen').notNull(),
    /** Number of reports / sightings (finance_dropper_reports rows). */
    reports: integer('reports').notNull().default(0),
    note: text('note').notNull().default(''),
    createdById: text('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    statusChangedAt: ts('status_changed_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('finance_droppers_kind_value_region_uq').on(t.kind, t.value, t.region),
    index('finance_droppers_region_status_idx').on(t.region, t.status),
    index('finance_droppers_entity_idx').on(t.entityId),
    check('finance_droppers_kind_ck', sql`${t.kind} in ('card', 'iban', 'phone')`),
    check('finance_droppers_status_ck', sql`${t.status} in ('reported', 'confirmed', 'blocked', 'cleared')`),
  ],
);

/** One report or sighting of a dropper instrument: a bank's CSV row, a monitored ad, a manual entry. Append-only. */
export const financeDropperReports = pgTable(
  'finance_dropper_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dropperId: uuid('dropper_id').notNull().references(() => financeDroppers.id, { onDelete: 'restrict' }),
    /** bank_csv | ads | manual */
    origin: text('origin').notNull(),
    /** Who reported it: the bank's name, "monitor", the analyst. */
    reporter: text('reporter').notNull(),
    /** The reporter's reference: bank letter number, traces entity id, post id. */
    reference: text('reference').notNull().default(''),
    reportedAt: ts('reported_at').notNull(),
    /** One CSV upload shares one id (so an import can be listed and reviewed as a whole). */
    importId: uuid('import_id'),
    /** Row number in the CSV, amounts, reason text and other reported facts. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdById: text('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('finance_dropper_reports_dropper_idx').on(t.dropperId, t.reportedAt), index('finance_dropper_reports_import_idx').on(t.importId)],
);

/**
 * Progress of the automatic registration of instruments found in flagged ads (droppers/ads.service.ts):
 * one row per instrument type, locked by each batch so two runs never register the same sighting twice.
 */
export const financeAdsSync = pgTable('finance_ads_sync', {
  /** card | iban | phone: the traces entity type followed. */
  type: text('type').primaryKey(),
  /** `updatedAt` of the last traces entity processed; a run starts a little before it (late commits). */
  cursorAt: ts('cursor_at'),
  lastRunAt: ts('last_run_at'),
  /** Counters of the last batch that looked at this type (scanned, created, reported, invalid…). */
  lastResult: jsonb('last_result').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
