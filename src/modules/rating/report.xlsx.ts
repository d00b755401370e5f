/**
 * The rating as a workbook for analysts: ranking, contributions, sensitivity, the frozen input
 * values and the methodology. Numbers are stored at full precision (formatted for display), so
 * the sheets can be re-used for checks without rounding errors.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../../platform/i18n/index.js';
import type { MethodologyRow } from './methodology.service.js';
import type { Rating } from './rating.service.js';
import { fmtChange, fmtDate, indicatorLabel, normalisationList, regionLabel, scoreDigits, weightShares } from './report.format.js';
import { REPORT_TEXT } from './report-text.js';

/** A sheet with a bold, frozen header row and reasonable column widths. */
function sheet(wb: ExcelJS.Workbook, name: string, header: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  header.forEach((_, k) => (ws.getColumn(k + 1).width = widths[k] ?? 14));
  return ws;
}

/** Render the workbook in `lang` (headings and region names; codes stay as they are). */
export async function ratingXlsx(rating: Rating, m: MethodologyRow, lang: Lang): Promise<Buffer> {
  const t = REPORT_TEXT[lang];
  const cfg = m.config;
  const numFmt = scoreDigits(cfg) === 3 ? '0.000' : '0.00';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qalqan';
  wb.title = `${t.title} \u2014 ${rating.period}`;
  wb.created = new Date(rating.computedAt);

  const sens = new Map(rating.sensitivity.map((s) => [s.region, s]));
  const ranking = sheet(wb, t.sheets.ranking, [t.rank, t.code, t.region, t.score, t.change, t.prevRank, `${t.interval} (p05)`, `${t.interval} (p95)`, t.median], [8, 9, 34, 10, 10, 12, 14, 14, 12]);
  for (const r of rating.result.rows) {
    const s = sens.get(r.region);
    ranking.addRow([r.rank, r.region, regionLabel(r.region, lang), r.score, rating.previousPeriod ? fmtChange(lang, r.change) : null, r.previousRank, s?.p05, s?.p95, s?.medianRank]);
  }
  ranking.getColumn(4).numFmt = numFmt;
  // Status, methodology and hashes under the table: the sheet stays self-describing when copied alone.
  ranking.addRow([]);
  for (const [k, v] of [
    [t.period, rating.period], [t.previousPeriod, rating.previousPeriod ?? ''], [t.methodology, `${m.name} ${m.version}`],
    ['status', t.status[rating.status] ?? rating.status], [t.computed, `${rating.computedBy} ${fmtDate(rating.computedAt)}`],
    [t.approved, rating.approvedBy ? `${rating.approvedBy} ${fmtDate(rating.approvedAt)}` : ''],
    [t.published, rating.publishedBy ? `${rating.publishedBy} ${fmtDate(rating.publishedAt)}` : ''],
    [t.hash, rating.inputHash], [t.resultHash, rating.resultHash],
    [t.notRated, rating.result.unrated.join(', ')],
  ] as const) ranking.addRow([null, null, k, v]);

  const codes = cfg.indicators.map((i) => i.code);
  const contrib = sheet(wb, t.sheets.contributions, [t.rank, t.code, t.region, t.score, ...codes.map((c) => indicatorLabel(cfg, c)), ...codes.map((c) => `${indicatorLabel(cfg, c)} (0\u2013100)`)], [8, 9, 34, 10]);
  for (const r of rating.result.rows) {
    // Normalised value null = dropped by the 'reweight' rule; the contribution is then 0.
    contrib.addRow([r.rank, r.region, regionLabel(r.region, lang), r.score, ...codes.map((c) => r.contributions[c] ?? 0), ...codes.map((c) => r.normalised[c] ?? null)]);
  }
  for (let k = 4; k < 4 + 2 * codes.length + 1; k++) contrib.getColumn(k).numFmt = numFmt;

  const o = rating.sensitivityOptions;
  const sensSheet = sheet(wb, t.sheets.sensitivity, [t.rank, t.code, t.region, t.median, t.mean, 'p05', 'p95'], [8, 9, 34, 12, 12, 10, 10]);
  for (const s of rating.sensitivity) sensSheet.addRow([s.rank, s.region, regionLabel(s.region, lang), s.medianRank, s.meanRank, s.p05, s.p95]);
  sensSheet.addRow([]);
  sensSheet.addRow([null, null, t.sensitivityNote(o.runs, o.seed, Math.round(o.weightJitter * 100), normalisationList(lang, o.normalisations))]);

  // Exactly the engine's value-table columns first, so the sheet saved as CSV feeds `qalqan rating compute`.
  const inputs = sheet(wb, t.sheets.inputs, ['region', 'indicator', 'period', 'value', t.region], [9, 22, 10, 14, 34]);
  for (const v of rating.inputs) inputs.addRow([v.region, v.indicator, v.period, v.value, regionLabel(v.region, lang)]);

  const shares = weightShares(cfg);
  const meth = sheet(wb, t.sheets.methodology, [t.code, t.indicator, t.weight, t.share, t.direction, t.normalisation, t.target, t.perCapita], [16, 34, 8, 8, 22, 22, 10, 18]);
  cfg.indicators.forEach((i, k) => meth.addRow([
    i.code, indicatorLabel(cfg, i.code), i.weight, shares[k]! / 100, t.directions[i.direction], t.normalisations[i.normalisation],
    i.target ?? null, i.perCapita ? `${i.perCapita.denominator} / ${i.perCapita.per}` : null,
  ]));
  meth.getColumn(4).numFmt = '0.0%';
  meth.addRow([]);
  meth.addRow([t.aggregation, t.aggregations[cfg.aggregation]]);
  meth.addRow([t.missing, t.missingRules[cfg.missing]]);
  meth.addRow(['JSON', JSON.stringify(cfg)]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
