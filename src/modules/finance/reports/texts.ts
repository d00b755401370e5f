/** Wording of the finance PDFs (case report, freeze/block letters) in the three working languages. */
export type ReportLang = 'kk' | 'ru' | 'en';
export const REPORT_LANGS = ['kk', 'ru', 'en'] as const;

type T = Record<string, string>;

const ru: T = {
  caseTitle: 'Справка по параллельному финансовому расследованию',
  caseNumber: 'Дело / ЕРДР', region: 'Регион', run: 'Прогон трассировки', createdBy: 'Выполнил', createdAt: 'Дата прогона', generated: 'Справка сформирована',
  params: 'Параметры', chain: 'Сеть', asset: 'Актив', direction: 'Направление', forward: 'вперёд (куда ушли средства)', backward: 'назад (откуда пришли средства)',
  model: 'Модель', maxHops: 'Макс. переходов', window: 'Окно времени', minValue: 'Мин. сумма', hubs: 'Раскрывать узлы с большим числом переводов', yes: 'да', no: 'нет',
  engine: 'Версия движка', watermark: 'Срез данных (последний перевод)', seeds: 'Исходные адреса',
  summary: 'Итоги', exitsTotal: 'Выходов', amountTotal: 'Сумма на выходах', byService: 'Выходы по сервисам', service: 'Сервис', category: 'Категория', amount: 'Сумма', count: 'Кол-во',
  exits: 'Выходы и пути', hop: 'Переход', address: 'Адрес', unattributed: 'не атрибутирован', highDegree: 'узел с большим числом переводов',
  clusters: 'Кластеры', cluster: 'Кластер', size: 'Размер', heuristics: 'Эвристики', noCluster: 'адрес вне кластеров',
  tags: 'Использованные метки', source: 'Источник', confidence: 'Достоверность', sources: 'Источники данных',
  ledgerSource: 'Данные блокчейна: публичный реестр сети, загруженный в хранилище Qalqan (адаптеры Esplora / TronGrid / Etherscan / JSON-RPC).',
  tagSource: 'Атрибуция: метки Qalqan (импорт GraphSense TagPack, список OFAC SDN, ручные метки со ссылкой на основание).',
  more: 'Ещё выходов, не показанных в справке: {n}. Полный список — в карточке прогона.',
  footer: 'Qalqan · для служебного пользования',
  letterFreeze: 'Запрос о заморозке (блокировке) криптоактивов', letterBank: 'Запрос о блокировке банковских счетов и карт',
  to: 'Кому', no_: '№', date: 'Дата', draft: 'ПРОЕКТ — не утверждён',
  bodyFreeze: 'В рамках расследования уголовного дела установлено, что средства, связанные с незаконным оборотом наркотиков, поступили на перечисленные ниже адреса, обслуживаемые вашей платформой. Просим заморозить средства на этих адресах и связанных учётных записях, сохранить сведения о владельцах (KYC), IP-адресах и операциях и сообщить о принятых мерах.',
  bodyBank: 'В ходе мониторинга установлено, что перечисленные ниже карты, счета и номера телефонов используются для приёма оплаты за наркотические средства (дропперы). Просим приостановить операции по ним, сохранить сведения о владельцах и операциях и сообщить о принятых мерах.',
  basisDefault: 'Основание: Уголовно-процессуальный кодекс Республики Казахстан; Закон Республики Казахстан «О противодействии легализации (отмыванию) доходов, полученных преступным путём, и финансированию терроризма».',
  fromTo: 'Откуда → куда', tx: 'Транзакция',
  entries: 'Перечень', value: 'Адрес / счёт', details: 'Сведения', firstSeen: 'Впервые замечен', approvedBy: 'Утвердил', author: 'Подготовил', csvNote: 'Полный перечень — в приложенном CSV-файле.',
};

