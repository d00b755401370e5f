/**
 * Reviewed TLD allow-list for bare (scheme-less) domains. A URL with an explicit
 * scheme may use any alphabetic TLD; a bare `word.word` needs one of these, which
 * is what keeps file names (photo.jpg, main.py, readme.md), abbreviations and
 * decimals from turning into domains. Deliberately left out: TLDs that collide
 * with common file extensions (py, sh, md, rs, pl, ps, so, zip, mov, mp, ml).
 */
const TLDS = `
com net org info biz pro name mobi asia tel travel jobs edu gov mil int arpa
top xyz online site shop store club live life world space fun icu vip website
tech app dev link click today host cloud buzz monster cyou rest bar best work win
bid trade party cam casino bet poker games game market guru ltd agency digital
media news blog page team zone email one plus ink men run lol wtf red pink black
blue green gold money cash pay deals sale fit tips tools support services group
systems solutions network center city land express delivery taxi auto car cars
photo pics pictures video tube stream social chat love sex porn xxx adult dating
moda fashion beauty health care clinic pharmacy doctor life band rocks ninja
wiki gdn kim ooo lat art onl pw ws vc tk ga cf gq fm gg im io ly me cc tv la li
to sc ai sx st su cx nu bz ac sh_
onion i2p bit
kz ru by ua uz kg tj tm az am ge md_ ee lv lt fi se no dk de at ch nl be lu fr
es pt it uk ie is gr cy mt cz sk hu ro bg si hr ba rs_ me mk al tr il ae sa qa
kw om bh jo lb eg ma tn ir iq af pk in lk bd np cn hk mo tw jp kr kp mn vn th la
kh my sg id ph au nz ca us mx br ar cl co pe ve uy py_ bo ec za ng ke eu asia
рф қаз рус бел укр срб онлайн сайт орг ком мон дети
`;

export const TLD_SET: ReadonlySet<string> = new Set(
  TLDS.split(/\s+/).filter((t) => t && !t.endsWith('_')),
);

/** Providers for which `name at provider dot com` is accepted as an email. */
export const MAIL_PROVIDERS: ReadonlySet<string> = new Set([
  'gmail', 'googlemail', 'mail', 'inbox', 'list', 'bk', 'yandex', 'ya', 'rambler',
  'outlook', 'hotmail', 'live', 'yahoo', 'icloud', 'me', 'proton', 'protonmail',
  'pm', 'tutanota', 'tuta', 'gmx', 'aol', 'zoho', 'internet', 'nursat', 'kazmail',
]);
