/**
 * Shared vocabulary: cities of Kazakhstan (with the grammatical forms the templates need),
 * substances with their street names, and small helpers for Kazakh suffixes.
 * Entries prefixed with '!' are held out: they appear only in the 'holdout' split.
 */

export interface City {
  ru: string; // nominative
  ruAlt?: string; // other name in use (Алма-Ата, Нур-Султан, ...)
  gen: string; // genitive: суд Шымкента
  prep: string; // в ...
  dat: string; // по ...
  kk: string;
  kkLoc: string; // ...-да/-де
  kkDat: string; // ...-ға/-ге
  en: string;
  code: string; // handle fragment
  w: number; // sampling weight
  districts: string[];
  region?: string;
}

export const CITIES: City[] = [
  { ru: 'Алматы', gen: 'Алматы', ruAlt: 'Алма-Ата', prep: 'Алматы', dat: 'Алматы', kk: 'Алматы', kkLoc: 'Алматыда', kkDat: 'Алматыға', en: 'Almaty', code: 'alm', w: 10, region: 'Алматинская область',
    districts: ['Медеу', 'Бостандык', 'Алмалы', 'Ауэзовский', 'Турксиб', 'Жетысу', 'Наурызбай', 'Алатау', 'Аксай', 'Орбита', 'Шанырак', 'Калкаман', 'Тастак', 'Сайран', 'Коктем', '!Таугуль', '!Дорожник'] },
  { ru: 'Астана', gen: 'Астаны', ruAlt: 'Нур-Султан', prep: 'Астане', dat: 'Астане', kk: 'Астана', kkLoc: 'Астанада', kkDat: 'Астанаға', en: 'Astana', code: 'ast', w: 9,
    districts: ['Есиль', 'Сарыарка', 'Байконур', 'Алматинский р-н', 'Нура', 'левый берег', 'правый берег', 'ЭКСПО', 'Интернациональный', '!Тельмана', '!Коктал'] },
  { ru: 'Шымкент', gen: 'Шымкента', prep: 'Шымкенте', dat: 'Шымкенту', kk: 'Шымкент', kkLoc: 'Шымкентте', kkDat: 'Шымкентке', en: 'Shymkent', code: 'shym', w: 8,
    districts: ['Абай', 'Аль-Фараби', 'Енбекши', 'Каратау', 'Туран', 'Самал', 'Нурсат', 'Кайтпас', '!Отырар', '!Достык'] },
  { ru: 'Караганда', gen: 'Караганды', prep: 'Караганде', dat: 'Караганде', kk: 'Қарағанды', kkLoc: 'Қарағандыда', kkDat: 'Қарағандыға', en: 'Karaganda', code: 'krg', w: 7, region: 'Карагандинская область',
    districts: ['Майкудук', 'Юго-Восток', 'ЖБИ', 'Пришахтинск', 'Михайловка', 'Федоровка', 'Сортировка', 'Кунгей', '!Степной', '!Голубые пруды'] },
  { ru: 'Актобе', gen: 'Актобе', prep: 'Актобе', dat: 'Актобе', kk: 'Ақтөбе', kkLoc: 'Ақтөбеде', kkDat: 'Ақтөбеге', en: 'Aktobe', code: 'akt', w: 5,
    districts: ['Батыс-2', 'Нурдаулет', 'Жилгородок', 'Москва', 'Курмыш', 'Кирпичный', '11 мкр', '12 мкр', '!Шанхай', '!Заречный'] },
  { ru: 'Тараз', gen: 'Тараза', prep: 'Таразе', dat: 'Таразу', kk: 'Тараз', kkLoc: 'Таразда', kkDat: 'Таразға', en: 'Taraz', code: 'trz', w: 4,
    districts: ['Жайлау', 'Карасу', 'Карахан', 'Мынбулак', 'Салтанат', '!Астана мкр'] },
  { ru: 'Павлодар', gen: 'Павлодара', prep: 'Павлодаре', dat: 'Павлодару', kk: 'Павлодар', kkLoc: 'Павлодарда', kkDat: 'Павлодарға', en: 'Pavlodar', code: 'pvl', w: 4,
    districts: ['Усольский', 'Лесозавод', 'Достык', 'ДСК', 'Зеленстрой', '!Химгородок'] },
  { ru: 'Усть-Каменогорск', gen: 'Усть-Каменогорска', prep: 'Усть-Каменогорске', dat: 'Усть-Каменогорску', kk: 'Өскемен', kkLoc: 'Өскеменде', kkDat: 'Өскеменге', en: 'Oskemen', code: 'ukg', w: 3,
    districts: ['Ульбинский', 'Защита', 'Самсоновка', '19 мкр', 'КШТ', '!Новая Согра'] },
  { ru: 'Семей', gen: 'Семея', prep: 'Семее', dat: 'Семею', kk: 'Семей', kkLoc: 'Семейде', kkDat: 'Семейге', en: 'Semey', code: 'sem', w: 3,
    districts: ['Жана Семей', 'Цементный', 'Восточный', 'Затон', '!Холодный ключ'] },
  { ru: 'Атырау', gen: 'Атырау', prep: 'Атырау', dat: 'Атырау', kk: 'Атырау', kkLoc: 'Атырауда', kkDat: 'Атырауға', en: 'Atyrau', code: 'atr', w: 3,
    districts: ['Авангард', 'Жилгородок', 'Нурсая', 'Балыкши', 'Курсай', '!Привокзальный'] },
  { ru: 'Костанай', gen: 'Костаная', prep: 'Костанае', dat: 'Костанаю', kk: 'Қостанай', kkLoc: 'Қостанайда', kkDat: 'Қостанайға', en: 'Kostanay', code: 'kst', w: 3,
    districts: ['КЖБИ', 'Наурыз', 'Юбилейный', 'Каравай', '!Кунай'] },
  { ru: 'Кызылорда', gen: 'Кызылорды', prep: 'Кызылорде', dat: 'Кызылорде', kk: 'Қызылорда', kkLoc: 'Қызылордада', kkDat: 'Қызылордаға', en: 'Kyzylorda', code: 'kzo', w: 2,
    districts: ['Шугыла', 'Тасбогет', 'Саулет', 'Акмешит'] },
  { ru: 'Уральск', gen: 'Уральска', prep: 'Уральске', dat: 'Уральску', kk: 'Орал', kkLoc: 'Оралда', kkDat: 'Оралға', en: 'Oral', code: 'ural', w: 2,
    districts: ['Деркул', 'Зачаганск', 'Строитель', 'Куренёвка'] },
  { ru: 'Петропавловск', gen: 'Петропавловска', prep: 'Петропавловске', dat: 'Петропавловску', kk: 'Петропавл', kkLoc: 'Петропавлда', kkDat: 'Петропавлға', en: 'Petropavl', code: 'ptr', w: 2,
    districts: ['Подгора', 'Береке', 'Рабочий посёлок', 'Бензострой'] },
  { ru: 'Актау', gen: 'Актау', prep: 'Актау', dat: 'Актау', kk: 'Ақтау', kkLoc: 'Ақтауда', kkDat: 'Ақтауға', en: 'Aktau', code: 'aktau', w: 2,
    districts: ['5 мкр', '14 мкр', '27 мкр', 'Приозёрный', 'Шыгыс'] },
  { ru: 'Темиртау', gen: 'Темиртау', prep: 'Темиртау', dat: 'Темиртау', kk: 'Теміртау', kkLoc: 'Теміртауда', kkDat: 'Теміртауға', en: 'Temirtau', code: 'tmr', w: 2,
    districts: ['соцгород', '3А мкр', 'Новый город', 'Комсомольский'] },
  { ru: 'Туркестан', gen: 'Туркестана', prep: 'Туркестане', dat: 'Туркестану', kk: 'Түркістан', kkLoc: 'Түркістанда', kkDat: 'Түркістанға', en: 'Turkistan', code: 'turk', w: 2, districts: ['Бекзат', 'Шаугар'] },
  { ru: 'Талдыкорган', gen: 'Талдыкоргана', prep: 'Талдыкоргане', dat: 'Талдыкоргану', kk: 'Талдықорған', kkLoc: 'Талдықорғанда', kkDat: 'Талдықорғанға', en: 'Taldykorgan', code: 'tdk', w: 2, districts: ['Жетысу мкр', 'Коктем', 'Каратал'] },
  { ru: 'Кокшетау', gen: 'Кокшетау', prep: 'Кокшетау', dat: 'Кокшетау', kk: 'Көкшетау', kkLoc: 'Көкшетауда', kkDat: 'Көкшетауға', en: 'Kokshetau', code: 'kok', w: 2, districts: ['Боровской', 'Сарыарка мкр', 'Васильковский'] },
  { ru: 'Жезказган', gen: 'Жезказгана', prep: 'Жезказгане', dat: 'Жезказгану', kk: 'Жезқазған', kkLoc: 'Жезқазғанда', kkDat: 'Жезқазғанға', en: 'Zhezkazgan', code: 'zhez', w: 1, districts: ['Кенгир', 'старый город'] },
  { ru: 'Экибастуз', gen: 'Экибастуза', prep: 'Экибастузе', dat: 'Экибастузу', kk: 'Екібастұз', kkLoc: 'Екібастұзда', kkDat: 'Екібастұзға', en: 'Ekibastuz', code: 'ekb', w: 1, districts: ['Энергетик', 'Солнечный'] },
  { ru: 'Конаев', gen: 'Конаева', ruAlt: 'Капчагай', prep: 'Конаеве', dat: 'Конаеву', kk: 'Қонаев', kkLoc: 'Қонаевта', kkDat: 'Қонаевқа', en: 'Konaev', code: 'kon', w: 1, districts: ['Водник', 'Шенгельды'] },
  { ru: 'Балхаш', gen: 'Балхаша', prep: 'Балхаше', dat: 'Балхашу', kk: 'Балқаш', kkLoc: 'Балқашта', kkDat: 'Балқашқа', en: 'Balkhash', code: 'blh', w: 1, districts: ['Коныратский', 'Сабитовка'] },
  { ru: 'Рудный', gen: 'Рудного', prep: 'Рудном', dat: 'Рудному', kk: 'Рудный', kkLoc: 'Рудныйда', kkDat: 'Рудныйға', en: 'Rudny', code: 'rud', w: 1, districts: ['Горняков', 'центр'] },
  { ru: 'Каскелен', gen: 'Каскелена', prep: 'Каскелене', dat: 'Каскелену', kk: 'Қаскелең', kkLoc: 'Қаскелеңде', kkDat: 'Қаскелеңге', en: 'Kaskelen', code: 'ksk', w: 1, districts: ['Мерей', 'Таусамалы'] },
  { ru: 'Талгар', gen: 'Талгара', prep: 'Талгаре', dat: 'Талгару', kk: 'Талғар', kkLoc: 'Талғарда', kkDat: 'Талғарға', en: 'Talgar', code: 'tlg', w: 1, districts: ['центр'] },
];

