import ExcelJS from 'exceljs';
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { regionCondition } from '../../platform/db/scope.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import { isRegionCode, regionName } from '../../platform/geo/regions.js';
import type { Lang } from '../../platform/i18n/index.js';
import { CSV_BOM, csvLine } from '../../platform/reports/csv.js';
import { ITEM_STATUSES, type ItemStatus } from './constants.js';
import { LABELS, type ExportColumn } from './labels.js';
import { loadPlan, planScope, type Plan } from './access.js';
import { sectionsOf } from './plans.service.js';
import { planPlans, planReports } from './schema.js';
import { byPlanOrder, computeStates, ownStatus, type ItemWithState } from './states.js';
import { countStatuses } from './status.js';
import { almatyDate, daysBetween, planClock } from './time.js';

export type Grouping = 'section' | 'agency' | 'region';

/** The plans a dashboard or export covers: one (scoped) or every plan in scope. */
async function plansFor(db: Db, actor: Actor, planId?: string): Promise<Plan[]> {
  if (planId) return [await loadPlan(db, actor, planId)];
  return db.select().from(planPlans).where(planScope(actor.scope, planPlans.region)).orderBy(asc(planPlans.kind), asc(planPlans.code));
}

/**
 * Execution figures: top-level items (sub-items folded into their parent, as the Plan counts
 * them) by status, grouped by section, lead agency or region, plus every overdue item that
 * can be acted on (items without sub-items), oldest first.
 */
export async function planDashboard(db: Db, actor: Actor, q: { planId?: string; by?: Grouping }, now = planClock.now()) {
  requirePermission(actor, 'plan.read');
  const plans = await plansFor(db, actor, q.planId);
  const byId = new Map(plans.map((p) => [p.id, p]));
  const states = [...(await computeStates(db, actor, now, plans.map((p) => p.id))).values()];
  const sections = await sectionsOf(db, actor, plans.map((p) => p.id));
  const by = q.by ?? 'section';
  const groups = new Map<string, { key: string; label: string; phase: string | null; order: string; statuses: ItemStatus[] }>();
  for (const s of states.filter((x) => !x.item.parentId)) {
    const plan = byId.get(s.item.planId)!;
    const sec = sections.get(s.item.sectionId);
    const g = by === 'section'
      ? { key: s.item.sectionId, label: `${plans.length > 1 ? plan.code + ' · ' : ''}${sec?.number ?? ''}. ${sec?.title ?? ''}`, phase: sec?.phase ?? null, order: `${plan.kind}|${plan.code}|${String(sec?.sortOrder ?? 0).padStart(5, '0')}` }
      : by === 'agency' ? { key: s.item.responsible, label: s.item.responsible, phase: null, order: s.item.responsible }
        : { key: s.item.region ?? 'national', label: s.item.region ?? 'national', phase: null, order: s.item.region ?? '' };
    const cur = groups.get(g.key) ?? { ...g, statuses: [] };
    cur.statuses.push(s.status);
    groups.set(g.key, cur);
  }
  const today = almatyDate(now);
  const overdue = states.filter((s) => ownStatus(s) === 'overdue')
    .map((s) => ({
      itemId: s.item.id, planId: s.item.planId, planCode: byId.get(s.item.planId)!.code, region: s.item.region, number: s.item.number, title: s.item.title,
      responsible: s.item.responsible, overdueSince: s.state.overdueSince!, daysOverdue: daysBetween(s.state.overdueSince!, today),
    }))
    .sort((a, b) => a.overdueSince.localeCompare(b.overdueSince) || a.number.localeCompare(b.number, 'ru', { numeric: true }));
  return {
    by, statuses: ITEM_STATUSES, today,
    rows: [...groups.values()].sort((a, b) => a.order.localeCompare(b.order, 'ru', { numeric: true }))
      .map((g) => ({ key: g.key, label: g.label, phase: g.phase, counts: countStatuses(g.statuses), total: g.statuses.length })),
    totals: countStatuses(states.filter((x) => !x.item.parentId).map((x) => x.status)),
    overdue,
  };
}

const COLUMNS: ExportColumn[] = ['plan', 'section', 'number', 'title', 'responsible', 'coExecutors', 'deadlines', 'nextDeadline', 'status', 'overdueSince', 'kpiName', 'kpiUnit', 'kpiTarget', 'kpiActual', 'expectedResult', 'region', 'pending'];

