/**
 * The low-level writes behind `observe` and the manual operations: multi-row upserts of at
 * most 1000 rows. Callers pass the transaction, check permissions and scope, and audit.
 * Rows are sorted before writing so concurrent batches lock shared rows in the same order
 * (opposite orders deadlock).
 *
 * Each chunk is one `INSERT … SELECT FROM unnest(<one array per column>) ON CONFLICT …`:
 * building a VALUES list with one bound parameter per cell cost more CPU than the database
 * work (measured: about half the time of a 10,000-observation batch), while column arrays
 * keep every statement at 7–10 parameters. Same SQL on PGlite and PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { arrayParam, columnsOf } from '../../platform/db/arrays.js';
import { chunks } from './access.js';
import { traceEntities, traceLinks, traceProvenance } from './schema.js';

/** One entity's observations within a batch, already aggregated (a key appears once per statement). */
export interface EntityUpsert {
  type: string;
  value: string;
  display: string;
  region: string | null;
  firstSeen: Date;
  lastSeen: Date;
  /** Observations in this batch; added to seen_count. */
  n: number;
  attributes: Record<string, unknown>;
  tags: string[];
  /**
   * The caller's count of the distinct links of the batch that touch it: written as the degree
   * of a new row and added to an existing row's, so the row is written once, not upserted and
   * then updated again by `upsertLinks`. For an existing row it is an upper bound (some of those
   * links may exist already). Pass the values written to `upsertLinks` (`preset`), which
   * corrects any difference. Default 0.
   */
  degree?: number;
}

/** One link's observations within a batch; from/to already ordered for symmetric kinds. */
export interface LinkUpsert {
  fromId: string;
  toId: string;
  kind: string;
  firstSeen: Date;
  lastSeen: Date;
  n: number;
  confidence: number;
}

export type ProvenanceRow = typeof traceProvenance.$inferInsert;

export const entityKey = (type: string, value: string) => `${type}:${value}`;
export const linkKey = (fromId: string, toId: string, kind: string) => `${fromId}|${toId}|${kind}`;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Upsert by (type, value); returns id and whether the row is new, by entityKey. */
export async function upsertEntities(tx: Db, rows: EntityUpsert[]): Promise<Map<string, { id: string; created: boolean }>> {
  const out = new Map<string, { id: string; created: boolean }>();
  const sorted = [...rows].sort((a, b) => cmp(a.type, b.type) || cmp(a.value, b.value));
  const e = traceEntities;
  for (const part of chunks(sorted)) {
    const col = columnsOf(part);
    // Sightings rarely carry tags: a chunk without any sends none and skips the per-row subquery.
    const tagged = part.some((r) => r.tags.length > 0);
    const res = await tx.execute(sql`insert into ${e} (type, value, display, region, first_seen, last_seen, seen_count, degree, attributes, tags)
      select r.type, r.value, r.display, r.region, r.first_seen, r.last_seen, r.n, r.degree, r.attributes,
        ${tagged ? sql`array(select jsonb_array_elements_text(r.tags))` : sql`'{}'::text[]`}
      from unnest(${col((r) => r.type)}::text[], ${col((r) => r.value)}::text[], ${col((r) => r.display)}::text[], ${col((r) => r.region)}::text[],
        ${col((r) => r.firstSeen.toISOString())}::timestamptz[], ${col((r) => r.lastSeen.toISOString())}::timestamptz[], ${col((r) => r.n)}::int[],
        ${col((r) => r.degree ?? 0)}::int[], ${col((r) => JSON.stringify(r.attributes))}::jsonb[], ${tagged ? col((r) => JSON.stringify(r.tags)) : null}::jsonb[])
        as r(type, value, display, region, first_seen, last_seen, n, degree, attributes, tags)
      on conflict (type, value) do update set
        first_seen = least(${e.firstSeen}, excluded.first_seen),
        last_seen = greatest(${e.lastSeen}, excluded.last_seen),
        seen_count = ${e.seenCount} + excluded.seen_count,
        degree = ${e.degree} + excluded.degree,
        attributes = ${e.attributes} || excluded.attributes,
        tags = case when cardinality(excluded.tags) = 0 then ${e.tags} else array(select distinct x from unnest(${e.tags} || excluded.tags) as x order by x) end,
        region = coalesce(${e.region}, excluded.region),
        updated_at = now()
      returning id, type, value, (xmax = 0) as created`);
    for (const r of (res as unknown as { rows: { id: string; type: string; value: string; created: boolean }[] }).rows) out.set(entityKey(r.type, r.value), { id: r.id, created: Boolean(r.created) });
  }
  return out;
}

