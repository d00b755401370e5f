/**
 * `observe`: the one bulk write every module uses to put indicators, entities and links into
 * the store, with provenance, in one transaction and one audit row.
 */
import { and, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { canSeeRegion, requirePermission, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { isRegionCode } from '../../platform/geo/regions.js';
import { isUuid, normTag, regionVisible, visibleRegion } from './access.js';
import { traceEntities } from './schema.js';
import { entityKey, insertProvenance, linkKey, upsertEntities, upsertLinks, type EntityUpsert, type LinkUpsert, type ProvenanceRow } from './store.js';
import { canonicalize, ENTITY_TYPES, isEntityType, isLinkKind, LINK_KINDS, type RejectReason } from './types.js';

/** Most observations (entities + links) one call may carry; larger feeds are split by the caller. */
export const OBSERVE_MAX_ITEMS = 10_000;

/** Where an assertion came from; fields left out fall back to the batch's. */
export interface ProvenanceInput {
  /** e.g. 'monitor:telegram', 'finance:esplora', 'tips', 'manual'. */
  source?: string;
  /** Id in the source: channel/message id, URL, tx hash, tip number. */
  sourceRef?: string | null;
  /** Detector rule / model version, or 'manual'. */
  rule?: string | null;
  /** Region the observation came from (ISO 3166-2:KZ). */
  region?: string | null;
  details?: Record<string, unknown>;
}

/** One sighting of an entity. `value` may be in any writing; it is canonicalised by type. */
export interface EntityObservation {
  type: string;
  value: string;
  /** A label for non-indicator types (a post's title); indicators always use the type's display. */
  display?: string;
  /** For region-bound types (shop, person, item, case, tip); indicators are never region-bound. */
  region?: string | null;
  attributes?: Record<string, unknown>;
  tags?: string[];
  observedAt?: Date | string;
  provenance?: ProvenanceInput;
}

/** An entity named by id (already in the store) or by type and value (upserted with the batch). */
export type EntityRef = { id: string } | { type: string; value: string };

/** One sighting of a link. Endpoints given by type/value count as sightings of those entities too. */
export interface LinkObservation {
  from: EntityRef;
  to: EntityRef;
  kind: string;
  /** 0..1; default 1. The link keeps the highest value any observation gave. */
  confidence?: number;
  observedAt?: Date | string;
  provenance?: ProvenanceInput;
}

/** A batch from one module and source; per-item fields override the batch defaults. */
export interface ObserveBatch extends ProvenanceInput {
  /** The writing module: monitor, finance, evidence, tips, api… */
  module: string;
  source: string;
  observedAt?: Date | string;
  entities?: EntityObservation[];
  links?: LinkObservation[];
}

/** An item written nowhere, and why. `field` says which link endpoint was bad. */
export interface Rejection {
  item: 'entity' | 'link';
  index: number;
  reason: RejectReason;
  field?: 'from' | 'to';
}

export interface ObserveResult {
  /** Entity id by `${type}:${canonicalValue}`, for every accepted entity (incl. link endpoints). */
  ids: Record<string, string>;
  /** Aligned with `batch.entities` / `batch.links`: the id, or null when rejected. */
  entityIds: (string | null)[];
  linkIds: (string | null)[];
  rejected: Rejection[];
  counts: { entities: number; entitiesCreated: number; links: number; linksCreated: number; provenance: number; rejected: number };
}

interface Agg extends EntityUpsert { prov: Map<string, ProvenanceRow> }
interface LinkAgg extends LinkUpsert { prov: Map<string, ProvenanceRow> }

function parseTime(t: Date | string | undefined, fallback: Date, path: string): Date {
  if (t === undefined) return fallback;
  const d = t instanceof Date ? t : new Date(t);
  // A day of clock skew is tolerated; later than that is a bug in the caller, not an observation.
  if (Number.isNaN(d.getTime()) || d.getTime() > Date.now() + 86_400_000) throw new AppError('request.invalid', { path, reason: 'invalid_time' });
  return d;
}

function checkStructure(batch: ObserveBatch): void {
  const entities = batch.entities ?? [], links = batch.links ?? [];
  const n = entities.length + links.length;
  if (n > OBSERVE_MAX_ITEMS) throw new AppError('traces.batch_too_large', { max: OBSERVE_MAX_ITEMS, got: n });
  // Unknown types and kinds are caller bugs: the whole batch is refused so nothing half-lands.
  const types = new Set<string>(), kinds = new Set<string>();
  for (const e of entities) if (!isEntityType(e.type)) types.add(String(e.type));
  for (const l of links) {
    if (!isLinkKind(l.kind)) kinds.add(String(l.kind));
    for (const r of [l.from, l.to]) if (!('id' in r) && !isEntityType(r.type)) types.add(String(r.type));
  }
  if (types.size || kinds.size) throw new AppError('traces.unknown_type', { types: [...types], kinds: [...kinds] });
  const regions = [batch.region, ...entities.map((e) => e.region), ...entities.map((e) => e.provenance?.region), ...links.map((l) => l.provenance?.region)];
  for (const r of regions) if (r != null && !isRegionCode(r)) throw new AppError('region.invalid', { region: r });
  for (const [i, l] of links.entries()) {
    if (l.confidence !== undefined && !(l.confidence >= 0 && l.confidence <= 1)) throw new AppError('request.invalid', { path: `/links/${i}/confidence` });
  }
}

/**
 * Write many entity and link observations at once: validated and canonicalised per item
 * (bad values are rejected with a reason, the rest written), upserted by (type, value) in
 * multi-row statements, with one provenance row per distinct assertion (a sighting of an
 * entity that one of the batch's links records in the same words is written on the link only)
 * and ONE audit row for the batch — all in one transaction.
 */
export async function observe(db: Db, actor: Actor, batch: ObserveBatch): Promise<ObserveResult> {
  requirePermission(actor, 'traces.write');
  checkStructure(batch);
  const now = new Date();
  const batchTime = parseTime(batch.observedAt, now, '/observedAt');
  // A regional user with one region writes into it by default; national users default to no region.
  const defaultRegion = batch.region ?? (!actor.scope.national && actor.scope.regions.length === 1 ? actor.scope.regions[0]! : null);
  const rejected: Rejection[] = [];
  const aggs = new Map<string, Agg>();

  const prov = (p: ProvenanceInput | undefined, observedAt: Date, region: string | null): ProvenanceRow => ({
    source: p?.source ?? batch.source, sourceRef: p?.sourceRef ?? batch.sourceRef ?? null, rule: p?.rule ?? batch.rule ?? null,
    module: batch.module, actorId: actor.id, observedAt, region, details: p?.details ?? batch.details ?? null,
  });
  const provKey = (p: ProvenanceRow) => JSON.stringify([p.source, p.sourceRef, p.rule, p.region, p.observedAt.getTime(), p.details]);
  // A caller usually passes one provenance object for all the sightings of one record (a post,
  // its indicators, its links): the row and its key are made once for the run of them.
  let last: { p: ProvenanceInput | undefined; t: number; region: string | null; row: ProvenanceRow; key: string } | null = null;
  const provRow = (p: ProvenanceInput | undefined, observedAt: Date, region: string | null): { row: ProvenanceRow; key: string } => {
    if (last && last.p === p && last.t === observedAt.getTime() && last.region === region) return last;
    const row = prov(p, observedAt, region);
    last = { p, t: observedAt.getTime(), region, row, key: provKey(row) };
    return last;
  };

  /** Canonicalise and aggregate one sighting. */
  function add(o: EntityObservation, observedAt: Date, p: ProvenanceInput | undefined): { key: string } | { reason: RejectReason } {
    const c = canonicalize(o.type, o.value);
    if ('reject' in c) return { reason: c.reject };
    const spec = ENTITY_TYPES.get(o.type)!;
    const region = p?.region ?? o.region ?? defaultRegion;
    // A region-bound type takes the region of the record it was seen in unless told otherwise.
    const entityRegion = spec.regional ? (o.region ?? p?.region ?? defaultRegion) : null;
    // Writes outside the scope are refused; a regional user may not create national records either.
    if (region !== null && !canSeeRegion(actor.scope, region)) return { reason: 'region_forbidden' };
    if (entityRegion !== null && !canSeeRegion(actor.scope, entityRegion)) return { reason: 'region_forbidden' };
    if (spec.regional && entityRegion === null && !actor.scope.national) return { reason: 'region_forbidden' };
    const tags = (o.tags ?? []).map(normTag);
    if (tags.includes(null)) return { reason: 'invalid_value' };
    const key = entityKey(o.type, c.value);
    let a = aggs.get(key);
    if (!a) {
      const display = (!spec.indicator && o.display?.trim()) || c.display;
      a = { type: o.type, value: c.value, display, region: entityRegion, firstSeen: observedAt, lastSeen: observedAt, n: 0, attributes: {}, tags: [], prov: new Map() };
      aggs.set(key, a);
    }
    a.n++;
    if (observedAt < a.firstSeen) a.firstSeen = observedAt;
    if (observedAt > a.lastSeen) a.lastSeen = observedAt;
    a.region ??= entityRegion;
    Object.assign(a.attributes, o.attributes ?? {});
    for (const t of tags as string[]) if (!a.tags.includes(t)) a.tags.push(t);
    const { row, key: pk } = provRow(p, observedAt, region);
    a.prov.set(pk, row);
    return { key };
  }

  const entities = batch.entities ?? [];
  const entityKeys = entities.map((o, index) => {
    const r = add(o, parseTime(o.observedAt, batchTime, `/entities/${index}/observedAt`), o.provenance);
    if ('key' in r) return r.key;
    rejected.push({ item: 'entity', index, reason: r.reason });
    return null;
  });

  // Link endpoints by type/value are sightings too (unless the same batch already lists them).
  const links = batch.links ?? [];
  const listed = new Set(entityKeys.filter((k): k is string => k !== null));
  type End = { id: string } | { key: string; ref: { type: string; value: string } } | { field?: 'from' | 'to'; reason: RejectReason };
  const linkEnds = links.map((l, index) => {
    const t = parseTime(l.observedAt, batchTime, `/links/${index}/observedAt`);
    let ends: End[] = (['from', 'to'] as const).map((field): End => {
      const ref = l[field];
      if ('id' in ref) return isUuid(ref.id) ? { id: ref.id } : { field, reason: 'unknown_entity' };
      const c = canonicalize(ref.type, ref.value);
      return 'reject' in c ? { field, reason: c.reject } : { key: entityKey(ref.type, c.value), ref };
    });
    // A link is as regional as a region-bound endpoint, so a tip from one region does not show elsewhere.
    const endRegion = ends.map((e) => ('key' in e ? aggs.get(e.key)?.region : null)).find((r) => r) ?? null;
    const region = l.provenance?.region ?? endRegion ?? defaultRegion;
    if (region !== null && !canSeeRegion(actor.scope, region)) return { t, region, ends: [{ reason: 'region_forbidden' } as End] };
    ends = ends.map((e, i) => {
      if (!('key' in e) || listed.has(e.key)) return e;
      const r = add(e.ref, t, { ...l.provenance, region });
      return 'key' in r ? e : { field: i ? 'to' : 'from', reason: r.reason };
    });
    return { t, region, ends };
  });

  return db.transaction(async (tx) => {
    // An existing region-bound row outside the caller's scope is not theirs to touch.
    if (!actor.scope.national && aggs.size) await dropInvisible(tx, actor, aggs);
    // Endpoints given by id name existing entities (never one this batch creates): looked up
    // first, so the degree of every entity of the batch can be written with it.
    const idRefs = [...new Set(linkEnds.flatMap((x) => x.ends.flatMap((e) => ('id' in e ? [e.id] : []))))];
    const knownIds = new Map<string, string | null>();
    if (idRefs.length) {
      const rows = await tx.select({ id: traceEntities.id, region: traceEntities.region }).from(traceEntities)
        .where(and(inArray(traceEntities.id, idRefs), visibleRegion(actor.scope, traceEntities.region)));
      for (const r of rows) knownIds.set(r.id, r.region);
    }
    for (const [key, n] of batchDegrees(links, linkEnds, aggs, knownIds)) aggs.get(key)!.degree = n;
    const written = await upsertEntities(tx, [...aggs.values()]);
    // What was written (new rows) or added (existing rows) as degrees; upsertLinks corrects any difference.
    const preset = new Map<string, number>();
    for (const [key, w] of written) {
      const d = aggs.get(key)?.degree ?? 0;
      if (d !== 0) preset.set(w.id, d);
    }

    const linkAggs = new Map<string, LinkAgg>();
    /** Per entity key: the assertions (provenance keys) a link of this batch records for it. */
    const covered = new Map<string, Set<string>>();
    const linkKeys = links.map((l, index) => {
      const ids: string[] = [];
      for (const e of linkEnds[index]!.ends) {
        const id = 'id' in e ? (knownIds.has(e.id) ? e.id : undefined) : 'key' in e ? written.get(e.key)?.id : undefined;
        if (id === undefined) {
          const reason = 'reason' in e ? e.reason : 'key' in e ? 'region_forbidden' : 'unknown_entity';
          const field = 'reason' in e ? e.field : ids.length ? 'to' : 'from';
          rejected.push({ item: 'link', index, reason, ...(field ? { field } : {}) });
          return null;
        }
        ids.push(id);
      }
      let [fromId, toId] = ids as [string, string];
      if (fromId === toId) { rejected.push({ item: 'link', index, reason: 'self_link' }); return null; }
      if (LINK_KINDS.get(l.kind)!.symmetric && toId < fromId) [fromId, toId] = [toId, fromId];
      const key = linkKey(fromId, toId, l.kind);
      const t = linkEnds[index]!.t;
      let a = linkAggs.get(key);
      if (!a) linkAggs.set(key, a = { fromId, toId, kind: l.kind, firstSeen: t, lastSeen: t, n: 0, confidence: 0, prov: new Map() });
      a.n++;
      if (t < a.firstSeen) a.firstSeen = t;
      if (t > a.lastSeen) a.lastSeen = t;
      a.confidence = Math.max(a.confidence, l.confidence ?? 1);
      const idRegion = linkEnds[index]!.ends.map((e) => ('id' in e ? knownIds.get(e.id) : null)).find((r) => r);
      const { row, key: pk } = provRow(l.provenance, t, l.provenance?.region ?? idRegion ?? linkEnds[index]!.region);
      a.prov.set(pk, row);
      for (const e of linkEnds[index]!.ends) {
        if (!('key' in e)) continue;
        let set = covered.get(e.key);
        if (!set) covered.set(e.key, set = new Set());
        set.add(pk);
      }
      return key;
    });
    const linked = await upsertLinks(tx, [...linkAggs.values()], preset);

    // A link's provenance row also asserts its endpoints ("post X mentions handle Y" says Y was
    // seen in X), so an entity's sighting that a link of the batch records in the same words is
    // not written again on the entity: its provenance is read as its own rows plus its links'
    // (entity.service.ts). In monitoring that is most rows: every indicator and every post with
    // an indicator was written twice, and the provenance insert is the store's busiest.
    const provRows: ProvenanceRow[] = [];
    for (const [key, a] of aggs) {
      const w = written.get(key);
      if (!w) continue;
      const byLink = covered.get(key);
      for (const [pk, p] of a.prov) if (!byLink?.has(pk)) provRows.push({ ...p, entityId: w.id });
    }
    for (const [key, a] of linkAggs) for (const p of a.prov.values()) provRows.push({ ...p, linkId: linked.get(key)!.id });
    await insertProvenance(tx, provRows);

    const ids: Record<string, string> = {};
    for (const [key, w] of written) ids[key] = w.id;
    for (const [index, k] of entityKeys.entries()) {
      if (k !== null && !written.has(k)) rejected.push({ item: 'entity', index, reason: 'region_forbidden' });
    }
    rejected.sort((a, b) => (a.item === b.item ? a.index - b.index : a.item === 'entity' ? -1 : 1));
    const counts = {
      entities: written.size, entitiesCreated: [...written.values()].filter((w) => w.created).length,
      links: linked.size, linksCreated: [...linked.values()].filter((w) => w.created).length,
      provenance: provRows.length, rejected: rejected.length,
    };
    await recordAudit(tx, actor, {
      action: 'traces.observe', entityType: 'trace_batch', region: defaultRegion,
      details: { module: batch.module, source: batch.source, sourceRef: batch.sourceRef ?? null, received: { entities: entities.length, links: links.length }, ...counts },
    });
    return {
      ids, rejected, counts,
      entityIds: entityKeys.map((k) => (k === null ? null : written.get(k)?.id ?? null)),
      linkIds: linkKeys.map((k) => (k === null ? null : linked.get(k)?.id ?? null)),
    };
  });
}

/**
 * The links of the batch touching each entity, by key: the distinct links (by endpoint and kind,
 * either order for symmetric kinds) among the links whose two endpoints resolve. It is the
 * degree of an entity the batch creates, and what an existing entity's degree grows by if none
 * of those links exists yet. A guess where a link exists already, or where an id endpoint and a
 * type/value endpoint name the same entity; `upsertLinks` writes the difference then.
 */
function batchDegrees(links: LinkObservation[], linkEnds: { ends: ({ id: string } | { key: string } | { reason: RejectReason })[] }[], aggs: Map<string, Agg>, knownIds: Map<string, string | null>): Map<string, number> {
  const out = new Map<string, number>();
  const seen = new Set<string>();
  for (const [index, l] of links.entries()) {
    const ends = linkEnds[index]!.ends;
    if (ends.length !== 2) continue;
    const ids: string[] = [];
    for (const e of ends) {
      if ('id' in e && knownIds.has(e.id)) ids.push('i' + e.id);
      else if ('key' in e && aggs.has(e.key)) ids.push('k' + e.key);
      else break;
    }
    if (ids.length !== 2 || ids[0] === ids[1]) continue;
    if (LINK_KINDS.get(l.kind)!.symmetric && ids[1]! < ids[0]!) ids.reverse();
    const k = `${ids[0]}\u0000${ids[1]}\u0000${l.kind}`;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const x of ids) if (x[0] === 'k') out.set(x.slice(1), (out.get(x.slice(1)) ?? 0) + 1);
  }
  return out;
}

/**
 * For a regional caller: remove aggregates whose existing row is bound to a region the caller
 * cannot see, and leave the region of an existing national row (region null) as it is. The upsert
 * fills a null region from the sighting, so without the second rule a regional user could move a
 * record every region shares into their own region and hide it from all the others.
 */
async function dropInvisible(tx: Db, actor: Actor, aggs: Map<string, Agg>): Promise<void> {
  const regional = [...aggs.values()].filter((a) => ENTITY_TYPES.get(a.type)!.regional);
  if (!regional.length) return;
  const rows = await tx.execute(sql`select e.type, e.value, e.region from ${traceEntities} e
    join unnest(${sql.param(regional.map((a) => a.type))}::text[], ${sql.param(regional.map((a) => a.value))}::text[]) as k(type, value)
      on e.type = k.type and e.value = k.value`);
  for (const r of (rows as unknown as { rows: { type: string; value: string; region: string | null }[] }).rows) {
    const key = entityKey(r.type, r.value);
    if (r.region === null) aggs.get(key)!.region = null;
    else if (!regionVisible(actor.scope, r.region)) aggs.delete(key);
  }
}
