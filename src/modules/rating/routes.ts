import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/context.js';
import { NORMALISATIONS } from './engine/index.js';
import { situationInputSource } from './inputs.js';
import { activateMethodology, createMethodology, getMethodology, listMethodologies, updateMethodology } from './methodology.service.js';
import {
  approveRating, createRating, deleteRating, getRating, listRatings, publishRating, ratingSnapshot, RATING_STATUSES, recomputeRating, reopenRating, verifyRating,
} from './rating.service.js';
import { ratingPdf } from './report.pdf.js';
import { ratingXlsx } from './report.xlsx.js';

const tags = ['rating'];
const id = z.strictObject({ id: z.string().max(64) });
// Period labels end up in file names and are compared as text: keep them plain.
const period = z.string().trim().regex(/^[0-9A-Za-z._-]{1,32}$/, 'letters, digits, ".", "_" or "-", at most 32');
const methodologyBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  version: z.string().trim().min(1).max(40),
  /** The engine's methodology JSON (validated by the engine, which reports every problem at once). */
  config: z.record(z.string(), z.unknown()),
  basedOn: z.string().max(64).optional(),
});
const sensitivity = z.strictObject({
  runs: z.number().int().min(1).max(10_000).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  weightJitter: z.number().min(0).lt(1).optional(),
  normalisations: z.array(z.enum(NORMALISATIONS)).max(4).optional(),
});
const inputs = {
  previousPeriod: period.nullable().optional(),
  source: z.enum(['csv', 'situation']).optional(),
  /** Values CSV `region,indicator,period,value` (as `qalqan rating compute --values`). */
  csv: z.string().max(8_000_000).optional(),
  inputNote: z.string().max(300).optional(),
  sensitivity: sensitivity.optional(),
};
const reportQuery = z.strictObject({ lang: z.enum(['kk', 'ru', 'en']).optional() });

