/** Extraction tests: per type a plain value, a broken checksum, an obfuscated writing with its span. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractIndicators, type Indicator, type IndicatorType } from './index.js';

const pairs = (text: string) => extractIndicators(text).map((i) => `${i.type}:${i.value}`);
/** The single indicator of `type` in `text`, with the original text it covers. */
function one(text: string, type: IndicatorType): Indicator & { written: string } {
  const found = extractIndicators(text).filter((i) => i.type === type);
  assert.equal(found.length, 1, `${type} in ${JSON.stringify(text)}: ${JSON.stringify(found)}`);
  return { ...found[0], written: text.slice(found[0].start, found[0].end) };
}

describe('telegram', () => {
  it('finds @handles, links and keyword forms, lower-cased', () => {
    assert.deepEqual(pairs('Бот тут 👉 @Aktobe_Skidki_Bot'), ['telegram:aktobe_skidki_bot']);
    assert.deepEqual(pairs('Ссылка: t.me/karaganda_klad_bot'), ['telegram:karaganda_klad_bot']);
    assert.deepEqual(pairs('https://telegram.me/s/shop_kz_777?start=1'), ['telegram:shop_kz_777']);
    assert.deepEqual(pairs('tg://resolve?domain=alm_shop24'), ['telegram:alm_shop24']);
    assert.deepEqual(pairs('тг: boshki_aktobe'), ['telegram:boshki_aktobe']);
    assert.deepEqual(pairs('Семей меф бар тг semey_meph_bar сапа'), ['telegram:semey_meph_bar']);
    assert.deepEqual(pairs('телеграмда: alm_shop'), ['telegram:alm_shop']);
    assert.deepEqual(pairs('пиши aktobe_skidki_bot'), ['telegram:aktobe_skidki_bot']);
  });
  it('obfuscated: underscores spelled out inside a name (Russian, Kazakh, English, "+ _ +")', () => {
    const src = 'tg: yol (нижнее подчёркивание) driver (нижнее подчёркивание) kz';
    const [h] = extractIndicators(src);
    assert.deepEqual([h.type, h.value, src.slice(h.start, h.end)], ['telegram', 'yol_driver_kz', src.slice(4)]);
    assert.deepEqual(pairs('Бот аты: shym (астын сызу) tauar (астын сызу) bot'), ['telegram:shym_tauar_bot']);
    assert.deepEqual(pairs('Пиши в тг: shym + _ + almaz + _ + 77 (всё слитно)'), ['telegram:shym_almaz_77']);
    assert.deepEqual(pairs('тг: krg [underscore] shop'), ['telegram:krg_shop']);
    // an underscore with spaces around it, after a part too short to be a name (blind set eg); letters
    // spelled one by one stay the spaced-name reading's
    assert.deepEqual(pairs('Пиши в тг: krg _ 420 _ shop'), ['telegram:krg_420_shop']);
    // the Russian or Kazakh name bare between Latin parts (blind set ep); the English one stays bracketed
    assert.deepEqual(pairs('Жаз: тг taraz астын сызу jasyl астын сызу japyraq'), ['telegram:taraz_jasyl_japyraq']);
    assert.deepEqual(pairs('тг: aktau нижнее подчеркивание kladmen'), ['telegram:aktau_kladmen']);
    assert.deepEqual(pairs('Drops in 1 hour. DM on Telegram: a s t a n a _ s w e e t s'), ['telegram:astana_sweets']);
    // the word in prose, and a sum, are no joints
    assert.deepEqual(pairs('Подчёркивание в тексте: важно! a + _ + слово, 2 + 2'), []);
    assert.deepEqual(pairs('tg: Python underscore methods'), ['telegram:python']);
  });
  it('finds a name after a contact word and the words that say what it is ("ник ...:", "tg channel —")', () => {
    assert.deepEqual(pairs('Пиши в тг, ник карагандинский кот: krg_kot_meow'), ['telegram:krg_kot_meow']);
    assert.deepEqual(pairs('отзывы в канале | tg chаnnel — shym_buds_hash'), ['telegram:shym_buds_hash']);
    // words before the colon only after "ник", and not a game or another platform
    assert.deepEqual(pairs('Мой ник майнкрафт: steve_2010, ник роблокс: noob_123'), []);
    assert.deepEqual(pairs('Оператор сотовой связи: beeline_kz. Писать код на: snake_case'), []);
  });
  it('reads «собачка» as the @ sign, more arrows after "тг" and "тг без @:" (blind sets ep, eo, eq)', () => {
    assert.deepEqual(pairs('Пиши собачка shym_zakrytyi — для новичков проверка'), ['telegram:shym_zakrytyi']);
    assert.deepEqual(pairs('моя собачка любит гулять, а собака спит'), []);
    assert.deepEqual(pairs('Кладмен керек. тг ➜ usk_rabota_kld'), ['telegram:usk_rabota_kld']);
    assert.deepEqual(pairs('тг ► kokshe_shop, тг ⇒ kokshe_op'), ['telegram:kokshe_shop', 'telegram:kokshe_op']);
    // "без @" between the keyword and the colon: the name typed without the @ (blind set eq)
    assert.deepEqual(pairs('Балқаш 🧂 крис, тапсырыс 24/7. Тг без @: balkhash_kris'), ['telegram:balkhash_kris']);
    assert.deepEqual(pairs('telegram without @: almaty_shop'), ['telegram:almaty_shop']);
    // an English noun after the keyword names the channel in prose unless a handle-shaped name follows
    assert.deepEqual(pairs('Subscribe to our Telegram channel: Daily news. Telegram bot: coming soon'), []);
  });
  it('finds the keyword after the name, a tilde separator, a Cyrillic т in t.me and a contact verb', () => {
    assert.deepEqual(pairs('Пиши: kokshe_schuch (телега)'), ['telegram:kokshe_schuch']);
    assert.deepEqual(pairs('Жазыңыз: pvl_khmur_kz (тг)'), ['telegram:pvl_khmur_kz']);
    assert.deepEqual(pairs('0.5g/9k. DM pvl_salt_plug (telega)'), ['telegram:pvl_salt_plug']); // transliterated
    assert.deepEqual(pairs('Тг ~ shym_aq_97'), ['telegram:shym_aq_97']);
    assert.deepEqual(pairs('Тапсырыс: т . me / taldyk_kris_shop'), ['telegram:taldyk_kris_shop']);
    assert.deepEqual(pairs('Тапсырыс: т . ме / mang_kristall'), ['telegram:mang_kristall']); // all Cyrillic, spaced
    assert.deepEqual(pairs('ГАШ ШИШ 24/7 Т.МЕ/rudny_gash'), ['telegram:rudny_gash']);
    assert.deepEqual(pairs('Жазыңдар: shym_student_job'), ['telegram:shym_student_job']);
    assert.deepEqual(pairs('Aqşa kün saiyn. Jaz: taldy_kurer_kz'), ['telegram:taldy_kurer_kz']);
    assert.deepEqual(pairs('Байланыс: aktau_jumys_kz'), ['telegram:aktau_jumys_kz']);
    assert.deepEqual(pairs('М Е Ф  бар. Ж а з : krg_meph_kz'), ['telegram:krg_meph_kz']); // the verb spaced out
    assert.deepEqual(pairs('б о ш к и — Рудный.  ж а з :  kst_rudny_x'), ['telegram:kst_rudny_x']); // and two spaces around the colon
    assert.deepEqual(pairs('Төлем күн сайын. Жаз ekb_kladmen_x'), ['telegram:ekb_kladmen_x']); // no colon
    assert.deepEqual(pairs('Доход 200к/нед. Оператор: taldy_op_x'), ['telegram:taldy_op_x']); // the shop's operator
    assert.deepEqual(pairs('Пиши мне в личку, Оператор: Алия'), []); // a name, not a handle
    assert.deepEqual(pairs('Оплата на карту, чек в лс оператору krg_op_x'), ['telegram:krg_op_x']); // inflected
    assert.deepEqual(pairs('1 клад — 4 000 ₸. Пиши куратору: shym_kurator_x'), ['telegram:shym_kurator_x']); // the layers' supervisor
    assert.deepEqual(pairs('Оплата TRC20. Оператор на связи: ekb_sk_oper'), ['telegram:ekb_sk_oper']);
    assert.deepEqual(pairs('Оператор на связи, пишите в лс'), []);
    assert.deepEqual(pairs('чек скринін операторға жібер: ekb_kris_op. Скринсіз'), ['telegram:ekb_kris_op']); // a verb after it
    assert.deepEqual(pairs('Депозит 20к. Жаз → aktau_kladmen_x'), ['telegram:aktau_kladmen_x']); // an arrow
    assert.deepEqual(pairs('Оператор — Алия, оператору отправь чек'), []);
    assert.deepEqual(pairs('Klad 15 minutta daiyn. Zhaz: kst_qazaq_shop. Tolem'), ['telegram:kst_qazaq_shop']); // Latin-script Kazakh
    assert.deepEqual(pairs('25-40к/день\nт е л е г а: aktobe_kladmen_job'), ['telegram:aktobe_kladmen_job']); // spaced keyword
    // dotted or dashed keyword, Cyrillic or Latin; "т.г." (this year) before prose is not one
    assert.deepEqual(pairs('Р@Б0ТА К/\\АДМЕН0М — Уральск. Т.е.л.е.г.р.а.м: oral_rabota_24'), ['telegram:oral_rabota_24']);
    assert.deepEqual(pairs('т-е-л-е-г-а - oral_rabota_24 / T.e.l.e.g.r.a.m: uralsk_work_kz / Т.Г: aktau_kurer_24'), ['telegram:oral_rabota_24', 'telegram:uralsk_work_kz', 'telegram:aktau_kurer_24']);
    assert.deepEqual(pairs('Продажи в т.г. выросли: rost prodazh na 5%'), []);
    // spaced or dotted in Latin too; "t.g." before prose is not one either
    assert.deepEqual(pairs('DM for the drop. T G: pvl_gelato_420 / t.g - ekb_tg_shop / T e l e g a: krg_plug_24'), ['telegram:pvl_gelato_420', 'telegram:ekb_tg_shop', 'telegram:krg_plug_24']);
    assert.deepEqual(pairs('Sales in t.g. rose: rost prodazh na 5%'), []);
    assert.deepEqual(pairs('No calls, no Telegram — email only: tusialmaty [at] proton [dot] me'), ['email:tusialmaty@proton.me']);
    // a list of roles after the keyword names no account; a name followed by an instruction does
    assert.deepEqual(pairs('vitrina narkoshopa v Telegram — operator, sklad, kladmen'), []);
    assert.deepEqual(pairs('тг: kokshe, karaganda и astana'), []);
    assert.deepEqual(pairs('Telegram — kokshe_shop, пиши'), ['telegram:kokshe_shop']);
    // plain words after a contact verb, and an amount in tenge, are not handles
    assert.deepEqual(pairs('Пишите: Telegram или WhatsApp'), []);
    assert.deepEqual(pairs('цена 5000 (тг), пишите'), []);
    // tenge columns and amounts, form placeholders, a word ending in т before ".me"
    assert.deepEqual(pairs('Total (тг): 15000; Оплата через Kaspi (тг)'), []);
    assert.deepEqual(pairs('Цена: 15 000 тг ~ approx. 30$'), []);
    assert.deepEqual(pairs('Contact: first_name, last_name'), []);
    assert.deepEqual(pairs('сайт.me/shop_name'), []);
  });
  it('finds a name followed by "в телеге" / "in telegram" / "телеграмда", handle-shaped only', () => {
    assert.deepEqual(pairs('ищите orda_krs_shop в телеге, скажите что от Макса'), ['telegram:orda_krs_shop']);
    assert.deepEqual(pairs('find ast_plug24 on telegram'), ['telegram:ast_plug24']);
    assert.deepEqual(pairs('Жазыңдар taraz_kuryer телеграмда'), ['telegram:taraz_kuryer']);
    assert.deepEqual(pairs('мет 💠 лёд, 0,3 — 15к. Оператор: aktobe_ice тг'), ['telegram:aktobe_ice']);
    assert.deepEqual(pairs('итого 5000 тг, доставка 500 тг'), []);
    assert.deepEqual(pairs('klad 15 minutta. shop_alm24 telegramda jaz'), ['telegram:shop_alm24']);
    // a keyword followed by a colon names what follows, not the word before it
    assert.deepEqual(pairs('paid daily in USDT TRC20\nTG: @alm_drop_photo | WA: +77050457431'), ['telegram:alm_drop_photo', 'phone:+77050457431']);
    // a contact verb between the keyword and the name
    assert.deepEqual(pairs('картаға сал да тг-ға жаз konaev_pink'), ['telegram:konaev_pink']);
    assert.deepEqual(pairs('в тг пишите alm_shop24'), ['telegram:alm_shop24']);
    assert.deepEqual(pairs('Pishi v telegu: alm_focus_caps'), ['telegram:alm_focus_caps']); // transliterated "в телегу"
    assert.deepEqual(pairs('15 000 тг жаз almshop24'), []); // tenge, not the keyword
    assert.deepEqual(pairs('15 000 тг жаз alm_shop24'), ['telegram:alm_shop24']); // the contact verb alone names an underscored handle
    // a compound word is not "keyword - name"
    assert.deepEqual(pairs('New paper: "Telegram-based drug markets"'), []);
    assert.deepEqual(pairs("Lecture: 'Drug markets on Telegram: evidence from Kazakhstan'"), []);
    assert.deepEqual(pairs('Telegram: kokshe, WhatsApp: +7 701 845 3190'), ['telegram:kokshe', 'phone:+77018453190']);
    assert.deepEqual(pairs('тг-shop_name24'), ['telegram:shop_name24']);
    assert.deepEqual(pairs('Пишите Максиму в телеге'), []);
  });
  it('handles Kazakh keyword forms but not tenge amounts', () => {
    assert.deepEqual(pairs('тг арқылы: shop_kz'), ['telegram:shop_kz']);
    assert.deepEqual(pairs('тг-да: kst_shop'), ['telegram:kst_shop']);
    assert.deepEqual(pairs('«С О Л Ь  М Е Ф  т г : taraz_soll»'), ['telegram:taraz_soll']); // the keyword spaced out too
    assert.deepEqual(pairs('zakaz tek telegram arqyly: ast_bari_bar'), ['telegram:ast_bari_bar']); // Latin-script Kazakh
    assert.deepEqual(pairs('24/7 ТГ: klad_yug'), ['telegram:klad_yug']);
    assert.deepEqual(pairs('СОЛЬ МЕФ 24/7 тг kzo_sol247'), ['telegram:kzo_sol247']);
    assert.deepEqual(pairs('1 г — 50 000 тг\nОплата: Kaspi'), []);
    assert.deepEqual(pairs('цена 5000 тг shop_kz_1'), []);
    // a word written with digits for letters ends in a digit: no amount (blind set fe)
    assert.deepEqual(pairs('ш1шк1 б0шк1 тг kst_zelen'), ['telegram:kst_zelen']);
    // the name in quotes after the keyword (blind set ff); a quotation is no name
    assert.equal(one('Связь: тг «krg_sklad_job», вацап', 'telegram').written, 'krg_sklad_job');
    assert.deepEqual(pairs('скинь хэш в тг "ural_mef_oper"'), ['telegram:ural_mef_oper']);
    assert.deepEqual(pairs('Пиши: «x_shop_1»'), ['telegram:x_shop_1']);
    assert.deepEqual(pairs('Получил в телеге: «Rabota kurierom, 300k v nedelyu»'), []);
  });
  it('rejects invalid usernames, e-mail domains and invite links', () => {
    assert.deepEqual(pairs('@abc @1shop @' + 'a'.repeat(33)), []);
    assert.deepEqual(pairs('write to shop_kz@gmail.com'), ['email:shop_kz@gmail.com']);
    assert.deepEqual(pairs('join https://t.me/+AbCdEf123 or t.me/joinchat/XyZ123abc'), []);
    assert.deepEqual(pairs('meet @ night'), []); // spaced form needs a handle-shaped name
  });
  it('handles obfuscated writings with spans in the original text', () => {
    const a = one('пиши t . me / shop_kz_777 !', 'telegram');
    assert.equal(a.value, 'shop_kz_777');
    assert.equal(a.written, 't . me / shop_kz_777');
    // the host spaced all through (missed until 2026-12-07, found by a blind set)
    assert.equal(one('DM: t . m e / kz_driver_cargo', 'telegram').written, 't . m e / kz_driver_cargo');
    // the slash spelled out too (blind set ew, 2026-12-07), in English and Russian
    assert.equal(one('save it → t dot me slash aktobe_back_again', 'telegram').written, 't dot me slash aktobe_back_again');
    assert.equal(one('Т.МЕ СЛЭШ krg_shop_777', 'telegram').value, 'krg_shop_777');
    assert.deepEqual(pairs('me slash you, t slash me'), []);
    // the dot dropped, or written as a dash or a space (blind set ff)
    assert.deepEqual(pairs('резерв: tme/ast_tungi_bot2'), ['telegram:ast_tungi_bot2']);
    assert.equal(one('бот t-me/shymkent_menu_bot (сызықша орнына нүкте қой)', 'telegram').written, 't-me/shymkent_menu_bot');
    assert.deepEqual(pairs('t me/ast_tungi_bot2'), ['telegram:ast_tungi_bot2']);
    assert.deepEqual(pairs('let me/us know, at me/you, setme/abcdefg'), []);
    // the English name of the underscore bare, in a chain of two (blind set fc); one alone is prose
    assert.deepEqual(pairs('Packers wanted. TG: candy underscore factory underscore alm'), ['telegram:candy_factory_alm']);
    // spaces, dashes or dots where the underscores go, and the text saying so (blind set ff)
    assert.deepEqual(pairs('Астана. Пиши в телегу, ник ast rabotaem 24 (пробелы — это нижнее подчёркивание)'), ['telegram:ast_rabotaem_24']);
    assert.equal(one('Канал: тг geroin-rai (вместо дефиса — нижнее подчёркивание)', 'telegram').written, 'geroin-rai');
    assert.deepEqual(pairs("dm @shym.white — telegram doesn't allow dots, type an underscore instead"), ['telegram:shym_white']);
    assert.deepEqual(pairs('dm @ast rabotaem 24 and wait (spaces are underscores)'), ['telegram:ast_rabotaem_24']);
    assert.deepEqual(pairs('тг nur-sultan-shop пишите'), []); // no instruction: a dash is no underscore
    // a dot or a dash between the letters of a name (blind set fc)
    const k = one('Работа: тг k.i.t.c.h.e.n_alm, аванс', 'telegram');
    assert.equal(k.value, 'kitchen_alm');
    assert.equal(k.written, 'k.i.t.c.h.e.n_alm');
    assert.deepEqual(pairs('пиши @s-n-o-w_ast'), ['telegram:snow_ast']);
    assert.deepEqual(pairs('Telegram: k.i.t.c.h.e.n'), ['telegram:kitchen']);
    assert.deepEqual(pairs('x.y.z.w.kz'), ['domain:x.y.z.w.kz']); // single-letter labels of a domain stay
    assert.deepEqual(pairs('a.s.a.p. reply, U.S.A.F. news, 1.2.3.4'), []);
    const b = one('бот @krg_shоp_bot', 'telegram'); // Cyrillic о inside a Latin handle
    assert.equal(b.value, 'krg_shop_bot');
    assert.equal(b.written, '@krg_shоp_bot');
    const c = one('💎 @kr\u200Bg_sh\u200Cop_1 💎', 'telegram');
    assert.equal(c.value, 'krg_shop_1');
    assert.equal(c.written, '@kr\u200Bg_sh\u200Cop_1');
    assert.equal(one('канал t[.]me/krg_shop1', 'telegram').value, 'krg_shop1');
    assert.equal(one('Пиши @ grass_alm_hands', 'telegram').value, 'grass_alm_hands');
    assert.equal(one('ТГ： ｓｈｏｐ＿ｋｚ＿１', 'telegram').value, 'shop_kz_1');
    assert.equal(one('пиши [at] shop_kz_1', 'telegram').value, 'shop_kz_1');
  });
  it('handles a name spelled out letter by letter (with an underscore), its span over the letters', () => {
    const s = one('🤖 бот — s t e p _ w o l f _ b o t', 'telegram');
    assert.equal(s.value, 'step_wolf_bot');
    assert.equal(s.written, 's t e p _ w o l f _ b o t');
    assert.equal(one('Куратор: @ a k t o b e _ k u r a t o r', 'telegram').value, 'aktobe_kurator');
    assert.equal(one('Пиши в тг: o s k e m e n _ w o r k', 'telegram').value, 'oskemen_work');
    // spaced capitals are emphasis, not a name
    assert.deepEqual(pairs('F R E E  D E L I V E R Y, S A L E'), []);
  });
  it('joins a name split at its underscores by spaces after a keyword or "@" (set cj), and nothing else', () => {
    const s = one('Кладмен керек, Ақтау. Күніне 50к. тг: aktau _ kladmen _ hr', 'telegram');
    assert.equal(s.value, 'aktau_kladmen_hr');
    assert.equal(s.written, 'aktau _ kladmen _ hr');
    assert.equal(one('Бошки 🍁 gelato, 1г 14к. тг: konaev _ gelato _ drop', 'telegram').value, 'konaev_gelato_drop');
    assert.equal(one('пиши @ shym_ kladmen_24 сейчас', 'telegram').value, 'shym_kladmen_24');
    assert.equal(one('тг: alm_shop _ 24', 'telegram').value, 'alm_shop_24');
    // a word after a lone underscore is not a part; neither is an emphasis in prose
    assert.deepEqual(pairs('тг: aktau _ и всё'), ['telegram:aktau']);
    assert.deepEqual(pairs('some _italic_ text, meet @ night _ x'), []);
    // too long for Telegram once joined: the name as written before the gap
    assert.deepEqual(pairs('тг: almaty_shop_kz _ delivery_service_24_7_fast'), ['telegram:almaty_shop_kz']);
  });
  it('finds a name after "аккаунт" / "the account is" / "ник" and an arrow, but not a dash or an instruction', () => {
    assert.deepEqual(pairs('в телеге набери «kst hr center» — аккаунт kst_hr_center'), ['telegram:kst_hr_center']);
    assert.deepEqual(pairs("Telegram: search 'shroom box kz', the account is shroombox_kz"), ['telegram:shroombox_kz']);
    assert.deepEqual(pairs('ник: mef_shop_kz'), ['telegram:mef_shop_kz']);
    // ... but not a nickname in a game or on another platform
    assert.deepEqual(pairs('Ник: k0k0s_007, CS-те кездесеміз 🎮'), []);
    assert.deepEqual(pairs('мой ник snow_kz в PUBG'), []);
    assert.deepEqual(pairs('аккаунт alm_shop_kz в инсте'), []);
    assert.deepEqual(pairs('Оператор: x_op_kz инструкция по кладу'), ['telegram:x_op_kz']); // not "инст…"
    assert.deepEqual(pairs('Телеграмда «atyrau jumys kz» деп ізде → atyrau_jumys_kz'), ['telegram:atyrau_jumys_kz']);
    // an underscore-spelled word after a dash is a drug name, not a handle
    assert.deepEqual(pairs('Almaty supply — w_e_e_d, acid, snow'), []);
    assert.deepEqual(pairs('Telegram: message the admin'), []);
  });
});

