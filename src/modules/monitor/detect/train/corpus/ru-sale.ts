/** drug_sale templates, Russian. Wording is original; see README for the family list. */
import type { Ctx, Family } from './ctx.js';
import type { Drug } from './vocab.js';

const L = 'drug_sale' as const;

function dropPhrase(c: Ctx): string {
  return c.t(`{Выдача ${c.o('кладом')} через {5|10|20} мин после оплаты|Точки по всем районам|${c.o('Магниты')} и ${c.o('прикопы')} в каждом районе|Самовывоз из ${c.o('тайника')}|${c.o('Тайники')} обновляем каждый день|Координаты и фото приходят автоматически|Можно в руки, можно ${c.o('закладкой')}|Адрес выдаёт бот сразу после оплаты|${c.o('Клады')} круглосуточно|Забираешь сам — точка в боте|${c.o('Закладки')} в спальниках и в центре|Только бесконтакт: ${c.o('магнит')} или ${c.o('прикоп')}}`);
}

function quality(c: Ctx): string {
  return c.t(`{Чистота 95%+|Товар проверен|Ровный вес|Вес в плюс|Крупный кристалл|Отборный товар|Лабораторный тест на каждую партию|Работаем честно|Свежая партия|Кешбэк постоянным|Цены ниже рынка}`);
}

function priceLine(c: Ctx, d: Drug): string {
  const q = c.qty(d);
  const e = c.chance(0.6) ? c.em(d) + ' ' : '';
  const g = c.chance(0.35) ? ' ' + c.grade(d) : '';
  const sep = c.r.pick([' — ', ' - ', ' – ', ': ', ' = ', ' ', ' ➡️ ']);
  let line = `${e}${c.dn(d)}${g} ${c.qtyStr(d, q)}${sep}${c.money(c.amount(d, q))}`;
  if (c.chance(0.3)) {
    const q2 = d.unit === 'шт' ? 5 : c.r.pick([2, 3, 5]);
    line += c.r.pick([' / ', ', ', ' | ']) + `${c.qtyStr(d, q2)}${sep}${c.money(c.amount(d, q2))}`;
  }
  return line;
}

function pay(c: Ctx): string {
  return c.t(`{Способы оплаты|Принимаем|Платёж}: {Kaspi и крипта|USDT / BTC|перевод на карту или крипта|только крипта|Kaspi, Halyk, крипта|BTC, USDT, Kaspi}`);
}

/**
 * Street names that mean a drug on their own, with no shop around them: the bare offer below uses
 * only these (never salt, cones, hair dryers, stamps, speed or snow, whose sale is ordinary; nor
 * "бошки", whose letters are those of goats and cats, ешкі and кошки, to a char n-gram).
 */
export const BARE_RU = ['мефедрон', 'меф', 'мяу', 'альфа-PVP', 'α-PVP', 'амфетамин', 'спиды', 'марихуана', 'ганджа', 'каннабис',
  'гашиш', 'гаш', 'кокаин', 'экстази', 'МДМА', 'ЛСД', 'героин', 'метадон', 'спайс', 'метамфетамин', 'псилоцибин'];