const kk: T = {
  caseTitle: 'Қатар жүргізілетін қаржылық тергеу бойынша анықтама',
  caseNumber: 'Іс / СДТБ', region: 'Өңір', run: 'Трассировка жүргізу', createdBy: 'Орындаған', createdAt: 'Жүргізілген күні', generated: 'Анықтама жасалған',
  params: 'Параметрлер', chain: 'Желі', asset: 'Актив', direction: 'Бағыт', forward: 'алға (қаражат қайда кетті)', backward: 'артқа (қаражат қайдан келді)',
  model: 'Модель', maxHops: 'Өтулердің ең көп саны', window: 'Уақыт терезесі', minValue: 'Ең аз сома', hubs: 'Аударымы көп түйіндерді ашу', yes: 'иә', no: 'жоқ',
  engine: 'Қозғалтқыш нұсқасы', watermark: 'Деректер кесіндісі (соңғы аударым)', seeds: 'Бастапқы мекенжайлар',
  summary: 'Қорытынды', exitsTotal: 'Шығыстар', amountTotal: 'Шығыстардағы сома', byService: 'Сервистер бойынша шығыстар', service: 'Сервис', category: 'Санат', amount: 'Сома', count: 'Саны',
  exits: 'Шығыстар мен жолдар', hop: 'Өту', address: 'Мекенжай', unattributed: 'атрибутталмаған', highDegree: 'аударымы көп түйін',
  clusters: 'Кластерлер', cluster: 'Кластер', size: 'Өлшемі', heuristics: 'Эвристикалар', noCluster: 'мекенжай кластерге кірмейді',
  tags: 'Пайдаланылған белгілер', source: 'Дереккөз', confidence: 'Сенімділік', sources: 'Деректер көздері',
  ledgerSource: 'Блокчейн деректері: Qalqan қоймасына жүктелген желінің ашық тізілімі (Esplora / TronGrid / Etherscan / JSON-RPC адаптерлері).',
  tagSource: 'Атрибуция: Qalqan белгілері (GraphSense TagPack импорты, OFAC SDN тізімі, негізі көрсетілген қолмен қойылған белгілер).',
  more: 'Анықтамада көрсетілмеген тағы шығыстар: {n}. Толық тізім — жүргізу карточкасында.',
  footer: 'Qalqan · қызмет бабында пайдалану үшін',
  letterFreeze: 'Криптоактивтерді бұғаттау (тоқтату) туралы сұрау', letterBank: 'Банк шоттары мен карталарын бұғаттау туралы сұрау',
  to: 'Кімге', no_: '№', date: 'Күні', draft: 'ЖОБА — бекітілмеген',
  bodyFreeze: 'Қылмыстық іс бойынша тергеу барысында есірткінің заңсыз айналымына байланысты қаражат сіздің платформаңыз қызмет көрсететін төмендегі мекенжайларға түскені анықталды. Осы мекенжайлардағы және байланысты есептік жазбалардағы қаражатты бұғаттауды, иелері (KYC), IP-мекенжайлары мен операциялары туралы мәліметтерді сақтауды және қабылданған шаралар туралы хабарлауды сұраймыз.',
  bodyBank: 'Мониторинг барысында төмендегі карталар, шоттар мен телефон нөмірлері есірткі үшін төлем қабылдауға (дропперлер) пайдаланылатыны анықталды. Олар бойынша операцияларды тоқтата тұруды, иелері мен операциялары туралы мәліметтерді сақтауды және қабылданған шаралар туралы хабарлауды сұраймыз.',
  basisDefault: 'Негіз: Қазақстан Республикасының Қылмыстық-процестік кодексі; «Қылмыстық жолмен алынған кірістерді заңдастыруға (жылыстатуға) және терроризмді қаржыландыруға қарсы іс-қимыл туралы» Қазақстан Республикасының Заңы.',
  fromTo: 'Қайдан → қайда', tx: 'Транзакция',
  entries: 'Тізбе', value: 'Мекенжай / шот', details: 'Мәліметтер', firstSeen: 'Алғаш байқалған', approvedBy: 'Бекіткен', author: 'Дайындаған', csvNote: 'Толық тізбе — қоса берілген CSV файлында.',
};

