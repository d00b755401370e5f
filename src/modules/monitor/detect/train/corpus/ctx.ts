/**
 * Template context: per-example random state, vocabulary helpers, indicator placeholders,
 * and the `{a|b|c}` alternation expander used by all template families.
 */
import { R } from './rng.js';
import { CITIES, DRUGS, forSplit, type City, type Drug, type DrugId } from './vocab.js';
import {
  bareDomainEmb, btcEmb, cardEmb, ethEmb, ibanEmb, makeHandle, makeHost, onionEmb, phoneEmb, tgEmb, tronEmb, urlEmb,
  type Emb, type HandleTheme, type Indicator,
} from './indicators.js';
import { obfuscateWord, type ObfKind } from './obfuscate.js';

export type Label = 'drug_sale' | 'courier_recruitment' | 'drug_propaganda' | 'benign';
export type Lang = 'ru' | 'kk' | 'en' | 'mixed';
export type Split = 'train' | 'holdout';
export type NameLang = 'ru' | 'kk' | 'en' | 'latin';

export interface Family {
  id: string;
  label: Label;
  lang: Lang;
  desc: string;
  /** held-out family: used only by split 'holdout' */
  hold?: boolean;
  w?: number;
  /** stems for invented handles/domains of benign organisations (keeps contacts on-topic) */
  topic?: readonly string[];
  /** URL paths for those domains */
  paths?: readonly string[];
  gen: (c: Ctx) => string;
}

export const PH_OPEN = '\uE000';
export const PH_CLOSE = '\uE001';
const OBF_P = [0, 0.22, 0.5, 0.8];