describe('url and domain', () => {
  it('reports a clean URL as written plus its lower-case host', () => {
    const text = 'Сайт: https://Zelen-Market.ru/kz/menu?id=1). Бот ниже';
    assert.deepEqual(pairs(text), ['url:https://Zelen-Market.ru/kz/menu?id=1', 'domain:zelen-market.ru']);
    const d = one(text, 'domain');
    assert.equal(d.written, 'Zelen-Market.ru');
  });
  it('obfuscated URL: zero-width and look-alike letters are folded, span covers the original', () => {
    const text = 'заходи https://sh\u200Bоp-kz.top/menu, там всё';
    const u = one(text, 'url');
    assert.equal(u.value, 'https://shop-kz.top/menu');
    assert.equal(u.written, 'https://sh\u200Bоp-kz.top/menu');
    assert.equal(one(text, 'domain').value, 'shop-kz.top');
  });
  it('reports bare, defanged and .onion hosts as domain only', () => {
    assert.deepEqual(pairs('Новый сайт: mag-alm24.biz — меф'), ['domain:mag-alm24.biz']);
    assert.deepEqual(pairs('зеркало hxxps://mag24[.]xyz/menu'), ['domain:mag24.xyz']);
    assert.deepEqual(pairs('shop-kz (.) top и shop2 [dot] top'), ['domain:shop-kz.top', 'domain:shop2.top']);
    const onion = 'jxjwuzrv2h4xnh5pxkuv62pp7dlp2p63wuhpdp4sijpeoyb22u3ys4qd.onion';
    assert.deepEqual(pairs(`Зеркало: ${onion} ❗`), [`domain:${onion}`]);
    // an onion name is 56 (or 16) base32 chars: "with .onion" in a sentence is none
    assert.deepEqual(pairs('sold through darknet mirrors with .onion addresses'), []);
    assert.deepEqual(pairs('shop.onion, www.my-shop.onion'), []);
  });
  it('does not invent domains from file names, numbers or abbreviations', () => {
    assert.deepEqual(pairs('photo.jpg main.py readme.md т.е. 1.5 г, v1.2.3, e.g. i.e. Call now.Best price'), []);
  });
  it('handles spelled-out dots with the span over the written form', () => {
    const d = one('сайт shop-kz нүкте top, заходи', 'domain');
    assert.equal(d.value, 'shop-kz.top');
    assert.equal(d.written, 'shop-kz нүкте top');
    assert.equal(one('сайт shop-kz точка ру', 'domain').value, 'shop-kz.ru');
  });
  it('reads no domain from prose around the word "dot"', () => {
    assert.deepEqual(pairs("shops wrote '[.]' instead of a dot to dodge filters"), []);
    assert.deepEqual(pairs('back in the dot com era'), []);
    // a bracketed dot between spaces, in prose (blind set ev); a name before it still reads
    assert.deepEqual(pairs('a bot plus a mirror domain written with [.] to dodge filters'), []);
    assert.deepEqual(pairs('зеркало: alm-shop [.] top'), ['domain:alm-shop.top']);
    assert.deepEqual(pairs('menu: krg-shop dot top, bot: shop dot kz'), ['domain:krg-shop.top', 'domain:shop.kz']);
  });
});

