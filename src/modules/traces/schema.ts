import { sql } from 'drizzle-orm';
import { bigserial, check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One real-world thing seen in digital traces: an indicator (wallet, card, handle, domain…)
 * or a higher-level entity (shop, person, monitored post, case, tip). Exists once per
 * (type, value); every module references it by id.
 */
export const traceEntities = pgTable(
  'trace_entities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A key of ENTITY_TYPES (src/modules/traces/types.ts), e.g. btc, phone, shop. */
    type: text('type').notNull(),
    /** Canonical value (see docs/traces.md); the identity together with `type`. */
    value: text('value').notNull(),
    /** Human form for lists and graph labels, e.g. a masked card or a grouped phone number. */
    display: text('display').notNull(),
    /** Observation time of the earliest / latest sighting (the source's time, not insert time). */
    firstSeen: ts('first_seen').notNull(),
    lastSeen: ts('last_seen').notNull(),
    /** How many observations asserted this entity (its own provenance rows and its links' rows that carried it). */
    seenCount: integer('seen_count').notNull().default(0),
    /** Links touching this entity, kept on link creation so hub checks need no counting query. */
    degree: integer('degree').notNull().default(0),
    /** Free-form facts, shallow-merged on every observation (later keys win). */
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    /** Analyst labels, lower-case; merged as a set. */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** ISO 3166-2:KZ code for region-bound entities (a local shop, a tip); null = not region-bound. */
    region: text('region'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  // Storage: fillfactor 80 (migration 0017, which drizzle's schema cannot express), so the
  // update on every sighting can stay in its page (HOT) without touching the indexes.
  (t) => [
    uniqueIndex('trace_entities_type_value_uq').on(t.type, t.value),
    // Prefix search without extensions (no pg_trgm on PGlite): text_pattern_ops serves LIKE 'abc%'.
    index('trace_entities_value_prefix_idx').on(sql`lower(${t.value}) text_pattern_ops`),
  ],
);

/** A directed, typed relation between two entities, aggregated over all its observations. */
export const traceLinks = pgTable(
  'trace_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromId: uuid('from_id').notNull().references(() => traceEntities.id, { onDelete: 'restrict' }),
    toId: uuid('to_id').notNull().references(() => traceEntities.id, { onDelete: 'restrict' }),
    /** A key of LINK_KINDS, e.g. mentions, pays_to, same_as. Symmetric kinds store the smaller id first. */
    kind: text('kind').notNull(),
    firstSeen: ts('first_seen').notNull(),
    lastSeen: ts('last_seen').notNull(),
    /** How many observations asserted this link. */
    count: integer('count').notNull().default(0),
    /** Strongest confidence any source gave, 0..1 (manual links: 1 unless stated). */
    confidence: doublePrecision('confidence').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // Also serves "links from X" (leading column).
    uniqueIndex('trace_links_from_to_kind_uq').on(t.fromId, t.toId, t.kind),
    index('trace_links_to_idx').on(t.toId, t.kind),
    check('trace_links_confidence_ck', sql`${t.confidence} >= 0 and ${t.confidence} <= 1`),
    check('trace_links_no_self_ck', sql`${t.fromId} <> ${t.toId}`),
  ],
);

/** Who or what asserted an entity or a link, when and from where. Append-only: never updated or deleted. */
export const traceProvenance = pgTable(
  'trace_provenance',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Exactly one of entity_id / link_id is set. */
    entityId: uuid('entity_id').references(() => traceEntities.id, { onDelete: 'restrict' }),
    linkId: uuid('link_id').references(() => traceLinks.id, { onDelete: 'restrict' }),
    /** Origin channel, e.g. monitor:telegram, finance:esplora, tips, manual. */
    source: text('source').notNull(),
    /** Id in the source: channel/message id, URL, transaction hash, tip number. */
    sourceRef: text('source_ref'),
    /** What decided it: detector rule or model version, or 'manual'. */
    rule: text('rule'),
    /** Module that wrote the row (monitor, finance, tips, traces…). */
    module: text('module').notNull(),
    /** User or token id behind the write; null for the system. */
    actorId: text('actor_id'),
    observedAt: ts('observed_at').notNull(),
    /** Region the observation came from; rows outside a caller's scope are hidden from them. */
    region: text('region'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    // Partial: every row sets exactly one of the two, so each index skips the half of the rows
    // it could never find (an index entry fewer per row on the busiest insert of the store).
    index('trace_prov_entity_idx').on(t.entityId, t.observedAt).where(sql`${t.entityId} is not null`),
    index('trace_prov_link_idx').on(t.linkId, t.observedAt).where(sql`${t.linkId} is not null`),
    check('trace_prov_target_ck', sql`(${t.entityId} is null) <> (${t.linkId} is null)`),
  ],
);