/**
 * Upsert by (from, to, kind); keeps entity degrees in step with new links. Returns by linkKey.
 * `preset`: what `upsertEntities` has already added to the degree of entities in this
 * transaction, by id. Only the difference between that and the links actually created here is
 * written, and usually there is none: every link touching an entity created in this transaction
 * is necessarily new (no one else can see the entity yet), and so is every link from such an
 * entity to an existing one (a new post mentioning a known handle). One write per entity
 * instead of an upsert and an update.
 */
export async function upsertLinks(tx: Db, rows: LinkUpsert[], preset?: ReadonlyMap<string, number>): Promise<Map<string, { id: string; created: boolean }>> {
  const out = new Map<string, { id: string; created: boolean }>();
  const sorted = [...rows].sort((a, b) => cmp(a.fromId, b.fromId) || cmp(a.toId, b.toId) || cmp(a.kind, b.kind));
  const l = traceLinks;
  const degree = new Map<string, number>();
  for (const part of chunks(sorted)) {
    const col = columnsOf(part);
    const res = await tx.execute(sql`insert into ${l} (from_id, to_id, kind, first_seen, last_seen, count, confidence)
      select * from unnest(${col((r) => r.fromId)}::uuid[], ${col((r) => r.toId)}::uuid[], ${col((r) => r.kind)}::text[],
        ${col((r) => r.firstSeen.toISOString())}::timestamptz[], ${col((r) => r.lastSeen.toISOString())}::timestamptz[], ${col((r) => r.n)}::int[], ${col((r) => r.confidence)}::float8[])
      on conflict (from_id, to_id, kind) do update set
        first_seen = least(${l.firstSeen}, excluded.first_seen),
        last_seen = greatest(${l.lastSeen}, excluded.last_seen),
        count = ${l.count} + excluded.count,
        confidence = greatest(${l.confidence}, excluded.confidence),
        updated_at = now()
      returning id, from_id, to_id, kind, (xmax = 0) as created`);
    for (const r of (res as unknown as { rows: { id: string; from_id: string; to_id: string; kind: string; created: boolean }[] }).rows) {
      out.set(linkKey(r.from_id, r.to_id, r.kind), { id: r.id, created: Boolean(r.created) });
      if (!r.created) continue;
      degree.set(r.from_id, (degree.get(r.from_id) ?? 0) + 1);
      degree.set(r.to_id, (degree.get(r.to_id) ?? 0) + 1);
    }
  }
  if (preset) {
    for (const [id, n] of preset) {
      const d = (degree.get(id) ?? 0) - n;
      if (d === 0) degree.delete(id); else degree.set(id, d);
    }
  }
  const ids = [...degree.keys()].sort(cmp);
  for (const part of chunks(ids, 5000)) {
    await tx.execute(sql`update ${traceEntities} set degree = ${traceEntities.degree} + v.n
      from unnest(${arrayParam(part)}::uuid[], ${arrayParam(part.map((id) => degree.get(id)!))}::int[]) as v(id, n)
      where ${traceEntities.id} = v.id`);
  }
  return out;
}

/**
 * Append provenance rows: the highest-volume write (one per assertion), so each chunk goes as
 * one INSERT … SELECT FROM unnest(column arrays) — ten parameters per statement instead of ten per row.
 */
export async function insertProvenance(tx: Db, rows: ProvenanceRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    const col = columnsOf(part);
    await tx.execute(sql`insert into ${traceProvenance} (entity_id, link_id, source, source_ref, rule, module, actor_id, observed_at, region, details)
      select * from unnest(${col((r) => r.entityId ?? null)}::uuid[], ${col((r) => r.linkId ?? null)}::uuid[],
        ${col((r) => r.source)}::text[], ${col((r) => r.sourceRef ?? null)}::text[], ${col((r) => r.rule ?? null)}::text[],
        ${col((r) => r.module)}::text[], ${col((r) => r.actorId ?? null)}::text[], ${col((r) => r.observedAt.toISOString())}::timestamptz[],
        ${col((r) => r.region ?? null)}::text[], ${col((r) => (r.details == null ? null : JSON.stringify(r.details)))}::jsonb[])`);
  }
}