/** Rating methodologies (versioned configuration) and ratings (draft → approved → published), with reports. */
export async function ratingRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/rating/sources', { config: { auth: 'rating.compute' }, schema: { tags, summary: 'Which input sources can feed a rating' } },
    async (req) => ({ csv: true, situation: (await situationInputSource(ctx.db, req.actor)) !== null }));

  app.get('/api/rating/methodologies', { config: { auth: 'rating.read' }, schema: { tags, summary: 'Methodology versions' } },
    async (req) => ({ items: await listMethodologies(ctx.db, req.actor) }));
  app.post('/api/rating/methodologies', { config: { auth: 'rating.compute' }, schema: { tags, summary: 'Create a methodology version (draft)', body: methodologyBody } },
    async (req, reply) => reply.status(201).send({ methodology: await createMethodology(ctx.db, req.actor, req.body) }));
  app.get('/api/rating/methodologies/:id', { config: { auth: 'rating.read' }, schema: { tags, summary: 'One methodology version', params: id } },
    async (req) => ({ methodology: await getMethodology(ctx.db, req.actor, req.params.id) }));
  app.put('/api/rating/methodologies/:id', { config: { auth: 'rating.compute' }, schema: { tags, summary: 'Edit a draft methodology version', params: id, body: methodologyBody.omit({ basedOn: true }) } },
    async (req) => ({ methodology: await updateMethodology(ctx.db, req.actor, req.params.id, req.body) }));
  app.post('/api/rating/methodologies/:id/activate', { config: { auth: 'rating.approve' }, schema: { tags, summary: 'Put a draft version in force (retires the previous one)', params: id } },
    async (req) => ({ methodology: await activateMethodology(ctx.db, req.actor, req.params.id) }));

  app.get('/api/rating/ratings', {
    config: { auth: 'rating.read' },
    schema: { tags, summary: 'Ratings (regional callers: published only)', querystring: z.strictObject({ period: z.string().max(32).optional(), status: z.enum(RATING_STATUSES).optional(), methodologyId: z.uuid().optional() }) },
  }, async (req) => ({ items: await listRatings(ctx.db, req.actor, req.query) }));
  app.post('/api/rating/ratings', {
    config: { auth: 'rating.compute' },
    schema: { tags, summary: 'Compute a draft rating', body: z.strictObject({ methodologyId: z.string().max(64), period, ...inputs }) },
  }, async (req, reply) => reply.status(201).send({ rating: await createRating(ctx.db, req.actor, { source: 'csv', ...req.body }) }));
  app.get('/api/rating/ratings/:id', { config: { auth: 'rating.read' }, schema: { tags, summary: 'One rating with its methodology', params: id } },
    async (req) => getRating(ctx.db, req.actor, req.params.id));
  app.post('/api/rating/ratings/:id/compute', {
    config: { auth: 'rating.compute' },
    schema: { tags, summary: 'Recompute a draft (new values and/or settings)', params: id, body: z.strictObject({ period: period.optional(), ...inputs }) },
  }, async (req) => ({ rating: await recomputeRating(ctx.db, req.actor, req.params.id, req.body) }));
  app.post('/api/rating/ratings/:id/approve', {
    config: { auth: 'rating.approve' },
    schema: { tags, summary: 'Approve a draft (not by whoever computed it); with resultHash, only the result the reviewer saw', params: id, body: z.strictObject({ resultHash: z.string().regex(/^[0-9a-f]{64}$/).optional() }).nullish() },
  }, async (req) => ({ rating: await approveRating(ctx.db, req.actor, req.params.id, req.body?.resultHash) }));
  app.post('/api/rating/ratings/:id/reopen', { config: { auth: 'rating.approve' }, schema: { tags, summary: 'Return an approved rating to draft', params: id } },
    async (req) => ({ rating: await reopenRating(ctx.db, req.actor, req.params.id) }));
  app.post('/api/rating/ratings/:id/publish', { config: { auth: 'rating.publish' }, schema: { tags, summary: 'Publish an approved rating (final)', params: id } },
    async (req) => ({ rating: await publishRating(ctx.db, req.actor, req.params.id) }));
  app.delete('/api/rating/ratings/:id', { config: { auth: 'rating.compute' }, schema: { tags, summary: 'Discard a draft', params: id } },
    async (req, reply) => { await deleteRating(ctx.db, req.actor, req.params.id); return reply.status(204).send(); });

  app.get('/api/rating/ratings/:id/verify', { config: { auth: 'rating.read' }, schema: { tags, summary: 'Recompute from the stored snapshot and compare hashes', params: id } },
    async (req) => verifyRating(ctx.db, req.actor, req.params.id));
  app.get('/api/rating/ratings/:id/snapshot.json', { config: { auth: 'rating.read' }, schema: { tags, summary: 'Canonical snapshot; its SHA-256 is the rating\'s inputHash', params: id } },
    async (req, reply) => {
      const { text, rating } = await ratingSnapshot(ctx.db, req.actor, req.params.id);
      return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="rating-${rating.period}-snapshot.json"`).send(text);
    });
  app.get('/api/rating/ratings/:id/report.pdf', { config: { auth: 'rating.read' }, schema: { tags, summary: 'PDF report (kk, ru or en)', params: id, querystring: reportQuery } },
    async (req, reply) => {
      const lang = req.query.lang ?? req.lang;
      const { rating, methodology } = await getRating(ctx.db, req.actor, req.params.id);
      const pdf = await ratingPdf(rating, methodology, lang);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="rating-${rating.period}-${lang}.pdf"`).send(pdf);
    });
  app.get('/api/rating/ratings/:id/report.xlsx', { config: { auth: 'rating.read' }, schema: { tags, summary: 'XLSX workbook (ranking, contributions, sensitivity, inputs)', params: id, querystring: reportQuery } },
    async (req, reply) => {
      const lang = req.query.lang ?? req.lang;
      const { rating, methodology } = await getRating(ctx.db, req.actor, req.params.id);
      const xlsx = await ratingXlsx(rating, methodology, lang);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="rating-${rating.period}-${lang}.xlsx"`).send(xlsx);
    });
}
