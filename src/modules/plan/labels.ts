import type { Lang } from '../../platform/i18n/index.js';
import type { CADCA_STEPS, ItemStatus } from './constants.js';

/**
 * Words the server itself writes into files (exports, the import template) and into the
 * phase sections it creates. The SPA has its own, larger dictionaries.
 */
interface Labels {
  status: Record<ItemStatus, string>;
  phase: Record<(typeof CADCA_STEPS)[number], string>;
  columns: Record<ExportColumn, string>;
  national: string;
  help: string;
}

export type ExportColumn = 'plan' | 'section' | 'number' | 'title' | 'responsible' | 'coExecutors' | 'deadlines' | 'nextDeadline'
  | 'status' | 'overdueSince' | 'kpiName' | 'kpiUnit' | 'kpiTarget' | 'kpiActual' | 'expectedResult' | 'region' | 'pending';

export const LABELS: Record<Lang, Labels> = {
  kk: {
    status: { not_started: 'Басталмаған', in_progress: 'Орындалуда', done: 'Орындалды', overdue: 'Мерзімі өткен', cancelled: 'Күші жойылды' },
    phase: { assessment: 'Қажеттіліктерді бағалау', capacity: 'Әлеуетті арттыру', planning: 'Жоспарлау', implementation: 'Іске асыру', evaluation: 'Нәтижелерді бағалау' },
    columns: {
      plan: 'Жоспар', section: 'Бөлім', number: 'Нөмірі', title: 'Іс-шара', responsible: 'Жауапты орындаушы', coExecutors: 'Бірлескен орындаушылар',
      deadlines: 'Орындау мерзімдері', nextDeadline: 'Келесі мерзім', status: 'Мәртебесі', overdueSince: 'Мерзімі өткен күн', kpiName: 'Көрсеткіш',
      kpiUnit: 'Өлшем бірлігі', kpiTarget: 'Жоспарлы мәні', kpiActual: 'Нақты мәні', expectedResult: 'Күтілетін нәтиже', region: 'Өңір', pending: 'Қаралмаған есептер',
    },
    national: 'Республикалық',
    help: 'Әр жол — бөлім, тармақ немесе тармақша. Бағандар ағылшынша кодпен аталады; мәндерін төмендегі кестеге сәйкес толтырыңыз. Қатесі бар файл толығымен қабылданбайды.',
  },
  ru: {
    status: { not_started: 'Не начато', in_progress: 'Исполняется', done: 'Исполнено', overdue: 'Просрочено', cancelled: 'Отменено' },
    phase: { assessment: 'Оценка потребностей', capacity: 'Наращивание потенциала', planning: 'Планирование', implementation: 'Реализация', evaluation: 'Оценка результатов' },
    columns: {
      plan: 'План', section: 'Раздел', number: 'Номер', title: 'Мероприятие', responsible: 'Ответственный исполнитель', coExecutors: 'Соисполнители',
      deadlines: 'Сроки исполнения', nextDeadline: 'Ближайший срок', status: 'Статус', overdueSince: 'Просрочено с', kpiName: 'Показатель',
      kpiUnit: 'Единица измерения', kpiTarget: 'Плановое значение', kpiActual: 'Фактическое значение', expectedResult: 'Ожидаемый результат', region: 'Регион', pending: 'Отчёты на рассмотрении',
    },
    national: 'Республиканский',
    help: 'Каждая строка — раздел, пункт или подпункт. Столбцы названы кодами на английском; значения заполняются по таблице ниже. Файл с ошибками отклоняется целиком.',
  },
  en: {
    status: { not_started: 'Not started', in_progress: 'In progress', done: 'Done', overdue: 'Overdue', cancelled: 'Cancelled' },
    phase: { assessment: 'Assessment', capacity: 'Capacity', planning: 'Planning', implementation: 'Implementation', evaluation: 'Evaluation' },
    columns: {
      plan: 'Plan', section: 'Section', number: 'Number', title: 'Activity', responsible: 'Responsible agency', coExecutors: 'Co-executors',
      deadlines: 'Deadlines', nextDeadline: 'Next deadline', status: 'Status', overdueSince: 'Overdue since', kpiName: 'Indicator',
      kpiUnit: 'Unit', kpiTarget: 'Target', kpiActual: 'Actual', expectedResult: 'Expected result', region: 'Region', pending: 'Reports awaiting review',
    },
    national: 'National',
    help: 'Each row is a section, an item or a sub-item. Columns are named by English codes; fill the values as the table below says. A file with any error is rejected whole.',
  },
};
