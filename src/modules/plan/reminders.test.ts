import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { startJobs } from '../../app/runtime.js';
import { startTestApp, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';
import { seedPlanDemo } from './demo.js';
import { runReminders } from './notify.service.js';
import { planNotifications } from './schema.js';
import { agent, expectGet, expectSend } from './testing.js';
import { planClock } from './time.js';

type A = Awaited<ReturnType<typeof agent>>;
const realNow = planClock.now;
const at = (iso: string) => new Date(iso);

for (const backend of testBackends()) {
  describe(`plan reminders and notifications [${backend}]`, () => {
    let t: TestApp;
    let sec: A, exec: A, hq: A, other: A, aud: A;
    let natItem: string, almItem: string;
    const total = async () => Number((await t.ctx.db.select({ n: count() }).from(planNotifications))[0]!.n);
    const kinds = async (userId: string) => (await t.ctx.db.select().from(planNotifications).where(eq(planNotifications.userId, userId))).map((n) => `${n.kind}@${n.day}`).sort();

    before(async () => {
      planClock.now = () => at('2026-06-20T06:00:00Z');
      t = await startTestApp(backend);
      sec = await agent(t, 'rsec', ['regional_hq']);
      exec = await agent(t, 'rexec', ['investigator']);
      hq = await agent(t, 'rhq', ['regional_hq'], ['KZ-75']);
      other = await agent(t, 'roth', ['regional_hq'], ['KZ-71']);
      aud = await agent(t, 'raud', ['auditor']);
      const national = (await expectSend(sec, 'POST', '/api/plan/plans', { kind: 'national', code: `R-${backend}`, title: 'P', periodStart: '2026-01-01', periodEnd: '2028-12-31' }, 201)).plan.id;
      const s = (await expectSend(sec, 'POST', `/api/plan/plans/${national}/sections`, { number: '1', title: 'S' }, 201)).section.id;
      natItem = (await expectSend(sec, 'POST', `/api/plan/plans/${national}/items`, { sectionId: s, number: '1', title: 'National', responsible: 'МВД (ІІМ)', deadlines: ['2026-07-15'] }, 201)).item.id;
      await expectSend(sec, 'PUT', `/api/plan/items/${natItem}/executors`, { usernames: [exec.username] }, 200);
      const regional = (await expectSend(hq, 'POST', '/api/plan/plans', { kind: 'regional', region: 'KZ-75', code: `R-75-${backend}`, title: 'HQ', periodStart: '2026-01-01', periodEnd: '2026-12-31' }, 201)).plan.id;
      const phase = (await expectGet(hq, `/api/plan/plans/${regional}`)).sections[3].id;
      almItem = (await expectSend(hq, 'POST', `/api/plan/plans/${regional}/items`, { sectionId: phase, number: '4.1', title: 'Regional', responsible: 'Акимат', deadlines: ['2026-07-10'] }, 201)).item.id;
    });
    after(async () => { planClock.now = realNow; await t?.close(); });

    test('nothing is due more than 14 days ahead', async () => {
      assert.deepEqual(await runReminders(t.ctx.db, at('2026-06-20T03:00:00Z')), { day: '2026-06-20', created: 0 });
    });

    test('14 days before: executors and the region\'s HQ are reminded; re-running the job adds nothing', async () => {
      const first = await runReminders(t.ctx.db, at('2026-07-01T03:00:00Z'));
      assert.deepEqual(first, { day: '2026-07-01', created: 2 });
      assert.deepEqual(await kinds(exec.id), ['due_14@2026-07-01']);
      assert.deepEqual(await kinds(hq.id), ['due_14@2026-06-26'], 'a first run 5 days late still sends the 14-day reminder');
      assert.deepEqual(await kinds(other.id), [], 'another region\'s HQ hears nothing');
      for (const when of ['2026-07-01T03:00:00Z', '2026-07-01T18:59:00Z', '2026-07-02T03:00:00Z']) {
        assert.equal((await runReminders(t.ctx.db, at(when))).created, 0, `re-run at ${when}`);
      }
      assert.equal(await total(), 2);
    });

    test('7 and 1 days before, then overdue once — across Almaty midnight, not UTC\'s', async () => {
      assert.equal((await runReminders(t.ctx.db, at('2026-07-08T03:00:00Z'))).created, 2);
      // 15 July 23:59 in Almaty: still the last day; 1 minute later (19:00Z, still 15 July in UTC) it is overdue.
      await runReminders(t.ctx.db, at('2026-07-15T18:59:00Z'));
      assert.deepEqual(await kinds(exec.id), ['due_14@2026-07-01', 'due_1@2026-07-14', 'due_7@2026-07-08']);
      await runReminders(t.ctx.db, at('2026-07-15T19:00:00Z'));
      await runReminders(t.ctx.db, at('2026-07-15T19:00:00Z'));
      assert.deepEqual(await kinds(exec.id), ['due_14@2026-07-01', 'due_1@2026-07-14', 'due_7@2026-07-08', 'overdue@2026-07-16']);
      // No run fell on 9 July, the regional item's 1-day mark, so that reminder is skipped, not sent late.
      assert.deepEqual(await kinds(hq.id), ['due_14@2026-06-26', 'due_7@2026-07-03', 'overdue@2026-07-11']);
      assert.equal((await runReminders(t.ctx.db, at('2026-07-25T03:00:00Z'))).created, 0, 'overdue is said once per missed date');
      const audit = (await expectGet(aud, '/api/audit?action=plan.reminders')).rows;
      assert.ok(audit.length >= 3 && audit.every((r: { actorType: string }) => r.actorType === 'system'));
    });

    test('a submitted report stops the reminders', async () => {
      planClock.now = () => at('2026-07-16T03:00:00Z');
      await expectSend(exec, 'POST', `/api/plan/items/${natItem}/reports`, { text: 'late but done' }, 201);
      const before = await total();
      assert.equal((await runReminders(t.ctx.db, at('2026-08-01T03:00:00Z'))).created, 0);
      assert.equal(await total(), before);
    });

    test('each user reads and marks only their own notifications', async () => {
      const mine = await expectGet(exec, '/api/plan/notifications');
      assert.equal(mine.unread, 4);
      assert.ok(mine.items.every((n: { itemId: string; params: { number: string } }) => n.itemId === natItem && n.params.number === '1'));
      const id = mine.items[0].id;
      assert.deepEqual(await expectSend(other, 'POST', '/api/plan/notifications/read', { ids: [id] }, 200), { changed: 0 });
      assert.deepEqual(await expectSend(exec, 'POST', '/api/plan/notifications/read', { ids: [id] }, 200), { changed: 1 });
      assert.equal((await expectGet(exec, '/api/plan/notifications?unread=true')).unread, 3);
      assert.deepEqual(await expectSend(exec, 'POST', '/api/plan/notifications/read', { all: true }, 200), { changed: 3 });
      assert.equal((await expectGet(exec, '/api/plan/notifications')).unread, 0);
      assert.equal((await expectGet(other, '/api/plan/notifications')).items.length, 0);
      void almItem;
    });

    test('the scheduled pg-boss job runs the same idempotent pass', async () => {
      planClock.now = () => at('2026-07-20T03:00:00Z');
      const third = await agent(t, 'rhq2', ['regional_hq'], ['KZ-75']);
      await startJobs(t.ctx);
      assert.ok(await t.ctx.jobs!.boss.getSchedules().then((s) => s.some((x) => x.name === 'plan.reminders')), 'scheduled daily');
      await t.ctx.jobs!.send('plan.reminders', {});
      await t.ctx.jobs!.send('plan.reminders', {});
      const end = Date.now() + 20_000;
      while ((await kinds(third.id)).length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepEqual(await kinds(third.id), ['overdue@2026-07-11'], 'a new HQ member gets the open overdue notice once');
    });

    test('the synthetic demo seeds a living plan, once', async () => {
      planClock.now = realNow;
      await seedPlanDemo(t.ctx);
      await seedPlanDemo(t.ctx);
      const plans = ((await expectGet(sec, '/api/plan/plans')).plans as { id: string; code: string; kind: string; title: string }[]).filter((p) => p.code.startsWith('DEMO-'));
      assert.deepEqual(plans.map((p) => p.kind).sort(), ['national', 'regional', 'regional', 'regional']);
      assert.ok(plans.every((p) => p.title.startsWith('[SYNTHETIC DEMO]')));
      const national = await expectGet(sec, `/api/plan/plans/${plans.find((p) => p.kind === 'national')!.id}`);
      assert.equal(national.sections.length, 7);
      assert.deepEqual([...new Set(national.items.map((i: { status: string }) => i.status))].sort(), ['cancelled', 'done', 'in_progress', 'not_started', 'overdue']);
      const queue = (await expectGet(sec, '/api/plan/reports')).reports;
      assert.ok(queue.some((r: { plan: { code: string } }) => r.plan.code === 'DEMO-KP-2026-2028'));
      const almaty = await expectGet(sec, `/api/plan/plans/${plans.find((p) => p.code === 'DEMO-HQ-KZ-75-2026')!.id}`);
      assert.equal(almaty.plan.currentPhase, 'implementation');
      assert.ok(almaty.coalition.length >= 10 && almaty.outcomes.length === 3);
    });
  });
}

describe('plan reminders: a parent item with control dates of its own', () => {
  let t: TestApp;
  after(async () => { planClock.now = realNow; await t?.close(); });

  test('is reminded of its own dates and listed as overdue on the dashboard, though its sub-items are not due', async () => {
    planClock.now = () => at('2026-03-15T06:00:00Z');
    t = await startTestApp(testBackends()[0]!);
    const sec = await agent(t, 'psec', ['regional_hq']);
    const exec = await agent(t, 'pexec', ['investigator']);
    const plan = (await expectSend(sec, 'POST', '/api/plan/plans', { kind: 'national', code: 'P-PARENT', title: 'P', periodStart: '2026-01-01', periodEnd: '2028-12-31' }, 201)).plan.id;
    const s = (await expectSend(sec, 'POST', `/api/plan/plans/${plan}/sections`, { number: '1', title: 'S' }, 201)).section.id;
    const parent = (await expectSend(sec, 'POST', `/api/plan/plans/${plan}/items`, { sectionId: s, number: '12', title: 'Parent', responsible: 'МВД (ІІМ)', deadlines: ['2026-03-31'] }, 201)).item.id;
    await expectSend(sec, 'POST', `/api/plan/plans/${plan}/items`, { sectionId: s, number: '12.1', title: 'Child', responsible: 'МВД (ІІМ)', deadlines: ['2026-12-31'], parentId: parent }, 201);
    await expectSend(sec, 'PUT', `/api/plan/items/${parent}/executors`, { usernames: [exec.username] }, 200);
    assert.equal((await runReminders(t.ctx.db, at('2026-03-20T03:00:00Z'))).created, 1, '14 days before the parent\'s own date');
    const mine = (await t.ctx.db.select().from(planNotifications).where(eq(planNotifications.userId, exec.id))).map((n) => n.kind);
    assert.deepEqual(mine, ['due_14']);
    planClock.now = () => at('2026-04-02T06:00:00Z');
    assert.equal((await runReminders(t.ctx.db, at('2026-04-02T03:00:00Z'))).created, 1, 'overdue once');
    const dash = await expectGet(sec, `/api/plan/dashboard?planId=${plan}`);
    assert.deepEqual(dash.overdue.map((o: { number: string }) => o.number), ['12']);
  });
});
