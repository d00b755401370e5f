/**
 * Words that end up inside generated files (import template, exports) in the user's language.
 * The SPA has its own dictionaries; these are only for files the server writes.
 */
import type { Lang } from '../../platform/i18n/index.js';
import type { Polarity } from './catalogue.data.js';
import type { PeriodKind } from './periods.js';

interface FileTexts {
  sheets: { indicators: string; regions: string; instructions: string; view: string };
  columns: Record<'code' | 'name' | 'unit' | 'unitName' | 'periods' | 'polarity' | 'perCapita' | 'aggregation' | 'source' | 'description' | 'category', string>;
  exportColumns: Record<'regionCode' | 'region' | 'indicator' | 'period' | 'value' | 'unit' | 'population' | 'populationYear' | 'rate' | 'median' | 'mad' | 'z' | 'anomaly' | 'direction' | 'total', string>;
  polarity: Record<Polarity, string>;
  kinds: Record<PeriodKind, string>;
  yes: string;
  no: string;
  aggregation: Record<'sum' | 'last' | 'none', string>;
  direction: Record<'up' | 'down', string>;
  /** Instruction lines; `{maxRows}` and `{maxMb}` are filled in. */
  instructions: string[];
  synthetic: string;
}

export const FILE_TEXTS: Record<Lang, FileTexts> = {
  en: {
    sheets: { indicators: 'Indicators', regions: 'Regions', instructions: 'Instructions', view: 'View' },
    columns: { code: 'Code', name: 'Name', unit: 'Unit (code)', unitName: 'Unit', periods: 'Periods accepted', polarity: 'Higher value is', perCapita: 'Per 100,000 view', aggregation: 'Combining periods', source: 'Default source', description: 'Notes', category: 'Group' },
    exportColumns: { regionCode: 'Region code', region: 'Region', indicator: 'Indicator', period: 'Period', value: 'Value', unit: 'Unit', population: 'Population', populationYear: 'Population year', rate: 'Per 100,000', median: 'Baseline median', mad: 'Baseline MAD', z: 'Robust z', anomaly: 'Anomaly', direction: 'Direction', total: 'Total (regions in scope)' },
    polarity: { higher_better: 'better', higher_worse: 'worse', neutral: 'neutral (context)' },
    kinds: { month: 'month', quarter: 'quarter', year: 'year' },
    yes: 'yes', no: 'no',
    aggregation: { sum: 'sum of months/quarters', last: 'last month/quarter (stock)', none: 'not combined (survey or rate)' },
    direction: { up: 'above usual', down: 'below usual' },
    instructions: [
      'Qalqan — drug situation monitoring: import template.',
      'Fill in the first sheet ("data"). One row is one figure: one indicator, one region, one period.',
      'indicator: the code from the sheet "Indicators". name: for your reference only, ignored on import.',
      'region: ISO 3166-2:KZ code from the sheet "Regions" (e.g. KZ-75). You can submit only for the regions you are responsible for.',
      'period: 2026-03 (month), 2026-Q1 (quarter) or 2026 (year). Each indicator accepts only the periods listed in "Indicators". Periods that have not ended yet are refused.',
      'value: a number, not negative; decimal point or comma; spaces may separate thousands. Counts (cases, persons, units, doses, tablets) are whole numbers; percentages are 0–100.',
      'unit: must be exactly the indicator\'s unit code (e.g. kg, cases). It guards against figures entered in the wrong unit.',
      'source and note: optional (up to 500 characters). Without a source the indicator\'s default source applies.',
      'Rows without a value are ignored, so you can fill in only what you report.',
      'The whole file is checked before anything is saved. If any row has a problem, nothing is imported and you get the list of rows and reasons; fix them and upload the whole file again.',
      'A figure already accepted by the reviewers cannot be changed by import: ask a reviewer to return it. A figure still waiting for review (or returned to you) is replaced by the new one.',
      'Limits: {maxRows} rows and {maxMb} MB per file. CSV files: UTF-8 (Excel: "CSV UTF-8"), separated by commas or semicolons, header row as in the template.',
    ],
    synthetic: 'Figures marked [SYNTHETIC DEMO] are invented for demonstration.',
  },
  ru: {
    sheets: { indicators: 'Показатели', regions: 'Регионы', instructions: 'Инструкция', view: 'Данные' },
    columns: { code: 'Код', name: 'Наименование', unit: 'Единица (код)', unitName: 'Единица', periods: 'Допустимые периоды', polarity: 'Большее значение —', perCapita: 'На 100 000 населения', aggregation: 'Сложение периодов', source: 'Источник по умолчанию', description: 'Примечание', category: 'Группа' },
    exportColumns: { regionCode: 'Код региона', region: 'Регион', indicator: 'Показатель', period: 'Период', value: 'Значение', unit: 'Единица', population: 'Население', populationYear: 'Год численности населения', rate: 'На 100 000 населения', median: 'Медиана базы', mad: 'MAD базы', z: 'Робастный z', anomaly: 'Аномалия', direction: 'Направление', total: 'Итого (регионы в доступе)' },
    polarity: { higher_better: 'лучше', higher_worse: 'хуже', neutral: 'нейтрально (по контексту)' },
    kinds: { month: 'месяц', quarter: 'квартал', year: 'год' },
    yes: 'да', no: 'нет',
    aggregation: { sum: 'сумма месяцев/кварталов', last: 'последний месяц/квартал (на дату)', none: 'не складывается (обследование, коэффициент)' },
    direction: { up: 'выше обычного', down: 'ниже обычного' },
    instructions: [
      'Qalqan — мониторинг наркоситуации: шаблон для загрузки данных.',
      'Заполните первый лист («data»). Одна строка — одно значение: один показатель, один регион, один период.',
      'indicator: код с листа «Показатели». name: для справки, при загрузке не учитывается.',
      'region: код ISO 3166-2:KZ с листа «Регионы» (например, KZ-75). Можно представлять данные только по своим регионам.',
      'period: 2026-03 (месяц), 2026-Q1 (квартал) или 2026 (год). Каждый показатель принимает только периоды, указанные на листе «Показатели». Незавершённые периоды не принимаются.',
      'value: неотрицательное число; десятичная точка или запятая; тысячи можно отделять пробелами. Количества (случаи, человек, единицы, дозы, таблетки) — целые числа; проценты — от 0 до 100.',
      'unit: точно код единицы показателя (например, kg, cases) — защита от значений в чужих единицах.',
      'source и note: необязательно (до 500 символов). Без источника применяется источник показателя по умолчанию.',
      'Строки без значения пропускаются — можно заполнить только то, что вы представляете.',
      'Перед сохранением проверяется весь файл. Если хотя бы в одной строке ошибка, ничего не загружается, а вы получаете список строк и причин; исправьте их и загрузите весь файл заново.',
      'Принятое проверяющими значение нельзя изменить загрузкой: попросите проверяющего вернуть его. Значение, ожидающее проверки (или возвращённое вам), заменяется новым.',
      'Ограничения: {maxRows} строк и {maxMb} МБ на файл. CSV — в кодировке UTF-8 (Excel: «CSV UTF-8»), разделитель запятая или точка с запятой, строка заголовков как в шаблоне.',
    ],
    synthetic: 'Значения с пометкой [SYNTHETIC DEMO] выдуманы для демонстрации.',
  },
  kk: {
    sheets: { indicators: 'Көрсеткіштер', regions: 'Өңірлер', instructions: 'Нұсқаулық', view: 'Деректер' },
    columns: { code: 'Коды', name: 'Атауы', unit: 'Өлшем бірлігі (коды)', unitName: 'Өлшем бірлігі', periods: 'Рұқсат етілген кезеңдер', polarity: 'Үлкен мән —', perCapita: '100 000 тұрғынға', aggregation: 'Кезеңдерді қосу', source: 'Әдепкі дереккөз', description: 'Ескерту', category: 'Топ' },
    exportColumns: { regionCode: 'Өңір коды', region: 'Өңір', indicator: 'Көрсеткіш', period: 'Кезең', value: 'Мәні', unit: 'Өлшем бірлігі', population: 'Халық саны', populationYear: 'Халық саны жылы', rate: '100 000 тұрғынға', median: 'Базалық медиана', mad: 'Базалық MAD', z: 'Робастық z', anomaly: 'Ауытқу', direction: 'Бағыты', total: 'Барлығы (қолжетімді өңірлер)' },
    polarity: { higher_better: 'жақсы', higher_worse: 'нашар', neutral: 'бейтарап (контекске қарай)' },
    kinds: { month: 'ай', quarter: 'тоқсан', year: 'жыл' },
    yes: 'иә', no: 'жоқ',
    aggregation: { sum: 'айлар/тоқсандар қосындысы', last: 'соңғы ай/тоқсан (күнге)', none: 'қосылмайды (сауалнама, коэффициент)' },
    direction: { up: 'әдеттегіден жоғары', down: 'әдеттегіден төмен' },
    instructions: [
      'Qalqan — есірткі ахуалының мониторингі: деректерді жүктеу үлгісі.',
      'Бірінші парақты («data») толтырыңыз. Бір жол — бір мән: бір көрсеткіш, бір өңір, бір кезең.',
      'indicator: «Көрсеткіштер» парағындағы код. name: анықтама үшін ғана, жүктеу кезінде ескерілмейді.',
      'region: «Өңірлер» парағындағы ISO 3166-2:KZ коды (мысалы, KZ-75). Деректерді тек өз өңірлеріңіз бойынша ұсына аласыз.',
      'period: 2026-03 (ай), 2026-Q1 (тоқсан) немесе 2026 (жыл). Әр көрсеткіш «Көрсеткіштер» парағында көрсетілген кезеңдерді ғана қабылдайды. Аяқталмаған кезеңдер қабылданбайды.',
      'value: теріс емес сан; ондық бөлгіш — нүкте немесе үтір; мыңдықтарды бос орынмен бөлуге болады. Сандар (жағдай, адам, дана, доза, таблетка) — бүтін сан; пайыз — 0-ден 100-ге дейін.',
      'unit: көрсеткіштің өлшем бірлігінің коды дәл болуы керек (мысалы, kg, cases) — басқа бірліктегі мәндерден қорғайды.',
      'source және note: міндетті емес (500 таңбаға дейін). Дереккөз көрсетілмесе, көрсеткіштің әдепкі дереккөзі қолданылады.',
      'Мәні жоқ жолдар өткізіліп жіберіледі — тек ұсынатын мәндеріңізді толтыра аласыз.',
      'Сақтау алдында бүкіл файл тексеріледі. Бір жолда қате болса да, ештеңе жүктелмейді, ал сізге жолдар мен себептер тізімі беріледі; оларды түзетіп, бүкіл файлды қайта жүктеңіз.',
      'Тексерушілер қабылдаған мәнді жүктеу арқылы өзгертуге болмайды: тексерушіден оны қайтаруды сұраңыз. Тексеруді күтіп тұрған (немесе сізге қайтарылған) мән жаңасымен ауыстырылады.',
      'Шектеулер: бір файлда {maxRows} жол және {maxMb} МБ. CSV — UTF-8 кодтауында (Excel: «CSV UTF-8»), бөлгіш — үтір немесе нүктелі үтір, тақырып жолы үлгідегідей.',
    ],
    synthetic: '[SYNTHETIC DEMO] белгісі бар мәндер көрсету үшін ойдан шығарылған.',
  },
};