/** Expand `{a|b|c}` alternations (nestable). `{a|}` makes a part optional. */
export function expand(r: R, s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '{') {
      const alts: string[] = [];
      let depth = 0;
      let cur = '';
      let j = i + 1;
      for (; j < s.length; j++) {
        const c = s[j];
        if (c === '{') { depth++; cur += c; }
        else if (c === '}') {
          if (depth === 0) break;
          depth--; cur += c;
        } else if (c === '|' && depth === 0) { alts.push(cur); cur = ''; }
        else cur += c;
      }
      alts.push(cur);
      out += expand(r, r.pick(alts));
      i = j + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

export class Ctx {
  readonly embs: Emb[] = [];
  readonly city: City;
  readonly hold: boolean;
  private handles = new Map<string, string>();
  topic?: readonly string[];
  paths?: readonly string[];

  constructor(
    readonly r: R,
    readonly split: Split,
    readonly obfLevel: number,
    readonly obfMix: [ObfKind, number][],
  ) {
    this.hold = split === 'holdout';
    this.city = r.weighted(CITIES.map((c) => [c, c.w] as const));
  }

  // ---------- generic ----------
  t(s: string): string {
    return expand(this.r, s);
  }
  /** Pick from a list honouring '!'-held-out entries. */
  p(xs: readonly string[]): string {
    return this.r.pick(forSplit(xs, this.hold));
  }
  chance(p: number): boolean {
    return this.r.chance(p);
  }
  int(a: number, b: number): number {
    return this.r.int(a, b);
  }
  /** Join non-empty lines. */
  lines(...xs: (string | false | undefined)[]): string {
    return xs.filter((x): x is string => !!x && x.trim() !== '').join('\n');
  }

  // ---------- places ----------
  otherCity(): City {
    for (;;) {
      const c = this.r.weighted(CITIES.map((x) => [x, x.w] as const));
      if (c !== this.city) return c;
    }
  }
  district(city = this.city): string {
    return this.p(city.districts);
  }
  /** Prepositional city for "в ...", sometimes the alternative name. */
  prepCity(city = this.city): string {
    if (city.ruAlt && this.chance(0.1)) return city.ruAlt === 'Нур-Султан' ? 'Нур-Султане' : city.ruAlt === 'Капчагай' ? 'Капчагае' : city.ruAlt;
    return city.prep;
  }
  /** Russian city name, sometimes the alternative name. */
  cityRu(city = this.city): string {
    return city.ruAlt && this.chance(0.12) ? city.ruAlt : city.ru;
  }

  // ---------- substances ----------
  drugs(n: number, only?: DrugId[]): Drug[] {
    const pool = only ? DRUGS.filter((d) => only.includes(d.id)) : DRUGS;
    const chosen: Drug[] = [];
    while (chosen.length < Math.min(n, pool.length)) {
      const d = this.r.weighted(pool.filter((x) => !chosen.includes(x)).map((x) => [x, x.w] as const));
      chosen.push(d);
    }
    return chosen;
  }
  drug(only?: DrugId[]): Drug {
    return this.drugs(1, only)[0];
  }
  /** Obfuscate a keyword with the example's obfuscation probability. */
  o(word: string): string {
    if (this.obfLevel === 0 || !this.r.chance(OBF_P[this.obfLevel])) return word;
    return obfuscateWord(this.r, word, this.obfMix);
  }
  /** Street name of a substance in the given language, possibly obfuscated. */
  dn(d: Drug, lang: NameLang = 'ru'): string {
    const list = lang === 'ru' ? d.ru : lang === 'kk' ? d.kk : lang === 'en' ? d.en : d.latin;
    return this.o(this.p(list));
  }
  /** A list of names joined by a separator typical of ads. */
  dl(ds: Drug[], lang: NameLang = 'ru', seps = [', ', ' / ', ' • ', ' | ', ', ', ' ', ' + ']): string {
    const sep = this.r.pick(seps);
    return ds.map((d) => this.dn(d, lang)).join(sep);
  }
  em(d: Drug): string {
    return this.r.pick(d.emoji);
  }
  grade(d: Drug): string {
    return this.p(d.grades);
  }

  // ---------- money ----------
  amount(d: Drug, qty = 1): number {
    const base = this.r.int(d.price[0] * 2, d.price[1] * 2) * 500;
    return Math.round((base * (qty < 1 ? 0.6 * qty * 2 : qty * (qty >= 5 ? 0.8 : 1))) / 500) * 500;
  }
  money(kzt: number, lang: Lang | 'kkru' = 'ru'): string {
    const k = kzt / 1000;
    const grouped = kzt >= 10000 ? String(kzt).replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : String(kzt);
    const short = Number.isInteger(k) ? `${k}к` : `${k.toFixed(1)}к`;
    if (lang === 'en') return this.r.pick([`${short.replace('к', 'k')} KZT`, `${String(kzt).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} KZT`, `${grouped} ₸`, `${short.replace('к', 'k')}`, `$${Math.max(5, Math.round(kzt / 500))}`]);
    if (lang === 'kk') return this.r.pick([`${grouped} теңге`, `${grouped} тг`, `${grouped} ₸`, `${Number.isInteger(k) ? k : k.toFixed(1)} мың`, short, `${kzt}тг`]);
    return this.r.pick([`${grouped} ₸`, `${kzt}тг`, short, `${grouped} тг`, `${grouped}₸`, `${grouped} тенге`, `${Number.isInteger(k) ? k : k.toFixed(1)} тыс`]);
  }
  qty(d: Drug): number {
    return d.unit === 'шт' ? this.r.pick([1, 1, 2, 5, 10]) : this.r.pick([0.5, 1, 1, 1, 2, 3, 5]);
  }
  qtyStr(d: Drug, q: number, lang: Lang = 'ru'): string {
    const n = String(q).replace('.', this.chance(0.5) ? ',' : '.');
    if (d.unit === 'шт') return lang === 'en' ? `${n} pc${q > 1 ? 's' : ''}` : lang === 'kk' ? `${n} дана` : `${n} шт`;
    return this.r.pick(lang === 'en' ? [`${n}g`, `${n} g`, `${n} gram${q === 1 ? '' : 's'}`] : lang === 'kk' ? [`${n} г`, `${n}г`, `${n} грамм`] : [`${n}г`, `${n} г`, `${n} гр`, n]);
  }

  // ---------- indicators ----------
  private ph(e: Emb): string {
    this.embs.push(e);
    return PH_OPEN + (this.embs.length - 1) + PH_CLOSE;
  }
  handle(theme: HandleTheme, key: string = theme): string {
    let h = this.handles.get(key);
    if (!h) {
      h = makeHandle(this.r, theme, this.city.code, this.topic);
      this.handles.set(key, h);
    }
    return h;
  }
  tg(theme: HandleTheme, kind: 'any' | 'at' | 'link' | 'bare' = 'any', key?: string): string {
    return this.ph(tgEmb(this.r, this.handle(theme, key ?? theme + ':' + this.embs.length), kind));
  }
  url(kind: 'shop' | 'org'): string {
    return this.ph(urlEmb(this.r, makeHost(this.r, kind, this.city.code, this.topic), kind, kind === 'org' ? this.paths : undefined));
  }
  dom(kind: 'shop' | 'org', defang = this.chance(0.4)): string {
    return this.ph(bareDomainEmb(this.r, makeHost(this.r, kind, this.city.code, this.topic), defang));
  }
  onion(): string {
    return this.ph(onionEmb(this.r));
  }
  phone(): string {
    return this.ph(phoneEmb(this.r));
  }
  card(valid = this.chance(0.85)): string {
    return this.ph(cardEmb(this.r, valid));
  }
  iban(valid = this.chance(0.85)): string {
    return this.ph(ibanEmb(this.r, valid));
  }
  btc(valid = this.chance(0.85)): string {
    return this.ph(btcEmb(this.r, valid));
  }
  tron(valid = this.chance(0.85)): string {
    return this.ph(tronEmb(this.r, valid));
  }
  eth(valid = this.chance(0.85)): string {
    return this.ph(ethEmb(this.r, valid));
  }
  /** Any crypto wallet with a matching currency word. */
  wallet(lang: Lang = 'ru'): string {
    const k = this.r.weighted<'btc' | 'usdt' | 'eth'>([['btc', 5], ['usdt', 5], ['eth', 2]]);
    if (k === 'btc') return `${this.r.pick(['BTC', 'BTC:', 'биток', 'bitcoin', 'BTC кошелёк'])} ${this.btc()}`;
    if (k === 'usdt') return `${this.r.pick(['USDT TRC20', 'USDT (TRC20):', 'TRC20', 'USDT', lang === 'kk' ? 'USDT әмиян' : 'USDT trc-20'])} ${this.tron()}`;
    return `${this.r.pick(['ETH', 'ETH:', 'USDT ERC20'])} ${this.eth()}`;
  }

  /** Recruiter contact: mostly a handle, sometimes a phone or "write in DM" with no indicator. */
  recContact(lang: 'ru' | 'kk' | 'en'): string {
    const k = this.r.weighted<string>([['tg', 86], ['link', 4], ['phone', 5], ['dm', 5]]);
    if (k === 'tg') return this.tg('rec', 'at');
    if (k === 'link') return this.tg('rec', 'link');
    if (k === 'phone') return (lang === 'kk' ? 'Байланыс: ' : lang === 'en' ? 'WhatsApp: ' : 'Связь: ') + this.phone();
    return this.t(lang === 'kk' ? '{жеке хатта|лс-те}' : lang === 'en' ? '{in DMs|via DM}' : '{в лс|в личку|в личке}');
  }

  // ---------- contacts for drug shops ----------
  shopContact(lang: Lang): string {
    const k = this.r.weighted<string>([['bot', 5], ['at', 6], ['oper', 3], ['link', 2], ['phone', 3], ['site', 2], ['bare', 1], ['dm', 1]]);
    const bot = () => this.tg('shop', this.chance(0.8) ? 'at' : 'link');
    if (lang === 'kk') {
      switch (k) {
        case 'bot': return this.t(`{Бот|Тапсырыс ботта|Ботқа жаз|Тапсырыс беру}: ${bot()}`);
        case 'oper': return this.t(`{Оператор|Кеңесші|Оператор 24/7}: ${this.tg('oper', 'at')}`);
        case 'phone': return this.t(`{Байланыс|Телефон|WhatsApp|Тек хабарлама}: ${this.phone()}`);
        case 'site': return this.t(`{Сайт|Сайтымыз|Дүкен сайты}: ${this.url('shop')}`);
        case 'link': return this.t(`{Арна|Арнаға өт|Сілтеме}: ${this.tg('shop', 'link')}`);
        case 'bare': return this.tg('shop', 'bare');
        case 'dm': return this.t('{Жеке хатқа жазыңыз|Лс ашық|Толығы жеке хатта}');
        default: return this.t(`{Жаз|Жазыңыз|Хат жаз|Жеке хат|Лс}: ${this.tg('shop', 'at')}`);
      }
    }
    if (lang === 'en') {
      switch (k) {
        case 'bot': return this.t(`{Orders via bot|Bot|Menu bot|Auto-bot}: ${bot()}`);
        case 'oper': return this.t(`{Operator|Support|Admin}: ${this.tg('oper', 'at')}`);
        case 'phone': return this.t(`{WhatsApp|Signal|Text only|Msg}: ${this.phone()}`);
        case 'site': return this.t(`{Store|Shop page|Website}: ${this.url('shop')}`);
        case 'link': return this.t(`{Channel|Join us|Link}: ${this.tg('shop', 'link')}`);
        case 'bare': return this.tg('shop', 'bare');
        case 'dm': return this.t('{DM for the menu|Menu in DMs|Ask in DMs}');
        default: return this.t(`{Hit me up|Msg|Contact|Telegram|Slide into DMs} ${this.tg('shop', 'at')}`);
      }
    }
    switch (k) {
      case 'bot': return this.t(`{Бот|Заказ в боте|Автопродажи|Бот-витрина|Оформление через бота}: ${bot()}`);
      case 'oper': return this.t(`{Оператор|Поддержка|Связь с оператором|Админ}: ${this.tg('oper', 'at')}`);
      case 'phone': return this.t(`{Только сообщения|Вацап|WhatsApp|Тел|Связь}: ${this.phone()}`);
      case 'site': return this.t(`{Сайт|Витрина|Магазин|Каталог}: ${this.url('shop')}`);
      case 'link': return this.t(`{Канал|Наш канал|Переходи|Ссылка}: ${this.tg('shop', 'link')}`);
      case 'bare': return this.tg('shop', 'bare');
      case 'dm': return this.t('{Пиши в лс|Лс открыт|Подробности в личке|Прайс в личку}');
      default: return this.t(`{Пиши|Контакт|Лс|Заказы|Телега}: ${this.tg('shop', 'at')}`);
    }
  }
}
