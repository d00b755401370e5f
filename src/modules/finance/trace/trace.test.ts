/**
 * The DB → graph → trace path on small hand-computed examples (the engine's own unit tests are
 * in graph/), exposure, seeds from the traces store, region scope and audit of trace runs, and
 * clustering from stored Bitcoin transactions (CoinJoin excluded, large merge refused).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../../../platform/auth/actor.js';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { observe } from '../../traces/traces.service.js';
import { clusterOf, getCluster, rebuildClusters } from '../clusters/clusters.service.js';
import { USDT_TRON } from '../store/chains.js';
import { ingestTransfers, type TransferRecord } from '../store/ingest.js';
import { syntheticBtc, syntheticTron, syntheticTxid } from '../store/synthetic.js';
import { addTag } from '../tags/tags.service.js';
import { exposure } from './exposure.service.js';
import { runTrace } from './trace.service.js';

const T0 = 1_735_689_600;
const U = 1_000_000; // USDT smallest units

for (const backend of testBackends()) {
  describe(`finance tracing and clustering [${backend}]`, () => {
    let t: TestApp;
    let almaty: Agent, astana: Agent, national: Agent;
    const n = (s: string) => syntheticTron(uniqueName(s));
    const S = n('shop'), C = n('clean'), M = n('mid'), Y = n('y'), Z = n('exchZ'), X = n('exchX');
    const usdt = (id: string, from: string, to: string, amount: number, at: number): TransferRecord => ({
      chain: 'tron', txHash: syntheticTxid(uniqueName(id)), key: `tok:${USDT_TRON}:${from}:${to}:${amount * U}:1`, asset: 'USDT-TRC20', tokenContract: USDT_TRON, tokenSymbol: 'USDT',
      from, to, amount: String(amount * U), decimals: 6, blockTime: new Date((T0 + at) * 1000),
    });

    before(async () => {
      t = await startTestApp(backend);
      const sys = systemActor('test');
      // The worked example of docs/finance-tracing.md, plus a direct payment S → Z.
      await ingestTransfers(t.ctx.db, [usdt('e0', C, M, 100, 10), usdt('e1', S, M, 50, 20), usdt('e2', M, Y, 60, 30), usdt('e3', M, Z, 90, 40), usdt('e4', Y, X, 60, 50), usdt('e5', S, Z, 25, 60)]);
      for (const [a, label] of [[Z, 'Exchange Z'], [X, 'Exchange X']] as const) await addTag(t.ctx.db, sys, { chain: 'tron', address: a, label, category: 'exchange', source: 'test fixture' });
      await addTag(t.ctx.db, sys, { chain: 'tron', address: S, label: 'Shop S', category: 'drug_shop', source: 'test fixture' });
      const mk = async (name: string, roles: string[], regions?: string[]) => { const u = await t.user({ username: uniqueName(name), roles, regions }); return t.login(u.username, u.password); };
      almaty = await mk('falm', ['investigator'], ['KZ-75']);
      astana = await mk('fast', ['investigator'], ['KZ-71']);
      national = await mk('fnat', ['admin', 'auditor']);
    });
    after(async () => { await t?.close(); });

    const run = async (agent: Agent, body: Record<string, unknown>) => {
      const res = await agent.send('POST', '/api/finance/traces', { chain: 'tron', asset: 'USDT-TRC20', seeds: [S], direction: 'forward', maxHops: 5, ...body });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().trace as { id: string; region: string; results: { exits: { address: string; amount: number; hops: number; path: { from: string; to: string }[]; service: { label: string } | null; explanation: string[] }[]; totals: { address: string; amount: number }[] } };
    };
    const at = (tr: Awaited<ReturnType<typeof run>>, a: string) => tr.results.totals.find((x) => x.address === a)?.amount ?? 0;
    const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

    test('poison from the store: every outflow after contact, exits at both exchanges with paths', async () => {
      const tr = await run(almaty, { model: 'poison' });
      close(at(tr, Z), 90 + 25);
      close(at(tr, X), 60);
      const x = tr.results.exits.find((e) => e.address === X)!;
      assert.equal(x.hops, 3);
      assert.deepEqual(x.path.map((p) => [p.from, p.to]), [[S, M], [M, Y], [Y, X]]);
      assert.equal(x.service!.label, 'Exchange X');
      assert.match(x.explanation.at(-2)!, /Exchange X \(exchange/);
      assert.equal(tr.region, 'KZ-75'); // the investigator's only region
    });

    test('haircut: M spends 1/3 tainted → Z gets 30 (+25 direct), X gets 20', async () => {
      const tr = await run(almaty, { model: 'haircut' });
      close(at(tr, Z), 30 + 25);
      close(at(tr, X), 20);
    });

    test('FIFO: the clean 100 leave first → nothing reaches X, Z gets 50 (+25)', async () => {
      const tr = await run(almaty, { model: 'fifo' });
      close(at(tr, Z), 50 + 25);
      assert.equal(at(tr, X), 0);
    });

    test('limits: 1 hop reaches only the direct exit; a window before the shop\'s payments finds nothing', async () => {
      const one = await run(almaty, { model: 'poison', maxHops: 1 });
      assert.deepEqual(one.results.totals.map((x) => x.address), [Z]);
      close(at(one, Z), 25);
      const early = await run(almaty, { model: 'poison', from: new Date((T0 + 61) * 1000).toISOString() });
      assert.equal(early.results.exits.length, 0);
    });

    test('backward: where the deposit at exchange X came from — the shop, by model', async () => {
      // Reversed time at M: Z←M 90 (clean) then Y←M 60 (traced) → balance 150, traced 60;
      // M←S 50 takes 50·60/150 = 20 under haircut; poison takes all 50.
      const p = await run(almaty, { model: 'poison', seeds: [X], direction: 'backward', maxHops: 4 });
      close(at(p, S), 50);
      assert.deepEqual(p.results.exits.find((e) => e.address === S)!.path.map((x) => [x.from, x.to]), [[Y, X], [M, Y], [S, M]]);
      const h = await run(almaty, { model: 'haircut', seeds: [X], direction: 'backward', maxHops: 4 });
      close(at(h, S), 20);
      assert.equal(at(h, C), 0); // an untagged source is not an exit
    });

    test('a wallet entity from the traces store is a seed; another ledger\'s entity is refused', async () => {
      const obs = await observe(t.ctx.db, systemActor('test'), { module: 'monitor', source: 'monitor:test', entities: [{ type: 'tron', value: S }, { type: 'btc', value: syntheticBtc('other') }] });
      const id = obs.ids[`tron:${S}`]!;
      const tr = await run(almaty, { model: 'poison', seeds: [id] });
      close(at(tr, Z), 115);
      const bad = await almaty.send('POST', '/api/finance/traces', { chain: 'tron', seeds: [obs.ids[`btc:${syntheticBtc('other')}`]], direction: 'forward', model: 'poison', maxHops: 2 });
      assert.equal(bad.json().error.code, 'finance.seed_invalid');
    });

    test('exposure: a third direct to exchanges, two thirds indirect', async () => {
      const e = await exposure(t.ctx.db, systemActor('test'), { chain: 'tron', address: S, maxHops: 4 });
      close(e.total, 75);
      close(e.direct.exchange!, 25 / 75);
      close(e.indirect.exchange!, 50 / 75);
      const http = await almaty.get(`/api/finance/exposure?chain=tron&address=${S}&maxHops=4`);
      assert.equal(http.statusCode, 200);
      close(http.json().exposure.direct.exchange, 1 / 3);
    });

    test('region scope: runs are read within the case region only; every run is audited', async () => {
      const tr = await run(almaty, { model: 'poison', caseNumber: 'ERDR-TEST-1' });
      assert.equal((await almaty.get(`/api/finance/traces/${tr.id}`)).statusCode, 200);
      const other = await astana.get(`/api/finance/traces/${tr.id}`);
      assert.equal(other.statusCode, 404);
      assert.equal(other.json().error.code, 'record.not_found');
      assert.ok(((await astana.get('/api/finance/traces')).json().items as { region: string }[]).every((x) => x.region === 'KZ-71'));
      assert.ok(((await national.get('/api/finance/traces?caseNumber=ERDR-TEST-1')).json().items as { id: string }[]).some((x) => x.id === tr.id));
      const into = await astana.send('POST', '/api/finance/traces', { chain: 'tron', seeds: [S], direction: 'forward', model: 'poison', maxHops: 2, region: 'KZ-75' });
      assert.equal(into.json().error.code, 'auth.region_forbidden');
      const audit = (await national.get(`/api/audit?action=finance.trace.run&entityId=${tr.id}`)).json().rows as { region: string; summary: { after: { exits: number } } }[];
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.region, 'KZ-75');
      assert.equal(audit[0]!.summary.after.exits, tr.results.exits.length);
    });

    test('Bitcoin through the store: inputs → tx → outputs is one hop; the path shows payer → payee', async () => {
      const b = (s: string) => syntheticBtc(uniqueName(s));
      const S2 = b('shop'), M2 = b('mid'), X2 = b('exch');
      const tx1 = syntheticTxid(uniqueName('b1')), tx2 = syntheticTxid(uniqueName('b2'));
      const io = (tx: string, k: string, from: string | null, to: string | null, v: number, s: number): TransferRecord =>
        ({ chain: 'btc', txHash: tx, key: k, asset: 'BTC', from, to, amount: String(v), decimals: 8, blockTime: new Date((T0 + s) * 1000), ioIndex: Number(k.split(':')[1]) });
      await ingestTransfers(t.ctx.db, [io(tx1, 'in:0', S2, null, 100_000, 100), io(tx1, 'out:0', null, M2, 60_000, 100), io(tx1, 'out:1', null, S2, 39_000, 100), io(tx2, 'in:0', M2, null, 60_000, 200), io(tx2, 'out:0', null, X2, 59_000, 200)]);
      await addTag(t.ctx.db, systemActor('test'), { chain: 'btc', address: X2, label: 'Exchange B', category: 'exchange', source: 'test fixture' });
      const res = await almaty.send('POST', '/api/finance/traces', { chain: 'btc', seeds: [S2], direction: 'forward', model: 'haircut', maxHops: 3 });
      const exit = (res.json().trace.results.exits as { address: string; amount: number; hops: number; path: { from: string; to: string; tx: string }[] }[]).find((e) => e.address === X2)!;
      close(exit.amount, 0.00059);
      assert.equal(exit.hops, 2);
      assert.deepEqual(exit.path.map((p) => [p.from, p.to, p.tx]), [[S2, M2, tx1], [M2, X2, tx2]]);
    });

    test('clustering: multi-input merged, CoinJoin not, change only at medium confidence, large merge refused', async () => {
      const b = (s: string) => syntheticBtc(uniqueName(s));
      const [A1, A2, P, C1, J1, J2, J3, O1, O2, O3, B1, B2, B3, D1, D2, D3, Q] = ['a1', 'a2', 'p', 'c1', 'j1', 'j2', 'j3', 'o1', 'o2', 'o3', 'b1', 'b2', 'b3', 'd1', 'd2', 'd3', 'q'].map(b);
      const rows: TransferRecord[] = [];
      const tx = (at: number, ins: [string, number][], outs: [string, number][]) => {
        const h = syntheticTxid(uniqueName('c'));
        ins.forEach(([a, v], i) => rows.push({ chain: 'btc', txHash: h, key: `in:${i}`, asset: 'BTC', from: a, to: null, amount: String(v), decimals: 8, blockTime: new Date((T0 + at) * 1000), ioIndex: i }));
        outs.forEach(([a, v], i) => rows.push({ chain: 'btc', txHash: h, key: `out:${i}`, asset: 'BTC', from: null, to: a, amount: String(v), decimals: 8, blockTime: new Date((T0 + at) * 1000), ioIndex: i }));
        return h;
      };
      tx(1000, [[A1!, 800_000], [A2!, 400_000]], [[P!, 1_000_000], [C1!, 199_123]]);
      const cj = tx(1001, [[J1!, 1_100_000], [J2!, 1_050_000], [J3!, 1_200_000]], [[O1!, 1_000_000], [O2!, 1_000_000], [O3!, 1_000_000], [J1!, 99_000]]);
      tx(1002, [[B1!, 10], [B2!, 10], [B3!, 10]], [[Q!, 25]]);
      tx(1003, [[D1!, 10], [D2!, 10], [D3!, 10]], [[Q!, 25]]);
      const bad = tx(1004, [[B1!, 5], [D1!, 5]], [[Q!, 9]]);
      await ingestTransfers(t.ctx.db, rows);
      const r = await rebuildClusters(t.ctx.db, 'btc', { changeHeuristic: true, maxMergeSize: 2 });
      const high = async (a: string) => (await clusterOf(t.ctx.db, 'btc', a))?.id;
      assert.ok(await high(A1!));
      assert.equal(await high(A1!), await high(A2!));
      assert.equal(await high(C1!), undefined); // change is not a high-confidence link
      const med = await clusterOf(t.ctx.db, 'btc', C1!, 'medium');
      assert.equal(med?.size, 3);
      assert.deepEqual(med?.heuristics, ['multi-input', 'change']);
      for (const j of [J1, J2, J3]) assert.equal(await high(j!), undefined); // CoinJoin inputs stay apart
      assert.notEqual(await high(B1!), await high(D1!)); // two clusters of 3 > maxMergeSize 2
      assert.equal((await clusterOf(t.ctx.db, 'btc', B1!))?.size, 3);
      assert.ok(r.coinjoins >= 1 && r.refused >= 1);
      const page = await getCluster(t.ctx.db, systemActor('test'), (await high(A1!))!);
      assert.deepEqual(page.members.items.map((m) => m.address).sort(), [A1, A2].sort());
      assert.ok((page.run!.refused as { tx: string }[]).some((x) => x.tx === bad));
      const runs = (await national.get('/api/finance/cluster-runs?chain=btc')).json().runs as { coinjoins: { tx: string; pattern: string }[] }[];
      assert.ok(runs[0]!.coinjoins.some((x) => x.tx === cj && x.pattern === 'joinmarket'));
      const http = await national.get(`/api/finance/addresses/btc/${A1}/cluster`);
      assert.equal(http.json().cluster.id, await high(A1!));
      const audit = (await national.get('/api/audit?action=finance.clusters.rebuild')).json().rows as unknown[];
      assert.ok(audit.length >= 1);
    });

    test('address page: totals exact, transfers paged, tags and entity', async () => {
      const res = await national.get(`/api/finance/addresses/tron/${Z}?limit=1`);
      assert.equal(res.statusCode, 200);
      const p = res.json();
      assert.equal(p.transfers.total, 2);
      assert.equal(p.transfers.items.length, 1);
      assert.equal(p.totals[0].receivedUnits, '115');
      assert.equal(p.tags[0].label, 'Exchange Z');
      assert.equal(p.summary.transferCount, 2);
    });
  });
}
