/** drug_sale templates, Kazakh (Kazakh grammar with Russian slang loans). Original wording. */
import type { Ctx, Family } from './ctx.js';
import { kkAcc, kkPl, type Drug } from './vocab.js';

const L = 'drug_sale' as const;

/** Accusative form of a street name, e.g. мефті, сольді, шишкиді. */
export function accKk(c: Ctx, d: Drug): string {
  const n = c.p(d.kk);
  return c.o(/[A-Z]/.test(n) ? n : kkAcc(n));
}

function dropKk(c: Ctx): string {
  return c.t(`{Әр ауданда ${c.o('клад')} бар|${c.o('Клад')} {5|15|20} минут ішінде дайын болады|Тауарды ${c.o('закладка')} түрінде береміз|Төлем түскен соң координат пен фото келеді|Мекенжайды бот өзі жібереді|Қолға беру де, ${c.o('клад')} та бар|${c.o('Магнит')}, ${c.o('прикоп')} — таңдау өзіңде|${c.o(kkPl('закладка'))} қаланың барлық жерінде|Жүздесу жоқ, тек ${c.o('клад')}|Орны суретпен беріледі}`);
}

function qualKk(c: Ctx): string {
  return c.t(`{Тазалығы жоғары|Салмағы дәл|Өнім тексерілген|Бағасы қолжетімді|Жасырын әрі қауіпсіз|Тұрақты сатып алушыларға бонус|Алғаш келгендерге сыйлық|Ешкім білмейді|Сорты керемет|Сапа 💯}`);
}

export function contactKk(c: Ctx): string {
  return c.shopContact('kk');
}

function listKk(c: Ctx, ds: Drug[]): string {
  const names = ds.map((d) => c.dn(d, 'kk'));
  return names.length > 1 ? names.slice(0, -1).join(', ') + c.r.pick([' және ', ' мен ', ', ']) + names[names.length - 1] : names[0];
}

/** Bare names in Kazakh text (Russian loans): see BARE_RU. */
const BARE_KK = ['мефедрон', 'меф', 'амфетамин', 'марихуана', 'ганджа', 'гашиш', 'гаш', 'кокаин', 'экстази', 'МДМА', 'героин', 'метадон', 'спайс'];

