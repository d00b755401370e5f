import { z } from 'zod';
import type { App, AppContext } from '../../../platform/http/context.js';
import { sendFile, uploadText } from '../reports/http.js';
import { CONFIDENCE_IDS, TAG_CATEGORIES } from './model.js';
import { MAX_OFAC_BYTES } from './ofac.service.js';
import { listPacks, MAX_PACK_BYTES } from './tagpack.service.js';
import { addTag, exportActorPack, exportTagPack, importActorPack, importOfacSdn, importTagPack, listTags, removeTag, tagsFor } from './tags.service.js';

const id = z.strictObject({ id: z.string().max(64) });
const flag = z.enum(['true', 'false']).optional();

/** Attribution tags: list, manual tags, TagPack/ActorPack import and export, OFAC SDN import. */
export async function financeTagsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/finance/tags', {
    config: { auth: 'finance.tag.read' },
    schema: {
      tags: ['finance'], summary: 'Attribution tags visible to the caller',
      querystring: z.strictObject({ q: z.string().max(200).optional(), chain: z.string().max(16).optional(), category: z.enum(TAG_CATEGORIES).optional(), origin: z.enum(['tagpack', 'ofac', 'manual']).optional(), packId: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(1000).optional(), offset: z.coerce.number().int().min(0).optional() }),
    },
  }, async (req) => listTags(ctx.db, req.actor, req.query));

  app.post('/api/finance/tags/lookup', {
    config: { auth: 'finance.tag.read' },
    schema: { tags: ['finance'], summary: 'Tags of many addresses on one ledger', body: z.strictObject({ chain: z.string().max(16), addresses: z.array(z.string().max(200)).min(1).max(1000) }) },
  }, async (req) => ({ tags: Object.fromEntries(await tagsFor(ctx.db, req.body.chain, req.body.addresses, { scope: req.actor.scope })) }));

  app.post('/api/finance/tags', {
    config: { auth: 'finance.tag' },
    schema: {
      tags: ['finance'], summary: 'Add a manual tag (audited)',
      body: z.strictObject({
        chain: z.string().max(16), address: z.string().trim().min(1).max(200), label: z.string().trim().min(1).max(200), category: z.enum(TAG_CATEGORIES),
        source: z.string().trim().min(1).max(1000), confidence: z.enum(CONFIDENCE_IDS).optional(), currency: z.string().max(16).optional(),
        actor: z.string().max(100).nullable().optional(), region: z.string().max(8).nullable().optional(), note: z.string().max(2000).optional(),
      }),
    },
  }, async (req, reply) => reply.status(201).send({ tag: await addTag(ctx.db, req.actor, req.body) }));

  app.delete('/api/finance/tags/:id', {
    config: { auth: 'finance.tag' },
    schema: { tags: ['finance'], summary: 'Withdraw a tag (kept for reports that cited it; audited)', params: id, querystring: z.strictObject({ reason: z.string().max(1000).optional() }) },
  }, async (req) => ({ tag: await removeTag(ctx.db, req.actor, req.params.id, req.query.reason ?? '') }));

  app.get('/api/finance/tags/packs', { config: { auth: 'finance.tag.read' }, schema: { tags: ['finance'], summary: 'Imported packs and lists' } },
    async (req) => ({ packs: await listPacks(ctx.db, req.actor) }));

  app.get('/api/finance/tags/export/tagpack.yaml', {
    config: { auth: 'finance.tag.read' },
    schema: {
      tags: ['finance'], summary: 'Export tags as a GraphSense TagPack',
      querystring: z.strictObject({ chain: z.string().max(16).optional(), category: z.enum(TAG_CATEGORIES).optional(), origin: z.enum(['tagpack', 'ofac', 'manual']).optional(), packId: z.string().max(64).optional(), includeRegional: flag, publicOnly: flag, title: z.string().max(200).optional() }),
    },
  }, async (req, reply) => {
    const { includeRegional, publicOnly, ...q } = req.query;
    const out = await exportTagPack(ctx.db, req.actor, { ...q, includeRegional: includeRegional === 'true', publicOnly: publicOnly === 'true' });
    return sendFile(reply, 'application/yaml; charset=utf-8', 'qalqan-tagpack.yaml', out.yaml);
  });

  app.get('/api/finance/tags/export/actorpack.yaml', {
    config: { auth: 'finance.tag.read' },
    schema: { tags: ['finance'], summary: 'Export actors as a GraphSense ActorPack', querystring: z.strictObject({ referencedOnly: flag }) },
  }, async (req, reply) => sendFile(reply, 'application/yaml; charset=utf-8', 'qalqan-actorpack.yaml', (await exportActorPack(ctx.db, req.actor, { referencedOnly: req.query.referencedOnly === 'true' })).yaml));

  // Uploads take the file as the raw body (YAML or XML), in their own scope so other routes keep strict JSON.
  await app.register(async (child: App) => {
    child.removeAllContentTypeParsers();
    child.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const importQuery = z.strictObject({ acceptValid: flag });
    child.post('/api/finance/tags/import/tagpack', {
      config: { auth: 'finance.tag' }, bodyLimit: MAX_PACK_BYTES,
      schema: { tags: ['finance'], summary: 'Import a GraphSense TagPack (YAML body); refused whole on errors unless acceptValid=true', querystring: importQuery },
    }, async (req) => importTagPack(ctx.db, req.actor, uploadText(req.body), { acceptValid: req.query.acceptValid === 'true' }));
    child.post('/api/finance/tags/import/actorpack', {
      config: { auth: 'finance.tag' }, bodyLimit: MAX_PACK_BYTES,
      schema: { tags: ['finance'], summary: 'Import a GraphSense ActorPack (YAML body)', querystring: importQuery },
    }, async (req) => importActorPack(ctx.db, req.actor, uploadText(req.body), { acceptValid: req.query.acceptValid === 'true' }));
    child.post('/api/finance/tags/import/ofac', {
      config: { auth: 'finance.tag' }, bodyLimit: MAX_OFAC_BYTES,
      schema: {
        tags: ['finance'], summary: 'Import OFAC sdn.xml or SDN_ADVANCED.xml (XML body); OFAC tags the newer list no longer carries are withdrawn (withdrawMissing=false for a partial file)',
        querystring: z.strictObject({ withdrawMissing: flag }),
      },
    }, async (req) => importOfacSdn(ctx.db, req.actor, uploadText(req.body), { withdrawMissing: req.query.withdrawMissing !== 'false' }));
  });
}
