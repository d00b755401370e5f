/** Code-mixed (kk/ru/en) positives. Original wording. */
import type { Family } from './ctx.js';
import { accKk } from './kk-sale.js';

const S = 'drug_sale' as const;
const R = 'courier_recruitment' as const;
const P = 'drug_propaganda' as const;

export const MIXED_POS: Family[] = [
  // ---------------- sale ----------------
  { id: 'mixed.sale.kkru', label: S, lang: 'mixed', desc: 'kk frame + ru slang and prices', w: 3,
    gen: (c) => {
      const d = c.drug();
      return c.t(`${c.dn(d)} керек пе? ${c.city.kkLoc} бар, {прайс|цена за грамм|бағасы} ${c.money(c.amount(d))}, {${c.o('клад')} готов тез|точка сразу после оплаты|${c.o('закладка')} любой район}. {Жаз|Пиши|Хабарлас} ${c.tg('shop', 'at')}`);
    } },
  { id: 'mixed.sale.ruen', label: S, lang: 'mixed', desc: 'ru/en: new batch, dead drops, crypto',
    gen: (c) => {
      const d = c.drug();
      return c.t(`New batch of ${c.dn(d)} landed in ${c.city.en} ${c.em(d)} {раскидываем ${c.o('кладами')}|забор ${c.o('кладом')}|pickup points по всему городу}, {pay|оплата} ${c.chance(0.6) ? c.wallet() : 'only crypto — ' + c.tg('shop', 'at')}`);
    } },
  { id: 'mixed.sale.translit', label: S, lang: 'mixed', desc: 'Latin transliteration of slang + ru', w: 2,
    gen: (c) => c.t(`{${c.dl(c.drugs(c.int(2, 3)), 'latin', [' / ', ', ', ' '])} ${c.city.en}|${c.city.en} 🇰🇿 est' ${c.dl(c.drugs(c.int(2, 3)), 'latin', [' i ', ', '])}} — {vydacha kladom|${c.o('кладом')} 24/7|magnit/prikop|точки по городу}, {oplata|оплата} {${c.wallet()}|Kaspi|kripta} {${c.tg('shop', 'at')}|}`) },
  { id: 'mixed.sale.greeting', label: S, lang: 'mixed', desc: 'kk greeting + ru offer', w: 2,
    gen: (c) => c.t(`{Сәлем достар|Салам бауырлар|Ассалаумағалейкум|Қайырлы кеш}! Бүгін ${c.dn(c.drug())} келді, {сорт отличный|сапасы огонь|чистый товар} 🔥 ${c.city.kk}, {район любой|кез келген аудан|${c.district()}}. {Пишите|Жазыңдар} ${c.tg('shop', 'at')}`) },
  { id: 'mixed.sale.enkk', label: S, lang: 'mixed', desc: 'en/ru/kk connect ad', gen: (c) => c.t(`${c.city.en} connect 🔌 ${c.dl(c.drugs(c.int(2, 3)))}, {жеткізу ${c.o('кладом')}|pickup by pin|${c.o('клад')} әр ауданда}, {crypto/Kaspi|only USDT}. ${c.tg('shop', c.chance(0.5) ? 'link' : 'at')}`) },
  { id: 'mixed.sale.kk_acc_ru', label: S, lang: 'mixed', desc: 'kk accusative slang + ru contact phrase', gen: (c) => {
      const d = c.drug();
      return c.t(`${accKk(c, d)} {алғың келсе|іздесең|керек болса} — {пиши в лс|пиши сюда|бот тут} 👉 ${c.tg('shop', 'at')}. ${c.city.kk}{, ${c.district()}|}`);
    } },
  { id: 'mixed.sale.hashtag_mix', label: S, lang: 'mixed', hold: true, desc: 'multilingual hashtag spam', gen: (c) => {
      const tags = [c.city.en.toLowerCase(), c.city.kk.toLowerCase(), ...c.drugs(2).map((d) => c.p(d.latin)), c.p(['клад', 'закладки', 'кладтар', 'weed', 'plug'])];
      return `${c.r.shuffle(tags).map((t) => '#' + t.replace(/[\s-]/g, '')).join(' ')} ${c.t('{жаз|пиши|DM}')} ${c.tg('shop', 'at')}`;
    } },
  { id: 'mixed.sale.kkru_price', label: S, lang: 'mixed', hold: true, desc: 'kk price words + ru items', gen: (c) => {
      const d = c.drug();
      return c.t(`Бағасы: ${c.dn(d)} ${c.qtyStr(d, 1)} — ${c.money(c.amount(d))}, ${c.qtyStr(d, 0.5)} — ${c.money(c.amount(d, 0.5))}. {Доставка ${c.o('кладом')}|${c.o('Клад')} әр ауданда}, {Kaspi/крипта|тек крипта}. ${c.shopContact('ru')}`);
    } },
  // ---------------- recruitment ----------------
  { id: 'mixed.rec.kkru', label: R, lang: 'mixed', desc: 'kk/ru: stash-layer needed, pay per point', w: 2,
    gen: (c) => c.t(`${c.city.kk} қаласына {${c.o('кладмен')}|${c.o('минёр')}|${c.o('закладчик')}|раскладчик} нужен, әр точка ${c.money(c.int(3, 8) * 1000)}, {обучаем|үйретеміз|стаж керек емес}, {жаз|пиши} ${c.recContact('ru')}`) },
  { id: 'mixed.rec.enru', label: R, lang: 'mixed', desc: 'en/ru job offer for stash couriers', w: 2,
    gen: (c) => c.t(`{Side job 💼|Work offer 🔥|Hiring now 💸} для ребят из ${c.city.gen}: {${c.o('закладки')}|раскладка|курьер в шоп|фасовка}, weekly $${c.int(6, 15) * 100}, {paid in USDT|BTC payouts|crypto}, {training given|опыт не важен}. {DM|Пиши} ${c.recContact('ru')}`) },
  { id: 'mixed.rec.kkru2', label: R, lang: 'mixed', desc: 'kk/ru: distribute goods, photos, deposit', gen: (c) => c.t(`${c.city.kkLoc} жұмыс бар: {товар тарату|точкаларды жасау|${c.o('закладки')} по районам}, {суретке түсіру + координата|фото мест}, {төлем ежедневно|выплата каждый вечер}. {Залог|Кепіл} ${c.int(10, 50)}к {міндетті|обязателен}. ${c.recContact('ru')}`) },
  { id: 'mixed.rec.kken', label: R, lang: 'mixed', hold: true, desc: 'kk/en: photo + location job', gen: (c) => c.t(`Easy job бар! Күніне ${c.int(30, 80)}к, тек смартфон керек, photo + location. {${c.city.kk}|${c.city.en}}. ${c.recContact('ru')}`) },
  // ---------------- propaganda ----------------
  { id: 'mixed.prop.kkru', label: P, lang: 'mixed', desc: 'kk/ru: no-harm claim', w: 2,
    gen: (c) => c.t(`${c.dn(c.drug(['alpha', 'meph', 'weed', 'amph']))} — бұл просто {вайб|отдых|кайф}, {ешкім тәуелді болмайды|от одного раза ничего не будет|бәрі қолданады, бәрі жақсы}{, проверено|} {😎|🔥|✌️}`) },
  { id: 'mixed.prop.ruen', label: P, lang: 'mixed', desc: 'ru/en: normalising psychedelics/party drugs', w: 2,
    gen: (c) => c.t(`${c.dn(c.drug(['lsd', 'shrooms', 'mdma', 'weed']))} — не зло, это {new perspective|опыт|trip|перезагрузка}. {Try it хотя бы раз|Разок можно, bro|Life is short} {✨|🍄|🌈}`) },
  { id: 'mixed.prop.invite', label: P, lang: 'mixed', desc: 'kk/ru/en peer invitation to use', w: 2,
    gen: (c) => c.t(`{Бро|Достар|Guys}, {weekend-те|в пятницу|жұма күні} ${c.dn(c.drug(['weed', 'mdma', 'meph', 'lsd']))} {алып|замутим|try} {let's vibe|чилл жасаймыз|будет кайф} {🎉|😎|🔥} {үй бос|хата свободна|}`) },
  { id: 'mixed.prop.meme', label: P, lang: 'mixed', hold: true, desc: 'kk/ru/en meme normalising drug use', gen: (c) => c.r.pick([
      () => c.t(`POV: сен ${c.o('мяу')}сыз {дүйсенбіге|демалысқа|сессияға} кірдің 😿 #vibe #${c.p(['мяу', 'меф', 'кайф'])}`),
      () => c.t(`{Me|Мен} before ${c.dn(c.drug(['meph', 'alpha', 'coke']))}: 😐 {me|мен} after: 🤩 {#vibe|#кайф|#weekend}`),
      () => c.t(`Когда {пятница|жұма} и ${c.dn(c.drug(['weed', 'mdma', 'meph']))} уже {дома|келді} {😎|🔥} {чиллим|отдыхаем} {#тусовка|#vibe|}`),
    ])() },
];
