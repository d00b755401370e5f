/**
 * Export of the dashboard's current view (map/comparison, trend, anomaly list) as CSV or XLSX,
 * with headings in the user's language. Same services, same scope: an export never shows more
 * than the screen.
 */
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { regionName, type RegionCode } from '../../platform/geo/regions.js';
import type { Lang } from '../../platform/i18n/index.js';
import { CSV_BOM, csvLine } from '../../platform/reports/csv.js';
import { UNIT_NAMES, type Unit } from './catalogue.data.js';
import { loadIndicators } from './catalogue.service.js';
import { situationAnomalies, situationTrend, situationView, type ViewOptions } from './dashboard.service.js';
import { CSV_TYPE, XLSX_TYPE, type GeneratedFile } from './template.js';
import { FILE_TEXTS } from './texts.js';

/** Which view to export, with the dashboard's parameters. */
export type ExportQuery = ViewOptions & { format: 'csv' | 'xlsx'; lang: Lang; perCapita?: boolean } & (
  | { view: 'map'; indicator: string; period: string }
  | { view: 'trend'; indicator: string; from: string; to: string; regions?: string[] }
  | { view: 'anomalies'; period: string }
);

type Cell = string | number | null;
const round = (n: number | null | undefined, d = 3): number | null => (n === null || n === undefined || !Number.isFinite(n) ? null : Math.round(n * 10 ** d) / 10 ** d);

async function table(db: Db, actor: Actor, q: ExportQuery): Promise<{ name: string; head: string[]; rows: Cell[][] }> {
  const t = FILE_TEXTS[q.lang];
  const c = t.exportColumns;
  const rname = (code: string) => regionName(code as RegionCode, q.lang);
  if (q.view === 'map') {
    const v = await situationView(db, actor, q);
    const unit = UNIT_NAMES[v.indicator.unit as Unit]?.[q.lang] ?? v.indicator.unit;
    const rows: Cell[][] = v.rows.map((r) => [
      r.region, rname(r.region), v.indicator.code, v.period, r.value, unit, r.population, r.populationYear, round(r.rate),
      round(r.anomaly?.median), round(r.anomaly?.mad), round(r.anomaly?.z), r.anomaly ? (r.anomaly.flagged ? t.yes : t.no) : null,
    ]);
    rows.push(['', c.total, v.indicator.code, v.period, v.total.value, unit, v.total.population, null, round(v.total.rate), null, null, null, null]);
    return {
      name: `${v.indicator.code}-${v.period}`,
      head: [c.regionCode, c.region, c.indicator, c.period, c.value, c.unit, c.population, c.populationYear, c.rate, c.median, c.mad, c.z, c.anomaly],
      rows,
    };
  }
  if (q.view === 'trend') {
    const tr = await situationTrend(db, actor, q);
    const pick = (s: { values: (number | null)[]; rates: (number | null)[] }) => (q.perCapita ? s.rates.map((x) => round(x)) : s.values);
    const cols = tr.series.map((s) => pick(s));
    const total = pick(tr.total);
    return {
      name: `${tr.indicator.code}-${tr.periods[0] ?? ''}-${tr.periods.at(-1) ?? ''}${q.perCapita ? '-per100k' : ''}`,
      head: [c.period, ...tr.series.map((s) => `${s.region} ${rname(s.region)}`), c.total],
      rows: tr.periods.map((p, i) => [p, ...cols.map((col) => col[i] ?? null), total[i] ?? null]),
    };
  }
  const a = await situationAnomalies(db, actor, q);
  const names = new Map((await loadIndicators(db)).map((i) => [i.code, i.names[q.lang]]));
  return {
    name: `anomalies-${a.period}`,
    head: [c.regionCode, c.region, c.indicator, t.columns.name, c.period, c.value, c.median, c.mad, c.z, c.direction],
    rows: a.rows.map((r) => [r.region, rname(r.region), r.indicator, names.get(r.indicator) ?? '', r.period, r.value, round(r.median), round(r.mad), round(r.z), r.direction ? t.direction[r.direction] : null]),
  };
}

export async function exportView(db: Db, actor: Actor, q: ExportQuery): Promise<GeneratedFile> {
  const { name, head, rows } = await table(db, actor, q);
  const base = `qalqan-situation-${name}`.replace(/[^\w.-]+/g, '_');
  if (q.format === 'csv') {
    return { filename: `${base}.csv`, contentType: CSV_TYPE, body: Buffer.from(CSV_BOM + csvLine(head) + rows.map((r) => csvLine(r)).join(''), 'utf8') };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qalqan';
  const ws = wb.addWorksheet(FILE_TEXTS[q.lang].sheets.view, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(head).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((col, i) => { col.width = i === 1 ? 30 : 16; });
  return { filename: `${base}.xlsx`, contentType: XLSX_TYPE, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
