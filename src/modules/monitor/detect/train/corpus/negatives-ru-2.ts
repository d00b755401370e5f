/** benign hard negatives, Russian: legal jobs and goods that share vocabulary with drug ads. Original wording. */
import type { Ctx, Family } from './ctx.js';

const L = 'benign' as const;

const EMPLOYERS = ['Яндекс Еда', 'Glovo', 'Wolt', 'Казпочта', '«Жедел Жеткізу»', '«ТезЖол»', '«Быстрый Кит»', '«Сәтті Курьер»', '«ДомДоставка»',
  '«Арман Логистик»', '«Жол Экспресс»', '!«Қанат Delivery»', '!«Ақжол Маркет»'];
const JOBS = { topic: ['jobs', 'vacancy', 'hr', 'kurier', 'delivery', 'logistic', 'karera', 'zhumys', 'express', 'dostavka'], paths: ['/vacancy', '/jobs', '/apply', '/karera', ''] };

function contactOrg(c: Ctx): string {
  return c.r.weighted<() => string>([[() => c.phone(), 4], [() => c.url('org'), 3], [() => c.tg('biz', 'at'), 3], [() => '', 2]])();
}

function priceKzt(c: Ctx, lo: number, hi: number): string {
  return c.money(c.int(lo, hi) * 500);
}