describe('email', () => {
  it('finds plain and obfuscated e-mails, lower-cased', () => {
    assert.deepEqual(pairs('почта: Info@Shop.KZ'), ['email:info@shop.kz']);
    const e = one('пиши shop собака gmail точка com !', 'email');
    assert.equal(e.value, 'shop@gmail.com');
    assert.equal(e.written, 'shop собака gmail точка com');
    assert.equal(one('drop [at] proton [dot] me', 'email').value, 'drop@proton.me');
    // a defanged dot inside the local part, and a local part spelled out letter by letter
    const d = one('Заявка: krg (точка) kladmen [at] gmail (точка) com', 'email');
    assert.equal(d.value, 'krg.kladmen@gmail.com');
    assert.equal(d.written, 'krg (точка) kladmen [at] gmail (точка) com');
    const s = one('Связь только по почте: g a s h . o p t @ tuta . io', 'email');
    assert.equal(s.value, 'gash.opt@tuta.io');
    assert.equal(s.written, 'g a s h . o p t @ tuta . io');
  });
  it('does not treat the English word "at" as @', () => {
    assert.deepEqual(pairs('look at shop.kz today'), ['domain:shop.kz']);
    // not even when the dots are obfuscated, after a word English puts before "at"
    assert.deepEqual(pairs('Order at aktau-snow[dot]net today'), ['domain:aktau-snow.net']);
    assert.deepEqual(pairs('ivan at mail dot ru'), ['email:ivan@mail.ru']);
    // what a shop points at is a site, not a mailbox (blind set dw); "info at" stays an address
    assert.deepEqual(pairs('Menu at zhez-menu dot top'), ['domain:zhez-menu.top']);
    assert.deepEqual(pairs('full catalogue at steppe-garden dot top'), ['domain:steppe-garden.top']);
    assert.deepEqual(pairs('info at zhez-menu dot kz'), ['email:info@zhez-menu.kz']);
    assert.deepEqual(pairs('menu at krg-snowflake [dot] xyz'), ['domain:krg-snowflake.xyz']);
    // ... and a refused "word at host" reading does not hide the address that follows it
    assert.deepEqual(pairs('the press office at Press.PVL@police-pvl.kz or by phone'), ['email:press.pvl@police-pvl.kz']);
  });
});

