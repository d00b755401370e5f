import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor, type Actor } from '../../../platform/auth/actor.js';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { detectItems } from '../ingest.detect.js';
import { patternFor, stixString } from './export.stix.js';
import { createRequest, recordOutcome, transition, urlsToRecheck } from './requests.service.js';
import { groupByTarget } from './targets.js';

const hasTool = (name: string) => ['/usr/bin', '/usr/local/bin', '/bin'].some((d) => existsSync(join(d, name)));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test('grouping: URLs/domains → blocking authority + hosting/registrar, handles → Telegram, IBANs → bank, wallets left to finance', () => {
  const { groups, skipped } = groupByTarget([
    { type: 'url', value: 'https://shop.example/a', itemId: 'i1' }, { type: 'domain', value: 'shop.example' }, { type: 'telegram', value: 'x_bot' },
    { type: 'url', value: 'https://t.me/chan/5' }, { type: 'url', value: 'https://play.google.com/store/apps/details?id=x' }, { type: 'iban', value: 'KZ86125KZT5004100100' },
    { type: 'btc', value: 'bc1qxy' }, { type: 'url', value: 'https://shop.example/a', itemId: 'i2' },
  ]);
  const vals = (t: string) => (groups.get(t as never) ?? []).map((e) => e.value);
  assert.deepEqual(vals('blocking_authority'), ['https://shop.example/a', 'shop.example']);
  assert.deepEqual(vals('hosting'), ['https://shop.example/a']);
  assert.deepEqual(vals('registrar'), ['shop.example']);
  assert.deepEqual(vals('telegram'), ['x_bot', 'https://t.me/chan/5']);
  assert.deepEqual(vals('app_store'), ['https://play.google.com/store/apps/details?id=x']);
  assert.deepEqual(vals('bank'), ['KZ86125KZT5004100100']);
  assert.equal(groups.get('blocking_authority')![0]!.itemId, 'i1', 'the first evidence is kept');
  assert.deepEqual(skipped, [{ type: 'btc', value: 'bc1qxy', itemId: undefined, reason: 'no_target' }]);
});

test('STIX patterns escape quotes and backslashes and use SCOs where STIX 2.1 has them', () => {
  assert.equal(stixString("a'b\\c"), "'a\\'b\\\\c'");
  assert.equal(patternFor('url', "http://x.example/a'b"), "[url:value = 'http://x.example/a\\'b']");
  assert.equal(patternFor('domain', 'x.example'), "[domain-name:value = 'x.example']");
  assert.equal(patternFor('telegram', 'bot'), "[user-account:account_type = 'telegram' AND user-account:account_login = 'bot']");
  assert.match(patternFor('iban', 'KZ86'), /^\[x-bank-account:iban = 'KZ86'\]$/);
});