export type DrugId =
  | 'meph' | 'alpha' | 'amph' | 'weed' | 'hash' | 'coke' | 'mdma' | 'lsd' | 'heroin' | 'methadone' | 'spice' | 'shrooms' | 'meth';

export interface Drug {
  id: DrugId;
  ru: string[]; // names usable inside Russian text (nominative)
  kk: string[]; // names used inside Kazakh sentences (Russian loans + Kazakh forms)
  en: string[];
  latin: string[]; // transliterated slang
  emoji: string[];
  grades: string[];
  unit: 'г' | 'шт';
  price: [number, number]; // tenge per unit, thousands
  w: number;
}

export const DRUGS: Drug[] = [
  { id: 'meph', ru: ['меф', 'мефедрон', 'мяу', 'мяу-мяу', '4-ММС', 'мефчик', 'меф крис', '!мефик'], kk: ['меф', 'мефедрон', 'мяу', 'меф крис', '!мефик'],
    en: ['meph', 'mephedrone', 'meow meow', '4-MMC', '!m-cat'], latin: ['mef', 'mefedron', 'myau', 'meph'], emoji: ['❄️', '💎', '😼', '🐱'],
    grades: ['крис', 'кристалл', 'мука', 'розовый', 'белый', 'VHQ', 'HQ', '!бриллиант'], unit: 'г', price: [12, 22], w: 10 },
  { id: 'alpha', ru: ['соль', 'альфа', 'альфа-PVP', 'α-PVP', 'крис', 'кристаллы', 'скорость', '!соль крис'], kk: ['соль', 'альфа', 'крис', 'кристалл', '!альфа-PVP'],
    en: ['alpha', 'alpha-PVP', 'a-PVP', 'flakka', 'crystals', '!bath salts'], latin: ['sol', 'alfa', 'alpha', 'kris'], emoji: ['🧂', '💎', '⚡️'],
    grades: ['крис', 'белая', 'голубая', 'VHQ', 'мука', '!ромб'], unit: 'г', price: [12, 20], w: 9 },
  { id: 'amph', ru: ['фен', 'амфетамин', 'амф', 'спиды', 'скорость', 'фенамин', '!фенчик'], kk: ['фен', 'амфетамин', 'амф', 'скорость', '!спиды'],
    en: ['speed', 'amphetamine', 'amph', '!whizz'], latin: ['fen', 'amf', 'speed'], emoji: ['🚀', '⚡️', '💨'],
    grades: ['паста', 'мука', 'VHQ', '!кристаллический'], unit: 'г', price: [8, 14], w: 5 },
  { id: 'weed', ru: ['шишки', 'бошки', 'трава', 'ганджа', 'план', 'марихуана', 'зелень', 'каннабис', '!шмаль', '!ёлки'], kk: ['шишки', 'бошки', 'ганджа', 'марихуана', 'план', '!шмаль'],
    en: ['weed', 'buds', 'kush', 'ganja', 'cannabis', 'green', '!loud'], latin: ['shishki', 'boshki', 'ganja', 'trava'], emoji: ['🌿', '🍁', '🥦', '🍀'],
    grades: ['АК-47', 'Gorilla Glue', 'Amnesia', 'White Widow', 'OG Kush', 'Gelato', 'Cali', '!Zkittlez', '!Lemon Haze'], unit: 'г', price: [8, 16], w: 9 },
  { id: 'hash', ru: ['гашиш', 'гаш', 'плитка', 'шоколад', 'пластилин', '!хаш'], kk: ['гашиш', 'гаш', 'плитка', '!шоколад'],
    en: ['hash', 'hashish', '!charas'], latin: ['gash', 'hash'], emoji: ['🍫', '🟫'],
    grades: ['Марокко', 'Афган', 'пластик', '!айсолятор'], unit: 'г', price: [9, 15], w: 5 },
  { id: 'coke', ru: ['кокаин', 'кокс', 'снег', 'кокос', '!первый', '!кокосик'], kk: ['кокаин', 'кокс', 'кокос', '!снег'],
    en: ['coke', 'cocaine', 'snow', 'blow', '!yayo'], latin: ['koks', 'kokain', 'coke'], emoji: ['❄️', '⛄', '🥥'],
    grades: ['Перу 97%', 'Боливия', 'VHQ', 'чистый', '!Колумбия 95%'], unit: 'г', price: [35, 60], w: 5 },
  { id: 'mdma', ru: ['экстази', 'МДМА', 'колёса', 'таблы', 'кристалл МДМА', '!экстаз'], kk: ['экстази', 'МДМА', 'таблетка', '!колёса'],
    en: ['molly', 'MDMA', 'ecstasy', 'pills', '!beans'], latin: ['ekstazi', 'mdma', 'molly'], emoji: ['💊', '🍬', '💖'],
    grades: ['Tesla', 'Rolex', 'Red Bull', 'Philipp Plein', 'Punisher', '!Blue Punisher', '!Donald Trump'], unit: 'шт', price: [7, 12], w: 4 },
  { id: 'lsd', ru: ['ЛСД', 'марки', 'кислота', '!промокашки'], kk: ['ЛСД', 'марка', '!маркалар'],
    en: ['LSD', 'tabs', 'acid', 'blotters'], latin: ['lsd', 'marki'], emoji: ['🔮', '🌈', '🎫'],
    grades: ['250 мкг', '200ug', 'Hofmann', '!Alice'], unit: 'шт', price: [8, 15], w: 3 },
  { id: 'heroin', ru: ['героин', 'хмурый', 'гера', '!хмурь'], kk: ['героин', '!гера'],
    en: ['heroin', 'smack', '!dope'], latin: ['geroin', 'gera'], emoji: ['🐎'],
    grades: ['афган', 'белый', '!таджик'], unit: 'г', price: [15, 30], w: 2 },
  { id: 'methadone', ru: ['метадон', '!мёд'], kk: ['метадон'], en: ['methadone'], latin: ['metadon'], emoji: ['🍯'],
    grades: ['сироп', 'порошок'], unit: 'г', price: [15, 25], w: 1 },
  { id: 'spice', ru: ['спайс', 'микс', 'синтетика', 'JWH', 'курительная смесь', '!химка'], kk: ['спайс', 'микс', 'синтетика', '!химка'],
    en: ['spice', 'synthetic weed', 'K2'], latin: ['spice', 'miks'], emoji: ['🌪️', '🧪'],
    grades: ['крепкий', 'жёсткий', 'лайт', '!убойный'], unit: 'г', price: [5, 10], w: 3 },
  { id: 'shrooms', ru: ['грибы', 'псилоцибин', 'шрумы', '!грибочки'], kk: ['грибы', 'псилоцибин', 'саңырауқұлақ', '!шрумы'],
    en: ['shrooms', 'magic mushrooms', 'psilocybin'], latin: ['griby', 'shrooms'], emoji: ['🍄'],
    grades: ['Golden Teacher', 'мексиканские', '!B+'], unit: 'г', price: [6, 12], w: 2 },
  { id: 'meth', ru: ['мет', 'метамфетамин', 'лёд', '!винт'], kk: ['мет', 'метамфетамин'], en: ['meth', 'ice', 'crystal meth'], latin: ['met', 'meth'], emoji: ['🧊', '💎'],
    grades: ['кристалл', 'VHQ'], unit: 'г', price: [20, 35], w: 1 },
];

