import ExcelJS from 'exceljs';
import type { Lang } from '../../platform/i18n/index.js';
import { CADCA_STEPS, CADCA_STRATEGIES, PERIODICITIES } from './constants.js';
import { LABELS } from './labels.js';

/** Columns of the import sheet, by code: the header row must use these codes (any order). */
export const IMPORT_COLUMNS = [
  'level', 'number', 'title', 'responsible', 'co_executors', 'deadlines', 'expected_result',
  'kpi_name', 'kpi_unit', 'kpi_target', 'reporting_form', 'periodicity', 'strategies', 'phase',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** What each column holds, per language, for the template's help sheet. */
const HELP: Record<Lang, Record<ImportColumn, string>> = {
  kk: {
    level: 'section (бөлім) | item (тармақ) | subitem (тармақша)', number: 'Жоспардағы нөмірі, мысалы 12 немесе 12.1; жоспар ішінде бірегей',
    title: 'Атауы', responsible: 'Жауапты орындаушы (бір мемлекеттік орган)', co_executors: 'Бірлескен орындаушылар, «;» арқылы',
    deadlines: 'Мерзімдер: 2026-12-20 немесе 20.12.2026, бірнешеуі «;» арқылы', expected_result: 'Күтілетін нәтиже',
    kpi_name: 'Көрсеткіш атауы', kpi_unit: 'Өлшем бірлігі (kpi_target болса міндетті)', kpi_target: 'Жоспарлы мәні, сан',
    reporting_form: 'Есептің нысаны: не және қалай ұсынылады', periodicity: `Кезеңділігі: ${PERIODICITIES.join(' | ')}`,
    strategies: `CADCA стратегиялары, «;» арқылы: ${CADCA_STRATEGIES.join(', ')}`, phase: `Өңірлік жоспар бөлімінің CADCA кезеңі: ${CADCA_STEPS.join(', ')}`,
  },
  ru: {
    level: 'section (раздел) | item (пункт) | subitem (подпункт)', number: 'Номер по плану, например 12 или 12.1; уникален в плане',
    title: 'Наименование', responsible: 'Ответственный исполнитель (один госорган)', co_executors: 'Соисполнители через «;»',
    deadlines: 'Сроки: 2026-12-20 или 20.12.2026, несколько через «;»', expected_result: 'Ожидаемый результат',
    kpi_name: 'Наименование показателя', kpi_unit: 'Единица измерения (обязательна при kpi_target)', kpi_target: 'Плановое значение, число',
    reporting_form: 'Форма завершения: что и как представляется', periodicity: `Периодичность: ${PERIODICITIES.join(' | ')}`,
    strategies: `Стратегии CADCA через «;»: ${CADCA_STRATEGIES.join(', ')}`, phase: `Этап CADCA для раздела регионального плана: ${CADCA_STEPS.join(', ')}`,
  },
  en: {
    level: 'section | item | subitem', number: 'Number as printed, e.g. 12 or 12.1; unique within the plan',
    title: 'Title', responsible: 'Responsible agency (one body)', co_executors: 'Co-executors separated by ";"',
    deadlines: 'Deadlines: 2026-12-20 or 20.12.2026, several separated by ";"', expected_result: 'Expected result',
    kpi_name: 'Indicator name', kpi_unit: 'Unit (required with kpi_target)', kpi_target: 'Target value, a number',
    reporting_form: 'Reporting form: what is submitted and how', periodicity: `Periodicity: ${PERIODICITIES.join(' | ')}`,
    strategies: `CADCA strategies separated by ";": ${CADCA_STRATEGIES.join(', ')}`, phase: `CADCA step of a regional plan's section: ${CADCA_STEPS.join(', ')}`,
  },
};

const EXAMPLE: Partial<Record<ImportColumn, string>>[] = [
  { level: 'section', number: '1', title: 'Профилактика наркомании среди молодёжи' },
  { level: 'item', number: '1', title: 'Проведение информационных кампаний в организациях образования', responsible: 'МП', co_executors: 'МВД; акиматы областей', deadlines: '2026-12-20; 2027-12-20; 2028-12-20', expected_result: 'Охват учащихся профилактикой', kpi_name: 'Охват учащихся', kpi_unit: '%', kpi_target: '90', reporting_form: 'Информация в МВД', periodicity: 'annual', strategies: 'provide_information' },
  { level: 'subitem', number: '1.1', title: 'Тренинги для школьных психологов', responsible: 'МП', deadlines: '30.06.2027', kpi_name: 'Обучено психологов', kpi_unit: 'чел.', kpi_target: '500', periodicity: 'once', strategies: 'enhance_skills' },
];

/** The downloadable template: the sheet to fill (header + examples) and a help sheet. */
export async function buildTemplate(lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qalqan';
  const sheet = wb.addWorksheet('plan');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'title' || c === 'expected_result' ? 50 : 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of EXAMPLE) sheet.addRow(row);
  const help = wb.addWorksheet('help');
  help.columns = [{ width: 18 }, { width: 100 }];
  help.addRow([LABELS[lang].help]).font = { bold: true };
  help.addRow([]);
  for (const c of IMPORT_COLUMNS) help.addRow([c, HELP[lang][c]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
