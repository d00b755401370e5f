import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { ingestTransfers } from '../store/ingest.js';
import { explainExit } from './explain.js';

// A small USDT-TRC20 flow: shop wallet → two mixers of hops → an exchange deposit address (tagged).
const SHOP = 'TCnvYrwd4woWN4DhrVssRBtRkhniPqLM7w';
const MID = 'TU883TTHzLTH1cZE64joi5q7k2FRmfzNHk';
const EXCHANGE = 'TB1SqcLfThcyXfV1MSgHMLLFDPeJscmrvE';
const OTHER = 'TQFH2co5mxdRhXp9s7zpz3ivLRLvvxfdTA';
const at = (h: number) => new Date(Date.UTC(2025, 1, 10, h));
const usdt = (tx: string, from: string, to: string, amount: number, h: number) => ({
  chain: 'tron' as const, txHash: tx, key: '0', asset: 'USDT-TRC20', tokenContract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', tokenSymbol: 'USDT',
  from, to, amount: String(amount * 1e6), decimals: 6, blockTime: at(h), source: 'test',
});

for (const backend of testBackends()) {
  describe(`finance outputs: case report and freeze requests [${backend}]`, () => {
    let t: TestApp;
    let inv: Agent, other: Agent, auditor: Agent;
    let traceId: string;

    before(async () => {
      t = await startTestApp(backend);
      const u = await t.user({ username: uniqueName('frep'), roles: ['investigator'], regions: ['KZ-75'] });
      inv = await t.login(u.username, u.password);
      const o = await t.user({ username: uniqueName('frep'), roles: ['investigator'], regions: ['KZ-71'] });
      other = await t.login(o.username, o.password);
      const a = await t.user({ username: uniqueName('fra'), roles: ['auditor'] });
      auditor = await t.login(a.username, a.password);
      await t.ctx.db.transaction((tx) => ingestTransfers(tx, [
        usdt('a'.repeat(64), 'TCUovKqkairzgLtk22BK5wi7Bc7zNRaAsA', SHOP, 1000, 1),
        usdt('b'.repeat(64), SHOP, MID, 800, 2),
        usdt('c'.repeat(64), MID, EXCHANGE, 500, 3),
        usdt('d'.repeat(64), MID, OTHER, 300, 4),
      ]));
      const tag = await inv.send('POST', '/api/finance/tags', { chain: 'tron', address: EXCHANGE, label: 'Steppe Exchange', category: 'exchange', source: 'exchange reply 2025-02-01', confidence: 'service_data' });
      assert.equal(tag.statusCode, 201, tag.body);
      const run = await inv.send('POST', '/api/finance/traces', { chain: 'tron', asset: 'USDT-TRC20', seeds: [SHOP], direction: 'forward', model: 'poison', maxHops: 5, caseNumber: '257500031000123', title: 'Alma Shop' });
      assert.ok(run.statusCode === 200 || run.statusCode === 201, run.body);
      traceId = (run.json().run ?? run.json().trace ?? run.json()).id;
    });
    after(async () => { await t?.close(); });

    test('case report PDF: valid PDF, page 1 renders, audited with its hash; out of region is not found', async () => {
      const res = await inv.get(`/api/finance/reports/traces/${traceId}/case-report.pdf?lang=kk`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const pdf = res.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.ok(pdf.length > 5000);
      if (existsSync('/usr/bin/pdftoppm')) {
        const dir = mkdtempSync(join(tmpdir(), 'caserep-'));
        try {
          writeFileSync(join(dir, 'r.pdf'), pdf);
          execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', join(dir, 'r.pdf'), join(dir, 'p')]);
          assert.equal(readdirSync(dir).filter((f) => f.endsWith('.png')).length, 1);
        } finally { rmSync(dir, { recursive: true, force: true }); }
      }
      if (existsSync('/usr/bin/pdftotext')) {
        const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
        assert.match(text, /Қатар жүргізілетін қаржылық тергеу/);
        assert.match(text, /Steppe Exchange/);
        assert.match(text, /exchange reply 2025-02-01/);
        // Path explanations in Kazakh too, not the English stored with the run.
        const flat = text.replace(/\s+/g, ' ');
        assert.match(flat, /1-өту: /);
        assert.match(flat, /ізделіп отырған қаражат/);
        assert.match(flat, /Трассировка атрибутталған сервистерде тоқтайды/);
        assert.doesNotMatch(flat, /Hop 1:|the trace stops at attributed services/);
      }
      // Without pdftotext: the lines the PDF prints, from the stored run.
      const run = (await inv.get(`/api/finance/traces/${traceId}`)).json().trace;
      assert.ok(Array.isArray(run.results.exits[0].steps) && run.results.exits[0].steps.length > 0, 'structured explanation stored with the run');
      assert.ok(run.results.exits[0].explanation.length > 0, 'the English lines stay for existing readers');
      const kkLines = explainExit(run.results.exits[0], run.model, 'kk');
      assert.ok(kkLines.some((l) => l.includes('ізделіп отырған қаражат')));
      const trail = (await auditor.get(`/api/audit?entityId=${traceId}&action=finance.report.case`)).json().rows;
      assert.equal(trail.length, 1);
      assert.equal(trail[0].summary.details.sha256, res.headers['x-content-sha256']);
      assert.equal((await other.get(`/api/finance/reports/traces/${traceId}/case-report.pdf`)).statusCode, 404);
    });

    test('freeze request to the exchange: candidates from exits, request in the shared lifecycle, letter and annex', async () => {
      const c = (await inv.get(`/api/finance/reports/traces/${traceId}/freeze-candidates`)).json().candidates;
      assert.equal(c.length, 1);
      assert.equal(c[0].service, 'Steppe Exchange');
      assert.deepEqual(c[0].addresses.map((a: { address: string }) => a.address), [EXCHANGE]);
      assert.ok(c[0].amount > 0 && c[0].amount <= 500);
      const res = await inv.send('POST', `/api/finance/reports/traces/${traceId}/freeze-request`, { service: 'Steppe Exchange' });
      assert.equal(res.statusCode, 201, res.body);
      const req = (await inv.get(`/api/monitor/requests/${res.json().id}`)).json();
      assert.deepEqual([req.request.target, req.request.originModule, req.request.region, req.request.status], ['exchange', 'finance', 'KZ-75', 'draft']);
      assert.equal(req.entries[0].value, EXCHANGE);
      assert.equal(req.entries[0].meta.traceId, traceId);
      const letter = await inv.get(`/api/finance/reports/requests/${res.json().id}/letter.pdf?lang=ru`);
      assert.equal(letter.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const annex = await inv.get(`/api/finance/reports/requests/${res.json().id}/annex.csv`);
      assert.match(annex.body, new RegExp(`tron,${EXCHANGE},Steppe Exchange,USDT-TRC20,`));
      assert.match(annex.body, /c{64}/);
      const none = await inv.send('POST', `/api/finance/reports/traces/${traceId}/freeze-request`, { service: 'Nobody' });
      assert.equal(none.json().error.code, 'finance.nothing_to_request');
    });

    test('home card: this week\'s traces, exits to exchanges and open requests, within the region', async () => {
      const f = (await inv.get('/api/dashboard')).json().cards.finance;
      assert.ok(f.tracesWeek >= 1);
      assert.equal(f.exchangeExits.addresses, 1);
      assert.ok(f.exchangeExits.exits >= 1 && f.exchangeExits.amounts['USDT-TRC20'] > 0 && f.exchangeExits.amounts['USDT-TRC20'] <= 500);
      assert.ok(f.openRequests.exchange >= 1 && f.openRequests.drafts >= 1, 'the draft freeze request');
      assert.deepEqual(Object.keys(f.droppers).sort(), ['blocked', 'cleared', 'confirmed', 'reported']);
      const o = (await other.get('/api/dashboard')).json().cards.finance;
      assert.deepEqual([o.tracesWeek, o.exchangeExits.exits, o.openRequests.exchange], [0, 0, 0], 'another region sees none of it');
    });
  });
}

