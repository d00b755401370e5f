import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { startJobs } from '../../../app/runtime.js';
import { systemActor } from '../../../platform/auth/actor.js';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { waitDetected } from '../testing.js';
import { linkItemToShop, shopOfItem, shopStats, updateShops } from './shops.service.js';

const sale = (city: string, ...bots: string[]) => `Меф, шишки — ${city}, клады 24/7. Бот ${bots.map((b) => '@' + b).join(', резерв ')}`;
/** A valid-looking Kazakhstan mobile number, different per call. */
const phone = () => `+7 701 ${String(100 + Math.floor(Math.random() * 900))} ${String(10 + Math.floor(Math.random() * 90))} ${String(10 + Math.floor(Math.random() * 90))}`;
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

for (const backend of testBackends()) {
  describe(`monitor shops [${backend}]`, () => {
    let t: TestApp;
    let analyst: Agent;
    let almaty: Agent;
    let token: string;
    const tag = uniqueName('sh');
    let n = 0;

    before(async () => {
      // Posts here share a template, so the mirror check would (rightly) link them as near-duplicates
      // of one shop at its own pace; these tests are about indicator merges only.
      t = await startTestApp(backend, { MIRROR_ENABLED: 'false' });
      await startJobs(t.ctx);
      const a = await t.user({ username: uniqueName('shan'), roles: ['analyst'] });
      analyst = await t.login(a.username, a.password);
      const r = await t.user({ username: uniqueName('shreg'), roles: ['reviewer'], regions: ['KZ-75'] });
      almaty = await t.login(r.username, r.password);
      const adm = await t.user({ username: uniqueName('shadm'), roles: ['admin'] });
      const admin = await t.login(adm.username, adm.password);
      token = (await admin.send('POST', '/api/tokens', { name: uniqueName('feed'), roles: ['analyst'], national: true })).json().token;
    });
    after(async () => { await t?.close(); });

    /** Ingest posts one batch at a time (each its own detection job) and return their ids. */
    async function post(...texts: string[]): Promise<string[]> {
      const res = await t.app.inject({ method: 'POST', url: '/api/monitor/ingest', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ source: `${tag}-feed`, items: texts.map((text) => ({ text, external_id: `${tag}-${n++}`, posted_at: new Date(Date.now() - 3600_000 + n * 1000).toISOString() })) }) });
      assert.equal(res.statusCode, 200, res.body);
      const ids = res.json().ids as string[];
      assert.equal(ids.length, texts.length);
      await waitDetected(t.ctx.db, ids);
      return ids;
    }
    const shopOf = async (id: string) => { const s = await shopOfItem(t.ctx.db, id); assert.ok(s, `item ${id} is in a shop`); return s!; };

    test('items sharing a bot form one shop; a post naming two shops merges them with evidence', async () => {
      const [a1] = await post(sale('Алматы', `${tag}_a_bot`));
      const [a2] = await post(sale('Алматы', `${tag}_a_bot`) + ' Новинки!');
      const [b1] = await post(sale('Астана', `${tag}_b_bot`));
      const shopA = await shopOf(a1!), shopB = await shopOf(b1!);
      assert.equal(await shopOf(a2!), shopA);
      assert.notEqual(shopA, shopB);
      const before = (await analyst.get(`/api/monitor/shops/${shopA}`)).json().shop;
      assert.equal(before.name, `${tag}_a_bot`);
      assert.equal(before.nameType, 'telegram');
      assert.equal(before.itemCount, 2);
      assert.deepEqual(before.regions, ['KZ-75']);
      assert.equal(before.status, 'active');

      const [c1] = await post(sale('Астана', `${tag}_b_bot`, `${tag}_a_bot`));
      const survivor = await shopOf(c1!);
      assert.equal(survivor, shopA, 'the bigger shop survives');
      assert.equal(await shopOf(b1!), shopA);
      const shop = (await analyst.get(`/api/monitor/shops/${shopA}`)).json().shop;
      assert.equal(shop.itemCount, 4);
      assert.deepEqual(shop.regions, ['KZ-71', 'KZ-75']);
      assert.deepEqual(new Set(shop.items.map((i: { id: string }) => i.id)), new Set([a1, a2, b1, c1]));
      assert.deepEqual(shop.cities.map((c: { id: string }) => c.id).sort(), ['almaty', 'astana']);
      assert.ok(new Date(shop.firstSeen) <= new Date(shop.lastSeen));
      const inds = shop.indicators.map((i: { type: string; value: string }) => `${i.type}:${i.value}`).sort();
      assert.deepEqual(inds, [`telegram:${tag}_a_bot`, `telegram:${tag}_b_bot`]);
      assert.ok(shop.indicators.every((i: { entityId: string | null }) => i.entityId), 'indicators link to traces entities');
      const merge = shop.merges.find((m: { outcome: string }) => m.outcome === 'merged');
      assert.ok(merge, 'merge evidence');
      assert.equal(merge.itemId, c1);
      assert.deepEqual(merge.mergedShopIds, [shopB]);
      const via = (merge.detail.groups as { indicators: { value: string }[]; shops: string[] }[]).map((g) => [g.indicators.map((i) => i.value).join(), g.shops.join()]).sort();
      assert.deepEqual(via, [[`${tag}_a_bot`, shopA], [`${tag}_b_bot`, shopB]].sort());
      // An Almaty reader sees the merge, not the Astana post that made it nor its evidence.
      const fromAlmaty = (await almaty.get(`/api/monitor/shops/${shopA}`)).json().shop;
      assert.deepEqual(new Set(fromAlmaty.items.map((i: { id: string }) => i.id)), new Set([a1, a2]));
      const hidden = fromAlmaty.merges.find((m: { outcome: string }) => m.outcome === 'merged');
      assert.deepEqual([hidden.itemId, hidden.detail, hidden.redacted, hidden.mergedShopIds], [null, {}, true, [shopB]]);
      assert.ok(!JSON.stringify(fromAlmaty).includes(c1!));
      // The absorbed shop resolves to the survivor and leaves the list.
      assert.equal((await analyst.get(`/api/monitor/shops/${shopB}`)).json().shop.id, shopA);
      const list = (await analyst.get(`/api/monitor/shops?q=${tag}_`)).json().shops as { id: string }[];
      assert.ok(list.some((s) => s.id === shopA) && !list.some((s) => s.id === shopB));
      const merged = (await analyst.get(`/api/monitor/shops?status=merged&q=${tag}_b`)).json().shops as { id: string; status: string }[];
      assert.deepEqual(merged.map((s) => s.id), [shopB]);
    });

    test('hub guard: a value shared by many shops stops merging; a declared public service never merges', async () => {
      const hot = phone();
      const shops: string[] = [];
      for (let i = 0; i < 6; i++) {
        const [id] = await post(sale('Шымкент', `${tag}_h${i}_bot`));
        shops.push(await shopOf(id!));
      }
      assert.equal(new Set(shops).size, 6);
      const joined: string[] = [];
      for (let i = 0; i < 6; i++) {
        const [id] = await post(`${sale('Шымкент', `${tag}_h${i}_bot`)}. Оплата, вопросы: ${hot}`);
        joined.push(await shopOf(id!));
      }
      // The first post brings the number into shop 0; posts 1..3 merge shops 1..3 through it (HUB_MERGES = 3);
      // the fourth attempt makes it a hub: shops 4 and 5 stay apart.
      const giant = joined[0]!;
      assert.deepEqual(joined.slice(0, 4), [giant, giant, giant, giant]);
      assert.equal(joined[4], shops[4]);
      assert.equal(joined[5], shops[5]);
      const hubs = (await analyst.get('/api/monitor/shop-hubs')).json().hubs as { type: string; value: string; hub: string; itemCount: number }[];
      const hub = hubs.find((h) => h.type === 'phone');
      assert.ok(hub, 'the number is recorded as a hub');
      assert.equal(hub!.hub, 'merges');
      const refused = rows<{ n: number }>(await t.ctx.db.execute(sql`select count(*)::int as n from monitor_shop_merges where outcome = 'refused_hub' and shop_id = ${shops[4]!}`))[0]!.n;
      assert.equal(refused, 1);
      const page = (await analyst.get(`/api/monitor/shops/${shops[4]}`)).json().shop;
      assert.equal(page.indicators.find((i: { type: string }) => i.type === 'phone').hub, 'merges');

      // Declared public service (e.g. an exchange's wallet, a hotline): no merge at all.
      const pub = phone();
      assert.equal((await almaty.send('POST', '/api/monitor/shop-hubs', { type: 'phone', value: pub, note: 'hotline' })).statusCode, 403);
      const marked = await analyst.send('POST', '/api/monitor/shop-hubs', { type: 'phone', value: pub, note: 'Телефон доверия полиции' });
      assert.equal(marked.statusCode, 201, marked.body);
      const [p1] = await post(`${sale('Тараз', `${tag}_p1_bot`)}. Звоните ${pub}`);
      const [p2] = await post(`${sale('Тараз', `${tag}_p2_bot`)}. Звоните ${pub}`);
      assert.notEqual(await shopOf(p1!), await shopOf(p2!));
      const audit = rows<{ n: number }>(await t.ctx.db.execute(sql`select count(*)::int as n from audit_log where action = 'monitor.shop.hub'`))[0]!.n;
      assert.equal(audit, 1);
    });

    test('region scope: a regional reader sees shops overlapping their regions and only the items in scope', async () => {
      const [k1] = await post(sale('Алматы', `${tag}_r1_bot`));
      const [k2] = await post(sale('Караганда', `${tag}_r1_bot`));
      const [o1] = await post(sale('Караганда', `${tag}_r2_bot`));
      const shared = await shopOf(k1!), other = await shopOf(o1!);
      assert.equal(await shopOf(k2!), shared);
      const mine = (await almaty.get(`/api/monitor/shops/${shared}`)).json().shop;
      assert.deepEqual(mine.items.map((i: { id: string }) => i.id), [k1]);
      assert.equal(mine.hiddenItems, 1);
      const res = await almaty.get(`/api/monitor/shops/${other}`);
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'record.not_found');
      const listed = (await almaty.get(`/api/monitor/shops?q=${tag}_r`)).json().shops as { id: string }[];
      assert.deepEqual(listed.map((s) => s.id), [shared]);
      assert.equal((await almaty.send('POST', `/api/monitor/shops/${shared}/status`, { status: 'blocked' })).statusCode, 403);
    });

    test('status: blocked, then reappeared when a new post joins; a retried update changes nothing', async () => {
      const [s1] = await post(sale('Павлодар', `${tag}_st_bot`));
      const shop = await shopOf(s1!);
      const r = await analyst.send('POST', `/api/monitor/shops/${shop}/status`, { status: 'blocked', note: 'blocked by request' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal((await analyst.get(`/api/monitor/shops/${shop}`)).json().shop.status, 'blocked');
      const [s2] = await post(sale('Павлодар', `${tag}_st_bot`) + ' Мы вернулись');
      assert.equal(await shopOf(s2!), shop);
      assert.equal((await analyst.get(`/api/monitor/shops/${shop}`)).json().shop.status, 'reappeared');
      await t.ctx.db.transaction((tx) => updateShops(tx, [s1!, s2!]));
      assert.equal((await analyst.get(`/api/monitor/shops/${shop}`)).json().shop.itemCount, 2);
      const stats = await shopStats(t.ctx.db, systemActor());
      assert.ok((stats.reappeared ?? 0) >= 1 && (stats.active ?? 0) >= 1, JSON.stringify(stats));
      assert.equal((await shopStats(t.ctx.db, { ...systemActor(), scope: { national: false, regions: ['KZ-55'] } })).reappeared, 1);
    });

    test('linkItemToShop (mirrors): a near-duplicate joins a known shop and its own shop merges in, with evidence', async () => {
      const [m1] = await post(sale('Актобе', `${tag}_m1_bot`));
      const [m2] = await post(sale('Актобе', `${tag}_m2_bot`));
      const known = await shopOf(m1!), mirror = await shopOf(m2!);
      const r = await t.ctx.db.transaction((tx) => linkItemToShop(tx, systemActor('mirrors'), m2!, known, { kind: 'near_duplicate', detail: { simhashDistance: 2 } }));
      assert.deepEqual(r, { shopId: known, merged: mirror });
      const shop = (await analyst.get(`/api/monitor/shops/${known}`)).json().shop;
      assert.equal(shop.itemCount, 2);
      const ev = shop.merges.find((m: { kind: string }) => m.kind === 'near_duplicate');
      assert.deepEqual([ev.mergedShopIds, ev.detail], [[mirror], { simhashDistance: 2 }]);
    });
  });
}
