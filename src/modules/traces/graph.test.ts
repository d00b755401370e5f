import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';
import { connectedComponent, neighbourhood, observe, shortestPath, type Graph, type LinkObservation } from './traces.service.js';
import { domain, testActor, uniq } from './testing.js';

const names = (g: Graph) => g.nodes.map((n) => n.display).sort();

for (const backend of testBackends()) {
  describe(`traces link analysis [${backend}]`, () => {
    let t: TestApp;
    const analyst = testActor(['analyst']);
    const almaty = testActor(['investigator'], ['KZ-75']);
    const id: Record<string, string> = {};
    const g = uniq('g');
    const tg = (n: string) => ({ type: 'telegram', value: `${g}_${n}` });
    const item = (n: string) => ({ type: 'item', value: `${g}/${n}` });
    const hub = domain('hub'), hub2 = domain('hubtwo');
    const hubRef = { type: 'domain', value: hub }, hub2Ref = { type: 'domain', value: hub2 };
    const astanaShop = uniqueName('Astana shop ');

    before(async () => {
      t = await startTestApp(backend);
      const link = (from: object, to: object, kind = 'mentions') => ({ from, to, kind }) as LinkObservation;
      const links: LinkObservation[] = [
        // A chain a–b–c–d–e; b–c points "backwards" to show that paths ignore direction.
        link(tg('a'), tg('b'), 'related'), link(tg('c'), tg('b')), link(tg('c'), tg('d'), 'related'), link(tg('d'), tg('e'), 'related'),
        // A hub: fifteen posts mention the same domain.
        ...Array.from({ length: 15 }, (_, i) => link(item(`h${i}`), hubRef)),
        // Posts sharing indicators: s1–w1–s2–w2–s3 and s4–w3; all four mention hub2; s3 same_as s5.
        link(item('s1'), tg('w1')), link(item('s2'), tg('w1')), link(item('s2'), tg('w2')), link(item('s3'), tg('w2')), link(item('s4'), tg('w3')),
        ...['s1', 's2', 's3', 's4'].map((s) => link(item(s), hub2Ref)), link(item('s3'), item('s5'), 'same_as'),
        link(tg('w1'), { type: 'shop', value: astanaShop }, 'belongs_to'),
        link(tg('x1'), tg('x2'), 'related'), // an island
      ];
      const res = await observe(t.ctx.db, analyst, { module: 'test', source: 'test', entities: [{ type: 'shop', value: astanaShop, region: 'KZ-71' }], links });
      assert.deepEqual(res.rejected, []);
      for (const [key, v] of Object.entries(res.ids)) id[key.replace(`${g}_`, '').replace(`${g}/`, '')] = v;
      id.hub = res.ids[`domain:${hub}`]!;
      id.hub2 = res.ids[`domain:${hub2}`]!;
      id.astana = res.ids[`shop:${astanaShop.toLowerCase()}`]!;
    });
    after(async () => { await t?.close(); });

    test('neighbourhood returns nodes, the links among them, and depth', async () => {
      const n1 = await neighbourhood(t.ctx.db, analyst, id['telegram:c']!);
      assert.deepEqual(n1.nodes.map((n) => [n.value.slice(-1), n.depth]).sort(), [['b', 1], ['c', 0], ['d', 1]]);
      assert.equal(n1.edges.length, 2);
      assert.equal(n1.complete, true);
      const n2 = await neighbourhood(t.ctx.db, analyst, id['telegram:c']!, { depth: 2, kinds: ['related'] });
      assert.deepEqual(n2.nodes.map((n) => n.value.slice(-1)).sort(), ['c', 'd', 'e']); // b–c is 'mentions'
    });

    test('hub guard: a hub is returned, flagged, and not expanded', async () => {
      const guarded = await neighbourhood(t.ctx.db, analyst, id['item:h0']!, { depth: 2, hubDegree: 10 });
      assert.equal(guarded.nodes.length, 2);
      const h = guarded.nodes.find((n) => n.id === id.hub)!;
      assert.equal(h.hub, true);
      assert.equal(h.truncated, true);
      assert.equal(h.degree, 15);
      assert.equal(guarded.complete, false);
      const open = await neighbourhood(t.ctx.db, analyst, id['item:h0']!, { depth: 2 });
      assert.equal(open.nodes.length, 16);
      assert.equal(open.complete, true);
      // The node limit cuts the view and says so.
      const limited = await neighbourhood(t.ctx.db, analyst, id.hub, { limit: 5 });
      assert.equal(limited.nodes.length, 5);
      assert.equal(limited.complete, false);
      assert.equal(limited.nodes.find((n) => n.id === id.hub)!.truncated, true);
    });

    test('shortest path: fewest links, either direction, bounded depth, hubs not crossed', async () => {
      const p = await shortestPath(t.ctx.db, analyst, id['telegram:a']!, id['telegram:e']!);
      assert.equal(p.found, true);
      assert.deepEqual(p.nodes.map((n) => n.value.slice(-1)), ['a', 'b', 'c', 'd', 'e']);
      assert.equal(p.edges.length, 4);
      assert.equal(p.edges[1]!.fromId, id['telegram:c']); // walked against its direction
      const short = await shortestPath(t.ctx.db, analyst, id['telegram:a']!, id['telegram:e']!, { maxDepth: 3 });
      assert.deepEqual([short.found, short.complete], [false, false]);
      const viaHub = await shortestPath(t.ctx.db, analyst, id['item:h0']!, id['item:h7']!, { hubDegree: 10 });
      assert.equal(viaHub.found, false);
      const allowed = await shortestPath(t.ctx.db, analyst, id['item:h0']!, id['item:h7']!);
      assert.deepEqual(allowed.nodes.map((n) => n.id), [id['item:h0'], id.hub, id['item:h7']]);
      const none = await shortestPath(t.ctx.db, analyst, id['telegram:x1']!, id['telegram:a']!);
      assert.deepEqual([none.found, none.complete], [false, true]);
      assert.equal((await shortestPath(t.ctx.db, analyst, id['telegram:a']!, id['telegram:a']!)).nodes.length, 1);
    });

    test('connected component: items sharing indicators, not bridged by hubs', async () => {
      const opts = { kinds: ['mentions'], hubDegree: 3 };
      const c = await connectedComponent(t.ctx.db, analyst, id['item:s1']!, opts);
      const items = c.nodes.filter((n) => n.type === 'item').map((n) => n.value.split('/')[1]).sort();
      assert.deepEqual(items, ['s1', 's2', 's3']);
      assert.equal(c.nodes.find((n) => n.id === id.hub2)?.truncated, true);
      assert.equal(c.complete, false);
      const bridged = await connectedComponent(t.ctx.db, analyst, id['item:s1']!, { kinds: ['mentions', 'same_as', 'belongs_to'] });
      assert.ok(['s4', 's5'].every((s) => bridged.nodes.some((n) => n.id === id[`item:${s}`])));
      assert.ok(bridged.nodes.some((n) => n.id === id.astana));
      assert.equal((await connectedComponent(t.ctx.db, analyst, id['item:s1']!, { maxNodes: 3 })).nodes.length, 3);
    });

    test('region scope applies to every traversal', async () => {
      const forAlmaty = await connectedComponent(t.ctx.db, almaty, id['item:s1']!);
      assert.ok(forAlmaty.nodes.length > 5);
      assert.ok(!forAlmaty.nodes.some((n) => n.id === id.astana));
      assert.ok(!forAlmaty.edges.some((e) => e.toId === id.astana || e.fromId === id.astana));
      const nb = await neighbourhood(t.ctx.db, almaty, id['telegram:w1']!);
      assert.ok(!names(nb).includes(astanaShop));
      assert.ok(names(await neighbourhood(t.ctx.db, analyst, id['telegram:w1']!)).includes(astanaShop));
      await assert.rejects(shortestPath(t.ctx.db, almaty, id['item:s1']!, id.astana), { code: 'record.not_found' });
    });

    describe('HTTP', () => {
      let reviewer: Agent;
      before(async () => {
        const r = await t.user({ username: uniqueName('grev'), roles: ['reviewer'] });
        reviewer = await t.login(r.username, r.password);
      });

      test('graph and path endpoints', async () => {
        const graph = await reviewer.get(`/api/traces/entities/${id['telegram:c']}/graph?depth=2&kinds=related,mentions`);
        assert.equal(graph.statusCode, 200, graph.body);
        assert.equal(graph.json().nodes.length, 5);
        const path = (await reviewer.get(`/api/traces/path?from=${id['telegram:a']}&to=${id['telegram:e']}&maxDepth=4`)).json();
        assert.equal(path.found, true);
        assert.equal(path.nodes.length, 5);
        const bad = await reviewer.get(`/api/traces/entities/${id['telegram:c']}/graph?kinds=knows`);
        assert.equal(bad.json().error.code, 'traces.unknown_type');
        assert.equal((await reviewer.get(`/api/traces/entities/${id['telegram:c']}/graph?depth=4`)).json().error.code, 'request.invalid');
      });
    });
  });
}
