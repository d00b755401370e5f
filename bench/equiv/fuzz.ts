/**
 * Randomised old-vs-new check: builds N random texts from fragments that stress the
 * normaliser and the indicator extractor (look-alikes, leet, split letters, invisible
 * and full-width chars, emoji, handles, links, numbers, wallets) and compares the
 * old tree's detect() output with this tree's, field by field (exact equality).
 *
 *   node --import tsx bench/equiv/fuzz.ts OLD_REPO_ROOT [N] [SEED]
 *
 * OLD_REPO_ROOT is a copy of the repository before the change (e.g. from `git archive`).
 */
import { mulberry32 } from '../../src/platform/random.js';
import { Detector } from '../../src/modules/monitor/detect/detector.js';

const oldRoot = process.argv[2];
if (!oldRoot) throw new Error('usage: fuzz.ts OLD_REPO_ROOT [N] [SEED]');
const N = Number(process.argv[3] ?? 200_000);
const rnd = mulberry32(Number(process.argv[4] ?? 7));
const OldDetector = ((await import(`${oldRoot}/src/modules/monitor/detect/detector.ts`)) as { Detector: typeof Detector }).Detector;

const FRAGMENTS = [
  'меф', 'м3ф', 'МЕФЕДРОН', 'шишки', 'ш и ш к и', 'с.о.л.ь', 'м-е-ф', 'закладкалар', 'кладқа', 'Рaботаем', 'mеph', 'HAPKOTИKИ',
  'к0кс', 'г@ш', '3акладка', 'мдм4', 'шиииишки', 'мефф', 'и\u0306од', 'ёлка', 'Қарағанды', '₸', '5000 тг', '50 000 ₸', '%', '#tag',
  '@alm_klad_bot', '@ shop_kz_1', '[at] name_99', 'собака gmail точка com', 'тг: boshki_aktobe', 'телега - kst_shop', 'tg shop_24',
  't.me/karaganda_klad_bot', 't . me / shop_kz_777', 'https://x.kz/menu-ге', 'hxxp://bad[.]top/x', 'shop.kz', 'сайт.рф', 'x[.]top',
  'mail@mail.ru', 'shop_kz@gmail.com', 'aktobe_skidki_bot', '8 777 123 45 67', '+7 (701) 234-56-78', '87О1234567', '4065 4912 1035 0349',
  'KZ86125KZT5004100100', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8',
  '0x52908400098527886E0F7030069857D2E4169EE7', 'ＭＥＦ', '𝐦𝐞𝐟', '𝟴𝟳𝟬𝟭', 'kr\u200Bg_shop', '8\uFE0F\u20E3', '❄️', '🍁', '💎', '🐈‍⬛', '👍🏽', '🇰🇿',
  '\u00AD', '\u200D', '\u202E', 'ß', 'ﬁ', '½', '㎏', 'αβγ', 'Ωmega', '東京', 'ə', 'ў', 'dot', 'точка', 'тчк', 'нүкте', '(.)', '[:]//',
  'tg://resolve?domain=alm_shop24', 'www.t.me/s/shop', 'я', 'a', 'b', 'x', '1', '22', '333', '.', ',', '!', '?', ':', '/', '-', '_', '*', '·', '|',
  '\n', '\n\n', '\t', ' ', ' ', ' ', '$', '€', 'мяу', 'фен для волос', 'соль для ванн', 'скорость интернета', 'курьер', 'залог', 'оплата',
];
const ALPHABET = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіabcdefghijklmnopqrstuvwxyzABCXYZАБВЖЯ0123456789@.$#%+-_ ()[]{}<>:/';

function randomText(): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(rnd() * 14);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.6) parts.push(FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)]);
    else if (r < 0.9) {
      let w = '';
      const m = 1 + Math.floor(rnd() * 8);
      for (let j = 0; j < m; j++) w += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
      parts.push(w);
    } else parts.push(String.fromCharCode(Math.floor(rnd() * 0x3000)));
    const sep = rnd();
    parts.push(sep < 0.7 ? ' ' : sep < 0.8 ? '' : sep < 0.9 ? '\n' : ', ');
  }
  const t = parts.join('');
  return rnd() < 0.1 ? t.toUpperCase() : t;
}

const oldDet = OldDetector.load();
const newDet = Detector.load();
let bad = 0;
for (let i = 0; i < N; i++) {
  const t = randomText();
  const a = JSON.stringify(oldDet.detect(t));
  const b = JSON.stringify(newDet.detect(t));
  if (a !== b) {
    if (bad++ < 10) process.stdout.write(`DIFF ${JSON.stringify(t)}\n  old ${a}\n  new ${b}\n`);
  }
}
process.stdout.write(`${N} random texts: ${bad} differences\n`);
process.exit(bad ? 1 : 0);