for (const backend of testBackends()) {
  describe(`blocking requests [${backend}]`, () => {
    let t: TestApp;
    let analyst: Agent, reviewer: Agent, admin: Agent, astana: Agent, almatyReviewer: Agent;
    let analystActor: Actor;
    const tag = uniqueName('rq').replace(/[^a-z0-9]/g, '');
    const ids: Record<string, string> = {};
    let requests: { id: string; target: string; status: string; entries: number }[] = [];

    before(async () => {
      t = await startTestApp(backend);
      const mk = async (p: string, roles: string[], regions?: string[]) => {
        const u = await t.user({ username: uniqueName(p), roles, regions });
        return { agent: await t.login(u.username, u.password), user: u };
      };
      const a = await mk('rqan', ['analyst']);
      analyst = a.agent;
      analystActor = { type: 'user', id: a.user.id, name: a.user.username, roles: ['analyst'], scope: { national: true, regions: [] } };
      reviewer = (await mk('rqrev', ['reviewer'])).agent;
      admin = (await mk('rqadm', ['admin'])).agent;
      astana = (await mk('rqast', ['investigator', 'analyst'], ['KZ-71'])).agent;
      almatyReviewer = (await mk('rqalr', ['reviewer'], ['KZ-75'])).agent;
      const items = [
        { external_id: `${tag}-1`, url: `https://t.me/${tag}chan/15`, posted_at: '2026-03-01T08:00:00Z',
          text: `Меф, шишки — Алматы, клады 24/7. Бот @${tag}_bot, сайт https://${tag}-shop.example/menu оплата KZ86125KZT5004100100` },
        { external_id: `${tag}-2`, text: `Закладки мефедрон Алматы, пиши @${tag}_other_bot` },
        { external_id: `${tag}-3`, text: `Меф Алматы, бот @${tag}_third_bot 24/7` },
        { external_id: `${tag}-4`, text: `Шишки, меф — Алматы, бот @${tag}_fourth_bot, закладки` },
      ];
      const res = await analyst.send('POST', '/api/monitor/ingest', { source: `${tag}-feed`, items });
      assert.equal(res.statusCode, 200, res.body);
      const got: string[] = res.json().ids;
      assert.equal(got.length, 4);
      [ids.one, ids.two, ids.three, ids.four] = got as [string, string, string, string];
      await detectItems(t.ctx.db, systemActor('test'), got);
      for (const [id, decision] of [[ids.one, 'confirmed'], [ids.three, 'rejected'], [ids.four, 'confirmed']] as const) {
        const d = await reviewer.send('POST', `/api/monitor/review/items/${id}`, { decision });
        assert.equal(d.statusCode, 200, d.body);
      }
    });
    after(async () => { await t?.close(); });

    test('only confirmed items are accepted; refused ones are listed with the reason; entries grouped per target', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const res = await analyst.send('POST', '/api/monitor/requests/from-items', { itemIds: [ids.one, ids.two, ids.three, missing] });
      assert.equal(res.statusCode, 201, res.body);
      const out = res.json();
      assert.deepEqual(out.refused.sort((x: { itemId: string }, y: { itemId: string }) => x.itemId.localeCompare(y.itemId)),
        [{ itemId: missing, reason: 'not_found' }, { itemId: ids.two, reason: 'not_confirmed' }, { itemId: ids.three, reason: 'not_confirmed' }].sort((x, y) => x.itemId.localeCompare(y.itemId)));
      requests = out.requests;
      assert.deepEqual(requests.map((r) => r.target).sort(), ['bank', 'blocking_authority', 'hosting', 'registrar', 'telegram']);
      assert.ok(requests.every((r) => r.status === 'draft'));
      const tg = (await analyst.get(`/api/monitor/requests/${requests.find((r) => r.target === 'telegram')!.id}`)).json();
      assert.equal(tg.request.region, 'KZ-75', 'the items\' one region');
      assert.deepEqual(tg.entries.map((e: { value: string }) => e.value).sort(), [`${tag}_bot`, `https://t.me/${tag}chan/15`].sort());
      const handle = tg.entries.find((e: { type: string }) => e.type === 'telegram');
      assert.equal(handle.itemId, ids.one);
      assert.match(handle.excerpt, new RegExp(`@${tag}_bot`));
      assert.equal(new Date(handle.firstSeen).toISOString(), '2026-03-01T08:00:00.000Z');
      assert.equal(tg.request.firstDetectedAt.slice(0, 19), '2026-03-01T08:00:00');
      assert.deepEqual(tg.history.map((h: { toStatus: string }) => h.toStatus), ['draft']);
      const none = await analyst.send('POST', '/api/monitor/requests/from-items', { itemIds: [ids.two] });
      assert.equal(none.statusCode, 422);
      assert.equal(none.json().error.code, 'monitor.request_nothing');
    });

    test('lifecycle: the author cannot approve (also as admin), a reviewer can; sent → blocked ⇄ restored; history and audit rows', async () => {
      const id = requests.find((r) => r.target === 'blocking_authority')!.id;
      const detail = (await analyst.get(`/api/monitor/requests/${id}`)).json();
      assert.ok(!detail.allowed.includes('approved'), 'the UI is not offered approval for one\'s own request');
      const self = await analyst.send('POST', `/api/monitor/requests/${id}/transition`, { to: 'approved' });
      assert.equal(self.statusCode, 403);
      assert.equal(self.json().error.code, 'auth.forbidden', 'analysts lack the approve permission altogether');
      // An author holding the reviewer right is still refused by the service.
      const authorAsAdmin = { ...analystActor, roles: ['admin' as const] };
      await assert.rejects(transition(t.ctx.db, authorAsAdmin, id, 'approved'), (e: { code?: string }) => e.code === 'monitor.request_self_approval');
      // Nor with an API token, which names no person to compare with the author.
      const token: Actor = { type: 'token', id: randomUUID(), name: 'token:ops', roles: ['admin'], scope: { national: true, regions: [] } };
      await assert.rejects(transition(t.ctx.db, token, id, 'approved'), (e: { code?: string }) => e.code === 'auth.person_required');
      const early = await reviewer.send('POST', `/api/monitor/requests/${id}/transition`, { to: 'sent' });
      assert.equal(early.json().error.code, 'record.invalid_state');
      assert.ok((await reviewer.get(`/api/monitor/requests/${id}`)).json().allowed.includes('approved'));
      const ok = await reviewer.send('POST', `/api/monitor/requests/${id}/transition`, { to: 'approved', note: 'evidence checked' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().request.status, 'approved');
      for (const [who, to] of [[analyst, 'sent'], [reviewer, 'blocked'], [reviewer, 'restored'], [reviewer, 'blocked']] as const) {
        const r = await who.send('POST', `/api/monitor/requests/${id}/transition`, { to });
        assert.equal(r.statusCode, 200, `${to}: ${r.body}`);
      }
      const back = await reviewer.send('POST', `/api/monitor/requests/${id}/transition`, { to: 'approved' });
      assert.equal(back.statusCode, 409);
      const d = (await reviewer.get(`/api/monitor/requests/${id}`)).json();
      assert.deepEqual(d.history.map((h: { toStatus: string }) => h.toStatus), ['draft', 'approved', 'sent', 'blocked', 'restored', 'blocked']);
      assert.equal(d.history[1].note, 'evidence checked');
      assert.ok(d.history.every((h: { actorName: string; at: string }) => h.actorName && h.at));
      assert.ok(d.request.firstBlockedAt && d.request.restoredAt && d.request.sentAt);
      const trail = (await admin.get(`/api/audit?entityId=${id}`)).json().rows.map((r: { action: string }) => r.action);
      assert.deepEqual(trail, ['monitor.request.blocked', 'monitor.request.restored', 'monitor.request.blocked', 'monitor.request.sent', 'monitor.request.approved', 'monitor.request.create']);

      const draft = requests.find((r) => r.target === 'registrar')!.id;
      const cancel = await analyst.send('POST', `/api/monitor/requests/${draft}/transition`, { to: 'cancelled', note: 'duplicate' });
      assert.equal(cancel.json().request.status, 'cancelled');
      assert.equal((await reviewer.send('POST', `/api/monitor/requests/${draft}/transition`, { to: 'approved' })).statusCode, 409);

      // Once a second person has approved it, the author alone cannot withdraw it; a reviewer can.
      const bank = requests.find((r) => r.target === 'bank')!.id;
      assert.equal((await reviewer.send('POST', `/api/monitor/requests/${bank}/transition`, { to: 'approved' })).statusCode, 200);
      assert.ok(!(await analyst.get(`/api/monitor/requests/${bank}`)).json().allowed.includes('cancelled'));
      const undo = await analyst.send('POST', `/api/monitor/requests/${bank}/transition`, { to: 'cancelled' });
      assert.equal(undo.statusCode, 403);
      const byReviewer = await reviewer.send('POST', `/api/monitor/requests/${bank}/transition`, { to: 'cancelled', note: 'account already frozen' });
      assert.equal(byReviewer.json().request.status, 'cancelled');
    });

    test('region scope: another region neither sees nor creates; the region\'s own reviewer does', async () => {
      const id = requests[0]!.id;
      const res = await astana.get(`/api/monitor/requests/${id}`);
      assert.equal(res.statusCode, 404);
      assert.deepEqual((await astana.get('/api/monitor/requests')).json().requests, []);
      assert.equal((await astana.get(`/api/monitor/requests/${id}/export/pdf`)).statusCode, 404);
      assert.equal((await astana.send('POST', `/api/monitor/requests/${id}/transition`, { to: 'cancelled' })).statusCode, 404);
      const list = (await almatyReviewer.get('/api/monitor/requests?region=KZ-75')).json().requests as { id: string; region: string; entries: number }[];
      assert.ok(list.length >= 5 && list.every((r) => r.region === 'KZ-75'));
      assert.equal(list.find((r) => r.id === requests.find((x) => x.target === 'telegram')!.id)!.entries, 2);
      const created = await createRequest(t.ctx.db, analystActor, { target: 'bank', region: 'KZ-71', entries: [{ type: 'iban', value: 'KZ86125KZT5004100100' }], origin: { module: 'finance' } });
      const regional: Actor = { type: 'user', id: 'x', name: 'astana-user', roles: ['analyst'], scope: { national: false, regions: ['KZ-71'] } };
      await assert.rejects(createRequest(t.ctx.db, regional, { target: 'bank', region: 'KZ-75', entries: [{ type: 'iban', value: 'KZ1' }], origin: { module: 'finance' } }),
        (e: { code?: string }) => e.code === 'auth.region_forbidden');
      assert.equal((await astana.get(`/api/monitor/requests/${created.id}`)).statusCode, 200);
      assert.equal((await almatyReviewer.get(`/api/monitor/requests/${created.id}`)).statusCode, 404);
      const fin = (await astana.get('/api/monitor/requests?origin=finance')).json().requests as { id: string }[];
      assert.deepEqual(fin.map((r) => r.id), [created.id]);
    });

    test('rechecks: urlsToRecheck lists web entries of sent/blocked requests; recordOutcome moves the status with evidence', async () => {
      const id = requests.find((r) => r.target === 'hosting')!.id;
      assert.ok(!(await urlsToRecheck(t.ctx.db)).some((u) => u.requestId === id), 'drafts are not rechecked');
      await reviewer.send('POST', `/api/monitor/requests/${id}/transition`, { to: 'approved' });
      await analyst.send('POST', `/api/monitor/requests/${id}/transition`, { to: 'sent' });
      const [u] = (await urlsToRecheck(t.ctx.db)).filter((x) => x.requestId === id);
      assert.deepEqual([u!.url, u!.status, u!.region], [`https://${tag}-shop.example/menu`, 'sent', 'KZ-75']);
      const sys = systemActor('rechecks');
      assert.deepEqual(await recordOutcome(t.ctx.db, sys, id, 'blocked', { entryId: u!.entryId, httpStatus: 451 }), { changed: true, status: 'blocked' });
      assert.deepEqual(await recordOutcome(t.ctx.db, sys, id, 'blocked', { entryId: u!.entryId, httpStatus: 451 }), { changed: false, status: 'blocked' });
      assert.deepEqual(await recordOutcome(t.ctx.db, sys, id, 'restored', { entryId: u!.entryId, httpStatus: 200 }), { changed: true, status: 'restored' });
      const d = (await reviewer.get(`/api/monitor/requests/${id}`)).json();
      assert.equal(d.history.at(-1).evidence.httpStatus, 200);
      assert.equal(d.history.at(-1).actorName, 'rechecks');
      assert.equal(d.entries[0].outcome, 'restored');

      // Two web entries (URL and domain root): one restored entry makes the request restored until it is blocked again.
      const ba = requests.find((r) => r.target === 'blocking_authority')!.id;
      const two = (await urlsToRecheck(t.ctx.db)).filter((x) => x.requestId === ba);
      assert.deepEqual(two.map((x) => x.url).sort(), [`http://${tag}-shop.example/`, `https://${tag}-shop.example/menu`]);
      assert.deepEqual(await recordOutcome(t.ctx.db, sys, ba, 'blocked', { entryId: two[0]!.entryId }), { changed: false, status: 'blocked' });
      assert.deepEqual(await recordOutcome(t.ctx.db, sys, ba, 'restored', { entryId: two[1]!.entryId }), { changed: true, status: 'restored' });
      assert.deepEqual(await recordOutcome(t.ctx.db, sys, ba, 'blocked', { entryId: two[1]!.entryId }), { changed: true, status: 'blocked' });
      const stats = (await reviewer.get('/api/monitor/requests/stats')).json();
      assert.ok(stats.everBlocked >= 2 && stats.byTarget.hosting >= 1 && typeof stats.hours.medianDetectToBlock === 'number');
    });

    test('exports: PDF letter in Kazakh and Russian renders; CSV and JSON bundles; each export audited', async () => {
      const id = requests.find((r) => r.target === 'telegram')!.id;
      for (const lang of ['kk', 'ru'] as const) {
        const res = await reviewer.get(`/api/monitor/requests/${id}/export/pdf?lang=${lang}`);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'application/pdf');
        assert.match(String(res.headers['content-disposition']), new RegExp(`attachment; filename="qalqan-request-\\d+-telegram-${lang}\\.pdf"`));
        const pdf = res.rawPayload;
        assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
        const dir = mkdtempSync(join(tmpdir(), 'rq-pdf-'));
        writeFileSync(join(dir, 'l.pdf'), pdf);
        if (hasTool('pdftotext')) {
          const text = execFileSync('pdftotext', ['-layout', join(dir, 'l.pdf'), '-'], { encoding: 'utf8' });
          assert.match(text, lang === 'kk' ? /ЖОБА[\s\S]*сұрау[\s\S]*Қазақстан Республикасының/ : /ПРОЕКТ[\s\S]*Запрос №[\s\S]*Республики Казахстан/);
          assert.match(text, new RegExp(`${tag}_bot`));
        }
        if (hasTool('pdftoppm')) {
          execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', join(dir, 'l.pdf'), join(dir, 'p')]);
          assert.ok(readdirSync(dir).some((f) => f.endsWith('.png')), 'page 1 rendered');
        }
      }
      const csv = await reviewer.get(`/api/monitor/requests/${id}/export/csv`);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0]!.split(',')[6], 'type');
      assert.equal(lines.length, 3);
      const json = (await reviewer.get(`/api/monitor/requests/${id}/export/json`)).json();
      assert.equal(json.format, 'qalqan.blocking-request/1');
      assert.equal(json.entries.length, 2);
      const trail = (await admin.get(`/api/audit?entityId=${id}&action=monitor.request.export`)).json().rows as { summary: { details: { format: string } } }[];
      assert.deepEqual(trail.map((r) => r.summary.details.format), ['json', 'csv', 'pdf', 'pdf']);
    });

    test('STIX 2.1 bundle: identity, TLP marking, indicators with valid patterns, grouping; references resolve', async () => {
      const id = requests.find((r) => r.target === 'telegram')!.id;
      const res = await reviewer.get(`/api/monitor/requests/${id}/export/stix`);
      assert.match(String(res.headers['content-type']), /application\/stix\+json/);
      const b = res.json();
      assert.equal(b.type, 'bundle');
      assert.match(b.id, /^bundle--/);
      assert.ok(UUID.test(b.id.slice('bundle--'.length)));
      assert.equal(b.spec_version, undefined, 'a 2.1 bundle has no spec_version');
      const byId = new Map<string, Record<string, unknown>>(b.objects.map((o: { id: string }) => [o.id, o]));
      for (const o of b.objects as Record<string, string>[]) {
        assert.equal(o.spec_version, '2.1', o.id);
        const [type, uuid] = o.id!.split('--');
        assert.equal(type, o.type);
        assert.ok(UUID.test(uuid!), o.id);
        assert.match(o.created!, STAMP);
        if (o.type !== 'marking-definition') assert.match(o.modified!, STAMP);
      }
      const indicators = b.objects.filter((o: { type: string }) => o.type === 'indicator');
      assert.equal(indicators.length, 2);
      for (const ind of indicators) {
        assert.equal(ind.pattern_type, 'stix');
        assert.match(ind.valid_from, STAMP);
        assert.match(ind.pattern, /^\[[a-z0-9-]+:[a-z_]+ = '(?:[^'\\]|\\.)*'( AND [a-z0-9-]+:[a-z_]+ = '(?:[^'\\]|\\.)*')*\]$/);
        assert.ok(byId.get(ind.created_by_ref)?.type === 'identity');
        assert.ok(ind.object_marking_refs.every((m: string) => byId.get(m)?.type === 'marking-definition'));
        assert.ok(Array.isArray(ind.indicator_types) && ind.indicator_types.length > 0);
      }
      assert.ok(indicators.some((i: { pattern: string }) => i.pattern === `[url:value = 'https://t.me/${tag}chan/15']`));
      assert.ok(indicators.some((i: { pattern: string }) => i.pattern.includes(`user-account:account_login = '${tag}_bot'`)));
      const grouping = b.objects.find((o: { type: string }) => o.type === 'grouping');
      assert.equal(grouping.context, 'suspicious-activity');
      assert.deepEqual(grouping.object_refs.sort(), indicators.map((i: { id: string }) => i.id).sort());
      const again = (await reviewer.get(`/api/monitor/requests/${id}/export/stix`)).json();
      assert.deepEqual(again.objects.map((o: { id: string }) => o.id), b.objects.map((o: { id: string }) => o.id), 'deterministic object ids');
    });

    test('auto-approve: off by default, admin-only, audited; when on it approves (named as the policy) but does not send', async () => {
      const list = (await analyst.get('/api/monitor/requests/policies')).json().policies as { label: string; enabled: boolean }[];
      assert.deepEqual(list.map((p) => [p.label, p.enabled]), [['drug_sale', false], ['courier_recruitment', false], ['drug_propaganda', false]]);
      assert.equal((await reviewer.send('PUT', '/api/monitor/requests/policies/drug_sale', { enabled: true, minScore: 0.9 })).statusCode, 403);
      const on = await admin.send('PUT', '/api/monitor/requests/policies/drug_sale', { enabled: true, minScore: 0.9 });
      assert.equal(on.statusCode, 200, on.body);
      const audit = (await admin.get('/api/audit?action=monitor.request.policy')).json().rows as { summary: { before: { enabled: boolean }; after: { enabled: boolean; minScore: number } } }[];
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.summary.before.enabled, false);
      assert.deepEqual([audit[0]!.summary.after.enabled, audit[0]!.summary.after.minScore], [true, 0.9]);

      const res = await analyst.send('POST', '/api/monitor/requests/from-items', { itemIds: [ids.four], targets: ['telegram'] });
      assert.equal(res.statusCode, 201, res.body);
      const [r] = res.json().requests;
      assert.equal(r.status, 'approved');
      const d = (await analyst.get(`/api/monitor/requests/${r.id}`)).json();
      assert.match(d.request.approvedByPolicy, /drug_sale ≥ 0\.9/);
      assert.deepEqual(d.history.map((h: { toStatus: string; actorType: string }) => [h.toStatus, h.actorType]), [['draft', 'user'], ['approved', 'policy']]);
      const trail = (await admin.get(`/api/audit?entityId=${r.id}`)).json().rows as { action: string; actorType: string }[];
      assert.deepEqual(trail.map((x) => [x.action, x.actorType]), [['monitor.request.approved', 'system'], ['monitor.request.create', 'user']]);

      await admin.send('PUT', '/api/monitor/requests/policies/drug_sale', { enabled: false, minScore: 0.9 });
      const off = await analyst.send('POST', '/api/monitor/requests/from-items', { itemIds: [ids.four], targets: ['telegram'] });
      assert.equal(off.json().requests[0].status, 'draft');
      assert.equal((await admin.get('/api/audit?action=monitor.request.policy')).json().rows.length, 2);
    });
  });
}
