import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One imported file of attribution tags (a GraphSense TagPack, an OFAC SDN list) or the
 * implicit "manual" pack of one analyst. Tags keep a link to it so an import can be reviewed,
 * exported again or withdrawn as a whole.
 */
export const financeTagPacks = pgTable('finance_tag_packs', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** tagpack | actorpack | ofac_sdn | ofac_advanced */
  kind: text('kind').notNull(),
  /** TagPack header `title` (OFAC: the list name and publication date). */
  title: text('title').notNull(),
  /** TagPack header `creator`. */
  creator: text('creator').notNull(),
  description: text('description').notNull().default(''),
  /** TagPack header `is_public`; private packs are never exported to other agencies by default. */
  isPublic: boolean('is_public').notNull().default(false),
  /** SHA-256 of the imported text, to recognise a re-import of the same file. */
  sha256: text('sha256').notNull(),
  /** How many tags (or actors) the import created / updated / refused. */
  created: integer('created').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  refused: integer('refused').notNull().default(0),
  importedById: text('imported_by_id'),
  importedByName: text('imported_by_name').notNull(),
  importedAt: ts('imported_at').notNull().defaultNow(),
});

/**
 * An attribution tag: this address on this ledger belongs to (or is used by) this service or
 * actor, says this source with this confidence. Removal is soft (removedAt) so a case report
 * produced earlier can still say which tags it relied on.
 */
export const financeTags = pgTable(
  'finance_tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Ledger: btc | eth | tron (the traces entity types). Never inferred from the ticker alone. */
    chain: text('chain').notNull(),
    /** Canonical address (traces canonical form: bech32 and ETH lower-case, base58 as written). */
    address: text('address').notNull(),
    /** Ticker the source gave (BTC, ETH, TRX, USDT, USDC…). */
    currency: text('currency').notNull(),
    label: text('label').notNull(),
    /** exchange | darknet_market | drug_shop | mixer | gambling | sanctioned | payment_service | mining_pool | bridge | scam | other */
    category: text('category').notNull(),
    /** Where the attribution comes from: a URL, "OFAC SDN <uid>", "manual: <case>". */
    source: text('source').notNull(),
    /** GraphSense confidence id (ownership, authority_data, service_data, forensic, web_crawl, manual_entry…). */
    confidence: text('confidence').notNull(),
    /** The id's level, 0..100 (GraphSense confidence.csv); tracing compares these. */
    confidenceLevel: integer('confidence_level').notNull(),
    /** GraphSense actor id (finance_tag_actors.id), e.g. "binance". */
    actor: text('actor'),
    /** tagpack | ofac | manual */
    origin: text('origin').notNull(),
    packId: uuid('pack_id').references(() => financeTagPacks.id, { onDelete: 'restrict' }),
    /** ISO 3166-2:KZ for a regional manual tag (a local shop's wallet); null = national, visible to all readers. */
    region: text('region'),
    isPublic: boolean('is_public').notNull().default(false),
    /** Source's last modification date (TagPack `lastmod`). */
    lastmod: ts('lastmod'),
    /** Other TagPack fields kept for a faithful export (abuse, context, is_cluster_definer, OFAC uid…). */
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
    createdById: text('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    removedAt: ts('removed_at'),
    removedByName: text('removed_by_name'),
    removedReason: text('removed_reason'),
  },
  (t) => [
    index('finance_tags_addr_idx').on(t.chain, t.address),
    // One live tag per (ledger, address, label, source): re-imports update instead of duplicating.
    uniqueIndex('finance_tags_live_uq').on(t.chain, t.address, t.label, t.source).where(sql`${t.removedAt} is null`),
    index('finance_tags_pack_idx').on(t.packId),
    check('finance_tags_level_ck', sql`${t.confidenceLevel} between 0 and 100`),
  ],
);

/** A GraphSense ActorPack actor: the organisation or service behind many tags. */
export const financeTagActors = pgTable('finance_tag_actors', {
  /** GraphSense actor id, lower-case snake case, e.g. "garantex". */
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  uri: text('uri').notNull().default(''),
  /** GraphSense concepts, e.g. ["exchange"]. */
  categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
  /** ISO 3166-1 alpha-2 codes. */
  jurisdictions: text('jurisdictions').array().notNull().default(sql`'{}'::text[]`),
  aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
  /** ActorPack `context` (uris, refs, legal_name, twitter_handle…). */
  context: jsonb('context').$type<Record<string, unknown>>().notNull().default({}),
  packId: uuid('pack_id').references(() => financeTagPacks.id, { onDelete: 'restrict' }),
  lastmod: ts('lastmod'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
