/**
 * Chain adapters against local servers speaking the Esplora, TronGrid v1 and Etherscan v2 JSON:
 * pagination, retries (429 + Retry-After, 5xx, rate-limit bodies, hangs), the DB fetch cache,
 * genuine vs look-alike USDT, and the audited HTTP endpoint.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { loadConfig } from '../../../app/config.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { scratchDir, testBackends } from '../../../platform/testing/db.js';
import { USDC_ETH, USDT_ETH, USDT_TRON } from '../store/chains.js';
import { financeFetchCache, financeTransfers } from '../store/schema.js';
import { syntheticBtc, syntheticEth, syntheticTron, syntheticTxid } from '../store/synthetic.js';
import { esploraTx, FakeChainApis } from './fake-apis.js';
import { adapterFor, fetchAddressHistory } from './fetch.js';
import { ChainHttp } from './http.js';
import { systemActor } from '../../../platform/auth/actor.js';
import { addTag } from '../tags/tags.service.js';

const T0 = 1_735_689_600; // 2025-01-01

for (const backend of testBackends()) {
  describe(`finance chain adapters [${backend}]`, () => {
    let t: TestApp;
    let fake: FakeChainApis;
    let inv: Agent;
    let invName: string;
    const A = syntheticBtc(uniqueName('btc-a')), W = syntheticBtc(uniqueName('btc-w'));
    const B = syntheticTron(uniqueName('tron-b')), P = syntheticTron(uniqueName('tron-p')), FAKE_TOKEN = syntheticTron(uniqueName('fake-usdt'));
    const E = syntheticEth(uniqueName('eth-e')), F = syntheticEth(uniqueName('eth-f'));

    before(async () => {
      fake = await new FakeChainApis().start();
      t = await startTestApp(backend, { ...fake.env(), QALQAN_CHAIN_RETRY_BASE_MS: '5', QALQAN_CHAIN_TIMEOUT_SECONDS: '2', QALQAN_TRONGRID_KEY: 'tron-key', QALQAN_ETHERSCAN_KEY: 'secret-key', QALQAN_ETHERSCAN_PAGE_SIZE: '2' });
      const u = await t.user({ username: uniqueName('finv'), roles: ['investigator'] });
      inv = await t.login(u.username, u.password);
      invName = u.username;
      // Bitcoin: 27 confirmed transactions paying A (newest first) + one unconfirmed; tx 0 has an OP_RETURN output.
      const txs = Array.from({ length: 27 }, (_, i) => esploraTx(syntheticTxid(`${A}-${i}`), T0 + (27 - i) * 600, 900_000 - i, [[W, 100_000 + i]], [[A, 60_000], [W, 39_800 + i], ...(i === 0 ? [[null, 0] as [null, number]] : [])]));
      fake.esplora.set(A, [{ ...esploraTx(syntheticTxid(`${A}-mempool`), 0, 0, [[W, 5000]], [[A, 4000]]), status: { confirmed: false } }, ...txs]);
      // TRON: pages of 2; one failed transfer, one contract call, one with hex addresses (no visible=true on the server side).
      fake.tronPageSize = 2;
      const trx = (id: string, from: string, to: string, amount: number, at: number, ret = 'SUCCESS', type = 'TransferContract') => ({
        txID: syntheticTxid(id), blockNumber: 60_000_000 + at, block_timestamp: (T0 + at) * 1000, ret: [{ contractRet: ret, fee: 1_100_000 }],
        raw_data: { contract: [{ type, parameter: { value: { amount, owner_address: from, to_address: to }, type_url: 'type.googleapis.com/protocol.TransferContract' } }], timestamp: (T0 + at) * 1000 },
      });
      const hexOf = (a: string) => { const n = [...a].reduce((acc, c) => acc * 58n + BigInt('123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'.indexOf(c)), 0n); return n.toString(16).padStart(50, '0').slice(0, 42); };
      fake.tron.set(B, {
        native: [trx('t1', P, B, 5_000_000, 400), trx('t2', B, P, 1_000_000, 300, 'REVERT'), trx('t3', B, P, 0, 200, 'SUCCESS', 'TriggerSmartContract'), trx('t4', hexOf(P), hexOf(B), 7_000_000, 100)],
        trc20: [
          { transaction_id: syntheticTxid('u1'), token_info: { symbol: 'USDT', address: USDT_TRON, decimals: 6, name: 'Tether USD' }, block_timestamp: (T0 + 500) * 1000, from: P, to: B, type: 'Transfer', value: '250000000' },
          { transaction_id: syntheticTxid('u2'), token_info: { symbol: 'USDT', address: FAKE_TOKEN, decimals: 6, name: 'Tether USD' }, block_timestamp: (T0 + 450) * 1000, from: P, to: B, type: 'Transfer', value: '9000000000' },
          { transaction_id: syntheticTxid('u3'), token_info: { symbol: 'USDT', address: USDT_TRON, decimals: 6, name: 'Tether USD' }, block_timestamp: (T0 + 420) * 1000, from: B, to: P, type: 'Transfer', value: '100000000' },
        ],
      });
      // Ethereum: 5 txs (one failed), pages of 2; ERC-20: genuine USDT and USDC, a fake "USDT".
      const etx = (i: number, from: string, to: string, value: string, isError = '0') => ({ blockNumber: String(19_000_000 + i), timeStamp: String(T0 + i * 12), hash: syntheticTxid(`e${i}`, true), from, to, value, isError, txreceipt_status: isError === '1' ? '0' : '1', gasUsed: '21000', gasPrice: '1000000000', contractAddress: '' });
      const tok = (i: number, contract: string, symbol: string, value: string) => ({ blockNumber: String(19_000_100 + i), timeStamp: String(T0 + 2000 + i), hash: syntheticTxid(`k${i}`, true), from: F, to: E, value, contractAddress: contract, tokenName: symbol === 'USDC' ? 'USD Coin' : 'Tether USD', tokenSymbol: symbol, tokenDecimal: '6', logIndex: String(i) });
      fake.eth.set(E, {
        txlist: [etx(1, F, E, '2000000000000000000'), etx(2, E, F, '500000000000000000'), etx(3, F, E, '1', '1'), etx(4, F, E, '123456789012345678901'), etx(5, E, F, '0')],
        txlistinternal: [{ blockNumber: '19000050', timeStamp: String(T0 + 600), hash: syntheticTxid('int1', true), from: F, to: E, value: '300000000000000000', contractAddress: '', type: 'call', traceId: '0_1', isError: '0' }],
        tokentx: [tok(1, USDT_ETH, 'USDT', '1000000'), tok(2, USDC_ETH, 'USDC', '2000000'), tok(3, syntheticEth('fake-erc20'), 'USDT', '5000000000')],
      });
    });
    after(async () => { await t?.close(); await fake?.stop(); });

    const rows = (chain: string, addr: string) => t.ctx.db.select().from(financeTransfers).where(and(eq(financeTransfers.chain, chain)))
      .then((r) => r.filter((x) => x.fromAddress === addr || x.toAddress === addr));

    test('Esplora: pages by last_seen txid, retries a 429 after Retry-After, skips mempool and OP_RETURN', async () => {
      fake.fail(`/esplora/address/${A}/txs/chain/`, { status: 429, retryAfter: '1' });
      const { http } = adapterFor(t.ctx.config, 'btc');
      const before = Date.now();
      const r = await fetchAddressHistory(t.ctx, 'btc', A);
      assert.equal(r.pagesFetched, 2);
      assert.equal(r.complete, true);
      assert.equal(r.inserted, 27 * 3); // one input and two outputs each; the OP_RETURN output and the mempool tx are not stored
      assert.ok(Date.now() - before >= 1000, 'waited for Retry-After');
      assert.ok(http.stats.delays.some((d) => d >= 1000));
      assert.equal(fake.hitsOf(`/esplora/address/${A}/txs/chain/`), 2); // 429, then success
      const stored = await rows('btc', A);
      assert.equal(stored.filter((x) => x.toAddress === A).length, 27);
      assert.ok(stored.every((x) => x.asset === 'BTC' && x.decimals === 8 && x.amount === String(x.value)));
    });

    test('a walk that fails part-way keeps the pages it stored, each audited with its write', async () => {
      const A2 = syntheticBtc(uniqueName('half'));
      fake.esplora.set(A2, Array.from({ length: 27 }, (_, i) => esploraTx(syntheticTxid(`${A2}-${i}`), T0 + (27 - i) * 600, 900_000 - i, [[W, 100_000 + i]], [[A2, 60_000], [W, 39_800 + i]])));
      fake.fail(`/esplora/address/${A2}/txs/chain/`, ...Array.from({ length: 12 }, () => ({ status: 500 })));
      await assert.rejects(fetchAddressHistory(t.ctx, 'btc', A2), (e) => e instanceof AppError && e.code === 'finance.upstream_failed');
      const stored = await rows('btc', A2);
      assert.equal(stored.filter((x) => x.toAddress === A2).length, 25, 'the first page (25 transactions) is kept');
      const pages = (await t.database.raw.query<{ n: string }>(`select count(*) as n from audit_log where action = 'finance.history.page' and entity_id = $1`, [`btc:${A2}`])).rows[0]!.n;
      assert.equal(Number(pages), 1);
    });

    test('a caller cannot raise the operator\'s page cap', async () => {
      const A3 = syntheticBtc(uniqueName('cap'));
      fake.esplora.set(A3, Array.from({ length: 27 }, (_, i) => esploraTx(syntheticTxid(`${A3}-${i}`), T0 + (27 - i) * 600, 900_000 - i, [[W, 100_000 + i]], [[A3, 60_000], [W, 39_800 + i]])));
      const capped = { ...t.ctx, config: { ...t.ctx.config, QALQAN_CHAIN_MAX_PAGES: 1 } };
      const r = await fetchAddressHistory(capped, 'btc', A3, { maxPages: 500 });
      assert.deepEqual([r.pagesFetched, r.complete], [1, false]);
    });

    test('the DB cache: a stored history is not fetched again; a refresh re-reads only the newest page', async () => {
      const hits = fake.hits.length;
      const again = await fetchAddressHistory(t.ctx, 'btc', A);
      assert.equal(again.cached, true);
      assert.equal(fake.hits.length, hits);
      const refreshed = await fetchAddressHistory(t.ctx, 'btc', A, { refresh: true });
      assert.equal(refreshed.pagesFetched, 1);
      assert.equal(refreshed.pagesCached, 1);
      assert.equal(refreshed.inserted, 0);
      assert.equal(fake.hitsOf(`/esplora/address/${A}/txs/chain/`), 2);
    });

    test('TronGrid: fingerprint pages, a 503 retried, API key in the header, only the genuine contract is USDT', async () => {
      fake.fail(`/trongrid/v1/accounts/${B}/transactions/trc20`, { status: 503 });
      const r = await fetchAddressHistory(t.ctx, 'tron', B);
      assert.equal(r.pagesFetched, 2 + 2); // 4 TRX rows in pages of 2, 3 TRC-20 rows in pages of 2
      const keyed = fake.hits.filter((h) => h.url.startsWith('/trongrid/'));
      assert.ok(keyed.every((h) => h.headers['tron-pro-api-key'] === 'tron-key') && keyed.every((h) => !h.url.includes('tron-key')));
      const stored = await rows('tron', B);
      const trx = stored.filter((x) => x.asset === 'TRX');
      assert.deepEqual(trx.map((x) => x.amount).sort(), ['5000000', '7000000']); // REVERT and contract call skipped; hex addresses converted
      assert.ok(trx.every((x) => x.fromAddress === P && x.toAddress === B));
      const usdt = stored.filter((x) => x.asset === 'USDT-TRC20');
      assert.equal(usdt.length, 2);
      assert.ok(usdt.every((x) => x.tokenContract === USDT_TRON && !x.lookalike));
      const fakeUsdt = stored.filter((x) => x.tokenContract === FAKE_TOKEN);
      assert.equal(fakeUsdt.length, 1);
      assert.equal(fakeUsdt[0]!.asset, 'TOKEN-TRC20');
      assert.equal(fakeUsdt[0]!.lookalike, true);
      assert.equal(fakeUsdt[0]!.tokenSymbol, 'USDT');
    });

    test('Etherscan: page/offset walk, rate-limit body retried, failed tx skipped, USDT/USDC by contract, key never cached', async () => {
      fake.fail('/etherscan?chainid=1&module=account&action=txlist', { status: 200, body: JSON.stringify({ status: '0', message: 'NOTOK', result: 'Max calls per sec rate limit reached (5/sec)' }) });
      const r = await fetchAddressHistory(t.ctx, 'eth', E);
      assert.equal(r.complete, true);
      const stored = await rows('eth', E);
      const eth = stored.filter((x) => x.asset === 'ETH');
      // 5 txs: one failed, one with value 0 → 3, plus one internal transfer.
      assert.deepEqual(eth.map((x) => x.amount).sort(), ['123456789012345678901', '2000000000000000000', '300000000000000000', '500000000000000000']);
      assert.equal(eth.find((x) => x.amount === '123456789012345678901')!.value, 123456789012345678901); // the float is the graph's, the text stays exact
      assert.deepEqual(stored.filter((x) => x.asset === 'USDT-ERC20').map((x) => x.amount), ['1000000']);
      assert.deepEqual(stored.filter((x) => x.asset === 'USDC-ERC20').map((x) => x.amount), ['2000000']);
      const fakeUsdt = stored.filter((x) => x.asset === 'TOKEN-ERC20');
      assert.equal(fakeUsdt.length, 1);
      assert.equal(fakeUsdt[0]!.lookalike, true);
      const pages = fake.hits.filter((h) => h.url.includes('action=txlist&'));
      assert.deepEqual(pages.map((h) => new URL(h.url, 'http://x').searchParams.get('page')), ['1', '1', '2', '3']); // the refused first try, then 3 pages of 2
      assert.ok(pages.every((h) => new URL(h.url, 'http://x').searchParams.get('apikey') === 'secret-key'));
      const cached = await t.ctx.db.select().from(financeFetchCache).where(eq(financeFetchCache.adapter, 'etherscan'));
      assert.ok(cached.length >= 5 && cached.every((c) => !c.request.includes('secret-key')));
      // Full pages of an ascending walk are stable; the last partial page is not.
      assert.ok(cached.some((c) => c.stable) && cached.some((c) => !c.stable && c.request.includes('action=txlist')));
    });

    test('backoff: exponential with jitter, Retry-After honoured, hang → timeout → retry, give up with a catalogue error', async () => {
      const delays: number[] = [];
      const http = new ChainHttp({ name: 'unit', rps: 1000, timeoutMs: 300, retries: 4, baseDelayMs: 100, sleep: async (ms) => { delays.push(ms); }, random: () => 0.5 });
      const url = `${fake.base}/esplora/address/${A}/txs`;
      fake.fail(`/esplora/address/${A}/txs`, { status: 503 }, { status: 502 }, { status: 429, retryAfter: '2' }, { hang: true });
      const got = await http.getJson(url);
      assert.equal(got.status, 200);
      // equal jitter with random 0.5: 0.75 × cap, cap = 100·2^(n-1); the 429 waits max(Retry-After, backoff).
      assert.deepEqual(delays, [75, 150, 2000, 600]);
      assert.equal(http.stats.retries, 4);
      const give = new ChainHttp({ name: 'unit', rps: 1000, timeoutMs: 300, retries: 1, baseDelayMs: 1, sleep: async () => undefined });
      fake.fail(`/esplora/address/${A}/txs`, { status: 500 }, { status: 500 });
      await assert.rejects(give.getJson(url), (e) => e instanceof AppError && e.code === 'finance.upstream_failed');
      fake.fail(`/esplora/address/${A}/txs`, { status: 429, retryAfter: '3600' });
      await assert.rejects(give.getJson(url), (e) => e instanceof AppError && e.code === 'finance.upstream_failed');
      // A hang, twice: the client is told it timed out, not the runtime's message text.
      fake.fail(`/esplora/address/${A}/txs`, { hang: true }, { hang: true });
      await assert.rejects(give.getJson(url), (e) => e instanceof AppError && (e.details as { error?: string }).error === 'timeout');
    });

    test('a trace with fetch=true fetches the seeds and their neighbours first, never the exchange', async () => {
      const S3 = syntheticTron(uniqueName('s3')), M3 = syntheticTron(uniqueName('m3')), EX3 = syntheticTron(uniqueName('ex3'));
      const tr = (id: string, from: string, to: string, usd: number, at: number) => ({ transaction_id: syntheticTxid(id), token_info: { symbol: 'USDT', address: USDT_TRON, decimals: 6, name: 'Tether USD' }, block_timestamp: (T0 + at) * 1000, from, to, type: 'Transfer', value: String(usd * 1_000_000) });
      const pay = tr(uniqueName('p1'), S3, M3, 100, 1000), out = tr(uniqueName('p2'), M3, EX3, 100, 2000);
      fake.tron.set(S3, { native: [], trc20: [pay] });
      fake.tron.set(M3, { native: [], trc20: [out, pay] });
      fake.tron.set(EX3, { native: [], trc20: [out] });
      await addTag(t.ctx.db, systemActor('test'), { chain: 'tron', address: EX3, label: 'Exchange 3', category: 'exchange', source: 'test fixture' });
      const res = await inv.send('POST', '/api/finance/traces', { chain: 'tron', seeds: [S3], direction: 'forward', model: 'haircut', maxHops: 3, fetch: true, region: 'KZ-75' });
      assert.equal(res.statusCode, 201, res.body);
      const run = res.json().trace;
      assert.equal(run.stats.fetch.fetched, 2);
      assert.deepEqual(run.results.totals.map((x: { address: string; amount: number }) => [x.address, x.amount]), [[EX3, 100]]);
      assert.equal(fake.hitsOf(`/trongrid/v1/accounts/${EX3}`), 0);
      const again = await inv.send('POST', '/api/finance/traces', { chain: 'tron', seeds: [S3], direction: 'forward', model: 'poison', maxHops: 3, fetch: true, region: 'KZ-75' });
      assert.equal(again.json().trace.stats.fetch.cached, 2); // the second run requests nothing
    });

    test('an unconfigured ledger is refused with the variable to set', () => {
      const config = loadConfig({ QALQAN_DATA_DIR: scratchDir() });
      assert.throws(() => adapterFor(config, 'eth'), (e) => e instanceof AppError && e.code === 'finance.adapter_disabled' && (e.details as { variable: string }).variable === 'QALQAN_ETHERSCAN_URL');
    });

    test('HTTP: investigators fetch (audited), reviewers may not, a bad address is a 400', async () => {
      const res = await inv.send('POST', '/api/finance/history', { chain: 'tron', address: B });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().result.cached, true); // nothing requested, nothing written
      const refreshed = await inv.send('POST', '/api/finance/history', { chain: 'tron', address: B, refresh: true });
      assert.equal(refreshed.json().result.pagesFetched, 2); // the two newest pages; older fingerprint pages from the cache
      const rev = await t.user({ username: uniqueName('frev'), roles: ['reviewer'] });
      const r = await t.login(rev.username, rev.password);
      assert.equal((await r.send('POST', '/api/finance/history', { chain: 'tron', address: B })).statusCode, 403);
      const bad = await inv.send('POST', '/api/finance/history', { chain: 'tron', address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6x' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'finance.invalid_address');
      const admin = await t.user({ username: uniqueName('fadm'), roles: ['admin'] });
      const a = await t.login(admin.username, admin.password);
      const audit = (await a.get(`/api/audit?action=finance.history.fetch&entityId=${encodeURIComponent('tron:' + B)}`)).json().rows as { action: string; actorName: string }[];
      // The first fetch ran as the system (service call), the HTTP one as the investigator.
      assert.equal(audit.length, 2, JSON.stringify(audit));
      assert.equal(audit[0]!.actorName, invName);
    });
  });
}
