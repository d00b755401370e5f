/**
 * The reviewed starting catalogue of situation indicators, seeded at start-up (insert-only: an
 * admin's later edits are never overwritten). Changing an entry here does not change an existing
 * installation; adding one adds it on the next start. Review notes: docs/situation.md.
 */
import type { Names } from '../../platform/geo/regions.js';
import type { PeriodKind } from './periods.js';
import type { Aggregation } from './stats.js';

/** Units a value can be reported in; the import refuses a row whose unit differs from the indicator's. */
export const UNITS = ['cases', 'persons', 'count', 'kg', 'ha', 'doses', 'tablets', 'percent', 'per_1000'] as const;
export type Unit = (typeof UNITS)[number];

/** Units counted in whole numbers: 2.5 crimes is a typing error. */
export const INTEGER_UNITS: ReadonlySet<Unit> = new Set(['cases', 'persons', 'count', 'doses', 'tablets']);

export const UNIT_NAMES: Record<Unit, Names> = {
  cases: { kk: 'жағдай', ru: 'случаев', en: 'cases' },
  persons: { kk: 'адам', ru: 'человек', en: 'persons' },
  count: { kk: 'дана', ru: 'единиц', en: 'units' },
  kg: { kk: 'кг', ru: 'кг', en: 'kg' },
  ha: { kk: 'га', ru: 'га', en: 'ha' },
  doses: { kk: 'доза', ru: 'доз', en: 'doses' },
  tablets: { kk: 'таблетка', ru: 'таблеток', en: 'tablets' },
  percent: { kk: '%', ru: '%', en: '%' },
  per_1000: { kk: '15–64 жастағы 1000 адамға', ru: 'на 1000 лиц 15–64 лет', en: 'per 1,000 aged 15–64' },
};

