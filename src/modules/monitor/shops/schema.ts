import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { monitorItems } from '../schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A shop: flagged items that share indicators (bot, handle, wallet, domain, phone, card, IBAN),
 * i.e. one connected component, maintained incrementally by the detection transaction
 * (shops.update.ts). A shop absorbed by a merge stays as a row with status `merged` so old
 * links and evidence still resolve.
 */
export const monitorShops = pgTable(
  'monitor_shops',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Display name: the shop's main indicator (a bot handle when it has one), see shops.update.ts. */
    name: text('name').notNull(),
    /** Indicator type the name comes from (telegram, domain, phone…). */
    nameType: text('name_type').notNull(),
    /** Stored status: active | blocked | merged. Readers also derive dormant / reappeared (shops.status.ts). */
    status: text('status').notNull().default('active'),
    /** The shop this one was merged into (always a live shop: chains are flattened on merge). */
    mergedInto: uuid('merged_into'),
    /** Union of the regions of the shop's items; drives region scope (overlap with the reader's). */
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    /** Earliest / latest activity: post time of its items (ingest time for undated posts). */
    firstSeen: ts('first_seen').notNull(),
    lastSeen: ts('last_seen').notNull(),
    itemCount: integer('item_count').notNull().default(0),
    /** Who set the stored status last and why (null while only the pipeline touched it). */
    statusNote: text('status_note'),
    statusBy: text('status_by'),
    statusAt: ts('status_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('monitor_shops_regions_idx').using('gin', t.regions),
    index('monitor_shops_last_seen_idx').on(t.lastSeen),
    index('monitor_shops_merged_into_idx').on(t.mergedInto),
  ],
);

/** Membership: every flagged item is in at most one shop. */
export const monitorShopItems = pgTable(
  'monitor_shop_items',
  {
    itemId: uuid('item_id').primaryKey().references(() => monitorItems.id, { onDelete: 'cascade' }),
    shopId: uuid('shop_id').notNull().references(() => monitorShops.id, { onDelete: 'restrict' }),
    /** How the item came in: shared_indicator | near_duplicate | manual. */
    via: text('via').notNull(),
    /** The evidence: indicators it shares ([{type, value}]) or the near-duplicate match. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    joinedAt: ts('joined_at').notNull().defaultNow(),
  },
  (t) => [index('monitor_shop_items_shop_idx').on(t.shopId, t.joinedAt)],
);

/**
 * The indicator index of the shop graph: which shop a mergeable indicator (type + canonical
 * value, as in traces) belongs to, and the hub guard's counters. A hub never glues items
 * together: declared public services (a police hotline, an exchange's wallet) and values that
 * tried to merge more than HUB_MERGES shops.
 */
export const monitorShopIndicators = pgTable(
  'monitor_shop_indicators',
  {
    type: text('type').notNull(),
    value: text('value').notNull(),
    /** Owning shop; null for hubs that never belonged to one. */
    shopId: uuid('shop_id').references(() => monitorShops.id, { onDelete: 'restrict' }),
    /** Flagged items mentioning it. */
    itemCount: integer('item_count').notNull().default(0),
    /** Shop merges it took part in (the hub guard's measure of "present in many shops"). */
    mergeCount: integer('merge_count').notNull().default(0),
    /** null | public_service (declared by an analyst) | merges (guard tripped). */
    hub: text('hub'),
    hubNote: text('hub_note'),
    hubBy: text('hub_by'),
    hubAt: ts('hub_at'),
    firstSeen: ts('first_seen').notNull(),
    lastSeen: ts('last_seen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.type, t.value] }), index('monitor_shop_indicators_shop_idx').on(t.shopId)],
);

/**
 * Evidence of every merge (and of merges the hub guard refused): which item, through which
 * indicators, joined which shops, and when. Append-only.
 */
export const monitorShopMerges = pgTable(
  'monitor_shop_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The surviving shop (for a refusal: the shop the item went to). */
    shopId: uuid('shop_id').notNull().references(() => monitorShops.id, { onDelete: 'restrict' }),
    /** Shops absorbed into `shop_id` (for a refusal: the shops it would have absorbed). */
    mergedShopIds: uuid('merged_shop_ids').array().notNull(),
    /** merged | refused_hub */
    outcome: text('outcome').notNull(),
    /** shared_indicator | near_duplicate | manual */
    kind: text('kind').notNull(),
    /** The item that connected them, when one did. */
    itemId: uuid('item_id'),
    /** The joining indicators: [{type, value, shops: [...]}], or the near-duplicate detail. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    /** Who: the pipeline (`system`) or a user. */
    actor: text('actor').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('monitor_shop_merges_shop_idx').on(t.shopId, t.createdAt), index('monitor_shop_merges_merged_idx').using('gin', t.mergedShopIds)],
);
