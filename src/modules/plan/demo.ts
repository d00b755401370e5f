import { asc, eq } from 'drizzle-orm';
import { systemActor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import type { AppContext } from '../../platform/http/context.js';
import { SYNTHETIC } from '../../app/demo.js';
import type { Item } from './access.js';
import { addCoalitionMember, createOutcome } from './cadca.service.js';
import { NATIONAL, REGIONAL, type DemoItem } from './demo-data.js';
import { createItem, updateItem } from './items.service.js';
import { createPlan, createSection, updatePlan } from './plans.service.js';
import { reviewReport, submitReport } from './reports.service.js';
import { planPlans, planSections } from './schema.js';
import { almatyDate } from './time.js';

const DAY = 86_400_000;
const seed = systemActor('demo-seed');
const secretariat = systemActor('Секретариат штаба (синтетический)');

/**
 * Files the reports a scenario needs, backdated around the item's first deadline, so the demo
 * shows reports accepted, waiting and returned, and items done, overdue and on track.
 */
async function play(db: Db, item: Item, demo: DemoItem, now: number): Promise<void> {
  if (demo.s === 'cancelled') {
    await updateItem(db, seed, item.id, { cancelled: true, cancelReason: `${SYNTHETIC} Перенесено в план следующего года` });
    return;
  }
  const executor = systemActor(`Исполнитель: ${demo.resp} (синтетический)`);
  const first = item.deadlines[0];
  if (!first || demo.s === 'fresh' || demo.s === 'overdue') return;
  const at = (day: string, shift: number) => new Date(Math.min(Date.parse(`${day}T06:00:00Z`) + shift * DAY, now - DAY));
  const file = { filename: 'справка-исполнение.txt', mime: 'text/plain', contentBase64: Buffer.from(`${SYNTHETIC} Справка об исполнении пункта ${item.number}.\n`).toString('base64') };
  const report = (dueDate: string, final: boolean, shift: number) => submitReport(db, executor, item.id, {
    text: `${SYNTHETIC} Информация об исполнении пункта ${item.number}: мероприятия проведены, результаты отражены в приложении.`,
    kpiValue: demo.kpi?.[3] ?? null, dueDate, final, attachments: [file],
  }, at(dueDate, shift));
  if (demo.s === 'done') {
    for (const d of item.deadlines) {
      const r = await report(d, d === item.deadlines.at(-1), -3);
      await reviewReport(db, secretariat, r.id, 'accept', '', at(d, -1));
    }
  } else if (demo.s === 'progress') {
    const r = await report(first, false, -2);
    await reviewReport(db, secretariat, r.id, 'accept', '', at(first, 1));
  } else if (demo.s === 'pending') {
    await report(first, false, -1);
  } else {
    // returned / overdue_returned: the secretariat sent the report back; nothing covers the date.
    const shift = demo.s === 'returned' ? -(Date.parse(`${first}T06:00:00Z`) - now) / DAY - 5 : -3;
    const r = await report(first, false, shift);
    await reviewReport(db, secretariat, r.id, 'return', 'Не приложены подтверждающие документы; уточните показатель.', new Date(r.submittedAt.getTime() + 2 * DAY));
  }
}

async function addItem(db: Db, planId: string, sectionId: string, demo: DemoItem, now: number, parentId?: string): Promise<void> {
  const rel = (days: number) => almatyDate(new Date(now + days * DAY));
  const item = await createItem(db, seed, planId, {
    sectionId, parentId: parentId ?? null, number: demo.n, title: demo.title, responsible: demo.resp, coExecutors: demo.co ?? [],
    deadlines: demo.d.map(rel), periodicity: demo.per ?? 'once', reportingForm: demo.form ?? 'Информация в секретариат штаба',
    expectedResult: demo.form ?? '', kpiName: demo.kpi?.[0] ?? '', kpiUnit: demo.kpi?.[1] ?? '', kpiTarget: demo.kpi?.[2] ?? null, strategies: demo.strategies ?? [],
  });
  for (const sub of demo.sub ?? []) await addItem(db, planId, sectionId, sub, now, item.id);
  await play(db, item, demo, now);
}

/** Seed the synthetic national Plan and three regional HQ plans once (idempotent by plan code). */
export async function seedPlanDemo(ctx: AppContext): Promise<void> {
  const db = ctx.db;
  const [exists] = await db.select({ id: planPlans.id }).from(planPlans).where(eq(planPlans.code, 'DEMO-KP-2026-2028'));
  if (exists) return;
  const now = Date.now();
  const plan = await createPlan(db, seed, {
    kind: 'national', code: 'DEMO-KP-2026-2028', periodStart: '2026-01-01', periodEnd: '2028-12-31',
    title: `${SYNTHETIC} Комплексный план по противодействию наркомании и наркобизнесу на 2026–2028 годы`,
    description: 'Synthetic demonstration structure; not the text of the real Plan.',
  });
  for (const s of NATIONAL) {
    const section = await createSection(db, seed, plan.id, { number: s.n, title: s.title });
    for (const item of s.items) await addItem(db, plan.id, section.id, item, now);
  }
  for (const r of REGIONAL) {
    const hq = await createPlan(db, seed, {
      kind: 'regional', region: r.region, code: r.code, title: `${SYNTHETIC} ${r.title} на 2026–2027 годы`,
      description: 'Synthetic demonstration plan built on the CADCA Strategic Prevention Framework.', periodStart: '2026-01-01', periodEnd: '2027-12-31',
    });
    await updatePlan(db, seed, hq.id, { currentPhase: r.phase });
    const steps = await db.select().from(planSections).where(eq(planSections.planId, hq.id)).orderBy(asc(planSections.sortOrder));
    for (const item of r.items) await addItem(db, hq.id, steps[item.step - 1]!.id, item, now);
    for (const [sector, organisation] of r.coalition) {
      await addCoalitionMember(db, seed, hq.id, { sector: sector as never, organisation: `${organisation} (DEMO)`, contact: 'синтетический пример' });
    }
    for (const [name, unit, baseline, target, actual] of r.outcomes) {
      await createOutcome(db, seed, hq.id, { name, unit, baseline, baselineYear: 2025, target, actual, source: `${SYNTHETIC} условные данные` });
    }
  }
}
