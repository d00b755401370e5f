import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { systemActor } from '../../../platform/auth/actor.js';
import { startTestApp, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { SYNTHETIC } from '../../../app/demo.js';
import { seedMonitorDemo } from '../demo.js';
import { listAlerts } from '../mirrors/alerts.service.js';
import { getTarget, listTargets } from '../rechecks/rechecks.service.js';
import { listRequests } from '../requests/requests.service.js';
import { agreement } from '../review/review.service.js';
import { listShops } from '../shops/shops.service.js';
import { monitorStatistics } from './stats.service.js';

for (const backend of testBackends()) {
  describe(`cyber-supervision demo data [${backend}]`, () => {
    let t: TestApp;
    const actor = systemActor('test');
    before(async () => {
      t = await startTestApp(backend);
      await seedMonitorDemo(t.ctx);
      await seedMonitorDemo(t.ctx);
    });
    after(async () => { await t?.close(); });

    test('generated posts are marked synthetic on their channel, not in the text the detector reads', async () => {
      const res = await t.ctx.db.execute(sql`select channel, text, label, raw->>'expectedLabel' as expected from monitor_items where external_id like 'demo-4242-%'`);
      const rows = (res as unknown as { rows: { channel: string; text: string; label: string; expected: string }[] }).rows;
      assert.equal(rows.length, 400);
      assert.ok(rows.every((r) => r.channel.startsWith(SYNTHETIC) && !r.text.includes(SYNTHETIC)));
      // The generator's own label: the demo shows what the detector does on such posts.
      const agree = rows.filter((r) => r.label === r.expected).length;
      assert.ok(agree >= 398, `${agree} of 400 labelled as generated`);
    });

    test('shops, reviews with disagreements, requests in several states and recheck history, all synthetic, seeded once', async () => {
      const { requests } = await listRequests(t.ctx.db, actor, { limit: 500 });
      assert.ok(requests.length >= 5 && requests.every((r) => r.title.startsWith(SYNTHETIC)));
      const states = new Set(requests.map((r) => r.status));
      for (const s of ['draft', 'approved', 'blocked', 'refused', 'restored']) assert.ok(states.has(s), `a request ${s}: ${[...states]}`);
      const shops = (await listShops(t.ctx.db, actor, { q: 'qalqan_demo' })).shops as { name: string; itemCount: number }[];
      assert.deepEqual(shops.map((s) => [s.name, s.itemCount]).sort(), [['qalqan_demo_alm_bot', 2], ['qalqan_demo_shm_bot', 2]]);
      const ag = await agreement(t.ctx.db, actor, {});
      const pair = ag.pairs.find((p) => [p.a.name, p.b.name].sort().join() === 'demo-reviewer-1,demo-reviewer-2');
      assert.ok(pair && pair.n >= 8, 'two demo reviewers decided the same items');
      assert.ok(ag.reviewers.some((r) => r.rejected > 0) && ag.reviewers.some((r) => r.unsure > 0), 'not every decision is a confirmation');
      const { targets } = await listTargets(t.ctx.db, actor, { q: 'qalqan-demo-alm.example/menu' });
      assert.equal(targets.length, 1);
      const h = (await getTarget(t.ctx.db, actor, targets[0]!.id)).history.map((c) => c.statusAfter).reverse();
      assert.deepEqual(h, ['reachable', 'blocked', 'restored']);
      assert.ok((await listAlerts(t.ctx.db, actor, { kind: 'restored' })).alerts.length >= 1);
      const s = await monitorStatistics(t.ctx.db, actor, { granularity: 'day' });
      assert.ok(s.totals.found > 0 && s.totals.confirmed > 0 && s.totals.requested > 0 && s.totals.blocked > 0 && s.totals.restored > 0, JSON.stringify(s.totals));
    });
  });
}