const en: T = {
  caseTitle: 'Parallel financial investigation: case report',
  caseNumber: 'Case / ERDR', region: 'Region', run: 'Trace run', createdBy: 'Run by', createdAt: 'Run at', generated: 'Report generated',
  params: 'Parameters', chain: 'Ledger', asset: 'Asset', direction: 'Direction', forward: 'forward (where the funds went)', backward: 'backward (where the funds came from)',
  model: 'Model', maxHops: 'Max hops', window: 'Time window', minValue: 'Min value', hubs: 'Expand high-degree nodes', yes: 'yes', no: 'no',
  engine: 'Engine version', watermark: 'Data cut-off (last transfer id)', seeds: 'Seed addresses',
  summary: 'Summary', exitsTotal: 'Exits', amountTotal: 'Amount at exits', byService: 'Exits by service', service: 'Service', category: 'Category', amount: 'Amount', count: 'Count',
  exits: 'Exits and paths', hop: 'Hop', address: 'Address', unattributed: 'unattributed', highDegree: 'high-degree node',
  clusters: 'Clusters', cluster: 'Cluster', size: 'Size', heuristics: 'Heuristics', noCluster: 'address not in a cluster',
  tags: 'Tags relied on', source: 'Source', confidence: 'Confidence', sources: 'Data sources',
  ledgerSource: 'Ledger data: the public ledger loaded into the Qalqan store (Esplora / TronGrid / Etherscan / JSON-RPC adapters).',
  tagSource: 'Attribution: Qalqan tags (GraphSense TagPack imports, the OFAC SDN list, manual tags citing their basis).',
  more: 'Further exits not shown in this report: {n}. The full list is on the run page.',
  footer: 'Qalqan · official use only',
  letterFreeze: 'Request to freeze crypto-assets', letterBank: 'Request to block bank accounts and cards',
  to: 'To', no_: 'No.', date: 'Date', draft: 'DRAFT — not approved',
  bodyFreeze: 'In a criminal investigation it was established that funds connected with illicit drug trafficking reached the addresses below, served by your platform. Please freeze the funds at these addresses and the related accounts, preserve the owners\' KYC data, IP addresses and transactions, and report the measures taken.',
  bodyBank: 'Monitoring established that the cards, accounts and phone numbers below are used to collect payment for drugs (money mules). Please suspend operations on them, preserve the owners\' data and transactions, and report the measures taken.',
  basisDefault: 'Basis: the Criminal Procedure Code of the Republic of Kazakhstan; the Law of the Republic of Kazakhstan on countering the legalisation (laundering) of criminal proceeds and the financing of terrorism.',
  fromTo: 'From → To', tx: 'Transaction',
  entries: 'List', value: 'Address / account', details: 'Details', firstSeen: 'First seen', approvedBy: 'Approved by', author: 'Prepared by', csvNote: 'The full list is in the attached CSV file.',
};

// Path explanations (reports/explain.ts renders trace/view.ts ExplanationStep[] with these).
Object.assign(ru, {
  exHop: 'Переход {n}: {from} → {to}, {value} {asset} в транзакции {tx} ({time}); из них прослежено {taint} {asset} ({share} %).',
  exExit: 'Выход: {amount} {asset} поступили в {service} ({category}; источник: {source}) на адрес {address} после переходов: {hops}. Трассировка останавливается на атрибутированных сервисах.',
  exExitCode: 'Выход: {amount} {asset} поступили в сервис категории «{category}» на адрес {address} после переходов: {hops}. Трассировка останавливается на атрибутированных сервисах.',
  exStop: 'Остановка: {amount} {asset} поступили на адрес {address} с очень большим числом переводов (вероятно, кошелёк биржи или пула); он не раскрывался.',
  exModel: 'Модель — {model}. Показан путь, по которому прошла наибольшая доля средств.',
  aService: 'сервис',
});
Object.assign(kk, {
  exHop: '{n}-өту: {from} → {to}, {tx} транзакциясында ({time}) {value} {asset}; оның ішінде {taint} {asset} ізделіп отырған қаражат ({share} %).',
  exExit: 'Шығыс: {hops} өтуден кейін {amount} {asset} {address} мекенжайы арқылы {service} сервисіне түсті ({category}; дереккөз: {source}). Трассировка атрибутталған сервистерде тоқтайды.',
  exExitCode: 'Шығыс: {hops} өтуден кейін {amount} {asset} {address} мекенжайы арқылы «{category}» санатындағы сервиске түсті. Трассировка атрибутталған сервистерде тоқтайды.',
  exStop: 'Тоқтау: {amount} {asset} аударымы өте көп {address} мекенжайына түсті (биржаның немесе пулдың әмияны болуы ықтимал); ол ашылмады.',
  exModel: 'Модель — {model}. Қаражаттың ең үлкен үлесі өткен жол көрсетілген.',
  aService: 'сервис',
});
Object.assign(en, {
  exHop: 'Hop {n}: {from} → {to}, {value} {asset} in transaction {tx} at {time}; {taint} {asset} of it traced ({share} %).',
  exExit: 'Exit: {amount} {asset} reached {service} ({category}; source: {source}) at {address} after {hops} hop(s); the trace stops at attributed services.',
  exExitCode: 'Exit: {amount} {asset} reached a service of category "{category}" at {address} after {hops} hop(s); the trace stops at attributed services.',
  exStop: 'Stop: {amount} {asset} reached {address}, an address with very many transfers (an exchange or pool wallet is likely); it was not expanded.',
  exModel: 'Model {model}. The path shown is the route that carried the largest share.',
  aService: 'a service',
});

