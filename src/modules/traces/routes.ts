import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors/catalogue.js';
import {
  createManualLink, ENTITY_TYPES, findEntity, getEntity, getLink, isLinkKind, LINK_KINDS, neighbourhood, observe, OBSERVE_MAX_ITEMS,
  search, setAttributes, shortestPath, tagEntity,
} from './traces.service.js';

const id = z.string().max(64);
const type = z.string().min(1).max(32);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();
const attributes = z.record(z.string().max(100), z.unknown());
const region = z.string().max(8).nullable().optional();
const time = z.iso.datetime({ offset: true }).optional();
const provenance = z.strictObject({
  source: z.string().min(1).max(100).optional(), sourceRef: z.string().max(2000).nullable().optional(), rule: z.string().max(200).nullable().optional(),
  region, details: attributes.optional(),
});
const entity = z.strictObject({
  type, value: z.string().min(1).max(2000), display: z.string().max(500).optional(), region, attributes: attributes.optional(),
  tags: z.array(z.string().max(64)).max(50).optional(), observedAt: time, provenance: provenance.optional(),
});
const ref = z.union([z.strictObject({ id }), z.strictObject({ type, value: z.string().min(1).max(2000) })]);
const link = z.strictObject({ from: ref, to: ref, kind: type, confidence: z.number().min(0).max(1).optional(), observedAt: time, provenance: provenance.optional() });

/** "a,b" → ['a','b'], refusing kinds nobody knows (a typo would silently match nothing). */
function kindsOf(s: string | undefined): string[] | undefined {
  if (!s) return undefined;
  const kinds = s.split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = kinds.filter((k) => !isLinkKind(k));
  if (unknown.length) throw new AppError('traces.unknown_type', { kinds: unknown });
  return kinds;
}

/** Digital traces: one store of entities, links and provenance shared by every module. */
export async function tracesRoutes(app: App, ctx: AppContext): Promise<void> {
  const tags = ['traces'];

  app.get('/api/traces/types', { config: { auth: 'traces.read' }, schema: { tags, summary: 'Known entity types and link kinds' } }, async () => ({
    entityTypes: [...ENTITY_TYPES].map(([name, s]) => ({ name, indicator: s.indicator, regional: s.regional })),
    linkKinds: [...LINK_KINDS].map(([name, s]) => ({ name, symmetric: s.symmetric })),
  }));

  app.get('/api/traces/entities', {
    config: { auth: 'traces.read' },
    schema: { tags, summary: 'Search: exact canonical match first, then value prefix', querystring: z.strictObject({ q: z.string().min(1).max(200), type: type.optional(), limit: int(1, 100) }) },
  }, async (req) => ({ items: await search(ctx.db, req.actor, req.query) }));

  app.get('/api/traces/entities/:id', {
    config: { auth: 'traces.read' },
    schema: {
      tags, summary: 'An entity with its links, neighbours and provenance', params: z.strictObject({ id }),
      querystring: z.strictObject({ linksOffset: int(0, 1_000_000), linksLimit: int(1, 500), provenanceOffset: int(0, 1_000_000), provenanceLimit: int(1, 500) }),
    },
  }, async (req) => getEntity(ctx.db, req.actor, req.params.id, req.query));

  app.get('/api/traces/lookup', {
    config: { auth: 'traces.read' },
    schema: { tags, summary: 'The entity with this type and value (any accepted writing)', querystring: z.strictObject({ type, value: z.string().min(1).max(2000) }) },
  }, async (req) => {
    const found = await findEntity(ctx.db, req.actor, req.query.type, req.query.value);
    if (!found) throw new AppError('record.not_found');
    return { entity: found };
  });

  app.get('/api/traces/entities/:id/graph', {
    config: { auth: 'traces.read' },
    schema: { tags, summary: 'Neighbourhood for a graph view (hubs not expanded)', params: z.strictObject({ id }), querystring: z.strictObject({ depth: int(1, 3), limit: int(1, 1000), kinds: z.string().max(300).optional() }) },
  }, async (req) => neighbourhood(ctx.db, req.actor, req.params.id, { depth: req.query.depth, limit: req.query.limit, kinds: kindsOf(req.query.kinds) }));

  app.get('/api/traces/path', {
    config: { auth: 'traces.read' },
    schema: { tags, summary: 'Shortest path between two entities', querystring: z.strictObject({ from: id, to: id, maxDepth: int(1, 6), kinds: z.string().max(300).optional() }) },
  }, async (req) => shortestPath(ctx.db, req.actor, req.query.from, req.query.to, { maxDepth: req.query.maxDepth, kinds: kindsOf(req.query.kinds) }));

  app.get('/api/traces/links/:id', {
    config: { auth: 'traces.read' },
    schema: { tags, summary: 'A link with its endpoints and provenance', params: z.strictObject({ id }), querystring: z.strictObject({ offset: int(0, 1_000_000), limit: int(1, 500) }) },
  }, async (req) => getLink(ctx.db, req.actor, req.params.id, req.query));

  app.post('/api/traces/observe', {
    config: { auth: 'traces.write' },
    // Counted before validation so an oversized batch costs no per-item work.
    preValidation: async (req) => {
      const b = req.body as { entities?: unknown; links?: unknown } | null;
      const n = (Array.isArray(b?.entities) ? b.entities.length : 0) + (Array.isArray(b?.links) ? b.links.length : 0);
      if (n > OBSERVE_MAX_ITEMS) throw new AppError('traces.batch_too_large', { max: OBSERVE_MAX_ITEMS, got: n });
    },
    schema: {
      tags, summary: `Bulk observations with provenance (machine clients; up to ${OBSERVE_MAX_ITEMS} per call)`,
      body: z.strictObject({
        module: z.string().min(1).max(64).optional(), source: z.string().min(1).max(100), sourceRef: z.string().max(2000).nullable().optional(),
        rule: z.string().max(200).nullable().optional(), region, details: attributes.optional(), observedAt: time,
        entities: z.array(entity).optional(), links: z.array(link).optional(),
      }),
    },
  }, async (req) => observe(ctx.db, req.actor, { ...req.body, module: req.body.module ?? 'api' }));

  app.post('/api/traces/entities/:id/tags', {
    config: { auth: 'traces.write' },
    schema: { tags, summary: 'Add or remove tags', params: z.strictObject({ id }), body: z.strictObject({ add: z.array(z.string().max(64)).max(50).optional(), remove: z.array(z.string().max(64)).max(50).optional() }) },
  }, async (req) => ({ entity: await tagEntity(ctx.db, req.actor, req.params.id, req.body) }));

  app.post('/api/traces/entities/:id/attributes', {
    config: { auth: 'traces.write' },
    schema: { tags, summary: 'Merge attributes (null removes a key)', params: z.strictObject({ id }), body: z.strictObject({ attributes }) },
  }, async (req) => ({ entity: await setAttributes(ctx.db, req.actor, req.params.id, req.body.attributes) }));

  app.post('/api/traces/links', {
    config: { auth: 'traces.write' },
    schema: { tags, summary: 'Create a manual link with a note', body: z.strictObject({ fromId: id, toId: id, kind: type, note: z.string().trim().min(1).max(2000), confidence: z.number().min(0).max(1).optional() }) },
  }, async (req, reply) => {
    const out = await createManualLink(ctx.db, req.actor, req.body);
    return reply.status(out.created ? 201 : 200).send(out);
  });
}
