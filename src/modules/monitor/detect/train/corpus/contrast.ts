/**
 * Contrast families (added 2026-12-05 after two independent held-out sets written by other
 * authors showed these failure kinds; the texts below are original wording, not those sets'):
 *
 * - benign posts that carry every surface cue of a shop ad — a Telegram handle, a price, a city —
 *   for goods whose names are also slang (фен, скорость, марки, соль, шишки, кристаллы, трава);
 * - benign prevention memos that quote the disguised spellings and emoji codes themselves;
 * - propaganda without a seller: harm denial, dead-drop hunting as a game, emoji-only use cues,
 *   a track announcement glamorising use, legalise slogans, pro-use philosophy in Kazakh,
 *   stash-layers romanticised as heroes, prevention lessons mocked, song lines;
 * - recruitment through euphemisms ("gardeners", "postmen"), stencil-style one-liners, and shop
 *   staff vacancies (operator + layer) in Kazakh.
 *
 * Weights are the default 1: at 2–3 these families crowded the others of their (label, language)
 * cell out and English propaganda recall fell. A family of songs and films that condemn drugs
 * was tried and left out: it cost propaganda recall on the held-out template families (0.93 →
 * 0.89) for one fewer false positive.
 */
import type { Ctx, Family } from './ctx.js';
import { BARE_RU } from './ru-sale.js';

const B = 'benign' as const;
const P = 'drug_propaganda' as const;
const C = 'courier_recruitment' as const;

/** A disguised spelling as prevention material quotes it: split letters, digits for letters, look-alikes. */
function disguised(c: Ctx): string {
  const word = c.p(['соль', 'меф', 'кокс', 'шишки', 'гашиш', 'мяу', 'фен', 'спайс', 'закладка', 'клад', 'скорость']);
  switch (c.int(0, 3)) {
    case 0: return [...word].join(c.p(['.', ' ', '-']));
    case 1: return word.replace(/о/g, '0').replace(/е/g, '3').replace(/а/g, '@');
    case 2: return word.replace(/а/g, 'a').replace(/о/g, 'o').replace(/е/g, 'e').replace(/с/g, 'c');
    default: return word.replace(/([аоеиу])/, '$1$1$1');
  }
}
const CODES = ['❄️', '💎', '🍁', '🌿', '🍄', '💊', '🧂', '🔌', '🍫', '🚀'];
function codes(c: Ctx, n: number): string {
  const out = new Set<string>();
  while (out.size < n) out.add(c.p(CODES));
  return [...out].join('');
}

/** Goods whose everyday names are also street names for drugs. */
const GOODS_RU = ['фен Dyson', 'фен Philips, 2000 Вт', 'электросамокат Kugoo, скорость 45 км/ч', 'гироскутер, скорость до 15 км/ч', 'велосипед на 21 скорость',
  'альбом почтовых марок', 'марки СССР, 300 шт', 'соль для ванн, подарочный набор', 'гималайская соль, 5 кг', 'кедровые шишки, 10 кг', 'кристаллы Сваровски для вышивки',
  'семена газонной травы', 'сушёные белые грибы', 'плитка шоколада ручной работы', 'мешок сахара, 50 кг'];
const GOODS_EN = ['a Dyson hair dryer (фен)', 'my e-scooter, top speed 40 km/h', 'a road bike, 22 speeds', 'a stamp collection (марки), 1990s', 'bath salt gift boxes',
  'pine cones for crafts, a big bag', 'Swarovski crystals for embroidery', 'lawn grass seed, 10 kg', 'dried porcini mushrooms', 'a hair straightener and фен set'];
const GOODS_KK = ['фен, жаңа', 'электросамокат, жылдамдығы 40 км/сағ', 'велосипед, 21 жылдамдық', 'пошта маркалары, 200 дана', 'ванна тұзы', 'кедр бүршіктері (шишки), 5 кг',
  'кестеге арналған кристалдар', 'көгал шөбінің тұқымы', 'кептірілген саңырауқұлақ'];

