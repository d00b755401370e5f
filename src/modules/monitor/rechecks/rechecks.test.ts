import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../../platform/auth/actor.js';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { detectItems } from '../ingest.detect.js';
import { ingestBatch } from '../ingest.service.js';
import { runMirrorBatch } from '../mirrors/mirrors.service.js';
import { fromHex, hamming, simhash } from '../mirrors/simhash.js';
import { createRequest, getRequest, transition } from '../requests/requests.service.js';
import { shopOfItem } from '../shops/shops.service.js';
import { html, startSite } from '../sources/sources.fixtures.js';
import { runRecheckBatch } from './rechecks.service.js';

const MARKER = 'Доступ к данному ресурсу ограничен';
const user = (name: string, roles: Actor['roles']): Actor => ({ type: 'user', id: `id-${name}`, name, roles, scope: { national: true, regions: [] } });
const q = async <T>(t: TestApp, query: ReturnType<typeof sql>) => ((await t.ctx.db.execute(query)) as unknown as { rows: T[] }).rows;

// Rechecks against a local site that plays the shop, the blocking authority's stub and a removed page.
for (const backend of testBackends()) {
  describe(`monitor rechecks and mirrors [${backend}]`, () => {
    let t: TestApp;
    let site: Awaited<ReturnType<typeof startSite>>;
    let analyst: Agent;
    let regional: Agent;
    let mode: 200 | 451 | 404 = 200;
    const author = user(uniqueName('author'), ['analyst']);
    const reviewer = user(uniqueName('rev'), ['reviewer']);
    const tag = uniqueName('rc');

    before(async () => {
      site = await startSite({
        '/shop': (_q, res: ServerResponse) => {
          if (mode === 200) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<title>Снежок</title><p>Меф, шишки, закладки по Алматы. Пишите боту.</p>');
          res.writeHead(mode, { 'content-type': 'text/plain' }).end(mode === 451 ? 'Unavailable For Legal Reasons' : 'not found');
        },
        '/stub': html(`<h1>${MARKER.toUpperCase()}</h1><p>по решению уполномоченного органа</p>`),
      });
      t = await startTestApp(backend, {
        CRAWLER_ALLOW_PRIVATE_HOSTS: `127.0.0.1:${site.port}`, RECHECK_HOST_INTERVAL_MS: '0', QALQAN_BLOCKPAGE_MARKERS: `${MARKER}|Сайт заблокирован`,
      });
      const a = await t.user({ username: uniqueName('an'), roles: ['analyst'] });
      analyst = await t.login(a.username, a.password);
      const r = await t.user({ username: uniqueName('reg'), roles: ['analyst'], regions: ['KZ-35'] });
      regional = await t.login(r.username, r.password);
    });
    after(async () => { await t?.close(); await site?.close(); });

    /** A request for `urls` moved to `sent` by two people (four eyes). */
    const sentRequest = async (urls: string[], extra: { shopId?: string } = {}) => {
      const { id } = await createRequest(t.ctx.db, author, {
        target: 'blocking_authority', region: 'KZ-75', title: tag, entries: urls.map((value) => ({ type: 'url', value, shopId: extra.shopId })),
        origin: { module: 'monitor', shopId: extra.shopId },
      });
      await transition(t.ctx.db, reviewer, id, 'approved');
      await transition(t.ctx.db, author, id, 'sent');
      return id;
    };
    const targetOf = async (requestId: string) => {
      const list = (await analyst.get(`/api/monitor/rechecks?requestId=${requestId}`)).json().targets as { id: string; url: string; status: string }[];
      assert.equal(list.length, 1);
      return list[0]!;
    };
    const run = async (id: string) => {
      const res = await analyst.send('POST', `/api/monitor/rechecks/${id}/run`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { target: { status: string }; check: { outcome: string; reason: string; httpStatus: number | null; requestOutcome: string | null; contentHash: string | null; simhash: string | null } };
    };

    test('200 → 451 → 404 → 200: reachable → blocked → gone → restored; request outcomes and a restored alert', async () => {
      const requestId = await sentRequest([`${site.base}/shop`]);
      mode = 200;
      const batch = await runRecheckBatch(t.ctx);
      assert.ok(batch.added >= 1 && batch.checked >= 1, JSON.stringify(batch));
      const target = await targetOf(requestId);
      assert.equal(target.status, 'reachable');

      mode = 451;
      const blocked = await run(target.id);
      assert.deepEqual([blocked.target.status, blocked.check.outcome, blocked.check.reason, blocked.check.requestOutcome], ['blocked', 'blocked', 'http_451', 'blocked']);
      assert.equal((await getRequest(t.ctx.db, author, requestId)).request.status, 'blocked');

      mode = 404;
      const gone = await run(target.id);
      assert.deepEqual([gone.target.status, gone.check.outcome, gone.check.requestOutcome], ['gone', 'gone', null]);
      assert.equal((await getRequest(t.ctx.db, author, requestId)).request.status, 'blocked');

      mode = 200;
      const back = await run(target.id);
      assert.deepEqual([back.target.status, back.check.outcome, back.check.requestOutcome], ['restored', 'reachable', 'restored']);
      assert.match(back.check.contentHash!, /^[0-9a-f]{64}$/);
      assert.match(back.check.simhash!, /^[0-9a-f]{16}$/);
      assert.equal((await getRequest(t.ctx.db, author, requestId)).request.status, 'restored');

      const detail = (await analyst.get(`/api/monitor/rechecks/${target.id}`)).json();
      assert.deepEqual(detail.history.map((h: { statusAfter: string }) => h.statusAfter).reverse(), ['reachable', 'blocked', 'gone', 'restored']);
      assert.deepEqual(detail.history.map((h: { httpStatus: number }) => h.httpStatus).reverse(), [200, 451, 404, 200]);

      const alerts = (await analyst.get('/api/monitor/alerts?kind=restored')).json();
      const alert = alerts.alerts.find((a: { targetId: string }) => a.targetId === target.id);
      assert.ok(alert, 'restored alert raised');
      assert.equal(alert.evidence.sameContent, true);
      assert.equal(alert.evidence.statusBefore, 'gone');
      const ack = await analyst.send('POST', `/api/monitor/alerts/${alert.id}/ack`, { note: 'передано в МИ' });
      assert.equal(ack.statusCode, 200, ack.body);
      assert.ok(ack.json().alert.acknowledgedAt);
      assert.equal((await analyst.send('POST', `/api/monitor/alerts/${alert.id}/ack`, {})).statusCode, 409);
      const audit = await q<{ action: string }>(t, sql`select action from audit_log where entity_id = ${alert.id} order by seq`);
      assert.deepEqual(audit.map((r) => r.action), ['monitor.alert.restored', 'monitor.alert.acknowledge']);
    });

    test('the authority\'s stub page is recognised by its text marker', async () => {
      const requestId = await sentRequest([`${site.base}/stub`]);
      await runRecheckBatch(t.ctx);
      const target = await targetOf(requestId);
      assert.equal(target.status, 'blocked');
      const detail = (await analyst.get(`/api/monitor/rechecks/${target.id}`)).json();
      assert.deepEqual([detail.history[0].reason, detail.history[0].httpStatus], ['blockpage_marker', 200]);
      assert.equal((await getRequest(t.ctx.db, author, requestId)).request.status, 'blocked');
    });

    test('private and metadata targets are refused, never fetched, and change nothing', async () => {
      const requestId = await sentRequest(['http://169.254.169.254/latest/meta-data/']);
      const otherPort = `http://127.0.0.1:${site.port + 1}/x`;
      const second = await sentRequest([otherPort]);
      await runRecheckBatch(t.ctx);
      for (const id of [requestId, second]) {
        const target = await targetOf(id);
        assert.equal(target.status, 'pending');
        const h = (await analyst.get(`/api/monitor/rechecks/${target.id}`)).json().history;
        assert.deepEqual([h[0].outcome, h[0].reason], ['refused', 'blocked_address']);
        assert.equal((await getRequest(t.ctx.db, author, id)).request.status, 'sent');
      }
    });

    test('region scope and permissions', async () => {
      const requestId = await sentRequest([`${site.base}/shop?scope`]);
      await runRecheckBatch(t.ctx);
      const target = await targetOf(requestId);
      // A KZ-35 analyst sees neither the KZ-75 target nor its alerts.
      assert.equal((await regional.get(`/api/monitor/rechecks/${target.id}`)).statusCode, 404);
      assert.equal((await regional.send('POST', `/api/monitor/rechecks/${target.id}/run`)).statusCode, 404);
      assert.equal((await regional.get('/api/monitor/rechecks')).json().targets.length, 0);
      const hq = await t.user({ username: uniqueName('hq'), roles: ['regional_hq'] });
      const hqAgent = await t.login(hq.username, hq.password);
      assert.equal((await hqAgent.get('/api/monitor/rechecks')).statusCode, 403);
      assert.equal((await hqAgent.get('/api/monitor/alerts')).statusCode, 403);
    });

    test('mirrors: a near-duplicate post with a new bot joins the blocked shop; shared indicators too; reappeared alerts', async () => {
      const ad = (bot: string) => `Магазин Снежок: меф, шишки, гашиш, закладки по Алматы круглосуточно, клады 24/7, качество гарантируем, оплата картой. Бот @${bot}`;
      const actor = systemActor('test');
      const ingest = async (text: string, ext: string, postedAt: string) => {
        const r = await ingestBatch(t.ctx, actor, { source: { kind: 'api', name: `${tag}-mirrors` }, items: [{ text, externalId: ext, postedAt }] });
        await detectItems(t.ctx.db, actor, r.ids);
        return r.ids[0]!;
      };
      const original = await ingest(ad('snowshop_bot'), 'a', '2026-01-10T10:00:00Z');
      const shopId = await shopOfItem(t.ctx.db, original);
      assert.ok(shopId, 'the original forms a shop through its bot');
      const first = await runMirrorBatch(t.ctx.db, actor, { maxDistance: t.ctx.config.MIRROR_MAX_DISTANCE });
      assert.ok(first.fingerprinted >= 1);
      assert.equal(first.alerts, 0); // nothing blocked yet

      // The shop's request is sent and its URL found blocked.
      mode = 451;
      const requestId = await sentRequest([`${site.base}/shop?mirror`], { shopId });
      await runRecheckBatch(t.ctx);
      assert.equal((await getRequest(t.ctx.db, author, requestId)).request.status, 'blocked');

      // The same ad under a new bot: a one-item shop of its own until the mirror check.
      const mirrorText = ad('snowshop_new_bot');
      assert.ok(hamming(simhash(mirrorText), simhash(ad('snowshop_bot'))) <= t.ctx.config.MIRROR_MAX_DISTANCE);
      const mirror = await ingest(mirrorText, 'b', new Date(Date.now() + 60_000).toISOString());
      // Shared indicator, unrelated wording: joins the shop in the detection transaction itself.
      const sharing = await ingest(`Новое поступление, мефедрон кристаллы, шишки ак-47, клады в Алматы и Астане. Заказ через @snowshop_bot`, 'c', new Date(Date.now() + 60_000).toISOString());
      assert.equal(await shopOfItem(t.ctx.db, sharing), shopId);
      assert.notEqual(await shopOfItem(t.ctx.db, mirror), shopId);

      const second = await runMirrorBatch(t.ctx.db, actor, { maxDistance: t.ctx.config.MIRROR_MAX_DISTANCE });
      assert.equal(second.linked, 1);
      assert.equal(second.alerts, 2);
      assert.equal(await shopOfItem(t.ctx.db, mirror), shopId);
      // Its one-item shop merged into the known shop, with the near-duplicate as the merge's evidence.
      const merge = await q<{ kind: string; shop_id: string; detail: { matchedItemId: string; distance: number } }>(t, sql`select kind, shop_id, detail from monitor_shop_merges where item_id = ${mirror}::uuid`);
      assert.deepEqual([merge[0]!.kind, merge[0]!.shop_id, merge[0]!.detail.matchedItemId], ['near_duplicate', shopId, original]);
      assert.ok(merge[0]!.detail.distance <= t.ctx.config.MIRROR_MAX_DISTANCE);

      const alerts = (await analyst.get(`/api/monitor/alerts?kind=reappeared&shopId=${shopId}`)).json().alerts as { itemId: string; evidence: { via: { kind: string }; blockedRequests: { id: string }[] } }[];
      const byItem = new Map(alerts.map((a) => [a.itemId, a]));
      assert.equal(byItem.get(mirror)!.evidence.via.kind, 'near_duplicate');
      assert.equal(byItem.get(sharing)!.evidence.via.kind, 'shared_indicator');
      assert.equal(byItem.get(mirror)!.evidence.blockedRequests[0]!.id, requestId);
      // Redoing the batch changes nothing (queue drained, alerts deduplicated).
      assert.deepEqual(await runMirrorBatch(t.ctx.db, actor, { maxDistance: 4 }), { processed: 0, fingerprinted: 0, linked: 0, alerts: 0 });
      assert.ok(fromHex((await q<{ simhash: string }>(t, sql`select simhash from monitor_fingerprints where item_id = ${mirror}::uuid`))[0]!.simhash));
    });

    test('mirrors: several links in one batch leave every item and count exact', async () => {
      const ad = (bot: string) => `Магазин Лёд и Пламя: кристаллы, мефедрон, шишки, гашиш, клады по Караганде круглосуточно, качество гарантируем, оплата картой или криптой. Бот ${bot}`;
      const actor = systemActor('test');
      const ingest = async (text: string, ext: string) => {
        const r = await ingestBatch(t.ctx, actor, { source: { kind: 'api', name: `${tag}-mirrors-many` }, items: [{ text, externalId: ext, postedAt: new Date().toISOString() }] });
        await detectItems(t.ctx.db, actor, r.ids);
        return r.ids[0]!;
      };
      const original = await ingest(ad('@ledplamya_bot'), 'o');
      const shopId = (await shopOfItem(t.ctx.db, original))!;
      await runMirrorBatch(t.ctx.db, actor, { maxDistance: t.ctx.config.MIRROR_MAX_DISTANCE });
      // Two copies under new bots (a one-item shop each) and one naming no handle (no shop), queued
      // together: the copies match each other more closely than the original.
      const copies = [await ingest(ad('@ledplamya_new1_bot'), 'm1'), await ingest(ad('@ledplamya_new2_bot'), 'm2'), await ingest(ad('ledplamya'), 'm3')];
      const own = await Promise.all(copies.slice(0, 2).map((id) => shopOfItem(t.ctx.db, id)));
      assert.ok(own.every((s) => s && s !== shopId));
      assert.equal(await shopOfItem(t.ctx.db, copies[2]!), null);

      const batch = await runMirrorBatch(t.ctx.db, actor, { maxDistance: t.ctx.config.MIRROR_MAX_DISTANCE });
      assert.ok(batch.linked >= 3);
      for (const id of copies) assert.equal(await shopOfItem(t.ctx.db, id), shopId);
      const [shop] = await q<{ item_count: number; members: number }>(t, sql`select s.item_count, (select count(*)::int from monitor_shop_items si where si.shop_id = s.id) as members
        from monitor_shops s where s.id = ${shopId}::uuid`);
      assert.deepEqual([shop!.item_count, shop!.members], [4, 4]);
      const merged = await q<{ merged_into: string }>(t, sql`select merged_into from monitor_shops where id in (${own[0]}::uuid, ${own[1]}::uuid)`);
      assert.deepEqual(merged.map((m) => m.merged_into), [shopId, shopId]);
    });
  });
}
