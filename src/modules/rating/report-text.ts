/**
 * Wording of the rating reports (PDF, XLSX) in the three working languages. Kept in the module
 * rather than the platform's message table: these are report headings, not API messages.
 */
import type { Lang } from '../../platform/i18n/index.js';

type Text = {
  title: string; status: Record<string, string>; draftMark: string; methodology: string; version: string; period: string; previousPeriod: string;
  indicator: string; weight: string; share: string; direction: string; normalisation: string; target: string; perCapita: string;
  directions: Record<string, string>; normalisations: Record<string, string>; aggregation: string; aggregations: Record<string, string>;
  missing: string; missingRules: Record<string, string>; ranking: string; rank: string; region: string; score: string; change: string;
  prevRank: string; interval: string; median: string; mean: string; contributions: string; contributionsNote: string; sensitivity: string;
  sensitivityNote: (runs: number, seed: number, jitter: number, norms: string) => string; ownNormalisation: string;
  notRated: string; computed: string; approved: string; published: string; inputs: string; code: string; value: string;
  hash: string; resultHash: string; missingMark: string; sheets: { ranking: string; contributions: string; sensitivity: string; inputs: string; methodology: string };
  newEntry: string;
};

const en: Text = {
  title: 'Rating of akimats\u2019 anti-drug work', status: { draft: 'draft', approved: 'approved', published: 'published' },
  draftMark: 'NOT PUBLISHED \u2014 for internal review only', methodology: 'Methodology', version: 'Version', period: 'Period', previousPeriod: 'Compared with',
  indicator: 'Indicator', weight: 'Weight', share: 'Share', direction: 'Direction', normalisation: 'Normalisation', target: 'Target', perCapita: 'Per capita',
  directions: { higher_better: '\u2191 higher is better', lower_better: '\u2193 lower is better' },
  normalisations: { minmax: 'min-max', zscore: 'z-score', rank: 'rank', target: 'distance to target' },
  aggregation: 'Aggregation', aggregations: { arithmetic: 'arithmetic mean', geometric: 'geometric mean' },
  missing: 'Missing values', missingRules: { reweight: 'weights redistributed', zero: 'bottom of the scale', mean: 'replaced by the mean' },
  ranking: 'Ranking', rank: 'Rank', region: 'Region', score: 'Score', change: 'Change', prevRank: 'Previous rank',
  interval: '90% rank interval', median: 'Median rank', mean: 'Mean rank',
  contributions: 'Why this rank: contributions of the indicators to the score',
  contributionsNote: 'Each bar is a region\u2019s score split into the points each indicator brought; a longer segment means the indicator helped more.',
  sensitivity: 'Sensitivity of the ranks (Monte Carlo)',
  sensitivityNote: (runs, seed, jitter, norms) => `${runs} simulated ratings (seed ${seed}): every weight varied by up to \u00b1${jitter}%, normalisation: ${norms}. The line is the 90% interval of the simulated ranks, the dot the published rank, the tick the median.`,
  ownNormalisation: 'as in the methodology',
  notRated: 'Not rated (no values reported)', computed: 'Computed', approved: 'Approved', published: 'Published',
  inputs: 'Input values', code: 'Code', value: 'Value', hash: 'SHA-256 of methodology and inputs', resultHash: 'SHA-256 of the result',
  missingMark: '* value missing, handled by the missing-values rule',
  sheets: { ranking: 'Ranking', contributions: 'Contributions', sensitivity: 'Sensitivity', inputs: 'Inputs', methodology: 'Methodology' },
  newEntry: 'new',
};

