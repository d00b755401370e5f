/** drug_propaganda templates, Russian and Kazakh: glamour, false safety, "try it", how-to-find. Original wording. */
import type { Family } from './ctx.js';
import { accKk } from './kk-sale.js';
import { RU_GEN, kkSyz } from './vocab.js';

const L = 'drug_propaganda' as const;

export const RU_KK_PROP: Family[] = [
  { id: 'ru.prop.safety', label: L, lang: 'ru', desc: 'false safety claim', w: 3,
    gen: (c) => c.t(`{${c.dn(c.drug(['weed', 'hash', 'shrooms', 'mdma', 'lsd']))} — {натуральная штука, от пива вреда больше|просто расслабление, никакой химии|вещь безобидная, это вам не водка}|Ни одной смерти от ${c.o(c.p(['травы', 'шишек', 'ганджи']))} за всю историю}. {Расслабьтесь|Хватит пугать людей|Пора легализовать уже} {🌿|😌|✌️|}`) },
  { id: 'ru.prop.glamour', label: L, lang: 'ru', desc: 'glamour meme normalising use', w: 3,
    gen: (c) => {
      const d = c.drug(['meph', 'alpha', 'amph', 'coke', 'weed', 'mdma', 'lsd']);
      const g = c.o(c.r.pick(RU_GEN[d.id] ?? d.ru));
      return c.t(`{Выходные без ${g} — как суп без соли|${c.dn(d)} — и город сразу ярче|Настоящая тусовка начинается с ${g}|Пятница, друзья, ${c.dn(d)} — что ещё нужно|Без ${g} на рейве делать нечего} {😼|😎|🔥|💯|✨} {#вайб|#кайф|#${c.city.ru.replace(/-/g, '')}|#тусовка|#пятница|}`);
    } },
  { id: 'ru.prop.try', label: L, lang: 'ru', desc: 'call to try', w: 2,
    gen: (c) => c.t(`{Один раз ${c.dn(c.drug())} — и поймёшь, о чём все говорят|Не бойся, ${c.dn(c.drug())} — это просто новый опыт|${c.dn(c.drug())} в компании друзей — лучшее, что было этим летом}. {Все нормальные люди пробовали|Живём один раз|Сомневаешься — зря} {😏|😉|🤙|}`) },
  { id: 'ru.prop.howto', label: L, lang: 'ru', desc: 'explains how to find shops, no seller', w: 2,
    gen: (c) => c.t(`{Лайфхак|Совет новичкам|Как взять в ${c.prepCity()} без палева}: {шопы ищутся по названию города + «${c.o('закладки')}», выбирай где больше отзывов|платите только криптой и никогда не берите с рук|заходишь через VPN, платишь USDT, забираешь ${c.o('магнит')}|на ${c.o('клад')} иди в перчатках и долго не стой}. {Элементарно 😉|Менты не поймают 😎|Никто не узнает 🤫|Работает 💯}`) },
  { id: 'ru.prop.lyrics', label: L, lang: 'ru', desc: 'lyrics glamorising use', gen: (c) => {
      const d = c.drug(['meph', 'coke', 'weed', 'mdma', 'alpha']);
      return c.t(`{Новый трек 🎤|Строчки дня|Из альбома}: «${c.dn(d)} в кармане, {ночь без края|район гудит|басы качают}, {мы летим и не моргаем|никто не спит до рассвета|город наш до утра}»`);
    } },
  { id: 'ru.prop.study', label: L, lang: 'ru', desc: 'stimulants as study/work aid', gen: (c) => c.t(`Перед {экзаменом|дедлайном|ночной сменой} щепотка ${c.dn(c.drug(['alpha', 'amph', 'meph']))} — и {пишешь как робот 🤖|голова ясная до утра|отчёт готов за ночь}. {Студентам на заметку|Мой секрет продуктивности|Проверено на себе}`) },
  { id: 'ru.prop.misinfo', label: L, lang: 'ru', desc: 'medical misinformation pro-drug', gen: (c) => c.t(`${c.dn(c.drug(['weed', 'shrooms']))} — {природное лекарство от тревоги|лучший антидепрессант}, а таблетки из аптеки — {химия от фармы|отрава}. {Мне помогло за месяц|Задумайтесь, почему это запрещают|Врачи молчат не просто так} {🌿|🍄|}`) },
  { id: 'ru.prop.effects', label: L, lang: 'ru', desc: 'praising subjective effects', w: 2,
    gen: (c) => c.t(`{С ${c.o(c.p(['мефом', 'мяу', 'экстази', 'МДМА', 'марками', 'грибами', 'шишками']))}|Под ${c.o(c.p(['мефом', 'феном', 'кислотой', 'экстази', 'травой']))}} {музыка звучит совсем по-другому|любишь всех вокруг|танцуешь до рассвета и не устаёшь|мысли летят, идеи прут|фильмы в 10 раз смешнее}. {Кто пробовал — знает|Это надо прочувствовать|Лучшее ощущение в жизни} {🔥|✨|🤤|😍|}`) },
  { id: 'ru.prop.invite', label: L, lang: 'ru', desc: 'peer invitation to use together, no seller', w: 2,
    gen: (c) => c.t(`{Пацаны|Девчонки|Народ|Бро}, {в пятницу|на выходных|после сессии} {замутим|раскурим|попробуем|возьмём} ${c.dn(c.drug(['weed', 'mdma', 'meph', 'lsd', 'coke', 'hash']))}? {У меня хата свободна|На даче у ${c.p(['Сани', 'Ержана', 'Димы', 'Айдоса'])}|На фестивале}, будет {жара|кайф|легендарно} {😎|🔥|🤙}`) },
  { id: 'ru.prop.toplist', label: L, lang: 'ru', desc: 'ranking substances / party tips', gen: (c) => {
      const ds = c.drugs(3, ['weed', 'mdma', 'meph', 'lsd', 'coke', 'shrooms', 'alpha', 'amph']);
      return c.t(`{Топ-3 для идеальной тусовки|Мой рейтинг кайфа|Чем разнообразить выходные}: 1) ${c.dn(ds[0])} 2) ${c.dn(ds[1])} 3) ${c.dn(ds[2])}. {Пишите свой топ 👇|Согласны?|Кто за? 🙋}`);
    } },
  { id: 'ru.prop.meme_channel', label: L, lang: 'ru', desc: 'meme channel glorifying drug culture (no sale)', gen: (c) => c.t(`{Мемы про ${c.o(c.p(['мяу', 'шишки', 'закладки', 'кладменов', 'трип']))} каждый день 😂|Лучший паблик для тех, кто на вайбе 🍁|Юмор для своих: ${c.o(c.p(['клад', 'меф', 'гаш']))}, вечеринки, отходосы 🤪} — {подписывайся|залетай} ${c.tg('meme', 'at')}`) },
  { id: 'kk.prop.effects', label: L, lang: 'kk', desc: 'Kazakh: praising effects', w: 2,
    gen: (c) => c.t(`${accKk(c, c.drug(['meph', 'mdma', 'lsd', 'weed', 'shrooms']))} {қабылдасаң|татып көрсең}, {музыка мүлдем басқаша естіледі|айналаңдағының бәрін жақсы көресің|таңға дейін билейсің, шаршамайсың|ойың ұшқыр болады}. {Керемет сезім|Сөзбен айтып жеткізу мүмкін емес|Бір көрген адам түсінеді} {✨|🔥|😍}`) },
  { id: 'kk.prop.invite', label: L, lang: 'kk', desc: 'Kazakh: peer invitation, no seller', w: 2,
    gen: (c) => c.t(`{Жігіттер|Қыздар|Достар}, {жұма күні|демалыста|сессиядан кейін} ${accKk(c, c.drug(['weed', 'mdma', 'meph', 'hash']))} {тауып|алып} {демаламыз ба|көңіл көтереміз бе}? {Үй бос|Саяжайда|Фестивальде} {😎|🔥|🤙}`) },
  { id: 'ru.prop.conspiracy', label: L, lang: 'ru', hold: true, desc: 'Russian: anti-prevention / police-mocking', gen: (c) => c.t(`{Все эти лекции «скажи нет» — бред|Не слушай учителей и ментов|Профилактика — для лохов}, {${c.dn(c.drug())} пробуют все|от одного раза ничего не будет|зависимость — миф}. {😎|🙄|}`) },
  // ---------------- Kazakh ----------------
  { id: 'kk.prop.harmless', label: L, lang: 'kk', desc: 'Kazakh: harmless/natural claim', w: 3,
    gen: (c) => c.t(`{${c.dn(c.drug(['weed', 'hash', 'shrooms']), 'kk')} — табиғи нәрсе, арақтан әлдеқайда пайдалы|Бір тартқаннан ештеңе болмайды, бауырым|${c.dn(c.drug(['weed', 'hash', 'meph', 'alpha']), 'kk')} — жай ғана демалыс, тәуелділік деген ертегі}. {Үгіт-насихатқа сенбе|Өзің байқап көр|Бәрі осылай бастаған} {🌿|😎|✌️|}`) },
  { id: 'kk.prop.glamour', label: L, lang: 'kk', desc: 'Kazakh: glamour meme', w: 3,
    gen: (c) => {
      const base = c.p(['кокс', 'меф', 'мяу', 'соль', 'шишки', 'экстази', '!гаш']);
      const n = c.o(base);
      const syz = n + kkSyz(base);
      return c.t(`{${n} болса — той қызады|${syz} өмір — сұр өмір|${n} бар жерде — шаттық бар|Жұма кеші + ${n} = бақыт|${syz} демалыс — уақыт босқа кетті} {❄️|😎|🔥|💯|✨} {#вайб|#түн|#кайф|#демалыс|}`);
    } },
  { id: 'kk.prop.howto', label: L, lang: 'kk', desc: 'Kazakh: how to buy unnoticed', w: 2,
    gen: (c) => c.t(`{Жаңадан бастағандарға|Кеңесім|${c.city.kkLoc} қалай алу керек}: {тек крипто арқылы төле, ботқа жаз, пікірлерге қара|VPN қос та, сайттан тапсырыс бер|${c.o('клад')} алуға қолғаппен бар, ұзақ тұрма}. {Бәрі оңай 😉|Полиция ештеңе біле алмайды 😎|Қорқатын ештеңе жоқ|Ешкім білмейді 🤫}`) },
  { id: 'kk.prop.study', label: L, lang: 'kk', desc: 'Kazakh: stimulants for study/work', gen: (c) => c.t(`${accKk(c, c.drug(['amph', 'alpha', 'meph']))} {емтихан алдында|түнгі ауысымда} {қолдансаң|татып көрсең}, {ұйқы да, шаршау да жоқ|бәрін тапсырасың|миың компьютер сияқты істейді}. {Студенттерге кеңес беремін|Өзім тексердім} 💯`) },
  { id: 'kk.prop.try', label: L, lang: 'kk', hold: true, desc: 'Kazakh: "try once" peer pressure', gen: (c) => c.t(`{Бір рет қана|Бір рет}, ${c.dn(c.drug(), 'kk')} {ештеңе етпейді|тәуелділік тудырмайды}. {Бәрі қолданады|Қорқақ болма|Өмір бір-ақ рет} {😏|🔥|}`) },
];
