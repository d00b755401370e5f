/** benign hard negatives, English and code-mixed. Original wording. */
import type { Ctx, Family } from './ctx.js';

const L = 'benign' as const;

const NEWS = { topic: ['news', 'times', 'media', 'daily', 'report', 'herald'], paths: ['/news', '/world', '/kz', '/article'] };
const ANTI = { topic: ['stopdrugs', 'report', 'safecity', 'youth', 'help', 'taza'], paths: ['', '/report', '/help'] };
const JOBS = { topic: ['jobs', 'careers', 'delivery', 'courier', 'logistics', 'hr'], paths: ['/jobs', '/apply', '/careers', ''] };

function contact(c: Ctx): string {
  return c.r.weighted<() => string>([[() => c.phone(), 4], [() => c.url('org'), 3], [() => c.tg('biz', 'at'), 3], [() => '', 2]])();
}

export const EN_MIXED_NEG: Family[] = [
  // ---------------- English ----------------
  { id: 'en.neg.news', label: L, lang: 'en', desc: 'English enforcement news', w: 3, ...NEWS,
    gen: (c) => c.t(`{${c.city.en} officers dismantled a Telegram drug ring|Around ${c.int(2, 40)} kg of {mephedrone|hashish|synthetic stimulants|cocaine} were recovered from hidden stashes near ${c.city.en}|A ${c.int(18, 30)}-year-old stash courier from ${c.city.en} got ${c.int(5, 12)} years in prison|Authorities blocked ${c.int(10, 300)} online drug stores this year}{, police said|, according to the interior ministry|; ${c.int(2, 6)} suspects are in custody|}.{ Full story: ${c.url('org')}|}`) },
  { id: 'en.neg.prevention', label: L, lang: 'en', desc: 'English prevention / awareness', w: 2, ...ANTI,
    gen: (c) => c.t(`{Free webinar for teachers|Parents' evening at school #${c.int(1, 80)}|Youth centre talk this Thursday|${c.city.en} volunteers' meetup|Campus safety week}: {how dealers recruit teens as stash couriers on Telegram|what slang like "plug", "drop" and "snow" means in your kid's chats|how synthetic drugs like mephedrone damage the brain|spotting fake "job offers" that hide drug trafficking|why "easy money" gigs end in prison}.{ Sign up: ${c.url('org')}| Questions: ${c.tg('org', 'at')}|}`) },
  { id: 'en.neg.rehab', label: L, lang: 'en', desc: 'English rehab clinic', w: 2, topic: ['rehab', 'recovery', 'clinic', 'wellness', 'detox'], paths: ['', '/programs', '/contact'],
    gen: (c) => c.t(`{Recovery centre|Addiction clinic|Treatment programme} '${c.p(['Clear Path', 'Second Chance', 'Steppe Light', 'Open Door', '!Bright Road'])}' in ${c.city.en}: {inpatient and outpatient care|confidential help for stimulant addiction|${c.int(28, 90)}-day residential programme}, {support for families|licensed psychiatrists|peer groups}. ${c.r.pick([() => c.url('org'), () => c.phone()])()}`) },
  { id: 'en.neg.crypto_work', label: L, lang: 'en', desc: 'English legal crypto payments', w: 2, topic: ['crypto', 'dev', 'design', 'studio', 'tutor'], paths: ['', '/contact'],
    gen: (c) => c.t(`{Mobile app developer for hire|Translation services RU/KK/EN|Online maths tutor|Selling my used gaming laptop} in ${c.city.en} — {I accept crypto|stablecoins welcome|USDT or BTC ok}. ${c.wallet('en')}{. Receipts on request|}`) },
  { id: 'en.neg.courier_job', label: L, lang: 'en', desc: 'English legit courier job', w: 2, ...JOBS,
    gen: (c) => c.t(`{Bike couriers wanted|Delivery partners needed|Join our delivery crew} in ${c.city.en}: {employment contract|insurance included|weekly pay}, {${c.int(180, 350)}k KZT/month|fuel covered|bonuses at peak hours}. {Apply: ${c.url('org')}|Call ${c.phone()}}`) },
  { id: 'en.neg.classifieds', label: L, lang: 'en', desc: 'English classifieds with slang overlap', w: 3, topic: ['market', 'shop', 'trade', 'store', 'sale'], paths: [''],
    gen: (c) => c.t(`{Dyson-style hair dryer, 1600W|Cedar cones and pine nuts from Altai|Pink salt lamp, 3 kg|Soviet stamp album, 200+ stamps|Fridge magnet set, 12 pcs|Universal travel plug adapter 🔌|Metal detector with spare coil|Crystal chandelier, vintage} — ${c.money(c.int(3, 60) * 1000, 'en')}, {pickup in ${c.city.en}|ships nationwide}. ${contact(c)}`) },
  { id: 'en.neg.report_bot', label: L, lang: 'en', desc: 'English report bot / hotline', w: 2, ...ANTI,
    gen: (c) => c.t(`{Spotted a stencil ad for a drug shop?|Got a suspicious "courier job" offer?|See drug ads in your building?} {Send a photo to|Report it via|Message} ${c.tg('org', 'at')} — {anonymous and quick|the police take it from there}.{ Helpline: ${c.phone()}|}`) },
  { id: 'en.neg.chatter', label: L, lang: 'en', desc: 'English ordinary chatter', w: 2,
    gen: (c) => c.r.pick([
      () => c.t(`{Blizzard warning for ${c.city.en} tonight ❄️|First snow in ${c.city.en} today}, {drive carefully|kids are thrilled|schools might close}`),
      () => c.t(`{Club night|Live gig} this {Friday|Saturday} 🎧 {strict door policy|sober-friendly venue}, {tickets ${c.money(c.int(2, 6) * 1000, 'en')}|free entry before 10}`),
      () => c.t(`My {cat|kitten} meows at the fridge every single morning {😂|😩}`),
      () => c.t(`Looking for a good {plug-in hybrid mechanic|dentist|English tutor|vet} in ${c.city.en}, any tips?`),
      () => c.t(`New router: ${c.int(100, 900)} Mbps on the speed test {finally|🎉}`),
      () => c.t(`{Crystal-clear water|Clear skies} at {Kolsai|Kaindy|Charyn} today {💎|😍|🏔️}`),
      () => c.t(`Weekend plans: {hiking near ${c.city.en}|barbecue at the dacha|movies and sleep} {🔥|😴|}`),
    ])() },
  { id: 'en.neg.science', label: L, lang: 'en', hold: true, desc: 'English chemistry/pharmacology lesson', topic: ['science', 'edu', 'lab'], paths: [''], gen: (c) => c.t(`{Chemistry club|Pharmacology 101|Toxicology seminar|Science week}: {how salt crystals form|why synthetic cathinones are so addictive|growing copper sulfate crystals at home|how opioids affect breathing|what "bath salts" really are and why they are dangerous}. {Thursday ${c.int(3, 7)} pm, room ${c.int(100, 400)}|Slides in the group chat|Open to all ${c.city.en} students}.`) },
  { id: 'en.neg.near_miss', label: L, lang: 'en', hold: true, desc: 'English: drug words in negated / reporting context', gen: (c) => c.r.pick([
      () => c.t(`Got a DM asking if I want "{easy courier work|to hide packages for cash|to try some snow}" — {reported and blocked|sent it to the police bot}. {Stay safe|Be careful out there}.`),
      () => c.t(`Never touched {meph|coke|weed} and never will. {Seen what it does to people.|Sports and family are my high.}`),
      () => c.t(`Someone sprayed "{SNOW 24/7|MEPH SALT|WEED DROPS}" with a bot name on our building again — who do we call in ${c.city.en}?`),
    ])() },
  { id: 'en.neg.foraging', label: L, lang: 'en', hold: true, desc: 'English mushroom foraging', topic: ['tour', 'forage', 'eco', 'nature'], paths: [''], gen: (c) => c.t(`Mushroom foraging trip 🍄 near ${c.city.en} this Sunday — {bring a basket|guide included}, we only pick edible species. ${contact(c)}`) },
  // ---------------- mixed ----------------
  { id: 'mixed.neg.speedtest', label: L, lang: 'mixed', desc: 'ru/en/kk internet speed', w: 2,
    gen: (c) => c.t(`{Жаңа роутер|Новый тариф|Upgrade done}: {download|скорость} ${c.int(50, 900)} Мбит, {latency|пинг} ${c.int(2, 30)} ms — {жақсы|кайф|not bad} {🚀|👍|}`) },
  { id: 'mixed.neg.news', label: L, lang: 'mixed', desc: 'ru/en/kk police news + report link', w: 3, ...NEWS,
    gen: (c) => c.t(`{Update from ${c.city.en} police|${c.city.kk} полициясы хабарлайды|News: в ${c.prepCity()}}: {${c.int(10, 90)} наркошоп-аккаунтов удалено|${c.int(2, 6)} курьер ұсталды|${c.int(2, 20)} кг синтетики изъято}. {Хабарлама қалдыру: ${c.url('org')}|Report suspicious ads: ${c.tg('org', 'at')}|}`) },
  { id: 'mixed.neg.courier_job', label: L, lang: 'mixed', desc: 'mixed legit courier job', w: 3, ...JOBS,
    gen: (c) => c.t(`{We're hiring|Жұмысқа шақырамыз}: {доставщик|курьер} {on e-bike|на авто|на самокате}, ${c.city.en}, {официальный договор|ресми шарт}, {смена|ауысым} 8 сағат, ${c.int(200, 350)}к/ай. {Apply|Өтінім} ${c.url('org')}`) },
  { id: 'mixed.neg.bath_salt', label: L, lang: 'mixed', desc: 'mixed bath salt / spa', w: 2, topic: ['salt', 'spa', 'bath'], paths: [''],
    gen: (c) => c.t(`{Bath salt|Соль для ванны|Ваннаға тұз} {with eucalyptus|с лавандой|розовая}, ${c.int(1, 4) * 250}g, {self-care 🛁|relax 🧂|spa at home} {${c.city.kk} бойынша жеткізу|доставка по ${c.city.dat}|delivery ${c.city.en}}`) },
  { id: 'mixed.neg.prevention', label: L, lang: 'mixed', desc: 'kk/ru prevention challenge', w: 2, ...ANTI,
    gen: (c) => c.t(`«{Таза жастар|Салауатты ${c.city.kk}|Жастар есірткіге қарсы|Say no ${c.city.en}}» {флешмобы|байқауы|марафоны}: {постер нарисуй|видео түсір|напиши эссе|рэп жаз} {#${c.p(['есірткігежоқ', 'тазажастар', 'saynotodrugs', 'чистыйгород'])}|} — {главный приз ${c.p(['смартфон', 'ноутбук', 'велосипед'])}|жеңімпаздарға сыйлық|winners get ${c.p(['AirPods', 'a bike', 'a smartwatch'])}}!{ Подробнее: ${c.tg('org', 'at')}|}`) },
  { id: 'mixed.neg.stamps_cones', label: L, lang: 'mixed', desc: 'mixed stamps/cones/hair dryer classifieds', w: 2, topic: ['market', 'collector', 'kedr', 'magnit', 'tech'], paths: [''],
    gen: (c) => c.t(`{Марки collection: спорт, птицы — ${c.int(50, 300)} дана|Самырсын шишки 🌲 свежие, 1 кг ${c.int(3, 6)}000тг|Фен Philips, жаңа, коробкада|Магнитики for fridge, ${c.city.kk} көріністері}, ${c.city.kk}{, пишите ${c.tg('biz', 'at')}|}`) },
  { id: 'mixed.neg.harm', label: L, lang: 'mixed', desc: 'kk/en/ru medical advice', gen: (c) => c.t(`{Дәрігер ескертеді|Doctor's tip|Памятка}: {улану|передозировка|overdose} кезінде {адам есінен танады|дыхание редкое, губы синие|breathing slows down} — {жедел жәрдемді 103 шақыр|сразу 103|call 103 now}, {бүйірімен жатқыз|не оставляй одного|stay with them}.`) },
  { id: 'mixed.neg.chatter', label: L, lang: 'mixed', desc: 'mixed everyday chatter', w: 2,
    gen: (c) => c.r.pick([
      () => c.t(`Бүгін ${c.city.kkLoc} {снег|қар} {😍|❄️} {let's go кататься|кто на каток?|weekend будет холодный}`),
      () => c.t(`Кто едет на {Kolsai|Бурабай|Charyn|Шымбулак} в выходные? {Орын бар|Место есть|2 seats free} 🚗`),
      () => c.t(`{Мысығым|Котёнок} весь день {мяукает|орёт}, {help|көмектесіңдер|what do I do} 😂`),
      () => c.t(`План на weekend: {той, шашлык, sleep|кино, пицца, ұйқы|спортзал and chill}`),
      () => c.t(`Скорость жизни в мегаполисе — {тым жылдам|too fast}, {хочу в аул|need a vacation}`),
      () => c.t(`${c.city.en} traffic бүгін {9 балл|жесть}, {опоздал на работу|жұмысқа кешіктім} 😤`),
      () => c.t(`Туған күніңмен, ${c.p(['Айгерім', 'Dana', 'Марат', 'Аружан'])}! Happy birthday {🎉|🎂}`),
    ])() },
  // ---- held out ----
  { id: 'mixed.neg.party', label: L, lang: 'mixed', hold: true, desc: 'mixed party announcement', topic: ['club', 'party', 'events'], paths: [''], gen: (c) => c.t(`{Той-party|Студенттік кеш|Neon night|Rooftop DJ set} {жұма|сенбі|this weekend} ${c.city.en} 🎧 {билет|entry} ${c.int(2, 9)} 000 ₸, {алкогольсіз және есірткісіз|sober vibes only|қауіпсіздік қызметі бар}, {${c.int(18, 21)}+|dress code: neon}{ — ${c.tg('biz', 'at')}|}`) },
  { id: 'mixed.neg.crypto', label: L, lang: 'mixed', hold: true, desc: 'mixed legal crypto exchange', topic: ['crypto', 'obmen', 'p2p'], paths: [''], gen: (c) => c.t(`Обмен USDT ↔ теңге, ${c.city.kk}, офис в центре, курс выгодный. ${c.wallet()}`) },
];
