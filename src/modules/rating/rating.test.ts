import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';
import { DEMO_METHODOLOGY, demoValuesCsv } from './demo.js';
import { ratings } from './schema.js';
import { computeSnapshot, resultHash, type RatingSnapshot } from './snapshot.js';

const CSV = demoValuesCsv();

for (const backend of testBackends()) {
  describe(`rating workflow, scope and reproducibility [${backend}]`, () => {
    let t: TestApp;
    let admin: Agent, analyst: Agent, reviewer: Agent, regional: Agent, regionalAnalyst: Agent;
    let methodologyId: string;
    let ratingId: string;

    const as = async (roles: string[], regions?: string[]) => {
      const u = await t.user({ username: uniqueName('rt'), roles, regions });
      return t.login(u.username, u.password);
    };
    const compute = (who: Agent, body: Record<string, unknown> = {}) =>
      who.send('POST', '/api/rating/ratings', { methodologyId, period: '2025', previousPeriod: '2024', source: 'csv', csv: CSV, sensitivity: { runs: 200, seed: 7, normalisations: ['minmax', 'rank'] }, ...body });

    before(async () => {
      t = await startTestApp(backend);
      admin = await as(['admin']);
      analyst = await as(['analyst']);
      reviewer = await as(['reviewer']);
      regional = await as(['regional_hq'], ['KZ-75']);
      regionalAnalyst = await as(['analyst'], ['KZ-75']);
      const m = await analyst.send('POST', '/api/rating/methodologies', { name: uniqueName('Akimats '), version: '1', config: DEMO_METHODOLOGY });
      assert.equal(m.statusCode, 201, m.body);
      methodologyId = m.json().methodology.id;
      assert.equal((await reviewer.send('POST', `/api/rating/methodologies/${methodologyId}/activate`)).json().methodology.status, 'active');
      const r = await compute(analyst);
      assert.equal(r.statusCode, 201, r.body);
      ratingId = r.json().rating.id;
    });
    after(async () => { await t?.close(); });

    test('methodology versions: drafts editable, active frozen, a new version retires the old one', async () => {
      const name = uniqueName('Versioned ');
      const v1 = (await analyst.send('POST', '/api/rating/methodologies', { name, version: '1', config: DEMO_METHODOLOGY })).json().methodology;
      const edited = await analyst.send('PUT', `/api/rating/methodologies/${v1.id}`, { name, version: '1', config: { ...DEMO_METHODOLOGY, missing: 'mean' } });
      assert.equal(edited.json().methodology.config.missing, 'mean');
      await reviewer.send('POST', `/api/rating/methodologies/${v1.id}/activate`);
      const frozen = await analyst.send('PUT', `/api/rating/methodologies/${v1.id}`, { name, version: '1', config: DEMO_METHODOLOGY });
      assert.equal(frozen.json().error.code, 'record.invalid_state');
      assert.equal((await analyst.send('POST', '/api/rating/methodologies', { name, version: '1', config: DEMO_METHODOLOGY })).json().error.code, 'record.conflict');
      const v2 = (await analyst.send('POST', '/api/rating/methodologies', { name, version: '2', config: DEMO_METHODOLOGY, basedOn: v1.id })).json().methodology;
      // A regional reviewer cannot put a draft in force (to them it does not exist), nor can two be activated at once.
      const regionalReviewer = await as(['reviewer'], ['KZ-75']);
      assert.equal((await regionalReviewer.send('POST', `/api/rating/methodologies/${v2.id}/activate`)).statusCode, 404);
      assert.equal((await reviewer.send('POST', '/api/rating/methodologies/not-an-id/activate')).statusCode, 404);
      const v3 = (await analyst.send('POST', '/api/rating/methodologies', { name, version: '3', config: DEMO_METHODOLOGY, basedOn: v1.id })).json().methodology;
      await Promise.all([v2.id, v3.id].map((id: string) => reviewer.send('POST', `/api/rating/methodologies/${id}/activate`)));
      const statuses = await Promise.all([v1.id, v2.id, v3.id].map(async (id: string) => (await analyst.get(`/api/rating/methodologies/${id}`)).json().methodology.status));
      assert.equal(statuses[0], 'retired');
      assert.deepEqual([statuses[1], statuses[2]].sort(), ['active', 'retired'], 'one version in force');
      // The engine's schema validates the configuration and reports every problem.
      const bad = await analyst.send('POST', '/api/rating/methodologies', { name, version: '4', config: { ...DEMO_METHODOLOGY, aggregation: 'median', wieght: 1 } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'rating.invalid_input');
      assert.ok(bad.json().error.details.some((d: { message: string }) => /unknown field "wieght"/.test(d.message)));
    });

    test('computing needs national scope, an active methodology and valid values', async () => {
      assert.equal((await compute(regionalAnalyst)).json().error.code, 'auth.region_forbidden');
      assert.equal((await compute(reviewer)).statusCode, 403);
      const bad = await compute(analyst, { csv: 'region,indicator,period,value\nKZ-AKM,treatment_coverage,2025,1,5\n' });
      assert.equal(bad.json().error.code, 'rating.invalid_input');
      assert.match(JSON.stringify(bad.json().error.details), /values:2/);
      assert.equal((await compute(analyst, { source: 'csv', csv: undefined })).json().error.code, 'request.invalid');
      const draftM = (await analyst.send('POST', '/api/rating/methodologies', { name: uniqueName('Draft '), version: '1', config: DEMO_METHODOLOGY })).json().methodology;
      assert.equal((await compute(analyst, { methodologyId: draftM.id })).json().error.code, 'record.invalid_state');
    });

    test('four eyes: whoever computed cannot approve; publish needs rating.publish', async () => {
      const own = (await compute(admin)).json().rating.id;
      const self = await admin.send('POST', `/api/rating/ratings/${own}/approve`);
      assert.equal(self.statusCode, 403);
      assert.equal(self.json().error.code, 'rating.self_approval');
      assert.equal((await analyst.send('POST', `/api/rating/ratings/${ratingId}/approve`)).json().error.code, 'auth.forbidden');
      assert.equal((await admin.send('POST', `/api/rating/ratings/${ratingId}/publish`)).json().error.code, 'record.invalid_state'); // not approved yet
      // Not with an API token either: it names no person to compare with whoever computed.
      const issued = await admin.send('POST', '/api/tokens', { name: uniqueName('rt'), roles: ['reviewer'], national: true });
      const byToken = await t.app.inject({ method: 'POST', url: `/api/rating/ratings/${ratingId}/approve`, headers: { authorization: `Bearer ${issued.json().token}` } });
      assert.equal(byToken.json().error.code, 'auth.person_required');
      // The page's result hash comes with the approval: a draft recomputed since is refused.
      const stale = await reviewer.send('POST', `/api/rating/ratings/${ratingId}/approve`, { resultHash: '0'.repeat(64) });
      assert.equal(stale.statusCode, 409);
      const shown = (await reviewer.get(`/api/rating/ratings/${ratingId}`)).json().rating.resultHash as string;
      assert.match(shown, /^[0-9a-f]{64}$/);
      const approved = await reviewer.send('POST', `/api/rating/ratings/${ratingId}/approve`, { resultHash: shown });
      assert.equal(approved.json().rating.status, 'approved');
      assert.equal((await analyst.send('POST', `/api/rating/ratings/${ratingId}/compute`, {})).json().error.code, 'record.invalid_state');
      assert.equal((await reviewer.send('POST', `/api/rating/ratings/${ratingId}/publish`)).statusCode, 403);
      const published = await admin.send('POST', `/api/rating/ratings/${ratingId}/publish`);
      assert.equal(published.json().rating.status, 'published');
      assert.ok(published.json().rating.publishedAt);
    });

    test('a published rating is immutable: every change is record.invalid_state', async () => {
      const attempts = [
        analyst.send('POST', `/api/rating/ratings/${ratingId}/compute`, { sensitivity: { seed: 8 } }),
        reviewer.send('POST', `/api/rating/ratings/${ratingId}/approve`),
        reviewer.send('POST', `/api/rating/ratings/${ratingId}/reopen`),
        admin.send('POST', `/api/rating/ratings/${ratingId}/publish`),
        analyst.send('DELETE', `/api/rating/ratings/${ratingId}`),
      ];
      for (const res of await Promise.all(attempts)) {
        assert.equal(res.statusCode, 409);
        assert.equal(res.json().error.code, 'record.invalid_state');
      }
      assert.equal((await admin.get(`/api/rating/ratings/${ratingId}`)).json().rating.status, 'published');
    });

    test('verify: recomputation from the stored snapshot matches both hashes; the snapshot hashes to inputHash', async () => {
      const v = (await regional.get(`/api/rating/ratings/${ratingId}/verify`)).json();
      assert.equal(v.ok, true);
      assert.equal(v.inputHash.match, true);
      assert.equal(v.resultHash.match, true);
      const snap = await admin.get(`/api/rating/ratings/${ratingId}/snapshot.json`);
      const stored = (await admin.get(`/api/rating/ratings/${ratingId}`)).json().rating;
      assert.equal(createHash('sha256').update(snap.body, 'utf8').digest('hex'), stored.inputHash);
      // Anyone holding the snapshot can recompute the published result bit for bit.
      const { result, sensitivity } = computeSnapshot(JSON.parse(snap.body) as RatingSnapshot);
      assert.equal(resultHash(result, sensitivity), stored.resultHash);
      assert.deepEqual(result.rows.map((r) => [r.region, r.rank, r.score]), stored.result.rows.map((r: { region: string; rank: number; score: number }) => [r.region, r.rank, r.score]));
    });

    test('verify detects a tampered snapshot', async () => {
      const id = (await compute(analyst)).json().rating.id;
      const [row] = await t.ctx.db.select().from(ratings).where(eq(ratings.id, id));
      const inputs = row!.inputs.map((v, k) => (k === 0 ? { ...v, value: v.value + 1 } : v));
      await t.ctx.db.update(ratings).set({ inputs }).where(eq(ratings.id, id));
      const v = (await admin.get(`/api/rating/ratings/${id}/verify`)).json();
      assert.equal(v.ok, false);
      assert.equal(v.inputHash.match, false);
    });

    test('recomputing a draft with the same inputs and seed gives the same hashes; another seed changes only the result', async () => {
      const d = (await compute(analyst)).json().rating;
      const again = (await analyst.send('POST', `/api/rating/ratings/${d.id}/compute`, {})).json().rating;
      assert.equal(again.inputHash, d.inputHash);
      assert.equal(again.resultHash, d.resultHash);
      const reseeded = (await analyst.send('POST', `/api/rating/ratings/${d.id}/compute`, { sensitivity: { seed: 99 } })).json().rating;
      assert.notEqual(reseeded.inputHash, d.inputHash);
      assert.deepEqual(reseeded.result.rows.map((r: { rank: number }) => r.rank), d.result.rows.map((r: { rank: number }) => r.rank));
    });

    test('regional users see published ratings of all regions, never drafts', async () => {
      const draft = (await compute(analyst)).json().rating.id;
      const list = (await regional.get('/api/rating/ratings')).json().items as { id: string; status: string; rated: number }[];
      assert.ok(list.length >= 1 && list.every((r) => r.status === 'published'));
      assert.ok(list.find((r) => r.id === ratingId)!.rated === 20);
      for (const path of [`/api/rating/ratings/${draft}`, `/api/rating/ratings/${draft}/report.pdf`, `/api/rating/ratings/${draft}/verify`]) {
        assert.equal((await regional.get(path)).json().error.code, 'record.not_found');
      }
      assert.equal((await regional.get(`/api/rating/ratings/${ratingId}`)).statusCode, 200);
      assert.ok((await analyst.get('/api/rating/ratings?status=draft')).json().items.some((r: { id: string }) => r.id === draft));
      const ms = (await regional.get('/api/rating/methodologies')).json().items as { status: string }[];
      assert.ok(ms.length > 0 && ms.every((m) => m.status !== 'draft'));
      const card = (await regional.get('/api/dashboard')).json().cards.rating;
      assert.equal(card.latest.id, ratingId);
      assert.deepEqual(card.pending, {});
    });

    test('every step is in the audit trail', async () => {
      const trail = (await admin.get(`/api/audit?entityId=${ratingId}`)).json().rows.map((r: { action: string }) => r.action);
      assert.deepEqual(trail, ['rating.publish', 'rating.approve', 'rating.compute']);
      const m = (await admin.get(`/api/audit?entityId=${methodologyId}`)).json().rows.map((r: { action: string }) => r.action);
      assert.deepEqual(m, ['rating.methodology_activate', 'rating.methodology_create']);
      const d = (await compute(analyst)).json().rating.id;
      await reviewer.send('POST', `/api/rating/ratings/${d}/approve`);
      await reviewer.send('POST', `/api/rating/ratings/${d}/reopen`);
      assert.equal((await analyst.send('DELETE', `/api/rating/ratings/${d}`)).statusCode, 204);
      const gone = (await admin.get(`/api/audit?entityId=${d}`)).json().rows.map((r: { action: string }) => r.action);
      assert.deepEqual(gone, ['rating.delete', 'rating.reopen', 'rating.approve', 'rating.compute']);
    });
  });
}