/** Whether a higher value means a better or a worse situation; `neutral` where it means both. */
export const POLARITIES = ['higher_better', 'higher_worse', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const CATEGORIES = ['crime', 'seizure', 'production', 'enforcement', 'online', 'health', 'prevention', 'euda'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_NAMES: Record<Category, Names> = {
  crime: { kk: 'Есірткі қылмыстары', ru: 'Наркопреступления', en: 'Drug crimes' },
  seizure: { kk: 'Тәркілеу', ru: 'Изъятия', en: 'Seizures' },
  production: { kk: 'Өндіру және өсіру', ru: 'Производство и культивирование', en: 'Production and cultivation' },
  enforcement: { kk: 'Жауапкершілікке тарту', ru: 'Привлечение к ответственности', en: 'Enforcement' },
  online: { kk: 'Онлайн-арналар', ru: 'Онлайн-каналы', en: 'Online channels' },
  health: { kk: 'Денсаулық', ru: 'Здоровье', en: 'Health' },
  prevention: { kk: 'Алдын алу', ru: 'Профилактика', en: 'Prevention' },
  euda: { kk: 'EUDA негізгі көрсеткіштері', ru: 'Ключевые индикаторы EUDA', en: 'EUDA key indicators' },
};

/** One indicator as the catalogue defines it. */
export interface IndicatorDef {
  /** Stable machine code used in imports and the API; never changes once values exist. */
  code: string;
  category: Category;
  names: Names;
  /** What exactly is counted, where the name alone is ambiguous. */
  description: Names;
  unit: Unit;
  polarity: Polarity;
  /** Whether a per-100,000-population view makes sense (not for seizures in kg or survey rates). */
  perCapita: boolean;
  aggregation: Aggregation;
  /** Granularities a value may be reported for. */
  periods: PeriodKind[];
  /** Default source shown when a value gives none. */
  source: Names;
}

const S = {
  legal: { kk: 'ҚР Бас прокуратурасының Құқықтық статистика және арнайы есепке алу жөніндегі комитеті (СДТБТ)', ru: 'КПСиСУ Генеральной прокуратуры РК (ЕРДР)', en: "Prosecutor General's Committee on Legal Statistics and Special Accounts (ERDR)" },
  mvd: { kk: 'ҚР ІІМ, есірткі қылмысына қарсы іс-қимыл бөліністері', ru: 'МВД РК, подразделения по противодействию наркопреступности', en: 'Ministry of Internal Affairs, counter-narcotics units' },
  online: { kk: 'ҚР ІІМ; ҚР Мәдениет және ақпарат министрлігі (бұғаттау)', ru: 'МВД РК; Министерство культуры и информации РК (блокировка)', en: 'Ministry of Internal Affairs; Ministry of Culture and Information (blocking)' },
  finance: { kk: 'ҚР ІІМ; ҚР Қаржылық мониторинг агенттігі', ru: 'МВД РК; Агентство РК по финансовому мониторингу', en: 'Ministry of Internal Affairs; Financial Monitoring Agency' },
  health: { kk: 'ҚР Денсаулық сақтау министрлігі (Психикалық денсаулық республикалық ғылыми-практикалық орталығы)', ru: 'Минздрав РК (Республиканский научно-практический центр психического здоровья)', en: 'Ministry of Health (Republican Scientific and Practical Centre of Mental Health)' },
  deaths: { kk: 'ҚР Денсаулық сақтау министрлігі; Ұлттық статистика бюросы (қайтыс болу туралы куәліктер)', ru: 'Минздрав РК; Бюро национальной статистики (свидетельства о смерти)', en: 'Ministry of Health; Bureau of National Statistics (death certificates)' },
  hq: { kk: 'Өңірлік есірткіге қарсы штабтар (әкімдіктер)', ru: 'Региональные антинаркотические штабы (акиматы)', en: 'Regional anti-drug headquarters (akimats)' },
  survey: { kk: 'Жалпы халық арасындағы ұлттық сауалнама (EUDA әдістемесі)', ru: 'Национальное общее популяционное обследование (методика EUDA)', en: 'National general population survey (EUDA methodology)' },
  euda: { kk: 'ҚР Денсаулық сақтау министрлігі (EUDA хаттамалары)', ru: 'Минздрав РК (протоколы EUDA)', en: 'Ministry of Health (EUDA protocols)' },
} satisfies Record<string, Names>;

const NONE: Names = { kk: '', ru: '', en: '' };
const ALL: PeriodKind[] = ['month', 'quarter', 'year'];
const QY: PeriodKind[] = ['quarter', 'year'];

type Short = [code: string, names: Names, unit: Unit, polarity: Polarity, perCapita: boolean, source: Names, extra?: Partial<IndicatorDef>];

const group = (category: Category, rows: Short[]): IndicatorDef[] => rows.map(([code, names, unit, polarity, perCapita, source, extra]) => ({
  code, category, names, description: NONE, unit, polarity, perCapita, aggregation: 'sum', periods: ALL, source, ...extra,
}));

// Article titles follow the Criminal Code of 3 July 2014 No. 226-V (as amended): Russian as in the
// Code, Kazakh and English as working translations. Registered crimes are `neutral`: a rise can
// mean more trafficking or more proactive police work.
const art = (n: string, kk: string, ru: string, en: string): Short =>
  [`crimes_${n.replace('-', '_')}`, { kk: `ҚК ${n}-бап: ${kk}`, ru: `Ст. ${n} УК: ${ru}`, en: `CC Art. ${n}: ${en}` }, 'cases', 'neutral', true, S.legal];

/** The starting catalogue, in display order. */
export const INDICATORS: readonly IndicatorDef[] = [
  ...group('crime', [
    ['crimes_total', { kk: 'Есірткі қылмыстары, барлығы (ҚК 296–303-баптар)', ru: 'Наркопреступления, всего (ст. 296–303 УК)', en: 'Drug crimes, total (CC Art. 296–303)' }, 'cases', 'neutral', true, S.legal],
    art('296', 'өткізу мақсатынсыз есірткі, психотроптық заттардың, сол тектестердің заңсыз айналымы', 'незаконное обращение с наркотическими средствами, психотропными веществами, их аналогами без цели сбыта', 'illegal handling of narcotic drugs, psychotropic substances and their analogues without intent to sell'),
    art('297', 'есірткі, психотроптық заттарды, сол тектестерді өткізу мақсатында заңсыз дайындау, өңдеу, сатып алу, сақтау, тасымалдау, жөнелту не өткізу', 'незаконные изготовление, переработка, приобретение, хранение, перевозка в целях сбыта, пересылка либо сбыт наркотических средств, психотропных веществ, их аналогов', 'illegal manufacture, processing, acquisition, storage or transport for sale, sending or sale of narcotic drugs, psychotropic substances and their analogues'),
    art('298', 'есірткі, психотроптық заттарды, сол тектестерді ұрлау не қорқытып алу', 'хищение либо вымогательство наркотических средств, психотропных веществ, их аналогов', 'theft or extortion of narcotic drugs, psychotropic substances and their analogues'),
    art('299', 'есірткі, психотроптық заттарды, сол тектестерді тұтынуға көндіру', 'склонение к потреблению наркотических средств, психотропных веществ, их аналогов', 'inducing others to use narcotic drugs, psychotropic substances and their analogues'),
    art('299-1', 'есірткі, психотроптық заттарды, сол тектестерді, прекурсорларды насихаттау немесе заңсыз жарнамалау', 'пропаганда или незаконная реклама наркотических средств, психотропных веществ или их аналогов, прекурсоров', 'propaganda or illegal advertising of narcotic drugs, psychotropic substances, their analogues and precursors'),
    art('300', 'өсіруге тыйым салынған, құрамында есірткі заттары бар өсімдіктерді заңсыз өсіру', 'незаконное культивирование запрещённых к возделыванию растений, содержащих наркотические вещества', 'illegal cultivation of prohibited plants containing narcotic substances'),
    art('301', 'есірткі, психотроптық заттардың, сол тектестердің, прекурсорлардың айналымы қағидаларын бұзу', 'нарушение правил обращения с наркотическими средствами, психотропными веществами, их аналогами, прекурсорами', 'violation of the rules for handling narcotic drugs, psychotropic substances, their analogues and precursors'),
    art('302', 'есірткі, психотроптық заттарды, сол тектестерді тұтыну үшін притондар ұйымдастыру немесе ұстау, сол мақсатта үй-жай беру', 'организация или содержание притонов для потребления наркотических средств, психотропных веществ, их аналогов; предоставление помещений для тех же целей', 'organising or keeping dens for using narcotic drugs, psychotropic substances and their analogues; providing premises for that purpose'),
    art('303', 'есірткі немесе психотроптық заттарды алуға құқық беретін рецептілерді не өзге де құжаттарды заңсыз беру не қолдан жасау', 'незаконная выдача либо подделка рецептов или иных документов, дающих право на получение наркотических средств или психотропных веществ', 'illegal issue or forgery of prescriptions or other documents entitling to narcotic drugs or psychotropic substances'),
    ['sales_facts', { kk: 'Анықталған есірткі өткізу фактілері', ru: 'Выявленные факты сбыта наркотиков', en: 'Drug sale facts detected' }, 'cases', 'neutral', true, S.mvd],
  ]),
  ...group('seizure', [
    ['seized_cannabis_kg', { kk: 'Тәркіленді: марихуана (каннабис)', ru: 'Изъято: марихуана (каннабис)', en: 'Seized: marijuana (herbal cannabis)' }, 'kg', 'higher_better', false, S.mvd],
    ['seized_hashish_kg', { kk: 'Тәркіленді: гашиш', ru: 'Изъято: гашиш', en: 'Seized: cannabis resin (hashish)' }, 'kg', 'higher_better', false, S.mvd],
    ['seized_heroin_kg', { kk: 'Тәркіленді: героин', ru: 'Изъято: героин', en: 'Seized: heroin' }, 'kg', 'higher_better', false, S.mvd],
    ['seized_opium_kg', { kk: 'Тәркіленді: апиын және көкнәр сабаны', ru: 'Изъято: опий и маковая солома', en: 'Seized: opium and poppy straw' }, 'kg', 'higher_better', false, S.mvd],
    ['seized_cocaine_kg', { kk: 'Тәркіленді: кокаин', ru: 'Изъято: кокаин', en: 'Seized: cocaine' }, 'kg', 'higher_better', false, S.mvd],
    ['seized_synthetic_kg', { kk: 'Тәркіленді: синтетикалық есірткілер (мефедрон, α-PVP, амфетаминдер)', ru: 'Изъято: синтетические наркотики (мефедрон, α-PVP, амфетамины)', en: 'Seized: synthetic drugs (mephedrone, α-PVP, amphetamines)' }, 'kg', 'higher_better', false, S.mvd],
    ['seized_lsd_doses', { kk: 'Тәркіленді: ЛСД және басқа галлюциногендер (марка)', ru: 'Изъято: ЛСД и другие галлюциногены (марки)', en: 'Seized: LSD and other hallucinogens (blotters)' }, 'doses', 'higher_better', false, S.mvd],
    ['seized_tablets', { kk: 'Тәркіленді: таблеткалар (МДМА/экстази, психотроптық дәрілер)', ru: 'Изъято: таблетки (МДМА/экстази, психотропные препараты)', en: 'Seized: tablets (MDMA/ecstasy, psychotropic medicines)' }, 'tablets', 'higher_better', false, S.mvd],
    ['seized_precursors_kg', { kk: 'Тәркіленген прекурсорлар', ru: 'Изъято прекурсоров', en: 'Precursors seized' }, 'kg', 'higher_better', false, S.mvd, {
      description: { kk: 'Сұйық прекурсорлар массасы бойынша (кг) есептеледі.', ru: 'Жидкие прекурсоры учитываются по массе (кг).', en: 'Liquid precursors are counted by mass (kg).' },
    }],
  ]),
  ...group('production', [
    ['labs_dismantled', { kk: 'Жойылған есірткі зертханалары', ru: 'Ликвидировано нарколабораторий', en: 'Clandestine laboratories dismantled' }, 'count', 'higher_better', false, S.mvd],
    ['cultivation_detected', { kk: 'Анықталған заңсыз егістер (көкнәр, кендір)', ru: 'Выявлено незаконных посевов (мак, конопля)', en: 'Illegal cultivation sites detected (poppy, cannabis)' }, 'count', 'higher_better', false, S.mvd],
    ['wild_hemp_destroyed_ha', { kk: 'Жойылған жабайы кендір алқаптары', ru: 'Уничтожено очагов дикорастущей конопли', en: 'Wild-growing cannabis destroyed' }, 'ha', 'higher_better', false, S.hq],
  ]),
  ...group('enforcement', [
    ['persons_prosecuted', { kk: 'Есірткі қылмыстары үшін қылмыстық жауапкершілікке тартылған адамдар', ru: 'Лица, привлечённые к уголовной ответственности за наркопреступления', en: 'Persons prosecuted for drug crimes' }, 'persons', 'neutral', true, S.legal],
    ['minors_prosecuted', { kk: 'Жауапкершілікке тартылғандардың ішінде кәмелетке толмағандар', ru: 'Из них несовершеннолетние', en: 'Of whom minors' }, 'persons', 'higher_worse', true, S.legal, {
      description: { kk: 'Есірткі қылмыстары үшін жауапкершілікке тартылған 18 жасқа толмаған адамдар.', ru: 'Лица до 18 лет, привлечённые к уголовной ответственности за наркопреступления.', en: 'Persons under 18 prosecuted for drug crimes.' },
    }],
    ['ocg_disrupted', { kk: 'Жойылған ұйымдасқан қылмыстық топтар', ru: 'Ликвидировано ОПГ', en: 'Organised crime groups disrupted' }, 'count', 'higher_better', false, S.mvd],
    ['channels_cut', { kk: 'Жолы кесілген жеткізу арналары', ru: 'Перекрыто каналов поставки', en: 'Supply channels cut' }, 'count', 'higher_better', false, S.mvd],
  ]),
  ...group('online', [
    ['sites_blocked', { kk: 'Бұғатталған сайттар', ru: 'Заблокировано сайтов', en: 'Websites blocked' }, 'count', 'higher_better', false, S.online],
    ['accounts_blocked', { kk: 'Бұғатталған аккаунттар мен арналар (мессенджерлер, әлеуметтік желілер)', ru: 'Заблокировано аккаунтов и каналов (мессенджеры, соцсети)', en: 'Accounts and channels blocked (messengers, social networks)' }, 'count', 'higher_better', false, S.online],
    ['cards_blocked', { kk: 'Бұғатталған банк карталары мен шоттар', ru: 'Заблокировано банковских карт и счетов', en: 'Bank cards and accounts blocked' }, 'count', 'higher_better', false, S.finance],
  ]),
  ...group('health', [
    ['treatment_demand', { kk: 'Наркологиялық көмекке жүгінгендер', ru: 'Обратились за наркологической помощью', en: 'Persons seeking drug treatment' }, 'persons', 'neutral', true, S.health],
    ['registered_patients', { kk: 'Есірткі тұтынуға байланысты диагнозбен диспансерлік есепте тұрғандар (кезең соңында)', ru: 'Состоят на диспансерном учёте с диагнозом, связанным с наркотиками (на конец периода)', en: 'Registered patients with drug use disorders (end of period)' }, 'persons', 'higher_worse', true, S.health, { aggregation: 'last' }],
    ['drug_deaths', { kk: 'Есірткіге байланысты өлім', ru: 'Смерти, связанные с наркотиками', en: 'Drug-related deaths' }, 'persons', 'higher_worse', true, S.deaths],
  ]),
  ...group('prevention', [
    ['prevention_events', { kk: 'Алдын алу іс-шаралары', ru: 'Профилактические мероприятия', en: 'Prevention events' }, 'count', 'higher_better', true, S.hq],
    ['graffiti_removed', { kk: 'Жойылған есірткі граффитилері (жарнама жазбалары)', ru: 'Удалено наркограффити (рекламных надписей)', en: 'Drug graffiti (advertising) removed' }, 'count', 'higher_better', false, S.hq],
  ]),
  // The EUDA (formerly EMCDDA) five key epidemiological indicators.
  ...group('euda', [
    ['euda_gps', { kk: 'Халық арасындағы сауалнама: соңғы жылы кез келген заңсыз есірткіні тұтыну (15–64 жас)', ru: 'Общее популяционное обследование: употребление любого запрещённого наркотика за последний год (15–64 лет)', en: 'General population survey: last-year use of any illicit drug (aged 15–64)' }, 'percent', 'higher_worse', false, S.survey, { aggregation: 'none', periods: ['year'] }],
    ['euda_hrdu', { kk: 'Жоғары қауіпті есірткі тұтыну (бағалау)', ru: 'Употребление наркотиков с высоким риском (оценка)', en: 'High-risk drug use (estimate)' }, 'per_1000', 'higher_worse', false, S.survey, { aggregation: 'none', periods: ['year'] }],
    ['euda_tdi', { kk: 'Емделуге сұраныс (TDI): емдеуге алғаш қабылданғандар', ru: 'Спрос на лечение (TDI): впервые поступившие на лечение', en: 'Treatment demand (TDI): first-time treatment entrants' }, 'persons', 'neutral', true, S.euda, { periods: QY }],
    ['euda_drd', { kk: 'Есірткіден болған өлім (DRD, EUDA анықтамасы)', ru: 'Смерти, вызванные наркотиками (DRD, определение EUDA)', en: 'Drug-induced deaths (DRD, EUDA definition)' }, 'persons', 'higher_worse', true, S.euda, { periods: QY }],
    ['euda_drid', { kk: 'Есірткіге байланысты жұқпалы аурулар (DRID): инъекциялық тұтынушылар арасындағы АИТВ-ның жаңа жағдайлары', ru: 'Инфекции, связанные с наркотиками (DRID): новые случаи ВИЧ среди потребителей инъекционных наркотиков', en: 'Drug-related infectious diseases (DRID): new HIV diagnoses among people who inject drugs' }, 'cases', 'higher_worse', true, S.euda, { periods: QY }],
  ]),
];