export const RU_NEG_2: Family[] = [
  { id: 'ru.neg.courier_job', label: L, lang: 'ru', desc: 'legit courier job: named employer, contract, normal pay', w: 3, ...JOBS,
    gen: (c) => c.t(`{${c.p(EMPLOYERS)} приглашает курьеров|Курьеры в ${c.p(EMPLOYERS)}|Вакансия: курьер доставки|Партнёр ${c.p(EMPLOYERS)} набирает курьеров} {в ${c.prepCity()}|, ${c.city.ru}}{:|.} {оформление по договору|официальное трудоустройство|самозанятость или ТД на выбор}, {выплаты каждую пятницу|зарплата дважды в месяц|страховка}, {от ${c.int(180, 350)} 000 ₸|${c.money(c.int(8, 15) * 100)} за заказ + ГСМ|фикс + процент}{, термокороб и форма от компании|, пеший, вело или авто|}. {Отклик|Тел.|Анкета}: ${contactOrg(c) || c.phone()}`) },
  { id: 'ru.neg.warehouse', label: L, lang: 'ru', desc: 'warehouse / packer / merchandiser jobs', w: 2, ...JOBS,
    gen: (c) => c.t(`{Склад бытовой техники ищет кладовщика|На производство пельменей нужны упаковщицы|Фасовщик на линию сухофруктов и орехов|Мерчендайзер: выкладка товара в гипермаркетах|Сборщик заказов на склад интернет-магазина|Кладовщик-оператор 1С}, ${c.city.ru}. {График 2/2, смены по 12 ч|Полный соцпакет|Официально, с первого дня}, ${c.int(180, 320)} 000 ₸{ + премия|}. {Резюме — в отдел кадров|Звоните: ${c.phone()}|${c.url('org')}}`) },
  { id: 'ru.neg.highpay', label: L, lang: 'ru', desc: 'legit high-pay jobs: rotation, taxi', w: 2, ...JOBS,
    gen: (c) => c.t(`{Высокая зарплата —|Достойный доход:|Вахтовый метод:} {бурильщик на месторождение, ${c.int(600, 1200)} 000 ₸, жильё и питание за счёт компании|водитель такси на авто парка, до ${c.int(400, 800)} 000 ₸|электросварщик на объект, ${c.int(500, 900)} 000 ₸, официально|монтажник металлоконструкций, вахта 15/15}. {Нужен опыт от года|Медосмотр оплачиваем|Трудовой договор}. ${c.phone()}`) },
  { id: 'ru.neg.salt', label: L, lang: 'ru', desc: 'cooking/bath salt, salt cave', w: 3,
    topic: ['salt', 'spa', 'tuz', 'bath', 'relax', 'solyanaya', 'himalaya'], paths: ['', '/catalog', '/shop', '/zapis'],
    gen: (c) => c.t(`{Морская соль для ванночек {с эвкалиптом|с ромашкой|с маслом апельсина} 🧂{🌿|🛁|}, ${c.int(1, 5) * 500} г — ${priceKzt(c, 4, 14)}|Каменная соль {пищевая|техническая}, {мешок ${c.int(25, 50)} кг|от тонны}, оптом|Галокамера: сеанс ${c.int(20, 45)} мин — ${priceKzt(c, 4, 10)}|Розовая соль крупного помола для гриля|Соль для посолки сала и рыбы, ${c.int(1, 10)} кг}. {${c.city.ru}|Привезём по ${c.city.dat}}. ${contactOrg(c)}`) },
  { id: 'ru.neg.cones', label: L, lang: 'ru', desc: 'cedar/pine cones, hops, crafts', w: 2,
    topic: ['kedr', 'orekh', 'shishki', 'taiga', 'eco', 'tosap', 'handmade', 'pivovar'], paths: ['', '/catalog', '/shop'],
    gen: (c) => c.t(`{Кедровый орех в шишках, свежий сбор, ${c.int(5, 20)} кг|Джем из молодых сосновых шишек 🌲, ${c.int(1, 3)} банки|Шишки для осенних поделок — набор для детсада|Хмелевые шишки для пивоварения, ${c.int(50, 500)} г|Еловые шишки для декора, крупные|Кулинарный класс: печём «шишки» из слоёного теста}. ${c.city.ru}. ${contactOrg(c)}`) },
  { id: 'ru.neg.speed', label: L, lang: 'ru', desc: 'internet speed', w: 2,
    topic: ['net', 'telecom', 'internet', 'fiber', 'speed', 'wifi', 'online', 'svyaz'], paths: ['', '/tarify', '/podkluchenie', '/zayavka'],
    gen: (c) => c.t(`{Оптика в каждый дом: скорость до ${c.int(3, 10) * 100} Мбит/с|Почему вечером падает скорость Wi-Fi? Разбираемся|Тариф «Турбо»: скорость ${c.int(2, 10) * 100} Мбит/с + ТВ|Провайдер обещал гигабит, а скорость ${c.int(5, 40)} Мбит 🙄|Сравнили скорость мобильного интернета в ${c.prepCity()}} {Подключение за 1 день.|Первый месяц бесплатно.|}{ Заявка: ${c.url('org')}||}`) },
  { id: 'ru.neg.hairdryer', label: L, lang: 'ru', desc: 'hair dryer for sale', w: 2,
    topic: ['tech', 'beauty', 'elektro', 'market', 'bytovaya'], paths: ['', '/catalog'],
    gen: (c) => c.t(`{Фен ${c.p(['Philips', 'Dyson', 'Braun', 'Rowenta', 'Xiaomi', 'Remington'])}|Профессиональный фен для салона|Фен-стайлер с насадками|Дорожный складной фен}{, ${c.int(12, 24) * 100} Вт|, холодный обдув|, ионизация|}, {пользовались пару раз|новый, подарили два|с гарантией}, ${priceKzt(c, 16, 240)}. ${c.cityRu()}, {заберёте сами|доставка по городу}. ${contactOrg(c)}`) },
  { id: 'ru.neg.stamps', label: L, lang: 'ru', desc: 'postage stamps collecting', w: 2,
    topic: ['marki', 'filatelia', 'collector', 'stamps', 'numizmat'], paths: ['', '/catalog', '/club'],
    gen: (c) => c.t(`{Альбом почтовых марок {фауна|спорт|космос}, ${c.int(50, 600)} шт|Первые марки независимого Казахстана, гашёные и чистые|Ищу марки с Байконуром для коллекции|Встреча филателистов в библиотеке в субботу|Кляссер с марками 1970-х}. {Меняю или продаю|Оценю бесплатно|Приходите с альбомами}. ${c.city.ru}. ${contactOrg(c)}`) },
  { id: 'ru.neg.treasure', label: L, lang: 'ru', desc: 'treasure hunting / metal detecting', w: 2,
    topic: ['detektor', 'poisk', 'kazyna', 'history', 'muzey', 'kraeved', 'quest'], paths: ['', '/tours', '/shop'],
    gen: (c) => c.t(`{Поисковики из ${c.city.gen} откопали клад: {медные монеты|серебряные украшения} XIX века ушли в краеведческий музей|Металлодетектор ${c.p(['Minelab', 'Garrett', 'XP'])} с катушкой, в хорошем состоянии — ${priceKzt(c, 80, 300)}|Пешая экскурсия по старому городу: купеческие дома и байки о зарытых кладах|Детский квест «Пиратский клад», ${c.int(6, 12)}+|Форум кладоискателей: где копать законно?}. ${contactOrg(c)}`) },
  { id: 'ru.neg.crypto', label: L, lang: 'ru', desc: 'legal crypto exchange / freelance payments', w: 2,
    topic: ['crypto', 'exchange', 'obmen', 'p2p', 'dev', 'design', 'studio'], paths: ['', '/contacts', '/price'],
    gen: (c) => c.t(`{Обмен USDT ↔ тенге через офис, лицензия МФЦА|Студия дизайна: оплату за логотипы принимаем криптой|Репетитор по Python, можно оплатить в USDT|Продам видеокарту, расчёт в крипте|Бухгалтерские услуги для ИП, оплата в стейблкоинах по договору}. ${c.cityRu()}. ${c.wallet()}{. Акт и счёт-фактура|}`) },
  { id: 'ru.neg.magnets', label: L, lang: 'ru', desc: 'fridge/souvenir/neodymium magnets',
    topic: ['magnit', 'suvenir', 'gift', 'souvenir', 'print'], paths: ['', '/catalog'],
    gen: (c) => c.t(`{Сувенирные магнитики «${c.city.ru}» для туристов, от ${c.int(50, 300)} штук|Неодимовые магниты для поиска в реке|Магнитный конструктор для детей 3+|Печать фото на магнитах за 15 минут|В супермаркете «Магнум» акция: магнитики за покупки}. ${contactOrg(c)}`) },
  { id: 'ru.neg.grass', label: L, lang: 'ru', desc: 'lawn grass, hay, herbal tea', w: 2,
    topic: ['gazon', 'sad', 'bau', 'baksha', 'seno', 'chai', 'agro', 'ogorod'], paths: ['', '/catalog', '/shop'],
    gen: (c) => c.t(`{Газонная трава {теневыносливая|для футбольного поля}, ${c.int(1, 10)} кг семян|Тюки сена и люцерны для лошадей, ${c.int(50, 300)} шт|Сбор трав для чая: чабрец, душица, мята 🌿|Скашиваем траву на дачах триммером|Посадка рулонного газона}. {${c.city.ru}|С доставкой по ${c.city.dat}}. ${contactOrg(c)}`) },
  { id: 'ru.neg.crystals', label: L, lang: 'ru', desc: 'minerals, craft crystals, venue names',
    topic: ['crystal', 'stone', 'mineral', 'kamni', 'handmade', 'katok', 'salon'], paths: ['', '/catalog', '/afisha'],
    gen: (c) => c.t(`{Друзы кварца и аметиста 💎 для интерьера|Кристаллы Сваровски для вышивки, ${c.int(500, 2000)} шт|Набор «Вырасти кристалл» для детей 8+|Спорткомплекс «Кристалл»: открыт набор в секцию плавания|Кафе «Кристалл» принимает заказы на банкеты}. ${c.city.ru}. ${contactOrg(c)}`) },
  { id: 'ru.neg.snow', label: L, lang: 'ru', desc: 'snow in weather / kids parties', w: 2,
    topic: ['uborka', 'snow', 'kids', 'prazdnik', 'animator', 'pogoda'], paths: ['', '/uslugi'],
    gen: (c) => c.t(`{Синоптики: ночью в ${c.prepCity()} снег ❄️ и мороз до −${c.int(10, 30)}°|Первый снег 🌨 — все на горку!|Вывоз снега самосвалами, очистка кровли|Новогодняя ёлка для детей: Снегурочка, снежки, подарки|Школы перешли на дистанционку из-за снегопада}. ${contactOrg(c)}`) },
  { id: 'ru.neg.mushrooms', label: L, lang: 'ru', desc: 'mushroom picking / food', w: 2,
    topic: ['grib', 'ferma', 'eco', 'shampinon', 'tour', 'les'], paths: ['', '/shop'],
    gen: (c) => c.t(`{Тихая охота 🍄: собираем подосиновики, выезд в 6 утра|Вешенки с фермы, ящик ${c.int(2, 10)} кг|Солёные грузди, домашние|МЧС напоминает: не собирайте незнакомые грибы|Рецепт: жульен с шампиньонами}. ${c.city.ru}. ${contactOrg(c)}`) },
  { id: 'ru.neg.chatter', label: L, lang: 'ru', desc: 'ordinary chatter incl. literal "мяу", "план", "скорость"', w: 3,
    gen: (c) => c.r.pick([
      () => c.t(`{Кто|Кто-нибудь} {знает|посоветует} {хорошего стоматолога|нормальный автосервис|репетитора по математике|ветеринара|мастера по ремонту телефонов|недорогую химчистку} в ${c.prepCity()}{?| (${c.district()})?}`),
      () => c.t(`{Кошка|Котёнок|Наш Барсик} {в три ночи устраивает концерт «мяу-мяу»|мяукает каждый раз, когда открываю холодильник|научился открывать дверь и гордо мяукает} {😂|😅|🙈|🐱}`),
      () => c.t(`{Собираемся|Едем} {на шашлыки|в горы|на футбол|играть в настолки} в {субботу|воскресенье}{, ${c.city.ru}|}. {Кто с нами?|Машина есть, места два|Скидываемся по ${c.money(c.int(2, 6) * 1000)}}`),
      () => c.t(`План на {выходные|вечер|неделю}: {баня и плов|сериал и пицца|спортзал и сон|закрыть отчёт и выспаться|съездить к родителям} {🔥|😴|💪|}`),
      () => c.t(`Продам {велосипед, колёса 26|детскую коляску|шкаф-купе|приставку с играми|диван, почти новый}, ${priceKzt(c, 20, 300)}, ${c.city.ru}`),
      () => c.t(`{Досрочное погашение ипотеки|Погашение кредитки через приложение} — {есть подводные камни?|кто делал?|как посчитать выгоду?}`),
      () => c.t(`{Темп|Скорость} жизни в ${c.prepCity()} {сумасшедший|выматывает}, {мечтаю о деревне|хочу на Иссык-Куль|нужен отпуск} {😩|🏔️|}`),
      () => c.t(`Сегодня в ${c.prepCity()} {пробки 9 баллов|ветер сдувает|жара +${c.int(33, 42)}|гололёд}, {берегите себя|сидим дома|опоздал на работу} {😤|🙃|}`),
      () => c.t(`Гашёная известь для побелки {деревьев|стен}, мешок 25 кг — ${priceKzt(c, 3, 8)}. ${c.city.ru}`),
      () => c.t(`{Поздравляю|С днём рождения}, ${c.p(['Айгерим', 'Данияр', 'Ольга', 'Марат', 'Асель', 'Серик', 'Дана'])}! {Счастья, здоровья|Пусть всё получится} {🎉|🎂|💐}`),
    ])() },
  { id: 'ru.neg.party', label: L, lang: 'ru', desc: 'party/club announcement without drugs',
    topic: ['club', 'fest', 'tickets', 'sound', 'music', 'party', 'events'], paths: ['', '/tickets', '/afisha'],
    gen: (c) => c.t(`{Суббота в клубе «${c.p(['Луна', 'Жулдыз', 'Космос', 'Атлантида'])}»|Фестиваль электронной музыки у озера|Вечеринка в стиле 90-х}: {диджеи до утра 🎧|живой звук и караоке}, билет ${priceKzt(c, 6, 20)}. {Строгий дресс-код, 21+|Трезвая вечеринка — без алкоголя и запрещённых веществ|Охрана и досмотр на входе}. {Билеты: ${c.url('org')}|}`) },
  { id: 'ru.neg.order', label: L, lang: 'ru', desc: 'order/tracking numbers, not phones', gen: (c) => c.t(`{Ваш заказ ${c.int(1, 6)}${c.r.digits(9)} собран и ждёт курьера|Отправление ${c.int(1, 6)}${c.r.digits(9)} доставлено в постамат|Оплата не прошла: карта ${c.card(false)} не существует}. {Статус можно проверить в приложении.|Введите реквизиты заново.|}`) },
  { id: 'ru.neg.chocolate', label: L, lang: 'ru', desc: 'chocolate bars / paving slabs (slang overlap)',
    topic: ['choco', 'shokolad', 'sweet', 'konditer', 'plitka', 'bruschatka'], paths: ['', '/catalog'],
    gen: (c) => c.t(`{Бельгийский шоколад 🍫 плитками по 100 г, ${priceKzt(c, 3, 8)}|Тротуарная плитка и брусчатка, укладка от 100 м²|Шоколадные плитки ручной работы с курагой|Кафельная плитка для ванной, остатки со скидкой}. ${c.city.ru}. ${contactOrg(c)}`) },
  { id: 'ru.neg.shop_bot', label: L, lang: 'ru', desc: 'legit shop bot, 24/7, nationwide', w: 2,
    topic: ['pizza', 'cvety', 'voda', 'zapchasti', 'toys', 'eda', 'sushi'], paths: ['', '/menu'],
    gen: (c) => c.t(`{Заказ в боте|Бот для заказов|Закажите за минуту}: ${c.tg('biz', 'at')} — {пицца и роллы|букеты и шары|питьевая вода 19 л|автозапчасти|игрушки и книги}, {доставка 24/7|круглосуточно|отправка по всему Казахстану}. {Платите Kaspi QR|Оплата картой при получении}.`) },
  // ---- held out ----
  { id: 'ru.neg.tyres', label: L, lang: 'ru', hold: true, desc: 'tyres "колёса", citric acid', topic: ['shina', 'kolesa', 'auto', 'tyres', 'diski'], paths: ['', '/catalog'], gen: (c) => c.t(`{Колёса R${c.int(14, 19)} в сборе, зимние, ${priceKzt(c, 100, 400)}|Лимонная кислота пищевая, 1 кг|Шиномонтаж 24/7, колёса с дисками в наличии}. ${c.city.ru}. ${contactOrg(c)}`) },
  { id: 'ru.neg.hydro', label: L, lang: 'ru', hold: true, desc: 'home hydroponics/greens', topic: ['gidro', 'green', 'sad', 'agro', 'eco', 'mikrozelen'], paths: ['', '/shop'], gen: (c) => c.t(`{Вертикальная грядка для зелени на балконе|Фитолампа для рассады|Микрозелень: горох, подсолнух, редис} — ${priceKzt(c, 20, 100)}. Доставка по ${c.city.dat}. ${contactOrg(c)}`) },
];
