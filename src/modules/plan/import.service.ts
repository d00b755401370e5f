import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors/catalogue.js';
import type { Db } from '../../platform/db/client.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import { CADCA_STEPS, CADCA_STRATEGIES, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, isOneOf, PERIODICITIES } from './constants.js';
import { IMPORT_COLUMNS, type ImportColumn } from './import-template.js';
import { loadPlan, requirePlanWrite, type Plan } from './access.js';
import { planItems, planSections } from './schema.js';
import { isIsoDate } from './time.js';

/** One problem in an imported file; `row` is the spreadsheet's own row number (header = 1). */
export interface RowError { row: number; column?: string; reason: string; value?: string }

type Level = 'section' | 'item' | 'subitem';
const LEVELS: Record<string, Level> = {
  section: 'section', 'раздел': 'section', 'бөлім': 'section',
  item: 'item', 'пункт': 'item', 'тармақ': 'item',
  subitem: 'subitem', 'sub-item': 'subitem', 'подпункт': 'subitem', 'тармақша': 'subitem',
};
const MAX_LEN: Partial<Record<ImportColumn, number>> = { number: 20, title: 2000, responsible: 300, expected_result: 4000, reporting_form: 2000, kpi_name: 500, kpi_unit: 50 };

/** A validated row, ready to write. */
interface Parsed {
  row: number; level: Level; number: string; title: string; phase: string | null; parentNumber: string | null; sectionNumber: string;
  fields: { responsible: string; coExecutors: string[]; deadlines: string[]; expectedResult: string; kpiName: string; kpiUnit: string; kpiTarget: number | null; reportingForm: string; periodicity: string; strategies: string[] };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  // Date cells come back as UTC midnight of the day typed.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    return '';
  }
  return String(v).trim();
}

const list = (s: string) => s.split(/[;\n]+/).map((x) => x.trim()).filter(Boolean);

/** 2026-12-20 or 20.12.2026 → 2026-12-20; null when not a real day. */
function parseDay(s: string): string | null {
  const dmy = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : s;
  return isIsoDate(iso) ? iso : null;
}

/** Read and check every row; never touches the database. */
export async function parseWorkbook(bytes: Buffer, plan: Pick<Plan, 'kind'>): Promise<{ rows: Parsed[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(bytes as unknown as ArrayBuffer); } catch { return { rows: [], errors: [{ row: 0, reason: 'not_xlsx' }] }; }
  const sheet = wb.getWorksheet('plan') ?? wb.worksheets[0];
  if (!sheet) return { rows: [], errors: [{ row: 0, reason: 'empty' }] };
  const header = new Map<ImportColumn, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const name = cellText(cell.value).toLowerCase();
    if (isOneOf(IMPORT_COLUMNS, name)) header.set(name, col);
    else if (name) errors.push({ row: 1, column: name, reason: 'unknown_column' });
  });
  for (const c of ['level', 'number', 'title'] as const) if (!header.has(c)) errors.push({ row: 1, column: c, reason: 'missing_column' });
  if (errors.length) return { rows: [], errors };
  if (sheet.rowCount - 1 > IMPORT_MAX_ROWS) return { rows: [], errors: [{ row: 0, reason: 'too_many_rows', value: String(IMPORT_MAX_ROWS) }] };
  const rows: Parsed[] = [];
  const seen = new Map<string, number>();
  let section: string | null = null;
  let item: string | null = null;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const raw = sheet.getRow(r);
    const get = (c: ImportColumn) => (header.has(c) ? cellText(raw.getCell(header.get(c)!).value) : '');
    if (IMPORT_COLUMNS.every((c) => get(c) === '')) continue;
    const err = (column: ImportColumn | undefined, reason: string, value?: string) => errors.push({ row: r, ...(column ? { column } : {}), reason, ...(value !== undefined ? { value: value.slice(0, 100) } : {}) });
    const before = errors.length;
    for (const [c, max] of Object.entries(MAX_LEN) as [ImportColumn, number][]) if (get(c).length > max) err(c, 'too_long');
    const level = LEVELS[get('level').toLowerCase()];
    const number = get('number');
    if (!level) err('level', get('level') ? 'unknown_level' : 'required', get('level'));
    if (!number) err('number', 'required');
    if (!get('title')) err('title', 'required');
    const key = `${level === 'section' ? 's' : 'i'}:${number}`;
    if (number && seen.has(key)) err('number', 'duplicate_number', number);
    seen.set(key, r);
    const phase = get('phase') || null;
    if (phase && !isOneOf(CADCA_STEPS, phase)) err('phase', 'unknown_code', phase);
    if (phase && plan.kind !== 'regional') err('phase', 'phase_not_regional', phase);
    const deadlines = list(get('deadlines')).map((d) => { const day = parseDay(d); if (!day) err('deadlines', 'invalid_date', d); return day; }).filter((d): d is string => d !== null);
    const targetText = get('kpi_target').replace(/\s/g, '').replace(',', '.');
    const kpiTarget = targetText ? Number(targetText) : null;
    if (kpiTarget !== null && !Number.isFinite(kpiTarget)) err('kpi_target', 'invalid_number', get('kpi_target'));
    if (kpiTarget !== null && !get('kpi_unit')) err('kpi_unit', 'required');
    const periodicity = get('periodicity') || 'once';
    if (!isOneOf(PERIODICITIES, periodicity)) err('periodicity', 'unknown_code', periodicity);
    const strategies = list(get('strategies'));
    for (const s of strategies) if (!isOneOf(CADCA_STRATEGIES, s)) err('strategies', 'unknown_code', s);
    if (level === 'section') { section = number; item = null; }
    else if (level) {
      if (!get('responsible')) err('responsible', 'required');
      if (!section) err('level', 'no_section');
      if (level === 'item') item = number;
      else if (!item) err('level', 'no_parent_item');
    }
    if (errors.length > before || !level || !section) continue;
    rows.push({
      row: r, level, number, title: get('title'), phase, sectionNumber: section, parentNumber: level === 'subitem' ? item : null,
      fields: {
        responsible: get('responsible'), coExecutors: list(get('co_executors')), deadlines: [...new Set(deadlines)].sort(), expectedResult: get('expected_result'),
        kpiName: get('kpi_name'), kpiUnit: get('kpi_unit'), kpiTarget, reportingForm: get('reporting_form'), periodicity, strategies: [...new Set(strategies)],
      },
    });
    if (errors.length > 500) break;
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ row: 0, reason: 'empty' });
  return { rows, errors };
}

