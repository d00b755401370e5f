import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SYNTHETIC } from '../../app/demo.js';
import { systemActor } from '../../platform/auth/actor.js';
import { startTestApp, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';
import { listRequests } from '../monitor/requests/requests.service.js';
import { seedFinanceDemo } from './demo.js';
import { DEMO_INSTRUMENTS as I } from './demo-attribution.js';
import { getDropper, listDroppers } from './droppers/droppers.service.js';
import { listPacks } from './tags/tagpack.service.js';
import { listTags } from './tags/tags.service.js';

for (const backend of testBackends()) {
  describe(`finance demo data [${backend}]`, () => {
    let t: TestApp;
    const sys = systemActor('test');
    const counts = async () => {
      const n = (sql: string) => t.database.raw.query<{ n: string }>(sql).then((r) => Number(r.rows[0]!.n));
      return {
        tags: await n('select count(*) as n from finance_tags'), packs: await n('select count(*) as n from finance_tag_packs'),
        droppers: await n('select count(*) as n from finance_droppers'), reports: await n('select count(*) as n from finance_dropper_reports'),
        runs: await n('select count(*) as n from finance_trace_runs'), requests: await n(`select count(*) as n from monitor_requests where origin_module = 'finance'`),
      };
    };

    before(async () => { t = await startTestApp(backend); await seedFinanceDemo(t.ctx); });
    after(async () => { await t?.close(); });

    test('marked synthetic: manual tags, a TagPack, bank-reported and ads-found droppers, a freeze request draft', async () => {
      const manual = (await listTags(t.ctx.db, sys, { origin: 'manual', limit: 100 })).tags;
      assert.ok(manual.length >= 5 && manual.every((x) => x.label.startsWith(SYNTHETIC)));
      assert.ok(manual.some((x) => x.region === 'KZ-75'), 'a regional manual tag');
      const pack = (await listPacks(t.ctx.db, sys)).find((p) => p.kind === 'tagpack');
      assert.ok(pack && pack.title.startsWith(SYNTHETIC) && pack.created >= 3);
      const packTags = (await listTags(t.ctx.db, sys, { packId: pack.id, limit: 100 })).tags;
      assert.ok(packTags.length >= 3 && packTags.every((x) => x.label.startsWith(SYNTHETIC)));

      const bank = (await listDroppers(t.ctx.db, sys, { q: I.bankIban })).droppers;
      assert.equal(bank.length, 1);
      assert.equal((await getDropper(t.ctx.db, sys, bank[0]!.id)).reports[0]!.origin, 'bank_csv');
      const ad = (await listDroppers(t.ctx.db, sys, { q: I.adCard })).droppers;
      assert.deepEqual(ad.map((d) => [d.region, d.reports]), [['KZ-75', 2]], 'the card of both ads, in the Almaty desk');
      const adDetail = await getDropper(t.ctx.db, sys, ad[0]!.id);
      assert.ok(adDetail.reports.every((r) => r.origin === 'ads'));
      assert.equal(adDetail.links.posts.length, 2);
      assert.equal((await listDroppers(t.ctx.db, sys, { q: I.adPhone })).droppers.length, 1);

      const reqs = (await listRequests(t.ctx.db, sys, { origin: 'finance', target: 'exchange' })).requests;
      assert.equal(reqs.length, 1);
      assert.equal(reqs[0]!.status, 'draft');
      assert.ok(reqs[0]!.title.startsWith(SYNTHETIC));
      assert.ok(!reqs[0]!.title.startsWith(`${SYNTHETIC} ${SYNTHETIC}`), reqs[0]!.title); // marked once
    });

    test('idempotent: seeding again adds nothing', async () => {
      const first = await counts();
      await seedFinanceDemo(t.ctx);
      assert.deepEqual(await counts(), first);
    });
  });
}
