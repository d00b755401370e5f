import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { FakeChainApis } from '../../src/modules/finance/chains/fake-apis.js';
import { USDT_TRON } from '../../src/modules/finance/store/chains.js';
import { syntheticTron, syntheticTxid } from '../../src/modules/finance/store/synthetic.js';
import { uniqueName, type TestApp } from '../../src/platform/testing/app.js';
import { openLogin, SHOTS, skipReason, submitLogin, startE2E, type E2E } from './harness.js';


const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z

/**
 * Crypto Trace end to end, through the real adapter path: a local node:http server answers in
 * TronGrid v1's shapes, the server's TRON adapter points at it (QALQAN_TRONGRID_URL). A post with
 * a shop's TRON wallet is ingested through the monitor API and detected by the workers; the
 * analyst opens the item, follows "Trace in Crypto Trace", runs a forward trace (which fetches
 * the histories), sees the exchange exit, highlights its path, drafts the freeze request and
 * downloads its PDF letter and CSV annex.
 */
describe('Crypto Trace in Chromium', { skip: skipReason }, () => {
  let t: TestApp;
  let fake: FakeChainApis;
  let base: string;
  let page: Page;
  let e2e: E2E;
  const problems: string[] = [];

  before(async () => {
    fake = await new FakeChainApis().start();
    e2e = await startE2E({ env: { ...fake.env() }, jobs: true, webgl: true, timeoutMs: 20_000, problems });
    ({ t, base, page } = e2e);
  });
  after(async () => {
    await e2e?.close();
    await fake?.stop();
  });

  test('a wallet from a monitored post is traced to an exchange and a freeze request is exported', async () => {
    // Ledger: buyer → shop 600 USDT; shop → mule 500; mule → exchange hot wallet 480 (+ 20 left with the mule).
    const shop = syntheticTron(uniqueName('shop')), mule = syntheticTron(uniqueName('mule'));
    const buyer = syntheticTron(uniqueName('buyer')), exchange = syntheticTron(uniqueName('exch'));
    const usdt = (id: string, from: string, to: string, usd: number, at: number) => ({
      transaction_id: syntheticTxid(uniqueName(id)), token_info: { symbol: 'USDT', address: USDT_TRON, decimals: 6, name: 'Tether USD' },
      block_timestamp: (T0 + at) * 1000, from, to, type: 'Transfer', value: String(usd * 1_000_000),
    });
    const buy = usdt('buy', buyer, shop, 600, 100), launder = usdt('l1', shop, mule, 500, 1_000), cashout = usdt('l2', mule, exchange, 480, 2_000);
    fake.tron.set(shop, { native: [], trc20: [launder, buy] });
    fake.tron.set(mule, { native: [], trc20: [cashout, launder] });
    fake.tron.set(exchange, { native: [], trc20: [cashout] });
    fake.tron.set(buyer, { native: [], trc20: [buy] });

    const u = await t.user({ username: 'e2e.finance', roles: ['analyst'] });
    const api = await t.login(u.username, u.password);
    const tag = await api.send('POST', '/api/finance/tags', { chain: 'tron', address: exchange, label: 'KazCoin Exchange', category: 'exchange', source: 'Exchange reply 12/345 of 2026-01-10', confidence: 'ownership' });
    assert.equal(tag.statusCode, 201, tag.body);
    const ing = await api.send('POST', '/api/monitor/ingest', {
      source: 'e2e-finance',
      items: [{ external_id: 'fin-1', channel: '@shop_e2e', text: `Мефедрон, альфа, шишки. Закладки по Алматы 24/7. Оплата USDT TRC20 на кошелёк ${shop} , после оплаты пишите оператору.` }],
    });
    assert.equal(ing.statusCode, 200, ing.body);
    const itemId = ing.json().ids[0] as string;
    assert.ok(itemId, ing.body);

    await openLogin(e2e);
    await submitLogin(page, u.username, u.password);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    // Detection runs in the background: reload the item until its TRON indicator offers the trace link.
    await page.goto(`${base}/monitor/items/${itemId}`);
    const traceLink = page.getByTestId('indicators').getByRole('link', { name: 'Trace in Crypto Trace' });
    for (let i = 0; i < 60 && (await traceLink.count()) === 0; i++) { await page.waitForTimeout(500); await page.reload(); }
    await traceLink.click();
    await page.getByRole('heading', { level: 1, name: /Wallet/ }).waitFor();
    assert.match(await page.getByRole('heading', { level: 1 }).textContent() ?? '', new RegExp(shop));

    // Trace forward; the history is fetched through the TronGrid adapter as part of the run.
    const form = page.getByTestId('trace-form');
    await form.getByLabel('Region of the case').selectOption('KZ-75');
    await form.getByLabel('Case number (ERDR)').fill('261100031000123');
    await form.getByLabel('Maximum hops').fill('4');
    await form.getByRole('button', { name: 'Start trace' }).click();
    await page.getByRole('heading', { level: 1, name: /Trace/ }).waitFor();
    assert.ok(fake.hitsOf(`/trongrid/v1/accounts/${shop}`) > 0, 'the shop history came through the adapter');

    const row = page.getByTestId('exits').locator(`tr[data-exit="${exchange}"]`);
    await row.waitFor();
    assert.match(await row.textContent() ?? '', /KazCoin Exchange/);
    assert.match(await row.textContent() ?? '', /Exchange/);
    assert.match(await row.textContent() ?? '', /480/);
    assert.equal((await row.locator('td').nth(5).textContent())?.trim(), '2');

    // Select the exit: its path is explained and highlighted in the graph (and the node list).
    const graph = page.getByTestId('trace-graph');
    assert.equal(await graph.getAttribute('data-highlighted'), '');
    await row.getByRole('button', { name: 'Show path' }).click();
    const path = page.getByTestId('path-detail');
    await path.waitFor();
    assert.equal(await path.locator('ol.fin-path > li').count(), 2);
    assert.match(await path.textContent() ?? '', /500/);
    assert.deepEqual((await graph.getAttribute('data-highlighted'))?.split(' ').sort(), [exchange, mule, shop].sort());
    assert.equal(await graph.getAttribute('data-nodes'), '3');
    await page.screenshot({ path: join(SHOTS, 'finance-trace.png'), fullPage: true }).catch(() => undefined);

    // Expanding the mule draws its counterparties from the store; collapsing removes what it brought.
    await page.getByText('Wallets in the graph (list)').click();
    await page.getByTestId('graph-nodes').locator('tr', { hasText: mule.slice(0, 8) }).getByRole('button', { name: 'Expand' }).click();
    await page.getByTestId('graph-nodes').locator('tr', { hasText: mule.slice(0, 8) }).getByRole('button', { name: 'Collapse' }).waitFor();

    // Freeze request to the exchange: drafted into the request workflow, then its letter (PDF) and annex (CSV).
    const exportsBox = page.getByTestId('exports');
    const cand = exportsBox.getByTestId('freeze-candidates').locator('tr[data-service="KazCoin Exchange"]');
    await cand.getByRole('button', { name: 'Draft a freeze request to KazCoin Exchange' }).click();
    const pdfButton = cand.getByRole('button', { name: 'Freeze request to KazCoin Exchange, PDF' });
    await pdfButton.waitFor();
    const [pdf] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
    const pdfBytes = readFileSync((await pdf.path())!);
    assert.equal(pdfBytes.subarray(0, 4).toString('latin1'), '%PDF');
    const [csv] = await Promise.all([page.waitForEvent('download'), cand.getByRole('button', { name: 'Freeze request to KazCoin Exchange, CSV' }).click()]);
    assert.ok(readFileSync((await csv.path())!, 'utf8').includes(exchange), 'the annex lists the exchange address');
    const [report] = await Promise.all([page.waitForEvent('download'), exportsBox.getByRole('button', { name: 'Case report (PDF)' }).click()]);
    assert.equal(readFileSync((await report.path())!).subarray(0, 4).toString('latin1'), '%PDF');

    assert.deepEqual(problems, []);
  });
});