export const CONTRAST: Family[] = [
  // ---------------- benign: shop-ad surface, legal goods ----------------
  { id: 'ru.neg.slang_goods_tg', label: B, lang: 'ru', desc: 'classified ad for goods named like slang, with a Telegram handle',
    topic: ['market', 'sale', 'baraholka', 'prodam', 'tech', 'hobby'], paths: ['', '/catalog'],
    gen: (c) => c.t(`{Продаю|Продам|Отдам недорого|Срочно продам} ${c.p(GOODS_RU)}{, б/у ${c.int(1, 11)} мес.|, новый|, в идеале|}. ${c.money(c.int(5, 300) * 1000)}{, торг|}. ${c.cityRu()}{, ${c.district()}|}. {Пишите в тг|Тг|Telegram|Писать сюда}: ${c.tg('person', 'at')}`) },
  { id: 'en.neg.slang_goods_tg', label: B, lang: 'en', desc: 'English classified for goods named like slang, with a handle',
    topic: ['market', 'sale', 'secondhand', 'deals'], paths: ['', '/item'],
    gen: (c) => c.t(`{Selling|For sale:|Letting go of} ${c.p(GOODS_EN)}{, used {twice|a few months}|, brand new|, boxed}. ${c.int(5, 250)}k tenge{, negotiable|}. ${c.city.en}{, pickup only|, can deliver|}. {tg|DM|Telegram} ${c.tg('person', 'at')}`) },
  { id: 'kk.neg.slang_goods_tg', label: B, lang: 'kk', desc: 'Kazakh classified for goods named like slang, with a handle',
    topic: ['sauda', 'market', 'sat', 'zattar'], paths: ['', '/catalog'],
    gen: (c) => c.t(`{Сатамын|Сатылады|Арзан бағаға береміз}: ${c.p(GOODS_KK)}{, жағдайы жақсы|, бір рет қолданылған|}. Бағасы ${c.money(c.int(5, 200) * 1000, 'kk')}. ${c.city.kk}. {Жазыңыз|Телеграм|Тг}: ${c.tg('person', 'at')}`) },
  { id: 'mixed.neg.slang_goods_tg', label: B, lang: 'mixed', desc: 'kk/ru/en classified for goods named like slang, with a handle',
    topic: ['market', 'sale', 'baraholka'], paths: [''],
    gen: (c) => c.t(`${c.p(GOODS_RU)} {сатамын|сатылады}, {почти новый|жағдайы жақсы}, ${c.money(c.int(5, 200) * 1000)}. ${c.city.kk}{, доставка бар|}. {Тг|Жазыңыз} ${c.tg('person', 'at')}`) },

  // ---------------- benign: the bare offer's words in a report or a warning ----------------
  // (added with the bare offers of ru-sale.ts, kk-sale.ts and en.ts: "who sells X — call 102" has
  // the same sale word and drug name and must stay benign)
  { id: 'ru.neg.report_sellers', label: B, lang: 'ru', desc: 'call to report people selling a named drug, or a warning about buying it',
    gen: (c) => {
      const n = c.p(BARE_RU);
      return c.t(`{{Кто продаёт|Если вам продают|Если вам предлагают|Знаете, кто торгует|Видели, как продают|Продают} ${n} {у школы|во дворе|в подъезде|в вашем районе|возле колледжа|}{ — |, |? }{звоните 102|сообщите по 102|пишите на 1414|сообщите участковому|анонимно сообщите в полицию|не молчите, звоните 102}|{Продажа|Сбыт} ${n} {карается лишением свободы до 10 лет|— уголовное преступление|это реальный срок|ломает жизни}|Не {покупай|пробуй|бери} ${n}{. Это ловушка|. Жизнь дороже|, даже «один раз»|. Помощь: 150}}`);
    } },
  { id: 'kk.neg.report_sellers', label: B, lang: 'kk', desc: 'Kazakh: report people selling a named drug, or a warning',
    gen: (c) => {
      const n = c.p(['мефедрон', 'меф', 'амфетамин', 'марихуана', 'гашиш', 'кокаин', 'экстази', 'героин', 'спайс']);
      return c.t(`{${n} сатып жүргендерді көрсеңіз, {102-ге хабарласыңыз|полицияға хабарлаңыз|1414-ке жазыңыз}|Мектеп {маңында|жанында} ${n} сатса, {полицияға хабарлаңыз|102-ге қоңырау шалыңыз}|${n} сату — {қылмыс|ауыр қылмыс, 10 жылға дейін бас бостандығынан айыру}|${n} ұсынса, бас тартыңыз{. Көмек: 150|!}}`);
    } },
  { id: 'en.neg.report_sellers', label: B, lang: 'en', desc: 'English: report people selling a named drug, or a warning',
    gen: (c) => {
      const n = c.p(['meth', 'mephedrone', 'cocaine', 'MDMA', 'heroin', 'hash', 'weed', 'amphetamine', 'ecstasy', 'coke']);
      return c.t(`{If someone offers you ${n}, {say no and call 102|walk away and tell someone}|Selling ${n} is a crime in Kazakhstan{: up to 10 years|, report it: 102}|Report ${n} dealers anonymously{: 102|, the app keeps you hidden}|Saw someone selling ${n} near a school? Call 102}`);
    } },

  // ...and ordinary bare classifieds, so that the sale word alone never decides
  { id: 'ru.neg.bare_classified', label: B, lang: 'ru', desc: 'bare classified for ordinary goods: sale word and item, no contact or price',
    gen: (c) => {
      const item = c.p(['велосипед', 'диван', 'iPhone 13', 'видеокарты RTX', 'коляску', 'гараж', 'картошку', 'мёд с пасеки', 'щенков хаски', 'ковёр', 'шины R16', 'Toyota Camry 2015',
        'дрова', 'уголь', 'сено', 'козу', 'барана на курбан', 'ноутбук', 'шубу', 'стиральную машину', 'саженцы яблони', 'кумыс', 'баурсаки на заказ', 'запчасти на Газель']);
      return c.t(`{Продаю|Продам|Срочно продам|В наличии|Есть|Отдам недорого|Продаём|Кому надо} ${item}{|, недорого|, в хорошем состоянии|, ${c.cityRu()}|, торг|, пишите|, в лс|, звоните|, самовывоз|, опт и розница}`);
    } },
  { id: 'kk.neg.bare_classified', label: B, lang: 'kk', desc: 'Kazakh bare classified: "X сатылады", ordinary goods',
    gen: (c) => {
      const item = c.p(['ешкі', 'қой', 'сиыр', 'бұзау', 'жылқы', 'велосипед', 'диван', 'көлік', 'картоп', 'бал', 'қымыз', 'шұбат', 'үй', 'пәтер', 'жер телімі', 'ноутбук', 'телефон', 'кілем', 'отын', 'көмір', 'шөп', 'бидай', 'арпа']);
      return c.t(`{${item} {сатылады|сатамын|сатам|бар|арзан}|{Сатылады|Сатамын|Бар}: ${item}}{|, арзан|, жағдайы жақсы|, ${c.city.kkLoc}|, жазыңыз|, хабарласыңыз|, саудасы бар|, көтерме және бөлшек}`);
    } },
  { id: 'en.neg.bare_classified', label: B, lang: 'en', desc: 'English bare classified: "selling X", ordinary goods',
    gen: (c) => {
      const item = c.p(['my old bike', 'a sofa', 'an iPhone 13', 'RTX cards', 'a stroller', 'winter tyres', 'honey from our farm', 'husky puppies', 'a laptop', 'concert tickets', 'firewood', 'a goat', 'baby clothes', 'textbooks']);
      return c.t(`{Selling|Got|Have|Cheap|For sale:} ${item}{| for sale|, cheap|, in ${c.city.en}|, DM|, dm me|, good prices|, pickup only}`);
    } },

  // ---------------- benign: prevention material quoting the codes ----------------
  { id: 'ru.neg.codes_memo', label: B, lang: 'ru', desc: 'prevention memo quoting disguised spellings and emoji codes',
    topic: ['antinarko', 'profilaktika', 'roditeli', 'shkola', 'police'], paths: ['', '/pamyatka', '/roditelyam'],
    gen: (c) => c.t(`{Родителям на заметку|Памятка для учителей|Как распознать рекламу наркошопа|Полиция ${c.city.gen} предупреждает}: {продавцы шифруют слова|дилеры маскируют названия|в переписке подростков встречаются коды} — «${disguised(c)}», «${disguised(c)}», {эмодзи|смайлы} ${codes(c, c.int(2, 4))}. {Увидели такое — сообщите по номеру 102|Не паникуйте, поговорите с ребёнком|Подробнее: ${c.url('org')}|Телефон доверия: 111}`) },
  { id: 'kk.neg.codes_memo', label: B, lang: 'kk', desc: 'Kazakh prevention memo quoting codes',
    topic: ['antinarko', 'ata-ana', 'mektep', 'police'], paths: ['', '/zhadnama'],
    gen: (c) => c.t(`{Ата-аналарға жадынама|Мұғалімдерге ескерту|${c.city.kk} полициясы ескертеді}: есірткі {сатушылары|дүкендері} сөздерді {жасырады|бүркемелейді} — «${disguised(c)}», «${disguised(c)}», ${codes(c, c.int(2, 4))} {эмодзилері|белгілері}. {Мұндай жазуды көрсеңіз, 102-ге хабарлаңыз|Баламен ашық сөйлесіңіз|Толығырақ: ${c.url('org')}}`) },
  { id: 'en.neg.codes_memo', label: B, lang: 'en', desc: 'English prevention memo quoting emoji codes',
    topic: ['parents', 'safety', 'school', 'prevention'], paths: ['', '/guide'],
    gen: (c) => c.t(`{Parents, learn the code:|Teachers' guide:|Know the signs:} {dealers|online shops} use emoji like ${codes(c, c.int(2, 4))} and spellings like "${disguised(c)}" {to dodge filters|in ads}. {Talk to your kids|Report ads to 102|Full guide: ${c.url('org')}}`) },

  // ---------------- propaganda without a seller ----------------
  { id: 'ru.prop.harm_denial', label: P, lang: 'ru', desc: 'harm denial: a drug no worse than coffee/alcohol, doctors lie',
    gen: (c) => c.t(`{${c.dn(c.drug(['heroin', 'meph', 'coke', 'amph', 'mdma', 'weed']))} в {малых дозах|меру} не опаснее {кофе|сигарет|пива|энергетика}|От ${c.p(['пары дорожек', 'одной таблы', 'косячка', 'дозы по выходным'])} ещё никто не умер}, {а наркологи просто пугают, чтобы зарабатывать|это вам любой опытный скажет|врачи врут, проверено на себе}.{ Не ведитесь на страшилки|}`) },
  { id: 'kk.prop.harm_denial', label: P, lang: 'kk', desc: 'Kazakh harm denial',
    gen: (c) => c.t(`${c.dn(c.drug(['meph', 'weed', 'mdma', 'coke']), 'kk')} {аз мөлшерде|анда-санда} {кофеден қауіпті емес|сыраның зиянынан аз}, {дәрігерлер бекер қорқытады|наркологтар ақша табу үшін үркітеді|бәрі өтірік}. {Өзім тексердім|Сенбеңдер ертегілерге}`) },
  { id: 'mixed.prop.drop_hunt', label: P, lang: 'mixed', desc: 'dead-drop hunting as a game or adventure',
    gen: (c) => c.t(`{${c.o('Клад')} іздеу — нағыз квест|${c.o('Закладка')} іздеу — бізде жаңа хобби|Выходные в ${c.prepCity()}: координаты, фонарик и ${c.o('клад')}} {😂|😎|🤙} {кім бірінші тапса, сол жеңеді|адреналин лучше любого кино|скучно жить без этого}{ #${c.p(['кладоискатели', 'квест', 'вайб'])}|}`) },
  { id: 'en.prop.emoji_use', label: P, lang: 'en', desc: 'emoji-only drug cue encouraging use',
    gen: (c) => c.t(`{Why pay for therapy when ${codes(c, 1)} exists?|Bad day? Nothing ${codes(c, 1)} can't fix.|Monday fixed by ${codes(c, 1)} 🙌|Who needs sleep when there's ${codes(c, 1)}?} {Roll one and chill|Light up, forget your problems|Take the edge off, you deserve it|Try it once, thank me later} {#420|#vibes|#weekend|}`) },
  { id: 'ru.prop.track_glam', label: P, lang: 'ru', desc: 'track announcement glamorising use, with a link',
    topic: ['music', 'beats', 'track', 'sound'], paths: ['/track', '/listen', ''],
    gen: (c) => c.t(`{Новый трек|Премьера|Свежий релиз} «${c.p(['Белая ночь', 'Снегопад', 'До утра', 'Вайб'])}» ${codes(c, 1)} — {про кайф, тусовки и ${c.p(['дорожку до утра', 'снег на столе', 'таблы на танцполе', 'мефовые ночи'])}|где ${c.dn(c.drug(['coke', 'meph', 'mdma']))} — {главный герой|лучший друг}}. {Слушать|Врубай}: ${c.url('org')}`) },

  { id: 'mixed.prop.legalize', label: P, lang: 'mixed', desc: 'legalise slogans with a call to use (ru/kk/en)',
    gen: (c) => c.t(`{ЛЕГАЛАЙЗ|Легалайз|LEGALIZE IT|Легализация} {🌿|🍁|✊|} {— кури свободно|қазір! шөпті еркін тартайық|— трава не преступление, кури смело|now, smoke free} {💨|✌️|}{ #${c.p(['легалайз', '420', 'freeweed', 'шөп'])}|}`) },
  { id: 'kk.prop.nature_gift', label: P, lang: 'kk', desc: 'Kazakh pro-use philosophy: weed/LSD as nature, law outdated',
    gen: (c) => c.t(`{Шөп|Жасыл|Ганджа|${c.dn(c.drug(['weed', 'lsd', 'shrooms']), 'kk')}} — {табиғаттың сыйы|ешкімге зияны жоқ өсімдік|ойды ашатын нәрсе} {🌿|🍄|🌈|}. {Оған тыйым салған заң ескірген|Мемлекет бекер қорқытады|Бір рет татып көрсең, түсінесің}. {Достарыңмен бірге тартып көр|Өмірге басқаша қарайсың|Қорықпаңдар, бұл жай тәжірибе}.`) },
  { id: 'ru.prop.layer_heroes', label: P, lang: 'ru', desc: 'romanticising stash-layers and dead drops, no job offer',
    gen: (c) => c.t(`{${c.o('Кладмены')}|${c.o('Закладчики')}|Ребята с ${c.o('кладами')}} — {настоящие герои района|романтики ночного города|самые смелые люди, которых я знаю} {🦸|🌃|😎|}. {Пока вы спите, они работают|Риск — их профессия|Уважение тем, кто не боится}. {Респект|Слава ${c.o('кладменам')}|Кто со мной согласен? 👇}`) },
  { id: 'kk.prop.drop_game', label: P, lang: 'kk', desc: 'Kazakh: searching for dead drops as a game, magnets, coordinates',
    gen: (c) => c.t(`{Бүгін|Демалыста|Түнде} {${c.o('магнит')} іздеуге|${c.o('клад')} аулауға|координатпен «аңға»} шығамыз {🧲|🗺️|🔦} — {нағыз шытырман оқиға|жастардың жаңа ойыны|адреналин кинодан да күшті}! {Кім бізбен?|Бірінші тапқан — жеңімпаз|Ата-анаң білмесін 😏}`) },
  { id: 'mixed.prop.mock_prevention', label: P, lang: 'mixed', desc: 'mocking prevention lessons, use is fine (kk/ru)',
    gen: (c) => c.t(`{Профилактика сабағы|Классный час «скажи нет»|Лекция нарколога} {🙄|😴} {«${c.p(['нашақорлық өлтіреді', 'наркотики убивают', 'бір рет те болмайды'])}» бла-бла|тағы да ертегі}. {Менің досым ${c.int(3, 10)} жыл ${c.p(['курит', 'тартады', 'употребляет'])}, бәрі жақсы|Всё это пропаганда, попробуй сам и поймёшь|Үлкендер бізді алдайды, ${c.dn(c.drug(['weed', 'mdma', 'meph']))} — бұл жай демалыс} {😂|🤷}`) },
  { id: 'kk.prop.song', label: P, lang: 'kk', desc: 'Kazakh/Russian song lines glamorising use and dead drops',
    gen: (c) => c.t(`🎵 {Түнде қала ұйықтайды|Алматы жарқырайды|Басымда тек бит}, {мен ${c.o('кладқа')} барамын|қалтамда ${c.dn(c.drug(['meph', 'weed', 'mdma']), 'kk')}}, / {${c.dn(c.drug(['meph', 'coke', 'mdma']))} в крови, я лечу|таңға дейін ұшамыз|бәрі әдемі, бәрі жеңіл} 🎵 {— жаңа трек, репост жасаңдар!|— слушайте новый трек|}`) },

  // ---------------- recruitment ----------------
  { id: 'en.rec.euphemism', label: C, lang: 'en', desc: 'recruitment through euphemisms: gardeners, postmen, plant packages',
    gen: (c) => c.t(`{Be your own boss 😎|No office, no boss|Side hustle in ${c.city.en}}: we need '${c.p(['gardeners', 'postmen', 'treasure makers', 'photographers', 'walkers'])}' {🌱|📦|📸|} — {plant little packages|leave small parcels in quiet spots|hide gifts around town}, {snap a pic with coordinates|send the location|photo + GPS}, get paid in {crypto|USDT|BTC} {daily|every night}. {Ping|Write|Apply} ${c.tg('rec', 'any')}`) },
  { id: 'ru.rec.euphemism', label: C, lang: 'ru', desc: 'Russian euphemism recruitment: "садовники", "почтальоны"',
    gen: (c) => c.t(`{Нужны|В команду нужны|Срочно нужны} «${c.p(['садовники', 'почтальоны', 'фотографы', 'грибники', 'Деды Морозы'])}» {в ${c.prepCity()}|по ${c.city.dat}}: {раскладываешь небольшие «подарки»|прячешь посылочки в укромных местах|«сажаешь» пакетики}, {фото с координатами|скидываешь точку} — {оплата каждый вечер в USDT|${c.money(c.int(3, 8) * 1000)} за адрес}. ${c.tg('rec', 'any')}`) },
  { id: 'ru.rec.stencil', label: C, lang: 'ru', desc: 'stencil/graffiti one-liner: job, big pay, handle only',
    gen: (c) => c.t(`{РАБОТА|ПОДРАБОТКА|РАБОТА КУРЬЕРОМ|КУРЬЕРЫ|ЖҰМЫС БАР|ЛЁГКИЕ ДЕНЬГИ} {${c.int(50, 200)}К/ДЕНЬ|ОТ ${c.int(3, 9)}00К|${c.int(30, 90)}К ЗА СМЕНУ|КҮНІНЕ ${c.int(30, 90)}К} {ТГ|TG|ТЕЛЕГА} ${c.tg('rec', 'at')}`) },
  { id: 'kk.rec.shop_staff', label: C, lang: 'kk', desc: 'Kazakh: shop staff vacancy, operator and layer',
    gen: (c) => c.t(`{${c.o('Закладчик')} және оператор керек|Дүкенге оператор мен ${c.o('кладмен')} қажет|Командаға оператор іздейміз} {💻|📱|}: {клиентке ${c.o('клад')} мекенжайын жіберу, чек тексеру|тапсырыстарды қабылдау, курьерлерге мекенжай тарату|чатта жауап беру, төлемді тексеру}. {Айына ${c.int(4, 9)}00 мың|Күніне ${c.int(20, 60)} мың}{, VPN міндетті|, анонимді|}. ${c.tg('rec', 'at')}`) },
];