/** Filter a vocabulary list for the split: '!'-items only in holdout. */
export function forSplit(xs: readonly string[], holdout: boolean): string[] {
  const out: string[] = [];
  for (const x of xs) {
    if (x.startsWith('!')) {
      if (holdout) out.push(x.slice(1));
    } else out.push(x);
  }
  return out;
}

// ---- Kazakh suffix helpers (vowel harmony + consonant assimilation, good enough for loanwords) ----
const BACK = 'аоұыуяёюАОҰЫУЯЁЮ';
const FRONT = 'әөүіеэиӘӨҮІЕЭИ';
const VOICELESS = 'кқпстфхцчшщ';

function isFront(w: string): boolean {
  const s = w.toLowerCase();
  if (s.endsWith('ь')) return true;
  for (let i = s.length - 1; i >= 0; i--) {
    if (FRONT.includes(s[i])) return true;
    if (BACK.includes(s[i])) return false;
  }
  return true;
}

function lastLetter(w: string): string {
  const s = w.toLowerCase().replace(/ь$/, '');
  return s[s.length - 1] ?? '';
}

const VOWELS = 'аәоөұүыіеэяёю';

/** Accusative: -ны/-ні, -ды/-ді, -ты/-ті. */
export function kkAcc(w: string): string {
  const f = isFront(w);
  const l = lastLetter(w);
  if (/[A-ZА-Я]{2,}$/.test(w)) return w + (f ? '-ні' : '-ны');
  if (VOWELS.includes(l)) return w + (f ? 'ні' : 'ны');
  if (VOICELESS.includes(l)) return w + (f ? 'ті' : 'ты');
  return w + (f ? 'ді' : 'ды');
}