/**
 * Import a plan's structure from XLSX. Sections and items are matched by number: existing ones
 * are updated, new ones added, absent ones left alone (they may carry reports). Any bad row
 * rejects the whole file, and everything is written in one transaction.
 */
export async function importPlan(db: Db, actor: Actor, planId: string, file: { filename?: string; bytes: Buffer }) {
  requirePermission(actor, 'plan.manage');
  if (file.bytes.length > IMPORT_MAX_BYTES) throw new AppError('plan.import_invalid', [{ row: 0, reason: 'too_large' }]);
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    requirePlanWrite(actor, plan.region);
    const { rows, errors } = await parseWorkbook(file.bytes, plan);
    const existingItems = await tx.select().from(planItems).where(eq(planItems.planId, planId));
    const parents = new Set(existingItems.filter((i) => i.parentId).map((i) => i.parentId));
    for (const r of rows) {
      const old = existingItems.find((i) => i.number === r.number);
      if (r.level === 'subitem' && old && parents.has(old.id)) errors.push({ row: r.row, column: 'level', reason: 'has_subitems', value: r.number });
    }
    if (errors.length) throw new AppError('plan.import_invalid', errors.sort((a, b) => a.row - b.row).slice(0, 200));
    const counts = { sections: { created: 0, updated: 0 }, items: { created: 0, updated: 0 } };
    const sections = new Map((await tx.select().from(planSections).where(eq(planSections.planId, planId))).map((s) => [s.number, s]));
    let order = Math.max(0, ...[...sections.values()].map((s) => s.sortOrder));
    for (const r of rows.filter((x) => x.level === 'section')) {
      const old = sections.get(r.number);
      const values = { title: r.title, ...(r.phase ? { phase: r.phase } : {}) };
      const [s] = old
        ? await tx.update(planSections).set(values).where(eq(planSections.id, old.id)).returning()
        : await tx.insert(planSections).values({ ...values, planId, region: plan.region, number: r.number, sortOrder: ++order }).returning();
      sections.set(r.number, s!);
      counts.sections[old ? 'updated' : 'created']++;
    }
    const items = new Map(existingItems.map((i) => [i.number, i]));
    // What a re-import changed (deadlines moved, targets cut), field by field, for the audit row.
    const changes: { number: string; before: Record<string, unknown>; after: Record<string, unknown> }[] = [];
    let pos = 0;
    for (const r of rows.filter((x) => x.level !== 'section')) {
      const old = items.get(r.number);
      const parent = r.parentNumber ? items.get(r.parentNumber) : undefined;
      const values = { ...r.fields, title: r.title, sectionId: sections.get(r.sectionNumber)!.id, parentId: parent?.id ?? null, sortOrder: ++pos, updatedAt: new Date() };
      const [saved] = old
        ? await tx.update(planItems).set(values).where(eq(planItems.id, old.id)).returning()
        : await tx.insert(planItems).values({ ...values, planId, region: plan.region, number: r.number }).returning();
      if (old) {
        const before: Record<string, unknown> = {}, after: Record<string, unknown> = {};
        for (const k of Object.keys(values) as (keyof typeof values & keyof typeof old)[]) {
          if (k === 'sortOrder' || k === 'updatedAt') continue;
          if (JSON.stringify(old[k] ?? null) !== JSON.stringify(saved![k] ?? null)) { before[k] = old[k] ?? null; after[k] = saved![k] ?? null; }
        }
        if (Object.keys(after).length) changes.push({ number: r.number, before, after });
      }
      items.set(r.number, saved!);
      counts.items[old ? 'updated' : 'created']++;
    }
    // Sub-items not in the file follow their parent if the file moved it to another section.
    await tx.execute(sql`update plan_items c set section_id = p.section_id from plan_items p where c.parent_id = p.id and c.plan_id = ${planId} and c.section_id <> p.section_id`);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    await recordAudit(tx, actor, { action: 'plan.import', entityType: 'plan', entityId: planId, region: plan.region, details: { filename: file.filename ?? null, sha256, rows: rows.length, ...counts, changes } });
    return { rows: rows.length, ...counts };
  });
}
