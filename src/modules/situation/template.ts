/**
 * The downloadable import template: the data sheet (or CSV) pre-filled with one row per indicator
 * (and per region, for a regional user), plus sheets explaining indicators, regions and rules in
 * the user's language.
 */
import ExcelJS from 'exceljs';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { REGIONS, type RegionCode } from '../../platform/geo/regions.js';
import type { Lang } from '../../platform/i18n/index.js';
import { CSV_BOM, csvLine } from '../../platform/reports/csv.js';
import { CATEGORY_NAMES, UNIT_NAMES, type Category, type Polarity, type Unit } from './catalogue.data.js';
import { loadIndicators, type Indicator } from './catalogue.service.js';
import { MAX_FILE_BYTES, MAX_ROWS } from './import.parse.js';
import type { PeriodKind } from './periods.js';
import { FILE_TEXTS } from './texts.js';

/** A generated file, ready to send. */
export interface GeneratedFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';
const HEADER = ['indicator', 'name', 'region', 'period', 'value', 'unit', 'source', 'note'];

/** Pre-filled rows: every active indicator for each region the user reports for (one region: filled in). */
function templateRows(indicators: Indicator[], regions: string[], lang: Lang): string[][] {
  const rs = regions.length === 1 ? regions : [''];
  return rs.flatMap((region) => indicators.map((i) => [i.code, i.names[lang], region, '', '', i.unit, '', '']));
}

function regionsFor(actor: Actor): string[] {
  return actor.scope.national ? [] : [...actor.scope.regions];
}

export async function buildTemplate(db: Db, actor: Actor, opts: { format: 'xlsx' | 'csv'; lang: Lang }): Promise<GeneratedFile> {
  requirePermission(actor, 'situation.submit');
  const indicators = await loadIndicators(db, false);
  const rows = templateRows(indicators, regionsFor(actor), opts.lang);
  const date = new Date().toISOString().slice(0, 10);
  if (opts.format === 'csv') {
    const body = CSV_BOM + csvLine(HEADER) + rows.map((r) => csvLine(r)).join('');
    return { filename: `qalqan-situation-template-${date}.csv`, contentType: CSV_TYPE, body: Buffer.from(body, 'utf8') };
  }
  const tx = FILE_TEXTS[opts.lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qalqan';
  const data = wb.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = HEADER.map((h) => ({ header: h, key: h, width: h === 'name' ? 60 : h === 'source' || h === 'note' ? 30 : 14 }));
  // Text format keeps Excel from turning 2026-03 into a date and KZ-10 into anything clever.
  for (const key of ['indicator', 'region', 'period', 'unit']) data.getColumn(key).numFmt = '@';
  for (const r of rows) data.addRow(r);
  data.getRow(1).font = { bold: true };

  const ind = wb.addWorksheet(tx.sheets.indicators, { views: [{ state: 'frozen', ySplit: 1 }] });
  const c = tx.columns;
  ind.columns = [
    { header: c.code, width: 24 }, { header: c.category, width: 22 }, { header: c.name, width: 70 }, { header: c.unit, width: 12 }, { header: c.unitName, width: 18 },
    { header: c.periods, width: 22 }, { header: c.polarity, width: 18 }, { header: c.perCapita, width: 12 }, { header: c.aggregation, width: 28 },
    { header: c.source, width: 50 }, { header: c.description, width: 50 },
  ];
  for (const i of indicators) {
    ind.addRow([
      i.code, CATEGORY_NAMES[i.category as Category]?.[opts.lang] ?? i.category, i.names[opts.lang], i.unit, UNIT_NAMES[i.unit as Unit]?.[opts.lang] ?? i.unit,
      (i.periods as PeriodKind[]).map((k) => tx.kinds[k]).join(', '), tx.polarity[i.polarity as Polarity] ?? i.polarity, i.perCapita ? tx.yes : tx.no,
      tx.aggregation[i.aggregation as 'sum'] ?? i.aggregation, i.source[opts.lang], i.description[opts.lang],
    ]);
  }
  ind.getRow(1).font = { bold: true };

  const reg = wb.addWorksheet(tx.sheets.regions);
  reg.columns = [{ header: tx.exportColumns.regionCode, width: 12 }, { header: tx.exportColumns.region, width: 40 }];
  const mine = regionsFor(actor);
  for (const r of REGIONS) if (!mine.length || mine.includes(r.code as RegionCode)) reg.addRow([r.code, r.name[opts.lang]]);
  reg.getRow(1).font = { bold: true };

  const help = wb.addWorksheet(tx.sheets.instructions);
  help.getColumn(1).width = 140;
  for (const line of tx.instructions) {
    help.addRow([line.replace('{maxRows}', String(MAX_ROWS)).replace('{maxMb}', String(MAX_FILE_BYTES / 1024 / 1024))]).alignment = { wrapText: true, vertical: 'top' };
  }
  help.getRow(1).font = { bold: true, size: 13 };

  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename: `qalqan-situation-template-${date}.xlsx`, contentType: XLSX_TYPE, body };
}