/** One or two bare names, possibly obfuscated. */
function bareNames(c: Ctx, names: readonly string[], and: string): string {
  const a = c.o(c.p(names));
  if (!c.chance(0.3)) return a;
  const b = c.o(c.p(names));
  return b === a ? a : `${a}${and}${b}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const RU_SALE: Family[] = [
  { id: 'ru.sale.offer', label: L, lang: 'ru', desc: 'direct offer with substances, city and drop method', w: 3,
    gen: (c) => {
      const ds = c.drugs(c.int(1, 3));
      const where = c.t(`{${c.cityRu()}|${c.cityRu()}, ${c.district()}|г. ${c.city.ru}|${c.city.ru}, {${c.district()} и ${c.district()}|любой район}|по ${c.city.dat}|в ${c.city.prep}}`);
      return c.t(`{Продам|Продаю|Отдаём|Сейчас есть|На руках|Свежий завоз:|Пришла партия:|Предлагаем} ${c.dl(ds)}{.|,|!} ${where}{.|!|,} ${dropPhrase(c)}{.|!|} {${quality(c)}. |}${c.shopContact('ru')}`);
    } },
  { id: 'ru.sale.bare', label: L, lang: 'ru', desc: 'bare offer: a sale word and a drug name, no contact, drop or price', w: 2,
    gen: (c) => {
      const names = bareNames(c, BARE_RU, c.r.pick([' и ', ', ', ' / ']));
      const tail = c.t(`{|, недорого|, качество|, хорошего качества|, ${c.cityRu()}|, по ${c.city.dat}|, в наличии|, опт и розница|, от 1 г|, цена договорная|, пишите|, в лс|, обращайтесь|, всё ровно}`);
      return c.chance(0.65)
        ? c.t(`{Продаю|Продам|Есть|В наличии|Имеется|Отдам недорого|Кому надо|Кому нужно|Могу достать|Есть качественный|Продаём}${c.r.pick([' ', ': ', ' — '])}${names}${tail}`)
        : c.t(`${cap(names)} {продаю|продам|в наличии|есть|недорого|по ${c.city.dat}|кому надо}${tail}`);
    } },
  { id: 'ru.sale.pricelist', label: L, lang: 'ru', desc: 'multi-line price list in tenge', w: 3,
    gen: (c) => {
      const ds = c.drugs(c.int(2, 5));
      const head = c.t(`{ЦЕНЫ НИЖЕ РЫНКА — ${c.city.ru.toUpperCase()}|📋 Прайс-лист|Витрина ${c.city.gen}|Что есть на {сегодня|выходные}|${c.city.ru} | прайс|Свежий прайс 🔥|${c.city.ru.toUpperCase()} 💯 НАЛИЧИЕ|Обновили цены}`);
      return c.lines(head, ...ds.map((d) => priceLine(c, d)), c.chance(0.7) && c.t(`{${dropPhrase(c)}|Районы: ${c.district()}, ${c.district()}|От 0,5 г|Доставка кладом 24/7|${quality(c)}}`),
        c.chance(0.4) && pay(c), c.shopContact('ru'));
    } },
  { id: 'ru.sale.graffiti', label: L, lang: 'ru', desc: 'graffiti/stencil transcription: names + contact', w: 2,
    gen: (c) => {
      const ds = c.drugs(c.int(1, 3));
      const body = c.chance(0.5) ? c.dl(ds, 'ru', [' ', ' ', '  ', ' / ']).toUpperCase() : ds.map((d) => c.em(d)).join('');
      const tail = c.t(`{|24/7 |${c.o('КЛАДЫ')} |${c.city.ru.toUpperCase()} |ТЕЛЕГА |ТГ |ЗАХОДИ }`);
      const core = `${body} ${tail}${c.tg('shop', c.r.pick(['at', 'at', 'link', 'bare'] as const))}`;
      return c.chance(0.45) ? c.t(`{Трафарет|Краской|Баллончиком} на {стене гаражей|торце пятиэтажки|асфальте у школы|заборе стройки|трансформаторной будке|двери лифта}: «${core}»`) : core;
    } },
  { id: 'ru.sale.new_shop', label: L, lang: 'ru', desc: 'new shop opened / comeback announcement',
    gen: (c) => c.t(`{Стартуем в ${c.prepCity()} 🚀|После перерыва снова на связи|Открыли точку в ${c.prepCity()}|Новый проект в ${c.prepCity()}|Мы снова работаем, ${c.city.ru}} ${c.dl(c.drugs(c.int(2, 4)))}. {Первая покупка −{10|15|20}%|Бонус за первый заказ|Приведи друга — получи 0,5 в подарок|Постоянным кешбэк}{.|!} {Актуальный бот|Бот|Связь|Переходи}: ${c.tg('shop', c.chance(0.8) ? 'at' : 'link')}`) },
  { id: 'ru.sale.shill_review', label: L, lang: 'ru', desc: 'comment/review advertising a shop', w: 2,
    gen: (c) => {
      const d = c.drug();
      return c.t(`{Народ, |Всем салют. |Отзыв 👇 |★★★★★ |Кому актуально: |}{заказывал {вчера|на выходных} ${c.dn(d)}, координаты точные, забрал без проблем|${c.dn(d)} огонь, вес честный, {второй|пятый|десятый} раз у них|оператор отвечает за минуту, адрес пришёл сразу, ${c.dn(d)} топ|за полгода ни одного ненахода, ${c.dn(d)} стабильно хороший}{, ${c.city.ru}|}. {Сам беру тут|Вот их бот|Кому надо —|Ссылка} ${c.tg('shop', c.chance(0.75) ? 'at' : 'link')} {👌|🔥|🤙|}`);
    } },
  { id: 'ru.sale.mirror', label: L, lang: 'ru', desc: 'shop mirror / new address after ban',
    gen: (c) => {
      const addr = c.r.weighted<() => string>([[() => c.onion(), 3], [() => c.dom('shop'), 3], [() => c.url('shop'), 2], [() => c.tg('shop', 'at'), 3]])();
      return c.t(`{Сохраните запасной адрес|Основной домен лежит, работаем тут|Бот снесли — переезжаем|Рабочий адрес на сегодня|Если не открывается — через Tor}: ${addr} {⚠️|❗|} {ассортимент тот же|баланс и скидки сохранены|старые ссылки не открывайте|${c.dl(c.drugs(c.int(1, 3)))} на месте|в ${c.prepCity()} всё как прежде}`);
    } },
  { id: 'ru.sale.payment', label: L, lang: 'ru', desc: 'payment instructions for a dead-drop purchase',
    gen: (c) => {
      const how = c.r.weighted<() => string>([[() => c.wallet(), 4], [() => `карта ${c.card()}`, 3], [() => `Kaspi по номеру ${c.phone()}`, 2], [() => `${c.wallet()} или карта ${c.card()}`, 1]])();
      return c.t(`{Реквизиты для оплаты|Переводить сюда|Кошелёк для оплаты|Куда платить}: ${how}{.|} {Скрин перевода → ${c.tg('oper', 'at')}, адрес в течение 5 минут|Как только деньги зайдут, бот пришлёт фото точки|Без чека адрес не выдаём|После зачисления — координаты ${c.o('тайника')} и фото с ориентиром|Хэш транзакции пришлите оператору ${c.tg('oper', 'at')}}`);
    } },
  { id: 'ru.sale.hashtags', label: L, lang: 'ru', desc: 'hashtag spam for a shop',
    gen: (c) => {
      const tags = [...c.drugs(c.int(2, 4)).map((d) => c.p(d.ru).replace(/[\s-]/g, '')), c.city.ru.replace(/-/g, ''), c.p(['закладки', 'клад', 'кладмен', 'купить', 'шоп', 'мяу', 'магнит', 'прикоп', 'тайник'])];
      return `${c.r.shuffle(tags).map((t) => '#' + t).join(' ')} ${c.tg('shop', 'at')}`;
    } },
  { id: 'ru.sale.checklist', label: L, lang: 'ru', desc: 'checkmark list of products', gen: (c) => {
      const mark = c.r.pick(['✅', '✔️', '☑️', '🔥', '+', '🟢']);
      const items = [...c.drugs(c.int(2, 4)).map((d) => c.dn(d)), c.city.ru, c.p(['круглосуточно', 'все районы', 'опт', 'бесконтакт'])];
      return `${items.map((x) => `${x} ${mark}`).join(' ')} ${c.tg('shop', 'at')}`;
    } },
  { id: 'ru.sale.emoji_codes', label: L, lang: 'ru', desc: 'emoji used as product codes',
    gen: (c) => {
      const em = c.drugs(c.int(2, 4)).map((d) => c.em(d)).join(c.r.pick(['', ' ', ' / ']));
      return c.t(`{Сегодня в наличии ${em}|${em} на районе|${em} — пиши|Всё для души: ${em}|${em}${em.slice(0, 2)} есть} {${c.city.ru}|по городу|${c.district()}}. ${c.shopContact('ru')}`);
    } },
  { id: 'ru.sale.wholesale', label: L, lang: 'ru', desc: 'wholesale / master-klad offer', gen: (c) => {
      const ds = c.drugs(c.int(1, 2), ['meph', 'alpha', 'weed', 'hash', 'amph']);
      return c.t(`{Оптовые партии от {50|100|200} г|${c.o('Мастер-клады')} по {100|250|500} г|Крупняк} — ${c.dl(ds)}. {Владельцам шопов спеццена|Доставим партию до вашего города|Работаем только с проверенными|Цена от объёма}. ${c.city.ru}{ ⇄ ${c.otherCity().ru}|, ${c.otherCity().ru}|}. {Только в лс|Пиши|Контакт} ${c.tg('shop', 'at')}`);
    } },
  { id: 'ru.sale.veiled', label: L, lang: 'ru', desc: 'veiled shop ad without substance names', w: 2,
    gen: (c) => c.t(`{Весь ассортимент на месте|Поставка пришла 🔥|Для хорошего настроения есть всё 😉|Белое, зелёное, кристаллы 😉|Обновили витрину|То, что ты ищешь, — у нас}{,|.} {${c.city.ru}|по ${c.city.dat}}{, любой район|, ${c.district()}|}. {Точку выдаём после оплаты|Фото с ориентирами после оплаты|Постоянным без предоплаты|Анонимно, быстро, без встреч|Гарантия находа}. ${c.shopContact('ru')}`) },
  { id: 'ru.sale.reklad', label: L, lang: 'ru', desc: 'dead-drop service guarantees', gen: (c) => c.t(`{Ненаход — не проблема: {довес|повторная ${c.o('закладка')}} в течение часа|Гарантируем наход или возврат денег|Фото с ориентирами + координаты, находимость 99%}. {Работаем с 2021|Тысячи довольных клиентов|Честный сервис в ${c.prepCity()}}. {Бот|Поддержка|Пиши} ${c.tg(c.chance(0.5) ? 'shop' : 'oper', 'at')}`) },
  { id: 'ru.sale.classified', label: L, lang: 'ru', desc: 'classified-style direct sale with phone',
    gen: (c) => {
      const d = c.drug();
      return c.t(`{${c.dn(d)} есть, звони {вечером|после 21:00}|Нужен ${c.dn(d)}? Набери|Отдам ${c.dn(d)} по старой цене, пиши в вацап|${c.dn(d)}{, ${c.grade(d)}|} — только сообщения}: ${c.phone()}{, ${c.cityRu()}|. ${c.cityRu()}|}`);
    } },
  { id: 'ru.sale.coverage', label: L, lang: 'ru', desc: 'nationwide / regional coverage', gen: (c) => {
      const cities = [c.city, c.otherCity(), c.otherCity()].map((x) => x.ru);
      return c.t(`{Работаем по всему Казахстану|Наши точки|Присутствуем в городах|География}: ${[...new Set(cities)].join(', ')}{ и не только|}. ${c.dl(c.drugs(c.int(2, 3)))}. ${c.shopContact('ru')}`);
    } },
  // ---- held out ----
  { id: 'ru.sale.dialogue', label: L, lang: 'ru', hold: true, desc: 'chat dialogue arranging a purchase', gen: (c) => {
      const d = c.drug();
      return c.lines(c.t(`— {Есть чё?|Что по ${c.dn(d)}?|Где взять ${c.dn(d)} в ${c.prepCity()}?}`), c.t(`— {Есть|Да|Конечно}, ${c.dn(d)} ${c.qtyStr(d, 1)} ${c.money(c.amount(d))}`), c.t('— {Как забрать?|Куда писать?|Как оплатить?}'), `— ${c.shopContact('ru')}`);
    } },
  { id: 'ru.sale.promo', label: L, lang: 'ru', hold: true, desc: 'promotion / giveaway for a shop', gen: (c) => c.t(`{🎁 Неделя скидок|🎉 Розыгрыш|Чёрная пятница} — {−20% на второй заказ|каждый 10-й заказ за наш счёт|разыгрываем 5 г среди подписчиков|за отзыв 0,5 в подарок}! ${c.dl(c.drugs(c.int(1, 3)))}. ${c.city.ru}. ${c.shopContact('ru')}`) },
  { id: 'ru.sale.channel_post', label: L, lang: 'ru', hold: true, desc: 'daily shop channel post', gen: (c) => c.lines(
      c.t(`{Доброе утро|Добрый вечер|Всем привет}, ${c.city.ru}! {Витрина обновлена|Поступление|Новые точки на районах}:`),
      ...c.drugs(c.int(2, 3)).map((d) => `— ${c.dn(d)} (${c.district()})`),
      c.t(`{Оператор|Поддержка} ${c.tg('oper', 'at')}`)) },
];
