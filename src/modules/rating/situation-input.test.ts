import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';
import { REGION_CODES } from '../../platform/geo/regions.js';

/**
 * The rating's situation-monitoring adapter, end to end through both modules' public APIs:
 * values are imported and accepted in situation monitoring, then a rating is computed from them.
 */
const METHODOLOGY = {
  indicators: [
    { code: 'drug_deaths', weight: 2, direction: 'lower_better', normalisation: 'minmax', perCapita: { denominator: 'population', per: 100_000 } },
    { code: 'sites_blocked', weight: 1, direction: 'higher_better', normalisation: 'rank' },
  ],
  aggregation: 'arithmetic',
  missing: 'reweight',
};

for (const backend of testBackends()) {
  describe(`rating inputs from situation monitoring [${backend}]`, () => {
    let t: TestApp;
    let admin: Agent, analyst: Agent;
    let methodologyId: string;

    before(async () => {
      t = await startTestApp(backend);
      const login = async (roles: string[]) => {
        const u = await t.user({ username: uniqueName('rsi'), roles });
        return t.login(u.username, u.password);
      };
      admin = await login(['admin']);
      analyst = await login(['analyst']);
      // Twelve regions report 2025; one value stays submitted (not accepted) and must not be used.
      const lines = REGION_CODES.slice(0, 12).flatMap((r, k) => [`drug_deaths,${r},2025,${5 + k},persons`, `sites_blocked,${r},2025,${100 + 7 * k},count`]);
      const content = Buffer.from(['indicator,region,period,value,unit', ...lines].join('\n')).toString('base64');
      assert.equal((await admin.send('POST', '/api/situation/import', { filename: 'x.csv', content })).statusCode, 200);
      const ids = (await analyst.get('/api/situation/values?status=submitted&limit=500')).json().items
        .filter((v: { region: string; indicatorCode: string }) => !(v.region === REGION_CODES[11] && v.indicatorCode === 'sites_blocked')).map((v: { id: string }) => v.id);
      assert.equal((await analyst.send('POST', '/api/situation/review', { ids, decision: 'accept' })).statusCode, 200);
      const m = await analyst.send('POST', '/api/rating/methodologies', { name: uniqueName('Situation '), version: '1', config: METHODOLOGY });
      methodologyId = m.json().methodology.id;
      await admin.send('POST', `/api/rating/methodologies/${methodologyId}/activate`);
    });
    after(async () => { await t?.close(); });

    test('the source is offered, and a rating computed from accepted values freezes them with population denominators', async () => {
      assert.deepEqual((await analyst.get('/api/rating/sources')).json(), { csv: true, situation: true });
      const res = await analyst.send('POST', '/api/rating/ratings', { methodologyId, period: '2025', source: 'situation', sensitivity: { runs: 50 } });
      assert.equal(res.statusCode, 201, res.body);
      const r = res.json().rating;
      assert.equal(r.inputSource, 'situation');
      assert.equal(r.result.rows.length, 12);
      assert.equal(r.result.unrated.length, 8);
      const last = r.result.rows.find((x: { region: string }) => x.region === REGION_CODES[11]);
      assert.deepEqual(last.missing, ['sites_blocked'], 'a submitted but not accepted value is not used');
      assert.ok(r.inputs.some((v: { indicator: string }) => v.indicator === 'population'));
      assert.equal((await analyst.get(`/api/rating/ratings/${r.id}/verify`)).json().ok, true);
    });

    test('a period without accepted values is an input error, reported as such', async () => {
      const res = await analyst.send('POST', '/api/rating/ratings', { methodologyId, period: '2019', source: 'situation' });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'rating.invalid_input');
    });
  });
}