export const KK_SALE: Family[] = [
  { id: 'kk.sale.offer', label: L, lang: 'kk', desc: 'Kazakh: "X бар" offer with drop method', w: 3,
    gen: (c) => c.t(`{${c.city.kkLoc}|${c.city.kk} қаласында|${c.city.kk}, ${c.district()}|Бүгін ${c.city.kkLoc}} ${listKk(c, c.drugs(c.int(1, 3)))} {бар|қолда бар|келді}{.|!} ${qualKk(c)}. ${dropKk(c)}. ${contactKk(c)}`) },
  { id: 'kk.sale.bare', label: L, lang: 'kk', desc: 'Kazakh bare offer: "меф сатамын", no contact, drop or price', w: 2,
    gen: (c) => {
      const n = c.p(BARE_KK);
      const tail = c.t(`{|, арзан|, сапасы жақсы|, ${c.city.kkLoc}|, жазыңыз|, хабарласыңыз|, көтерме және бөлшек|, бар}`);
      return c.t(`{${c.o(n)} {сатамын|сатылады|сатам|бар|арзан|сатып беремін}|${c.o(/[A-Z]/.test(n) ? n : kkAcc(n))} {сатамын|сатамыз|арзанға беремін}|{Сатамын|Сатылады|Бар|Кімге керек}: ${c.o(n)}}${tail}`);
    } },
  { id: 'kk.sale.sold', label: L, lang: 'kk', desc: 'Kazakh: "сатамыз" with per-gram price', w: 2,
    gen: (c) => {
      const d = c.drug();
      return c.t(`${c.city.kkLoc} ${c.dn(d, 'kk')} {${c.em(d)} |}{сатамыз|сатып аласың|сатуда}{.|!} {Бағасы|Құны}: {грамы|${c.qtyStr(d, 1, 'kk')}} ${c.money(c.amount(d), 'kk')}. {${dropKk(c)}. |}${contactKk(c)}`);
    } },
  { id: 'kk.sale.sell_acc', label: L, lang: 'kk', desc: 'Kazakh accusative: "мефті ... ұсынамыз"',
    gen: (c) => {
      const d = c.drug();
      return c.t(`${accKk(c, d)} {тиімді бағамен|көтерме бағамен|арзанға|} {ұсынамыз|жеткіземіз|тауып береміз}{.|!} ${c.city.kkLoc}{ және ${c.otherCity().kkLoc}|}. ${dropKk(c)}. ${contactKk(c)}`);
    } },
  { id: 'kk.sale.pricelist', label: L, lang: 'kk', desc: 'Kazakh multi-line price list', w: 2,
    gen: (c) => c.lines(c.t(`{Бағалар тізімі|Бүгінгі прайс 🔥|${c.city.kk}: не бар, қанша тұрады|Ассортимент пен баға|${c.city.kk.toUpperCase()} — ПРАЙС}:`),
      ...c.drugs(c.int(2, 4)).map((d) => {
        const q = c.qty(d);
        return `${c.chance(0.5) ? c.em(d) + ' ' : ''}${c.dn(d, 'kk')} ${c.qtyStr(d, q, 'kk')} — ${c.money(c.amount(d, q), 'kk')}`;
      }),
      c.chance(0.6) && c.t(`{Кез келген аудан|${dropKk(c)}|Күндіз-түні}`), contactKk(c)) },
  { id: 'kk.sale.new_shop', label: L, lang: 'kk', desc: 'Kazakh: new shop launched with discount',
    gen: (c) => c.t(`{${c.city.kkLoc} жаңа дүкен жұмысын бастады 🚀|Жаңа жоба: ${c.city.kk}|Ашылу күні!} ${c.dl(c.drugs(c.int(2, 3)), 'kk')}. {Ашылу құрметіне бірінші сатып алуға −{10|20}%|Алғашқы үш күн — жеңілдік|Досыңды әкелсең — бонус}{.|!} ${c.chance(0.5) ? c.url('shop') : contactKk(c)}`) },
  { id: 'kk.sale.payment', label: L, lang: 'kk', desc: 'Kazakh: pay to card/wallet, then drop address',
    gen: (c) => {
      const how = c.r.weighted<() => string>([[() => `мына картаға аударыңыз: ${c.card()}`, 3], [() => `${c.wallet('kk')} әмиянына жіберіңіз`, 3], [() => `Kaspi нөміріне салыңыз: ${c.phone()}`, 2]])();
      return c.t(`${c.city.kk}{, ${c.district()}|}. ${c.dl(c.drugs(c.int(1, 2)), 'kk', [' пен ', ', ', ' және '])}. Төлемді ${how}. {Түбіртекті операторға көрсетсеңіз, ол ${c.o('клад')} орнын айтады|Аударым түскен соң бот фото мен координат жібереді|Чекті жіберген соң мекенжай келеді}.`);
    } },
  { id: 'kk.sale.veiled', label: L, lang: 'kk', desc: 'Kazakh: goods arrived, emoji codes, no names',
    gen: (c) => c.t(`{Тауар келді|Жаңа партия|Жаңа түсім} ${c.drugs(c.int(1, 3)).map((d) => c.em(d)).join('')} ${c.city.kk}{.|!} {Толық ақпарат жеке хатта|Сұрақтар болса — операторға|Кездесусіз, тез әрі жасырын|Кез келген ауданға}. ${contactKk(c)}`) },
  { id: 'kk.sale.graffiti', label: L, lang: 'kk', desc: 'Kazakh short stencil line', gen: (c) => {
      const n = c.dl(c.drugs(c.int(1, 2)), 'kk', [' ', ' ']).toUpperCase();
      return c.t(`{${n} БАР|${n} ${c.city.kk.toUpperCase()}|${n} ${c.o('КЛАД')}|${c.o('КЛАД')} 24/7 ${n}|${n} ЖАЗ} ${c.tg('shop', c.r.pick(['at', 'bare', 'link'] as const))}`);
    } },
  { id: 'kk.sale.operator', label: L, lang: 'kk', desc: 'Kazakh: always-on operator, trusted buyers', gen: (c) => c.t(`{${c.city.kkLoc}|${c.city.kk} қаласында} ${c.dl(c.drugs(c.int(1, 2)), 'kk')} {${c.em(c.drug())} |}{сатуда|бар}. {Таныс арқылы ғана|Тексерілген адамдарға|Жаңа клиенттерге де ашықпыз}. {Күндіз-түні байланыста|Оператор 24/7 жауап береді|Хабарласыңыз}: ${c.chance(0.5) ? c.tg('oper', 'at') : c.phone()}`) },
  { id: 'kk.sale.payment_list', label: L, lang: 'kk', desc: 'Kazakh: shop ad with payment methods', gen: (c) => c.t(`${c.city.kk}: ${c.dl(c.drugs(c.int(2, 3)), 'kk')}. {Төлем тәсілдері: Kaspi аударым, крипто (USDT/BTC)|Тек криптовалюта|Kaspi немесе карта}. {Кешбэк тұрақты сатып алушыларға|${qualKk(c)}|${dropKk(c)}}. ${contactKk(c)}`) },
  // ---- held out ----
  { id: 'kk.sale.review', label: L, lang: 'kk', hold: true, desc: 'Kazakh review-style shill', gen: (c) => {
      const d = c.drug();
      return c.t(`{Кеше|Бүгін|Өткен аптада} ${accKk(c, d)} алдым, ${c.o('клад')} {суреттегідей жерде тұр|бірден табылды}, сапасы {жақсы|керемет|💯}. {Рахмет|Ұсынамын|Кеңес беремін} ${c.tg('shop', 'at')} {👍|🔥|}`);
    } },
  { id: 'kk.sale.back', label: L, lang: 'kk', hold: true, desc: 'Kazakh: shop is back with new bot', gen: (c) => c.t(`{Біз қайта оралдық!|Ескі дүкен қайта іске қосылды!|Қайта ашылдық!} ${c.city.kk}. ${c.dl(c.drugs(c.int(2, 3)), 'kk')}. {Жаңа бот|Жаңа байланыс|Жаңа арна}: ${c.tg('shop', c.chance(0.7) ? 'at' : 'link')}`) },
];
