import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../../platform/auth/actor.js';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { detectItems } from '../ingest.detect.js';
import { createRequest, transition } from '../requests/requests.service.js';
import { bucketStart, resolveRange, todayKz } from './periods.js';

test('periods: ISO weeks start on Monday, months on the 1st; ranges widen to whole periods; Kazakhstan\'s today', () => {
  assert.equal(bucketStart('2026-03-01', 'week'), '2026-02-23', 'a Sunday belongs to the week starting the Monday before');
  assert.equal(bucketStart('2026-03-02', 'week'), '2026-03-02');
  assert.equal(bucketStart('2026-02-28', 'month'), '2026-02-01');
  const w = resolveRange('week', '2026-03-04', '2026-03-10');
  assert.deepEqual([w.from, w.to, w.until, w.buckets], ['2026-03-02', '2026-03-15', '2026-03-16', ['2026-03-02', '2026-03-09']]);
  const m = resolveRange('month', '2025-12-15', '2026-02-01');
  assert.deepEqual(m.buckets, ['2025-12-01', '2026-01-01', '2026-02-01']);
  assert.equal(m.to, '2026-02-28');
  assert.equal(resolveRange('day', undefined, '2026-03-10').buckets.length, 30, 'default: the last 30 days');
  assert.equal(resolveRange('month', undefined, '2026-03-10').buckets[0], '2025-04-01', 'default: the last 12 months');
  // 19:30 UTC is already the next day in Almaty (UTC+5).
  assert.equal(todayKz(new Date('2026-03-02T19:30:00Z')), '2026-03-03');
  assert.throws(() => resolveRange('day', '2026-03-10', '2026-03-01'), (e: { code?: string }) => e.code === 'request.invalid');
  assert.throws(() => resolveRange('day', '2020-01-01', '2026-01-01'), (e: { code?: string }) => e.code === 'request.invalid');
  assert.throws(() => resolveRange('day', '2026-02-30', '2026-03-01'), (e: { code?: string }) => e.code === 'request.invalid');
});

interface Row { key: string; found: number; confirmed: number; requested: number; blocked: number; restored: number; medianHours: number | null; p90Hours: number | null }