const ru: Text = {
  title: 'Рейтинг антинаркотической работы акиматов', status: { draft: 'черновик', approved: 'утверждён', published: 'опубликован' },
  draftMark: 'НЕ ОПУБЛИКОВАН \u2014 только для внутреннего рассмотрения', methodology: 'Методика', version: 'Версия', period: 'Период', previousPeriod: 'Сравнение с',
  indicator: 'Показатель', weight: 'Вес', share: 'Доля', direction: 'Направление', normalisation: 'Нормировка', target: 'Цель', perCapita: 'На душу',
  directions: { higher_better: '\u2191 больше \u2014 лучше', lower_better: '\u2193 меньше \u2014 лучше' },
  normalisations: { minmax: 'min-max', zscore: 'z-оценка', rank: 'ранг', target: 'расстояние до цели' },
  aggregation: 'Агрегирование', aggregations: { arithmetic: 'среднее арифметическое', geometric: 'среднее геометрическое' },
  missing: 'Пропуски', missingRules: { reweight: 'перераспределение весов', zero: 'нижняя граница шкалы', mean: 'замена средним' },
  ranking: 'Рейтинг', rank: 'Место', region: 'Регион', score: 'Балл', change: 'Изменение', prevRank: 'Место ранее',
  interval: '90% интервал места', median: 'Медианное место', mean: 'Среднее место',
  contributions: 'Почему такое место: вклад показателей в балл',
  contributionsNote: 'Каждая полоса \u2014 балл региона, разложенный на вклады показателей; чем длиннее отрезок, тем больше показатель добавил.',
  sensitivity: 'Чувствительность мест (метод Монте-Карло)',
  sensitivityNote: (runs, seed, jitter, norms) => `${runs} смоделированных рейтингов (seed ${seed}): каждый вес менялся до \u00b1${jitter}%, нормировка: ${norms}. Линия \u2014 90% интервал смоделированных мест, точка \u2014 опубликованное место, штрих \u2014 медиана.`,
  ownNormalisation: 'как в методике',
  notRated: 'Не оценены (нет данных)', computed: 'Рассчитал', approved: 'Утвердил', published: 'Опубликовал',
  inputs: 'Входные данные', code: 'Код', value: 'Значение', hash: 'SHA-256 методики и входных данных', resultHash: 'SHA-256 результата',
  missingMark: '* значения нет, применено правило для пропусков',
  sheets: { ranking: 'Рейтинг', contributions: 'Вклады', sensitivity: 'Чувствительность', inputs: 'Входные данные', methodology: 'Методика' },
  newEntry: 'новый',
};

const kk: Text = {
  title: 'Әкімдіктердің есірткіге қарсы жұмысының рейтингі', status: { draft: 'жоба', approved: 'бекітілген', published: 'жарияланған' },
  draftMark: 'ЖАРИЯЛАНБАҒАН \u2014 тек ішкі қарауға арналған', methodology: 'Әдістеме', version: 'Нұсқа', period: 'Кезең', previousPeriod: 'Салыстыру кезеңі',
  indicator: 'Көрсеткіш', weight: 'Салмақ', share: 'Үлесі', direction: 'Бағыты', normalisation: 'Нормалау', target: 'Мақсат', perCapita: 'Жан басына',
  directions: { higher_better: '\u2191 көп \u2014 жақсы', lower_better: '\u2193 аз \u2014 жақсы' },
  normalisations: { minmax: 'min-max', zscore: 'z-бағалау', rank: 'ранг', target: 'мақсатқа дейінгі қашықтық' },
  aggregation: 'Біріктіру', aggregations: { arithmetic: 'арифметикалық орта', geometric: 'геометриялық орта' },
  missing: 'Жоқ мәндер', missingRules: { reweight: 'салмақтарды қайта бөлу', zero: 'шкаланың төменгі шегі', mean: 'орташа мәнмен толтыру' },
  ranking: 'Рейтинг', rank: 'Орын', region: 'Өңір', score: 'Балл', change: 'Өзгеріс', prevRank: 'Бұрынғы орны',
  interval: 'Орынның 90% аралығы', median: 'Медианалық орын', mean: 'Орташа орын',
  contributions: 'Неліктен бұл орын: көрсеткіштердің балға қосқан үлесі',
  contributionsNote: 'Әр жолақ \u2014 өңір балының көрсеткіштер үлестеріне бөлінуі; кесінді неғұрлым ұзын болса, көрсеткіш соғұрлым көп қосқан.',
  sensitivity: 'Орындардың сезімталдығы (Монте-Карло әдісі)',
  sensitivityNote: (runs, seed, jitter, norms) => `${runs} модельденген рейтинг (seed ${seed}): әр салмақ \u00b1${jitter}% дейін өзгертілді, нормалау: ${norms}. Сызық \u2014 модельденген орындардың 90% аралығы, нүкте \u2014 жарияланған орын, белгі \u2014 медиана.`,
  ownNormalisation: 'әдістемедегідей',
  notRated: 'Бағаланбаған (деректер жоқ)', computed: 'Есептеген', approved: 'Бекіткен', published: 'Жариялаған',
  inputs: 'Кіріс деректері', code: 'Коды', value: 'Мәні', hash: 'Әдістеме мен кіріс деректерінің SHA-256 хэші', resultHash: 'Нәтиженің SHA-256 хэші',
  missingMark: '* мән жоқ, жоқ мәндер ережесі қолданылды',
  sheets: { ranking: 'Рейтинг', contributions: 'Үлестер', sensitivity: 'Сезімталдық', inputs: 'Кіріс деректері', methodology: 'Әдістеме' },
  newEntry: 'жаңа',
};

export const REPORT_TEXT: Record<Lang, Text> = { en, ru, kk };
export type ReportText = Text;