/** Plural: -лар/-лер, -дар/-дер, -тар/-тер. */
export function kkPl(w: string): string {
  const f = isFront(w);
  const l = lastLetter(w);
  if (VOWELS.includes(l) || 'рйуи'.includes(l)) return w + (f ? 'лер' : 'лар');
  if ('лмнңзж'.includes(l)) return w + (f ? 'дер' : 'дар');
  return w + (f ? 'тер' : 'тар');
}

/** Locative: -да/-де, -та/-те. */
export function kkLoc(w: string): string {
  const f = isFront(w);
  const l = lastLetter(w);
  if (VOICELESS.includes(l)) return w + (f ? 'те' : 'та');
  return w + (f ? 'де' : 'да');
}

export const KZ_BANK_CODES = ['601', '722', '998', '914', '826', '551', '070', '965', '856', '947', '319', '926', '886', '432', '832'];
export const KZ_MOBILE_PREFIXES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];

/** "without" suffix: -сыз/-сіз. */
export function kkSyz(w: string): string {
  return isFront(w) ? 'сіз' : 'сыз';
}

/** Russian genitive forms of street names ("жизнь без мефа"). */
export const RU_GEN: Partial<Record<DrugId, string[]>> = {
  meph: ['мефа', 'мяу', 'мефедрона'], alpha: ['соли', 'альфы', 'скорости'], amph: ['фена', 'спидов', 'амфетамина'],
  coke: ['кокса', 'снега', 'кокаина'], weed: ['шишек', 'травы', 'бошек', 'ганджи'], mdma: ['экстази', 'МДМА', 'колёс'],
  hash: ['гаша', 'плитки'], lsd: ['марок', 'кислоты'], shrooms: ['грибов'],
};