for (const backend of testBackends()) {
  describe(`monitor statistics [${backend}]`, () => {
    let t: TestApp;
    let reviewer: Agent, analyst: Agent, astanaHq: Agent;
    let analystActor: Actor;
    const tag = uniqueName('st').replace(/[^a-z0-9]/g, '');
    const id: Record<'a' | 'b' | 'c' | 'd' | 'e', string> = { a: '', b: '', c: '', d: '', e: '' };
    let drugA = '';
    const q = (agent: Agent, query: string) => agent.get(`/api/monitor/stats?${query}`);
    const byKey = (rows: Row[], key: string) => rows.find((r) => r.key === key);

    before(async () => {
      t = await startTestApp(backend);
      const mk = async (p: string, roles: string[], regions?: string[]) => {
        const u = await t.user({ username: uniqueName(p), roles, regions });
        return { agent: await t.login(u.username, u.password), user: u };
      };
      const an = await mk('stan', ['analyst']);
      analyst = an.agent;
      analystActor = { type: 'user', id: an.user.id, name: an.user.username, roles: ['analyst'], scope: { national: true, regions: [] } };
      reviewer = (await mk('strev', ['reviewer'])).agent;
      astanaHq = (await mk('sthq', ['regional_hq'], ['KZ-71'])).agent;
      const ing = async (source: string, items: unknown[]) => {
        const res = await analyst.send('POST', '/api/monitor/ingest', { source, items });
        assert.equal(res.statusCode, 200, res.body);
        return res.json().ids as string[];
      };
      [id.a, id.b] = (await ing(`${tag}-feed`, [
        { external_id: 'a', text: `Меф, шишки — Алматы, клады 24/7. Бот @${tag}a_bot, сайт https://${tag}a.example/menu` },
        { external_id: 'b', text: `Закладки мефедрон Алматы, пиши @${tag}b_bot` },
      ])) as [string, string];
      [id.c, id.d, id.e] = (await ing(`${tag}-other`, [
        { external_id: 'c', text: `Шишки, меф — Астана, бот @${tag}c_bot, закладки 24/7` },
        { external_id: 'd', text: 'Астанада ертең күн ашық, жел әлсіз болады.' },
        { external_id: 'e', text: 'Астана, привёз то самое, старым знакомым скидка, пишите в личку.' },
      ])) as [string, string, string];
      await detectItems(t.ctx.db, systemActor('test'), Object.values(id));
      const labels = (await t.ctx.db.execute(sql`select id, label, regions from monitor_items where id = any(${sql.param(Object.values(id))}::uuid[])`) as unknown as { rows: { id: string; label: string; regions: string[] }[] }).rows;
      const label = (x: string) => labels.find((r) => r.id === x)!;
      for (const k of ['a', 'b', 'c'] as const) assert.notEqual(label(id[k]).label, 'benign', `${k} flagged`);
      assert.equal(label(id.d).label, 'benign');
      assert.equal(label(id.e).label, 'benign', 'a veiled offer the detector misses');
      assert.deepEqual([label(id.a).regions, label(id.c).regions], [['KZ-75'], ['KZ-71']]);

      // a: confirmed; c: one confirmation and one rejection = unsure, so not counted as confirmed.
      assert.equal((await reviewer.send('POST', `/api/monitor/review/items/${id.a}`, { decision: 'confirmed' })).statusCode, 200);
      assert.equal((await reviewer.send('POST', `/api/monitor/review/items/${id.c}`, { decision: 'rejected' })).statusCode, 200);
      assert.equal((await analyst.send('POST', `/api/monitor/review/items/${id.c}`, { decision: 'confirmed' })).statusCode, 200);
      // e: the detector called it benign; a reviewer confirms it as a sale (the detector's miss, caught by a person).
      assert.equal((await reviewer.send('POST', `/api/monitor/review/items/${id.e}`, { decision: 'confirmed', label: 'drug_sale' })).statusCode, 200);

      const drug = label(id.a).label;
      drugA = drug;
      const ba = await createRequest(t.ctx.db, analystActor, { target: 'blocking_authority', region: 'KZ-75', origin: { module: 'monitor', itemIds: [id.a] }, entries: [
        { type: 'url', value: `https://${tag}a.example/menu`, itemId: id.a, label: drug },
        { type: 'domain', value: `${tag}a.example`, firstSeen: new Date('2026-03-01T18:30:00Z') },
      ] });
      const host = await createRequest(t.ctx.db, analystActor, { target: 'hosting', region: 'KZ-75', origin: { module: 'monitor', itemIds: [id.a] }, entries: [{ type: 'url', value: `https://${tag}a.example/menu`, itemId: id.a, label: drug }] });
      const tg = await createRequest(t.ctx.db, analystActor, { target: 'telegram', region: 'KZ-75', origin: { module: 'monitor', itemIds: [id.a] }, entries: [{ type: 'telegram', value: `${tag}a_bot`, itemId: id.a, label: drug }] });
      const ast = await createRequest(t.ctx.db, analystActor, { target: 'telegram', region: 'KZ-71', origin: { module: 'monitor', itemIds: [id.c] }, entries: [{ type: 'telegram', value: `${tag}c_bot`, itemId: id.c }] });
      const fin = await createRequest(t.ctx.db, analystActor, { target: 'bank', region: 'KZ-75', origin: { module: 'finance' }, entries: [{ type: 'iban', value: 'KZ86125KZT5004100100' }] });
      const rev: Actor = { type: 'system', id: null, name: 'test-reviewer', roles: ['reviewer'], scope: { national: true, regions: [] } };
      for (const r of [ba, host, tg, ast, fin]) { await transition(t.ctx.db, rev, r.id, 'approved'); await transition(t.ctx.db, rev, r.id, 'sent'); }
      for (const r of [ba, tg, fin]) await transition(t.ctx.db, rev, r.id, 'blocked');
      await transition(t.ctx.db, rev, tg.id, 'restored');
      // The lifecycle stamps "now"; pin every time so periods and durations are known (Almaty = UTC+5).
      const db = t.ctx.db;
      await db.execute(sql`update monitor_items set detected_at = case id
        when ${id.a}::uuid then '2026-03-02T18:30:00Z'::timestamptz when ${id.b}::uuid then '2026-03-02T19:30:00Z'::timestamptz
        when ${id.c}::uuid then '2026-03-10T05:00:00Z'::timestamptz else '2026-03-03T00:00:00Z'::timestamptz end where id = any(${sql.param(Object.values(id))}::uuid[])`);
      await db.execute(sql`update monitor_review_decisions set decided_at = '2026-03-04T05:00:00Z' where item_id = ${id.a}::uuid`);
      await db.execute(sql`update monitor_review_decisions set decided_at = '2026-03-05T05:00:00Z' where item_id = ${id.c}::uuid`);
      await db.execute(sql`update monitor_review_decisions set decided_at = '2026-03-09T05:00:00Z' where item_id = ${id.e}::uuid`);
      const pin = (rid: string, sent: string, blocked: string | null, restored: string | null) => db.execute(sql`update monitor_requests set sent_at = ${sent}::timestamptz,
        first_blocked_at = ${blocked}::timestamptz, blocked_at = ${blocked}::timestamptz, restored_at = ${restored}::timestamptz where id = ${rid}::uuid`);
      await pin(ba.id, '2026-03-05T06:00:00Z', '2026-03-06T18:30:00Z', null);
      await pin(host.id, '2026-03-05T07:00:00Z', null, null);
      await pin(tg.id, '2026-03-04T10:00:00Z', '2026-03-04T18:30:00Z', '2026-03-08T10:00:00Z');
      await pin(ast.id, '2026-03-10T09:00:00Z', null, null);
      await pin(fin.id, '2026-03-05T09:00:00Z', '2026-03-06T09:00:00Z', null);
    });
    after(async () => { await t?.close(); });

    test('daily funnel in Kazakhstan\'s calendar: each figure in its day, resources counted once, finance requests left out', async () => {
      const res = await q(reviewer, 'granularity=day&from=2026-03-01&to=2026-03-10');
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json();
      assert.equal(s.tz, 'Asia/Almaty');
      assert.equal(s.series.length, 10);
      const day = (d: string) => byKey(s.series, d)!;
      // b was detected at 19:30 UTC on 2 March = 00:30 on 3 March in Almaty.
      assert.deepEqual([day('2026-03-02').found, day('2026-03-03').found, day('2026-03-10').found], [1, 1, 1]);
      assert.equal(day('2026-03-04').confirmed, 1);
      // c (one confirmation, one rejection) is not confirmed; e, which the detector called benign, is.
      assert.deepEqual([day('2026-03-05').confirmed, day('2026-03-09').confirmed, s.totals.confirmed], [0, 1, 2]);
      assert.equal(byKey(s.byLabel, 'drug_sale')!.confirmed, drugA === 'drug_sale' ? 2 : 1, 'e counts under the label the reviewer gave');
      // The URL went to the authority (06:00) and the hosting provider (07:00): one resource, requested on 5 March.
      assert.deepEqual([day('2026-03-04').requested, day('2026-03-05').requested, day('2026-03-10').requested], [1, 2, 1]);
      assert.deepEqual([s.totals.found, s.totals.requested, s.totals.blocked, s.totals.restored], [3, 4, 3, 1]);
      // 18:30 UTC on 6 March is 23:30 in Almaty: still the 6th.
      assert.deepEqual([day('2026-03-04').blocked, day('2026-03-06').blocked, day('2026-03-08').restored], [1, 2, 1]);
      // Detection → block: handle 48 h; URL 96 h (item detected 2 March 18:30); domain 120 h (first seen 1 March 18:30).
      assert.equal(day('2026-03-04').medianHours, 48);
      assert.deepEqual([day('2026-03-06').medianHours, day('2026-03-06').p90Hours], [108, 117.6]);
      assert.deepEqual([s.totals.medianHours, s.totals.p90Hours], [96, 115.2]);
      assert.equal(day('2026-03-01').found + day('2026-03-01').requested, 0, 'empty days are listed with zeros');

      assert.deepEqual([byKey(s.byRegion, 'KZ-75')!.found, byKey(s.byRegion, 'KZ-75')!.requested, byKey(s.byRegion, 'KZ-75')!.blocked], [2, 3, 3]);
      assert.deepEqual([byKey(s.byRegion, 'KZ-71')!.found, byKey(s.byRegion, 'KZ-71')!.requested], [1, 1]);
      assert.deepEqual([byKey(s.bySource, `${tag}-feed`)!.found, byKey(s.bySource, `${tag}-other`)!.found, byKey(s.bySource, '')!.requested], [2, 1, 1]);
      assert.equal((s.byLabel as Row[]).reduce((a, r) => a + r.found, 0), 3);
    });

    test('weekly and monthly periods; filters by region, label and source', async () => {
      const w = (await q(reviewer, 'granularity=week&from=2026-03-01&to=2026-03-10')).json();
      assert.deepEqual(w.series.map((r: Row) => [r.key, r.found, r.blocked]), [['2026-02-23', 0, 0], ['2026-03-02', 2, 3], ['2026-03-09', 1, 0]]);
      const m = (await q(reviewer, 'granularity=month&from=2026-02-01&to=2026-03-31')).json();
      assert.deepEqual(m.series.map((r: Row) => [r.key, r.found, r.restored]), [['2026-02-01', 0, 0], ['2026-03-01', 3, 1]]);
      const almaty = (await q(reviewer, 'granularity=month&from=2026-03-01&to=2026-03-31&region=KZ-75')).json();
      assert.deepEqual([almaty.totals.found, almaty.totals.requested, almaty.byRegion.map((r: Row) => r.key)], [2, 3, ['KZ-75']]);
      const src = (await q(reviewer, `granularity=month&from=2026-03-01&to=2026-03-31&source=${tag}-other`)).json();
      assert.deepEqual([src.totals.found, src.totals.confirmed, src.totals.requested], [1, 1, 1]);
      const lbl = (await q(reviewer, 'granularity=month&from=2026-03-01&to=2026-03-31&label=courier_recruitment')).json();
      const sale = (await q(reviewer, 'granularity=month&from=2026-03-01&to=2026-03-31&label=drug_sale')).json();
      assert.equal(lbl.totals.found + sale.totals.found + (await q(reviewer, 'granularity=month&from=2026-03-01&to=2026-03-31&label=drug_propaganda')).json().totals.found, 3);
      const sources = (await reviewer.get('/api/monitor/stats/sources')).json().sources as string[];
      assert.ok(sources.includes(`${tag}-feed`) && sources.includes(`${tag}-other`));
    });

    test('region scope: a regional HQ sees only its region\'s figures', async () => {
      const res = await q(astanaHq, 'granularity=month&from=2026-03-01&to=2026-03-31');
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json();
      assert.deepEqual([s.totals.found, s.totals.confirmed, s.totals.requested, s.totals.blocked], [1, 1, 1, 0]);
      assert.deepEqual(s.byRegion.map((r: Row) => r.key), ['KZ-71']);
      assert.deepEqual((await astanaHq.get('/api/monitor/stats/sources')).json().sources, [`${tag}-other`]);
      assert.equal((await q(astanaHq, 'granularity=month&from=2026-03-01&to=2026-03-31&region=KZ-75')).json().totals.found, 0);
    });

    test('invalid filters are refused; anonymous callers are not served', async () => {
      for (const bad of ['label=benign', 'region=KZ-99', 'from=2026-03-10&to=2026-03-01', 'granularity=day&from=2020-01-01&to=2026-01-01', 'granularity=year', 'extra=1']) {
        assert.equal((await q(reviewer, bad)).statusCode, 400, bad);
      }
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/monitor/stats' })).statusCode, 401);
    });

    test('CSV (BOM, localised headings, region names) and XLSX (every table and the filters)', async () => {
      const csv = await reviewer.get('/api/monitor/stats.csv?granularity=day&from=2026-03-01&to=2026-03-10&table=region&lang=ru');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /filename="monitor-stats-region-2026-03-01-2026-03-10\.csv"/);
      assert.ok(csv.body.startsWith('\uFEFFКод,Регион,Выявлено,Подтверждено'));
      assert.match(csv.body, /\r\nKZ-75,[^,]*Алматы[^,]*,2,1,3,3,1,96,115\.2\r\n/);
      const periods = (await reviewer.get('/api/monitor/stats.csv?granularity=week&from=2026-03-01&to=2026-03-10&lang=kk')).body;
      assert.match(periods, /Барлығы,3,2,4,3,1,96,115\.2\r\n$/);
      const x = await reviewer.get('/api/monitor/stats.xlsx?granularity=day&from=2026-03-01&to=2026-03-10&lang=en');
      assert.equal(x.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(wb.worksheets.map((w) => w.name), ['Period', 'Region', 'Label', 'Source', 'Filters']);
      const per = wb.getWorksheet('Period')!;
      assert.deepEqual((per.getRow(1).values as unknown[]).slice(1, 4), ['Period', 'Found', 'Confirmed']);
      assert.deepEqual((per.getRow(3).values as unknown[]).slice(1, 3), ['2026-03-02', 1]);
      assert.deepEqual((per.getRow(12).values as unknown[]).slice(1, 7), ['Total', 3, 2, 4, 3, 1]);
      assert.equal(wb.getWorksheet('Filters')!.getRow(2).getCell(2).value, '2026-03-01');
    });

    test('home card: the action figures (review queue, requests to approve and to send, alerts) within scope', async () => {
      const before = (await reviewer.get('/api/dashboard')).json().cards.monitor;
      assert.equal(typeof before.pendingReview, 'number');
      assert.equal(before.pendingReview, 1, 'b is the one flagged item nobody decided');
      assert.equal(before.requestsAwaitingApproval, 0);
      assert.equal(before.openAlerts, 0);
      await createRequest(t.ctx.db, analystActor, { target: 'telegram', region: 'KZ-75', origin: { module: 'monitor', itemIds: [id.b] }, entries: [{ type: 'telegram', value: `${tag}b_bot`, itemId: id.b }] });
      const after = (await reviewer.get('/api/dashboard')).json().cards.monitor;
      assert.equal(after.requestsAwaitingApproval, 1);
      assert.equal(after.requestsToSend, 0);
      assert.ok('week' in after);
      assert.equal((await astanaHq.get('/api/dashboard')).json().cards.monitor, undefined, 'no item access, no cyber-supervision card');
    });
  });
}