/** Tag categories (tags/model.ts) in the report's language. */
const CATEGORY: Record<string, Record<ReportLang, string>> = {
  exchange: { ru: 'биржа', kk: 'биржа', en: 'exchange' },
  darknet_market: { ru: 'даркнет-рынок', kk: 'даркнет-нарық', en: 'darknet market' },
  drug_shop: { ru: 'наркошоп', kk: 'есірткі дүкені', en: 'drug shop' },
  mixer: { ru: 'миксер', kk: 'миксер', en: 'mixer' },
  gambling: { ru: 'азартные игры', kk: 'құмар ойындар', en: 'gambling' },
  sanctioned: { ru: 'под санкциями', kk: 'санкция салынған', en: 'sanctioned' },
  payment_service: { ru: 'платёжный сервис', kk: 'төлем сервисі', en: 'payment service' },
  mining_pool: { ru: 'майнинг-пул', kk: 'майнинг-пул', en: 'mining pool' },
  bridge: { ru: 'кросс-чейн мост', kk: 'кросс-чейн көпір', en: 'cross-chain bridge' },
  scam: { ru: 'мошенничество', kk: 'алаяқтық', en: 'scam' },
  other: { ru: 'прочее', kk: 'басқа', en: 'other' },
};

/** A tag category's name in a language (unknown codes as given). */
export const categoryName = (lang: ReportLang, category: string): string => CATEGORY[category]?.[lang] ?? category;

/** The taint models with their one-line definitions, in the three languages. */
export const MODEL_TEXT: Record<string, Record<ReportLang, string>> = {
  poison: {
    ru: 'poison (заражение): каждый перевод с «заражённого» адреса после поступления средств учитывается целиком',
    kk: 'poison (ластану): қаражат түскеннен кейін «ластанған» мекенжайдан жасалған әр аударым толық есептеледі',
    en: 'poison: every transfer leaving a tainted address after the taint arrived counts in full',
  },
  haircut: {
    ru: 'haircut (пропорция): каждый перевод несёт долю «грязных» средств, равную их доле в балансе отправителя',
    kk: 'haircut (үлес): әр аударым жіберушінің балансындағы «лас» қаражат үлесіне тең үлесті алып жүреді',
    en: 'haircut: each transfer carries the tainted share of the sender\'s balance at that moment',
  },
  fifo: {
    ru: 'FIFO: монеты уходят в порядке поступления; «грязь» следует за потраченными монетами',
    kk: 'FIFO: монеталар түскен ретімен кетеді; «ластық» жұмсалған монеталармен бірге жүреді',
    en: 'FIFO: coins leave in the order they arrived; taint follows the coins spent',
  },
};

const ALL: Record<ReportLang, T> = { kk, ru, en };

/** A report string in a language, with {name} placeholders filled. */
export function rt(lang: ReportLang, key: string, vars: Record<string, string | number> = {}): string {
  const s = ALL[lang][key] ?? en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
