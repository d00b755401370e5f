/**
 * Statistics as files for reports to the HQ: CSV (one table: periods, regions, labels or
 * sources) and an XLSX workbook with every table and the filters on their own sheets.
 * Headings in the reader's language; region codes stay beside the names for re-use.
 */
import ExcelJS from 'exceljs';
import { CSV_BOM, csvLine } from '../../../platform/reports/csv.js';
import { isRegionCode, regionName } from '../../../platform/geo/regions.js';
import type { Lang } from '../../../platform/i18n/index.js';
import type { StatsResult, StatsRow } from './stats.service.js';

export const TABLES = ['period', 'region', 'label', 'source'] as const;
export type Table = (typeof TABLES)[number];

const TEXT: Record<Lang, Record<string, string>> = {
  kk: {
    period: 'Кезең', region: 'Өңір', label: 'Белгі', source: 'Дереккөз', code: 'Коды',
    found: 'Анықталды', confirmed: 'Расталды', requested: 'Сұрау жіберілді', blocked: 'Бұғатталды', restored: 'Қалпына келді',
    medianHours: 'Медиана, сағ (анықтаудан бұғаттауға дейін)', p90Hours: '90-процентиль, сағ', total: 'Барлығы', none: 'Өңір көрсетілмеген', noSource: 'Дереккөзсіз',
    filters: 'Сүзгілер', granularity: 'Кезең түрі', from: 'Басы', to: 'Соңы', tz: 'Уақыт белдеуі', any: 'кез келген', generated: 'Құрылған уақыты',
    day: 'күн', week: 'апта', month: 'ай', drug_sale: 'Есірткі сату', courier_recruitment: 'Курьер жалдау', drug_propaganda: 'Есірткі насихаты',
  },
  ru: {
    period: 'Период', region: 'Регион', label: 'Метка', source: 'Источник', code: 'Код',
    found: 'Выявлено', confirmed: 'Подтверждено', requested: 'Направлено запросов', blocked: 'Заблокировано', restored: 'Восстановлено',
    medianHours: 'Медиана, ч (от выявления до блокировки)', p90Hours: '90-й процентиль, ч', total: 'Итого', none: 'Регион не указан', noSource: 'Без источника',
    filters: 'Фильтры', granularity: 'Шаг', from: 'С', to: 'По', tz: 'Часовой пояс', any: 'любой', generated: 'Сформировано',
    day: 'день', week: 'неделя', month: 'месяц', drug_sale: 'Сбыт наркотиков', courier_recruitment: 'Вербовка курьеров', drug_propaganda: 'Пропаганда наркотиков',
  },
  en: {
    period: 'Period', region: 'Region', label: 'Label', source: 'Source', code: 'Code',
    found: 'Found', confirmed: 'Confirmed', requested: 'Requested', blocked: 'Blocked', restored: 'Restored',
    medianHours: 'Median hours (detection to block)', p90Hours: '90th percentile hours', total: 'Total', none: 'No region named', noSource: 'No source',
    filters: 'Filters', granularity: 'Granularity', from: 'From', to: 'To', tz: 'Time zone', any: 'any', generated: 'Generated',
    day: 'day', week: 'week', month: 'month', drug_sale: 'Drug sale', courier_recruitment: 'Courier recruitment', drug_propaganda: 'Drug propaganda',
  },
};

const FIGURES = ['found', 'confirmed', 'requested', 'blocked', 'restored', 'medianHours', 'p90Hours'] as const;

/** Rows of one table with their key cells (region: code + name). */
function table(s: StatsResult, which: Table, lang: Lang): { head: string[]; rows: unknown[][] } {
  const t = TEXT[lang];
  const figures = (r: Omit<StatsRow, 'key'>) => FIGURES.map((f) => r[f]);
  const keyCells = (k: string): unknown[] => {
    if (which === 'region') return [k, k === '' ? t.none : isRegionCode(k) ? regionName(k, lang) : k];
    if (which === 'label') return [t[k] ?? k];
    if (which === 'source') return [k === '' ? t.noSource : k];
    return [k];
  };
  const head = [...(which === 'region' ? [t.code!, t.region!] : [t[which]!]), ...FIGURES.map((f) => t[f]!)];
  const src = which === 'period' ? s.series : which === 'region' ? s.byRegion : which === 'label' ? s.byLabel : s.bySource;
  const rows = src.map((r) => [...keyCells(r.key), ...figures(r)]);
  // Region rows may overlap (an item naming two regions counts in both), so only periods get a total row.
  if (which === 'period') rows.push([t.total, ...figures(s.totals)]);
  return { head, rows };
}

/** One table as CSV (UTF-8 with BOM, CRLF; formula-injection guarded by csvLine). */
export function statsCsv(s: StatsResult, which: Table, lang: Lang): string {
  const { head, rows } = table(s, which, lang);
  return CSV_BOM + csvLine(head) + rows.map(csvLine).join('');
}

/** The workbook: one sheet per table and a sheet with the filters, so a copied file explains itself. */
export async function statsXlsx(s: StatsResult, lang: Lang, generatedAt = new Date()): Promise<Buffer> {
  const t = TEXT[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qalqan';
  wb.created = generatedAt;
  for (const which of TABLES) {
    const { head, rows } = table(s, which, lang);
    const ws = wb.addWorksheet(t[which]!, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(head).font = { bold: true };
    head.forEach((h, k) => (ws.getColumn(k + 1).width = Math.max(12, Math.min(40, h.length + 2))));
    for (const r of rows) ws.addRow(r);
  }
  const f = wb.addWorksheet(t.filters!);
  for (const [k, v] of [
    [t.granularity, t[s.range.granularity]], [t.from, s.range.from], [t.to, s.range.to], [t.tz, s.tz],
    [t.region, s.filters.region ? `${s.filters.region} ${isRegionCode(s.filters.region) ? regionName(s.filters.region, lang) : ''}` : t.any],
    [t.label, s.filters.label ? t[s.filters.label] ?? s.filters.label : t.any], [t.source, s.filters.source ?? t.any], [t.generated, generatedAt.toISOString()],
  ]) f.addRow([k, v]);
  f.getColumn(1).width = 24;
  f.getColumn(2).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