/** Every item and sub-item with its computed status, as rows of cells in `lang`. */
async function exportRows(db: Db, actor: Actor, planId: string | undefined, lang: Lang, now: Date): Promise<{ plans: Plan[]; rows: (string | number | null)[][] }> {
  requirePermission(actor, 'plan.read');
  const plans = await plansFor(db, actor, planId);
  const byId = new Map(plans.map((p) => [p.id, p]));
  const sections = await sectionsOf(db, actor, plans.map((p) => p.id));
  const states = [...(await computeStates(db, actor, now, plans.map((p) => p.id))).values()];
  const order = (s: ItemWithState) => `${byId.get(s.item.planId)!.code}|${String(sections.get(s.item.sectionId)?.sortOrder ?? 0).padStart(5, '0')}`;
  states.sort((a, b) => order(a).localeCompare(order(b)) || byPlanOrder(a.item, b.item));
  const L = LABELS[lang];
  const rows = states.map((s) => {
    const i = s.item;
    const cell: Record<ExportColumn, string | number | null> = {
      plan: byId.get(i.planId)!.code, section: sections.get(i.sectionId)?.number ?? '', number: i.number, title: i.title, responsible: i.responsible,
      coExecutors: i.coExecutors.join('; '), deadlines: i.deadlines.join('; '), nextDeadline: s.state.nextDeadline, status: L.status[s.status],
      overdueSince: s.state.overdueSince, kpiName: i.kpiName, kpiUnit: i.kpiUnit, kpiTarget: i.kpiTarget, kpiActual: s.state.kpiActual,
      expectedResult: i.expectedResult, region: i.region && isRegionCode(i.region) ? regionName(i.region, lang) : L.national, pending: s.state.pending,
    };
    return COLUMNS.map((c) => cell[c]);
  });
  return { plans, rows };
}

const fileBase = (plans: Plan[], now: Date) => `plan-${plans.length === 1 ? plans[0]!.code : 'all'}-${almatyDate(now)}`.replace(/[^\w.-]+/g, '_');

export async function exportCsv(db: Db, actor: Actor, planId: string | undefined, lang: Lang, now = planClock.now()) {
  const { plans, rows } = await exportRows(db, actor, planId, lang, now);
  const body = CSV_BOM + csvLine(COLUMNS.map((c) => LABELS[lang].columns[c])) + rows.map(csvLine).join('');
  return { filename: `${fileBase(plans, now)}.csv`, body };
}

const FILL: Partial<Record<string, string>> = { done: 'FFE4F3EA', overdue: 'FFFDE8E8', in_progress: 'FFE3F1F8', cancelled: 'FFEEEEEE' };

export async function exportXlsx(db: Db, actor: Actor, planId: string | undefined, lang: Lang, now = planClock.now()) {
  const { plans, rows } = await exportRows(db, actor, planId, lang, now);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qalqan';
  const ws = wb.addWorksheet('plan');
  ws.columns = COLUMNS.map((c) => ({ header: LABELS[lang].columns[c], key: c, width: c === 'title' || c === 'expectedResult' ? 50 : 16 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const statusCol = COLUMNS.indexOf('status') + 1;
  const code = Object.fromEntries(Object.entries(LABELS[lang].status).map(([k, v]) => [v, k]));
  for (const r of rows) {
    const row = ws.addRow(r);
    const fill = FILL[code[String(r[statusCol - 1])] ?? ''];
    if (fill) row.getCell(statusCol).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  }
  return { filename: `${fileBase(plans, now)}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** Home dashboard card: status counts over every plan in scope and reports awaiting review. */
export async function planStats(db: Db, actor: Actor, now = planClock.now()) {
  requirePermission(actor, 'plan.read');
  const states = [...(await computeStates(db, actor, now)).values()].filter((s) => !s.item.parentId);
  const c: (SQL | undefined)[] = [regionCondition(actor.scope, planReports.region), eq(planReports.status, 'submitted')];
  const [pending] = await db.select({ n: count() }).from(planReports).where(and(...c));
  return { counts: countStatuses(states.map((s) => s.status)), items: states.length, pendingReports: Number(pending?.n ?? 0) };
}