describe('wallets', () => {
  it('btc: base58 as written, bech32 lower-case', () => {
    assert.deepEqual(pairs('BTC 1P3wnpsX9ZReZSaCDANmijevruL2rJcQ7u.'), ['btc:1P3wnpsX9ZReZSaCDANmijevruL2rJcQ7u']);
    assert.deepEqual(pairs('BTC: BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4'), ['btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4']);
    assert.deepEqual(pairs('taproot bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0'), [
      'btc:bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
    ]);
  });
  it('btc: broken checksums are not reported', () => {
    assert.deepEqual(pairs('Оплата: 1AdDRPVQ93jhSEPapd64j1j47tmbePcdEw и bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5'), []);
  });
  it('btc: zero-width characters and groups inside an address', () => {
    const a = one('BTC: bc1qw508d6\u200Bqejxtdg4y5r3zarvary0c5xw7kv8f3t4 спасибо', 'btc');
    assert.equal(a.value, 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4');
    assert.equal(a.written, 'bc1qw508d6\u200Bqejxtdg4y5r3zarvary0c5xw7kv8f3t4');
    const b = one('кошелёк bc1q 97wq wz8d s4rs m5mt 5ayr 8jgq hxe2 6ujg gx5f 34 после оплаты', 'btc');
    assert.equal(b.value, 'bc1q97wqwz8ds4rsm5mt5ayr8jgqhxe26ujggx5f34');
    assert.equal(b.written, 'bc1q 97wq wz8d s4rs m5mt 5ayr 8jgq hxe2 6ujg gx5f 34');
    // "ll75" among digits would be folded to "1175" (the l-for-1 evasion); bech32 has "l", not "1"
    const c = one('Оплата BTC bc1q elqh 09mn 7jne 8c22 5c6a wzg0 ll75 ym64 jef8 lc. тг: x_shop', 'btc');
    assert.equal(c.value, 'bc1qelqh09mn7jne8c225c6awzg0ll75ym64jef8lc');
    assert.equal(c.written, 'bc1q elqh 09mn 7jne 8c22 5c6a wzg0 ll75 ym64 jef8 lc');
    // the look for it in the written text leaves the folded text's other indicators alone
    assert.deepEqual(pairs('Донат: ４３９０ ０５９４ ８８０９ ２２６９ немесе BTC bc1qvsqfvuj4lw0vc5td0fzy25kmj9az7kdg2kqnhm'),
      ['card:4390059488092269', 'btc:bc1qvsqfvuj4lw0vc5td0fzy25kmj9az7kdg2kqnhm']);
  });
  it('tron: valid, broken, and with a Cyrillic look-alike letter', () => {
    assert.deepEqual(pairs('USDT TRC20 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'), ['tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t']);
    assert.deepEqual(pairs('USDT TRC20 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T'), []);
    const t = one('кошелёк ТR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'tron'); // Cyrillic Т
    assert.equal(t.value, 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
    assert.equal(t.written, 'ТR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
  });
  it('eth: EIP-55 verified, kept as written; broken checksum dropped', () => {
    assert.deepEqual(pairs('ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'), ['eth:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed']);
    assert.deepEqual(pairs('ETH 0xde709f2102306220921060314715629080e2fb77'), ['eth:0xde709f2102306220921060314715629080e2fb77']);
    assert.deepEqual(pairs('ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'), []);
    const e = one('ETH: 0x5aAeb6053F3E94C9\u2060b9A09f33669435E7Ef1BeAed', 'eth');
    assert.equal(e.value, '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
    assert.equal(e.written, '0x5aAeb6053F3E94C9\u2060b9A09f33669435E7Ef1BeAed');
  });
  it('an address written in pieces with words between them, joined only when the checksum verifies (blind set ff)', () => {
    const t = one('Кепіл әмиянының мекенжайы: бірінші бөлігі — TR7NHqjeKQxGTC, екінші бөлігі — i8q8ZY4pL8otSzgjLj6t', 'tron');
    assert.equal(t.value, 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
    assert.equal(t.written, 'TR7NHqjeKQxGTC, екінші бөлігі — i8q8ZY4pL8otSzgjLj6t');
    assert.deepEqual(pairs('first half 1P3wnpsX9ZReZSa then second half CDANmijevruL2rJcQ7u'), ['btc:1P3wnpsX9ZReZSaCDANmijevruL2rJcQ7u']);
    assert.deepEqual(pairs('first part TR7NHqjeKQxGTC, second part i8q8ZY4pL8otSzgjLj6T'), []); // broken
    assert.deepEqual(pairs('ETH 0x5aAeb6053F3E94C9b9A0 and 9f33669435E7Ef1BeAed'), ['eth:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed']);
  });
});

describe('card', () => {
  it('finds Luhn-valid numbers in common groupings, digits only', () => {
    assert.deepEqual(pairs('карта 4962249080751655'), ['card:4962249080751655']);
    assert.deepEqual(pairs('карта 4111 1111 1111 1111, чек в лс'), ['card:4111111111111111']);
    assert.deepEqual(pairs('карта 4144-0974-9921-3556.'), ['card:4144097499213556']);
    assert.deepEqual(pairs('amex 3782 822463 10005'), ['card:378282246310005']);
    // a number after the full stop is the next sentence, not a fifth group
    assert.deepEqual(pairs('Kaspi картаға: 4149 4951 2280 6140. 3 сапардан кейін'), ['card:4149495122806140']);
  });
  it('rejects Luhn failures and digits inside longer runs', () => {
    assert.deepEqual(pairs('номер карты 4195 0238 4704 1116 введён с ошибкой'), []);
    assert.deepEqual(pairs('tx 94111111111111111'), []); // 17 digits, fails Luhn as a whole
    assert.deepEqual(pairs('карта 4149 4951 2280 6140 3'), []); // one grouping: 17 digits, not cut
    assert.deepEqual(pairs('id 41111111111111110000'), []); // 22-digit run
  });
  it('obfuscated: letter O for zero and full-width digits', () => {
    const c = one('карта 4400 43О2 1234 5679 и всё', 'card'); // Cyrillic О
    assert.equal(c.value, '4400430212345679');
    assert.equal(c.written, '4400 43О2 1234 5679');
    assert.equal(one('карта ４１１１ １１１１ １１１１ １１１１', 'card').value, '4111111111111111');
    const d = one('карта 4 4 0 0 4 3 0 2 1 2 3 4 5 6 7 9, чек в лс', 'card');
    assert.equal(d.value, '4400430212345679');
    assert.equal(d.written, '4 4 0 0 4 3 0 2 1 2 3 4 5 6 7 9');
  });
  it('obfuscated (blind set fc): in pairs, on two lines, emoji between the groups', () => {
    assert.deepEqual(pairs('Залог на карту 44 00 43 02 12 34 56 79, потом'), ['card:4400430212345679']);
    assert.deepEqual(pairs('Картаға аудар:\n4400 4302\n1234 5679\nсосын'), ['card:4400430212345679']);
    const e = one('Төлем: 4400 🔸 4302 🔸 1234 🔸 5679, чекті жібер', 'card');
    assert.equal(e.value, '4400430212345679');
    assert.equal(e.written, '4400 🔸 4302 🔸 1234 🔸 5679');
    assert.deepEqual(pairs('Төлем: 4400 🔸 4302 🔸 1234 🔸 5670'), []); // Luhn still decides
  });
});

describe('phone', () => {
  it('reads numbers cut by a line break, slashes or emoji (blind set fc), not a price list', () => {
    assert.deepEqual(pairs('Тел: +7 778 224\n09 89'), ['phone:+77782240989']);
    assert.deepEqual(pairs('Нөмір: 8/708/958/60/39'), ['phone:+77089586039']);
    assert.deepEqual(pairs('Звони 8 7 7 7 🔥 4 0 4 🔥 2 8 8 0'), ['phone:+77774042880']);
    assert.deepEqual(pairs('вацап 8707🔥505🔥22🔥33'), ['phone:+77075052233']);
    assert.deepEqual(pairs('0.5 — 7000 / 1 — 12000 / 2 — 22000'), []);
    assert.deepEqual(pairs('Караганда ❄️ 24/7 📞 8️⃣7️⃣0️⃣8️⃣5️⃣5️⃣1️⃣2️⃣9️⃣4️⃣0️⃣'), ['phone:+77085512940']);
  });
  it('normalizes common Kazakhstan writings to E.164', () => {
    for (const w of ['+7 (701) 123-45-67', '8 701 123 45 67', '87011234567', '+77011234567', '8(701)1234567', '+7-701-123-45-67']) {
      assert.deepEqual(pairs(`звони ${w}, после 20:00`), ['phone:+77011234567'], w);
    }
    assert.deepEqual(pairs('вацап 7011234567'), ['phone:+77011234567']);
    assert.deepEqual(pairs('Заказ: 8 701 802 97 92'), ['phone:+77018029792']);
  });
  it('reads digits written as words before a digit group (missed by a blind set until 2026-12-07)', () => {
    const p = one('Оплата Kaspi на номер восемь-семь-ноль-семь 538 21 90, адрес после чека.', 'phone');
    assert.equal(p.value, '+77075382190');
    assert.equal(p.written, 'восемь-семь-ноль-семь 538 21 90');
    assert.equal(one('звони: сегіз жеті жеті бір 234 56 78', 'phone').value, '+77712345678');
    assert.equal(one('eight seven zero seven 538 21 90', 'phone').value, '+77075382190');
    // with the other folds of the same text (O for zero, a look-alike inside a handle)
    assert.deepEqual(pairs('ВОСЕМЬ-7О7-538-21-90 @krg_shоp_bot'), ['phone:+77075382190', 'telegram:krg_shop_bot']);
    // a digit word alone is a word; digit words that make no number make no indicator
    assert.deepEqual(pairs('семь дней, 2 раза, 100 тг; бір-екі сағат, 5 мин'), []);
  });
  it('reads a number written entirely in words (missed by blind set dy)', () => {
    const p = one('Оплата Kaspi по номеру восемь семь ноль пять ноль пять четыре два семь восемь ноль', 'phone');
    assert.equal(p.value, '+77050542780');
    assert.equal(p.written, 'восемь семь ноль пять ноль пять четыре два семь восемь ноль');
    assert.equal(one('Нөмір: сегіз жеті жеті бір екі нөл нөл жеті бір төрт бес. Тек SMS.', 'phone').value, '+77712007145');
    assert.equal(one('WhatsApp: плюс жеті жеті жеті жеті төрт төрт үш екі алты тоғыз төрт', 'phone').value, '+77774432694');
    assert.equal(one('номер: восемь семь семь пять — семь три два — три ноль — четыре восемь', 'phone').value, '+77757323048');
    assert.equal(one('call eight seven zero one two three four five six seven eight', 'phone').value, '+77012345678');
    // Kazakh typed on a Russian keyboard, "торт" (4, also cake) read inside the run only
    assert.equal(one('нөмір сегиз жети жети бир еки уш нол жети бир торт бес', 'phone').value, '+77712307145');
    assert.deepEqual(pairs('торт 8 701 234 56 78'), ['phone:+77012345678']);
    // groups set off by commas (blind set ef): the commas inside the run read as spaces
    const c = one('Хабарлас: сегіз жеті жеті бір, бір нөл сегіз, жеті сегіз, сегіз бес', 'phone');
    assert.deepEqual([c.value, c.written], ['+77711087885', 'сегіз жеті жеті бір, бір нөл сегіз, жеті сегіз, сегіз бес']);
    assert.equal(one('Звони: восемь семь ноль два, семь пять четыре, пять четыре шесть пять', 'phone').value, '+77027545465');
    // groups written with compound numerals: hundreds, tens and teens, Russian and Kazakh
    const g = one('номер: восемь семьсот пять, пятьсот восемнадцать, тридцать, двадцать два', 'phone');
    assert.deepEqual([g.value, g.written], ['+77055183022', 'восемь семьсот пять, пятьсот восемнадцать, тридцать, двадцать два']);
    assert.equal(one('звони восемь семьсот семь пятьсот тридцать восемь двадцать один девяносто', 'phone').value, '+77075382190');
    assert.equal(one('нөмір: сегіз жеті нөл бір, екі жиырма бір, отыз, елу бес', 'phone').value, '+77012213055');
    assert.deepEqual(pairs('семьсот тридцать рублей и двадцать два дня, пятьсот восемнадцать человек'), []);
    // a comma ends a group, and a zero starts one (blind set ep): 8 701 780 06 29, not 780 0 6
    assert.equal(one('Звони: восемь, семьсот один, семьсот восемьдесят, ноль шесть, двадцать девять', 'phone').value, '+77017800629');
    // Kazakh hundreds take the unit before «жүз» («жеті жүз бес» = 705), «он» (10) is read inside a run
    const k = one('Хабарлас: сегіз жеті жүз бес, төрт жүз сексен бір, он алты, нөл екі', 'phone');
    assert.deepEqual([k.value, k.written], ['+77054811602', 'сегіз жеті жүз бес, төрт жүз сексен бір, он алты, нөл екі']);
    assert.deepEqual(pairs('он сказал: восемь семь ноль пять, он пришёл в семь'), []);
    // English teens, tens (also hyphenated) and "<unit> hundred" (blind set es)
    const e = one("Don't DM, text me: eight seven zero eight, nine zero nine, thirty-eight, zero four", 'phone');
    assert.deepEqual([e.value, e.written], ['+77089093804', 'eight seven zero eight, nine zero nine, thirty-eight, zero four']);
    assert.equal(one('call: eight seven hundred five, five hundred eighteen, thirty, twenty two', 'phone').value, '+77055183022');
    assert.deepEqual(pairs('I waited seven hundred days and twenty two nights, fifty five years, thirty friends'), []);
    // Russian typed in Latin and Kazakh in informal Latin; "tort" (4, also a legal tort) inside a run only
    assert.equal(one('pishi: vosem sem sem odin dva tri chetyre pyat shest sem vosem', 'phone').value, '+77712345678');
    assert.equal(one('Zhaz: segiz zheti nol bir, eki ush tort, bes alty, jeti segiz', 'phone').value, '+77012345678');
    assert.deepEqual(pairs('seminar at 7 pm, sem 2 room 101 202 303 404; tort 2000 2001'), []);
    // counting in words is no number: fewer than ten digits in a row, or interrupted by a word
    assert.deepEqual(pairs('семь раз отмерь, один раз отрежь; семь, восемь, девять, десять — считаем до ста'), []);
    assert.deepEqual(pairs('бір екі үш төрт бес алты жеті — санаймыз, сегіз тоғыз нөл'), []);
  });
  it('reads a number spaced digit by digit whose country code is a bare 7', () => {
    assert.deepEqual(pairs('номер: 7 7 7 7 4 4 3 2 6 9 4'), ['phone:+77774432694']);
    assert.deepEqual(pairs('номер: 7 701 234 56 78'), ['phone:+77012345678']);
  });
  it('ignores service numbers, order ids, Russian and landline numbers', () => {
    assert.deepEqual(pairs('скорая 103, полиция 102, 112, 1414'), []);
    assert.deepEqual(pairs('Заказ №6422608973 и №7011234567 передан'), []);
    assert.deepEqual(pairs('Москва +7 999 123 45 67, Астана 8 7172 12 34 56'), []);
    assert.deepEqual(pairs('бюджет 77 000 000 000 тенге, ИИН 870112345678'), []);
  });
  it('obfuscated: spaced digits, O for zero, keycap emoji', () => {
    const p = one('тел 8 7О1 1 2 3 4 5 6 7 !', 'phone');
    assert.equal(p.value, '+77011234567');
    assert.equal(p.written, '8 7О1 1 2 3 4 5 6 7');
    // a look-alike ending a digit group inside the number
    assert.equal(one('Хабарлас: 8 7О8 412 3О 59', 'phone').value, '+77084123059');
    assert.deepEqual(pairs('осталось 3О шт, звоните'), []);
    assert.equal(one('тел 8 7О8 412 30 5О', 'phone').value, '+77084123050');
    // ... or a dash-joined group ("41О-22-87")
    assert.equal(one('ватсап 8 (776) 41О-22-87', 'phone').value, '+77764102287');
    assert.deepEqual(pairs('код 12О-45'), []);
    // ... a look-alike opening a group, and a group followed by a full stop
    assert.equal(one('Kaspi по номеру 8 7О5 774 О3 29, адрес', 'phone').value, '+77057740329');
    assert.equal(one('тек смс: 8 7О5 419 22 6О. USDT', 'phone').value, '+77054192260');
    assert.deepEqual(pairs('в 2О24 году, осталось О5 шт'), []);
    // ... a whole group of look-alikes between two groups ("646 ОО 82"); one letter only for zero
    const g = one('Актау, доставка. Звоните 8 708 646 ОО 82', 'phone');
    assert.equal(g.value, '+77086460082');
    assert.equal(g.written, '8 708 646 ОО 82');
    assert.equal(one('тел 8 701 234 О 567', 'phone').value, '+77012340567');
    assert.deepEqual(pairs('дом 5 б 7 этаж, 5 or 6 people, в 2 О 3'), []);
    // ... and a look-alike opening a dash-joined group
    assert.equal(one('Кидай на карту 5169-2080-3313-ОО92 и пиши', 'card').value, '5169208033130092');
    assert.equal(one('тел 8-701-234-О5-67', 'phone').value, '+77012340567');
    assert.deepEqual(pairs('код 12-О5 шт'), []);
    // ... a look-alike ending the last dash-joined group, and a group after a bracketed code
    assert.equal(one('Вотсап: 8-7O1-392-73-3O', 'phone').value, '+77013927330');
    assert.equal(one('номер: 8 (7O8) OO4-26-37', 'phone').value, '+77080042637');
    assert.equal(one('+7 (7O5) 213-85-6O', 'phone').value, '+77052138560');
    assert.deepEqual(pairs('дом 5-3O, кв 12-3О'), []);
    // ... a number whose groups are joined by dashes or dots, with look-alikes anywhere in it
    assert.equal(one('Звони/пиши 8-7O1-51O-O7-4O', 'phone').value, '+77015100740');
    assert.equal(one('Только по звонку: +7 7O8.592-36.7O', 'phone').value, '+77085923670');
    assert.deepEqual(pairs('дата 1O.O5.2O24, артикул O1-2O'), []);
    assert.equal(one('Оплата на карту 4003 О303 4422 4536 немесе', 'card').value, '4003030344224536');
    const k = one('📞 8️⃣7️⃣0️⃣1️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣', 'phone');
    assert.equal(k.value, '+77011234567');
    assert.ok(k.written.startsWith('8️⃣') && k.written.includes('7️⃣0️⃣1️⃣'));
  });
  it('obfuscated: a number split by a word ("дальше", "потом", "сосын", "then")', () => {
    const p = one('Пиши: 8 771 707 дальше 83 66', 'phone');
    assert.equal(p.value, '+77717078366');
    assert.equal(p.written, '8 771 707 дальше 83 66');
    assert.equal(one('звони +7 (747) 123 сосын 45-67', 'phone').value, '+77471234567');
    assert.equal(one('call 8 701 234 then 5678.', 'phone').value, '+77012345678');
    // the same words typed in Latin
    assert.equal(one('Zvoni 8 700 918 dalee 2745', 'phone').value, '+77009182745');
    assert.equal(one("watsap 8 776 402 potom 9153", 'phone').value, '+77764029153');
    assert.equal(one('8 747 123 sosyn 4567', 'phone').value, '+77471234567');
    // only a prefix, the code and three digits, then exactly four digits
    assert.deepEqual(pairs('код 8 771 707 then 83661'), []);
    assert.deepEqual(pairs('8 771 дальше 707 83 66'), []);
    assert.deepEqual(pairs('дом 712 дальше 8366'), []);
  });
});

describe('email: the @ read aloud', () => {
  it('reads "эт" (the @ read aloud) bare between a local part and a host (blind set fc)', () => {
    assert.deepEqual(pairs('Резюме: drive.money эт inbox.ru'), ['email:drive.money@inbox.ru']);
    assert.deepEqual(pairs('ну эт самое, короче'), []);
  });
  it('reads a mail provider written in Cyrillic after a spelled @ (blind set fc)', () => {
    const e = one('Заявки на почту: petro.shop собака гмайл точка ком. Оплата', 'email');
    assert.equal(e.value, 'petro.shop@gmail.com');
    assert.equal(e.written, 'petro.shop собака гмайл точка ком');
    assert.deepEqual(pairs('мой мейл точка ком не работает'), []);
  });
  it('reads a dog emoji as the @ («собака») before a mail provider or in a mailbox-shaped name (blind set ff)', () => {
    assert.equal(one('Писать: sklad.alm🐕proton.me', 'email').value, 'sklad.alm@proton.me');
    assert.deepEqual(pairs('ivan 🐶 gmail.com'), ['email:ivan@gmail.com']);
    assert.deepEqual(pairs('walk the dog 🐶 petshop.kz'), ['domain:petshop.kz']);
  });
  it('reads a provider and its zone said without the dot (blind set fc)', () => {
    const e = one('Анкету на logist_asia собака mail ру, звони', 'email');
    assert.equal(e.value, 'logist_asia@mail.ru');
    assert.equal(e.written, 'logist_asia собака mail ру');
    assert.deepEqual(pairs('пиши на почту ivan собака мейл ру'), ['email:ivan@mail.ru']);
    assert.deepEqual(pairs('резюме: hr.almaty собака gmail ком'), ['email:hr.almaty@gmail.com']);
    assert.deepEqual(pairs('моя собака mail ру читает'), []); // no local part before the @ word
  });
});

describe('iban', () => {
  it('finds KZ IBANs with or without spaces, upper-case value', () => {
    assert.deepEqual(pairs('счёт KZ86125KZT5004100100'), ['iban:KZ86125KZT5004100100']);
    const i = one('на счёт kz86 125k zt50 0410 0100 (благотворительность)', 'iban');
    assert.equal(i.value, 'KZ86125KZT5004100100');
    assert.equal(i.written, 'kz86 125k zt50 0410 0100');
  });
  it('finds one spaced out char by char (blind set fc)', () => {
    assert.deepEqual(pairs('Кепіл шотқа: K Z 8 6 1 2 5 K Z T 5 0 0 4 1 0 0 1 0 0, потом'), ['iban:KZ86125KZT5004100100']);
  });
  it('rejects a wrong check digit and does not read its digits as a card', () => {
    assert.deepEqual(pairs('счёт KZ87125KZT5004100100'), []);
  });
  it('obfuscated: Cyrillic К in the country code', () => {
    const i = one('счёт КZ86 125K ZT50 0410 0100', 'iban');
    assert.equal(i.value, 'KZ86125KZT5004100100');
    assert.equal(i.written, 'КZ86 125K ZT50 0410 0100');
  });
});

describe('robustness', () => {
  it('empty and tiny inputs', () => {
    assert.deepEqual(extractIndicators(''), []);
    assert.deepEqual(extractIndicators('@'), []);
  });
  it('sorts by start and deduplicates by type+value (first occurrence kept)', () => {
    const text = '@shop_kz_1 8 701 123 45 67 @Shop_KZ_1 +77011234567';
    const r = extractIndicators(text);
    assert.deepEqual(r.map((i) => `${i.type}:${i.value}@${i.start}`), ['telegram:shop_kz_1@0', 'phone:+77011234567@11']);
  });
  it('lone surrogates and control characters', () => {
    const text = '\uD800@shop_kz_1\u0000 \uDFFF t.me/x_shop_2 \u0007\u001b[0m 8 701 123 45 67\uD835';
    assert.deepEqual(pairs(text), ['telegram:shop_kz_1', 'telegram:x_shop_2', 'phone:+77011234567']);
  });
  it('1 MB of garbage: no crash, reasonable time', () => {
    const alphabet = 'abcxyz019 .:/@_-[]()КазақшаРусский\u200B💎🌿\uD800t.me/ +7(701)bc1qTRX0x';
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    let s = '';
    while (s.length < 1 << 20) s += alphabet[Math.floor(rnd() * alphabet.length)];
    const t0 = performance.now();
    const r = extractIndicators(s);
    const ms = performance.now() - t0;
    assert.ok(Array.isArray(r));
    assert.ok(ms < 5000, `took ${ms} ms`);
    for (const x of r) assert.ok(x.start >= 0 && x.end <= s.length && x.start < x.end);
  });
  it('thousands of hits in one long text stay linear', () => {
    const s = '@abcde_1 x.kz 8 701 123 45 67 '.repeat(10_000);
    const t0 = performance.now();
    const r = extractIndicators(s);
    assert.ok(performance.now() - t0 < 3000);
    assert.deepEqual(r.map((i) => i.type), ['telegram', 'domain', 'phone']); // deduplicated
  });
  it('pathological repetitions stay fast', () => {
    for (const unit of ['a.', 'a-', '1 ', '@a', 'a@', 'x[.]', '8 7', 'T1', '0x1', 'bc1q ', 'a. ', 'a_bot ']) {
      const s = unit.repeat(200_000 / unit.length);
      const t0 = performance.now();
      extractIndicators(s);
      const ms = performance.now() - t0;
      assert.ok(ms < 2000, `${JSON.stringify(unit)} took ${ms} ms`);
    }
  });
});
