/** English positives: drug_sale, courier_recruitment, drug_propaganda. Original wording. */
import type { Family } from './ctx.js';

const S = 'drug_sale' as const;
const R = 'courier_recruitment' as const;
const P = 'drug_propaganda' as const;

export const EN_POS: Family[] = [
  // ---------------- sale ----------------
  { id: 'en.sale.plug', label: S, lang: 'en', desc: 'English connect/plug ad with dead drops', w: 3,
    gen: (c) => c.t(`{${c.city.en} 🔌 connect|Your ${c.city.en} connect 🔌|${c.city.en} supply|Plug for ${c.city.en} and suburbs} — ${c.dl(c.drugs(c.int(2, 4)), 'en')}{.|!} {Drops across every district|Pickups citywide, pin + photo|No meetups, ${c.o('drops')} only|Location sent once paid|Same-day ${c.o('drops')}}. ${c.shopContact('en')}`) },
  { id: 'en.sale.bare', label: S, lang: 'en', desc: 'English bare offer: "selling meth", no contact, drop or price', w: 2,
    gen: (c) => {
      const n = c.o(c.p(['meth', 'mephedrone', 'cocaine', 'MDMA', 'molly', 'LSD', 'heroin', 'hash', 'hashish', 'weed', 'kush', 'cannabis', 'amphetamine', 'ecstasy', 'shrooms', 'coke', 'crystal meth']));
      return c.t(`{{Selling|Got|Have|Plug for|Cheap|Good|Fresh|Quality} ${n}{| for sale|, cheap|, in ${c.city.en}|, DM|, hmu|, hit me up|, dm me|, good prices|, any amount}|${n} for sale{| in ${c.city.en}|, cheap|, DM}|Need ${n}? {DM|hmu|I got you|hit me up}}`);
    } },
  { id: 'en.sale.menu', label: S, lang: 'en', desc: 'English menu / price list', w: 2,
    gen: (c) => c.lines(c.t(`{${c.city.en.toUpperCase()} — WHAT'S IN|Price list 📋|This week's drop (${c.city.en})|Available now}`),
      ...c.drugs(c.int(2, 4)).map((d) => {
        const q = c.qty(d);
        return `${c.chance(0.5) ? c.em(d) + ' ' : ''}${c.dn(d, 'en')}${c.chance(0.3) ? ` (${c.grade(d)})` : ''} ${c.qtyStr(d, q, 'en')} — ${c.money(c.amount(d, q), 'en')}`;
      }),
      c.chance(0.5) && c.t('{Pickup spots all over town|Kaspi or crypto|From 0.5g|Bulk = discount}'), c.shopContact('en')) },
  { id: 'en.sale.crypto', label: S, lang: 'en', desc: 'English: crypto-only shop with wallet',
    gen: (c) => c.t(`{${c.city.en}:|${c.city.en} —} {clean|strong|imported} ${c.dl(c.drugs(c.int(1, 3)), 'en', [' and ', ', ', ' & '])}. {Payment in crypto only, location sent after confirmation|Send crypto, get coordinates|We take crypto, pickup point follows}. ${c.wallet('en')}`) },
  { id: 'en.sale.darknet', label: S, lang: 'en', desc: 'English: onion mirror', gen: (c) => c.t(`{Onion mirror for our KZ store|Tor link, bookmark it|Backup address (main site is down)}: ${c.onion()} — ${c.dl(c.drugs(c.int(2, 3)), 'en')}`) },
  { id: 'en.sale.short', label: S, lang: 'en', desc: 'English: one-line offer with phone', gen: (c) => {
      const d = c.drug();
      return c.t(`${c.dn(d, 'en')} available in ${c.city.en}, ${c.money(c.amount(d), 'en')}{/g| a gram}. {WhatsApp only|Texts only, no calls|Msg first}: ${c.phone()}`);
    } },
  { id: 'en.sale.quality', label: S, lang: 'en', desc: 'English: quality claim + contact', gen: (c) => {
      const d = c.drug();
      return c.t(`{Strongest|Purest|Cleanest|Top shelf} ${c.dn(d, 'en')} {around|you can get in} ${c.city.en}{, tested every batch|, never cut|}. ${c.qtyStr(d, 1, 'en')} for ${c.money(c.amount(d), 'en')}. ${c.shopContact('en')}`);
    } },
  { id: 'en.sale.review', label: S, lang: 'en', hold: true, desc: 'English review shill', gen: (c) => c.t(`{Honest review:|Legit af —|Vouch 🙌} pin was spot on, ${c.dn(c.drug(), 'en')} {hit hard|was clean|🔥}, picked up in {2|3|5} min. ${c.tg('shop', 'at')} {is the real deal|never lets me down|recommended}`) },
  { id: 'en.sale.restock', label: S, lang: 'en', hold: true, desc: 'English restock announcement', gen: (c) => c.t(`{RESTOCK 🚨|Fresh batch 🛬|We're stocked again} — ${c.dl(c.drugs(c.int(2, 3)), 'en')} in ${c.city.en}. {Limited run|Don't sleep on it|Weekend special}. ${c.shopContact('en')}`) },
  // ---------------- recruitment ----------------
  { id: 'en.rec.hiring', label: R, lang: 'en', desc: 'English: stash parcels, photo, send pins', w: 2,
    gen: (c) => c.t(`{${c.city.en}: we need walkers 🚶|Looking for runners in ${c.city.en}|${c.city.en} team is growing} — {stash small parcels around the city, snap a photo, drop the pin|tuck little packages in quiet spots and send us the coordinates|place items, take a picture, share the location}. {Paid weekly|Payout every Friday|Daily payouts} in {BTC|USDT|crypto}, {$${c.int(5, 15) * 100}/week|${c.int(200, 600)}k KZT a week|up to ${c.int(30, 80)}k a day}. ${c.recContact('en')}`) },
  { id: 'en.rec.packers', label: R, lang: 'en', desc: 'English: home weighing/bagging', gen: (c) => c.t(`{Remote position|Job you can do at home|Home-based gig}: weighing and bagging {"product"|crystals|powder} at your place, scales provided. ${c.int(200, 500)}k KZT {monthly|a month}, ${c.city.en}. {Apply via|Write to|Details:} ${c.recContact('en')}`) },
  { id: 'en.rec.easy', label: R, lang: 'en', desc: 'English: easy money marking spots', gen: (c) => c.t(`{Need cash fast? 💸|Side income 💰|Flexible gig} — {walk around ${c.city.en} and mark hidden spots on a map|ride around the city leaving "gifts" and pinning them|snap photos of quiet corners where parcels go}. Paid {every evening|daily} in {USDT|BTC|crypto}. {No CV needed|Students welcome|From 16}. ${c.recContact('en')}`) },
  { id: 'en.rec.drivers', label: R, lang: 'en', hold: true, desc: 'English: trafficking drivers, discretion', gen: (c) => c.t(`Need a driver with own car for regular runs ${c.city.en} ⇄ ${c.otherCity().en}. {The cargo is small|Just a bag in the trunk}, pay $${c.int(10, 30) * 100} per run, discretion is a must. {Deposit required|Clean record preferred}. ${c.recContact('en')}`) },
  // ---------------- propaganda ----------------
  { id: 'en.prop.natural', label: P, lang: 'en', desc: 'English: "it\'s natural / harmless" claim', w: 2,
    gen: (c) => c.t(`{Nobody ever died from weed|${c.dn(c.drug(['weed', 'shrooms']), 'en')} grows from the earth — how can it be bad?|Cannabis is medicine, alcohol is poison|Shrooms are just nature saying hi}{ 🌿| 🍄|}. {Relax and light up|Stop the fearmongering|Free the plant} {#plantmedicine|#legalize|#${c.city.en.toLowerCase()}|} {#420|}`) },
  { id: 'en.prop.party', label: P, lang: 'en', desc: 'English: glamorising party drugs', w: 2,
    gen: (c) => c.t(`{A rave without molly? Pointless|Coke + club = perfect Friday|Half a pill and the whole crowd is family|Acid at sunrise on the steppe is pure magic}. {Take one and dance till morning|Live a little|Boring people say no|Trust the vibe} {💊|❄️|✨|🔮}`) },
  { id: 'en.prop.productivity', label: P, lang: 'en', desc: 'English: drugs as study/productivity aid', gen: (c) => c.t(`{A pinch of speed|A bump of meph|Some alpha} before {finals|a deadline|a night shift} and you {work like a machine|never get tired|finish in half the time}. {Game changer|My secret weapon|Try it} ⚡`) },
  { id: 'en.prop.invite', label: P, lang: 'en', desc: 'English: peer invitation, praising effects', w: 2,
    gen: (c) => c.t(`{Who's down to|Anyone wanna|Let's} {roll|trip|get lit|smoke up} this {Saturday|weekend|after finals}? {Molly makes the music hit 10x harder|Shrooms by the lake, trust me|A little snow and we'll party till 6|Edibles and movies, easy night} {💊|🍄|❄️|🌿} {#weekend|#vibes|}`) },
  { id: 'en.prop.microdose', label: P, lang: 'en', hold: true, desc: 'English: microdosing praise', gen: (c) => c.t(`Microdosing {shrooms|LSD|psilocybin} {did more for my anxiety|helped my depression|boosted my creativity} than {years of therapy|any pill|any doctor}. Everyone should try it {🍄|🌈|✨}`) },
];
