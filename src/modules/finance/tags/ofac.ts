/**
 * OFAC SDN digital-currency addresses from the two official XML publications, parsed in one
 * streaming pass each (htmlparser2 in XML mode, no DOM of the 100 MB advanced file):
 *
 * - sdn.xml: `sdnEntry` → `idList/id` with `idType` "Digital Currency Address - XBT" and the
 *   address in `idNumber`; the name is `firstName lastName`; programs in `programList/program`.
 * - SDN_ADVANCED.xml: `ReferenceValueSets/FeatureTypeValues/FeatureType` names which feature
 *   type ids are "Digital Currency Address - <TICKER>"; each `DistinctParty/Profile` has
 *   `Feature[FeatureTypeID]/FeatureVersion/VersionDetail` with the address and a primary
 *   `Alias/DocumentedName/DocumentedNamePart/NamePartValue`; programs come later, in
 *   `SanctionsEntries/SanctionsEntry[ProfileID]/SanctionsMeasure/Comment`.
 *
 * The ticker is what OFAC wrote; which ledger the address is on is decided later by its format.
 */
import { Parser } from 'htmlparser2';

/** One listed address. */
export interface OfacAddress {
  /** sdn.xml entry uid = advanced Profile ID (the same "FixedRef" number). */
  uid: string;
  name: string;
  /** Individual | Entity | Vessel | Aircraft (sdn.xml), or the party sub-type id (advanced). */
  partyType: string;
  programs: string[];
  /** Ticker after "Digital Currency Address - ", upper-case (XBT, ETH, USDT, TRX…). */
  ticker: string;
  address: string;
}

export interface OfacList { format: 'sdn' | 'advanced'; published: string | null; addresses: OfacAddress[] }

const PREFIX = /^Digital Currency Address\s*-\s*(\S+)\s*$/i;
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Run htmlparser2 over the text; `open`/`close` get local names, `text` the decoded text of the open element. */
function scan(xml: string, h: { open(name: string, attrs: Record<string, string>): void; close(name: string, text: string): void }): void {
  const texts: string[] = [];
  const p = new Parser({
    onopentag(name, attrs) { texts.push(''); h.open(local(name), attrs); },
    ontext(t) { if (texts.length) texts[texts.length - 1] += t; },
    onclosetag(name) { h.close(local(name), (texts.pop() ?? '').trim()); },
  }, { xmlMode: true, decodeEntities: true });
  p.write(xml);
  p.end();
}

/** Which publication this is, from its root element; null when it is neither. */
export function ofacFormat(xml: string): 'sdn' | 'advanced' | null {
  const head = xml.slice(0, 4000).replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const m = /<\s*(?:[\w-]+:)?([\w-]+)/.exec(head);
  if (m?.[1] === 'sdnList') return 'sdn';
  if (m?.[1] === 'Sanctions') return 'advanced';
  return null;
}

/** Parse sdn.xml. */
export function parseSdnXml(xml: string): OfacList {
  const addresses: OfacAddress[] = [];
  let published: string | null = null;
  let entry: { uid: string; first: string; last: string; type: string; programs: string[]; ids: { type: string; number: string }[] } | null = null;
  let id: { type: string; number: string } | null = null;
  const path: string[] = [];
  scan(xml, {
    open(name) {
      path.push(name);
      if (name === 'sdnEntry') entry = { uid: '', first: '', last: '', type: '', programs: [], ids: [] };
      else if (name === 'id' && entry) id = { type: '', number: '' };
    },
    close(name, text) {
      path.pop();
      const parent = path[path.length - 1];
      // sdn.xml writes MM/DD/YYYY; the result uses ISO dates like the advanced file.
      if (name === 'Publish_Date') published = text.replace(/^(\d{2})\/(\d{2})\/(\d{4})$/, '$3-$1-$2');
      if (!entry) return;
      const e = entry as NonNullable<typeof entry>;
      if (id && parent === 'id') {
        if (name === 'idType') id.type = text;
        else if (name === 'idNumber') id.number = text;
      } else if (name === 'id' && id) { e.ids.push(id); id = null; }
      else if (parent === 'sdnEntry') {
        if (name === 'uid') e.uid = text;
        else if (name === 'firstName') e.first = text;
        else if (name === 'lastName') e.last = text;
        else if (name === 'sdnType') e.type = text;
      } else if (name === 'program') e.programs.push(text);
      if (name === 'sdnEntry') {
        for (const i of e.ids) {
          const m = PREFIX.exec(i.type);
          if (m && i.number) addresses.push({ uid: e.uid, name: [e.first, e.last].filter(Boolean).join(' '), partyType: e.type, programs: e.programs, ticker: m[1]!.toUpperCase(), address: i.number });
        }
        entry = null;
      }
    },
  });
  return { format: 'sdn', published, addresses };
}

/** Parse SDN_ADVANCED.xml. */
export function parseSdnAdvancedXml(xml: string): OfacList {
  const tickers = new Map<string, string>(); // FeatureTypeID → ticker
  const programsOf = new Map<string, string[]>(); // ProfileID → programs
  const found: OfacAddress[] = [];
  const date: Record<string, string> = {};
  let inDate = false;
  let featureTypeId: string | null = null;
  let profile: { id: string; subType: string; name: string; parts: string[]; features: { ticker: string; address: string }[] } | null = null;
  let aliasPrimary = false;
  let feature: string | null = null; // ticker of the open digital-currency Feature
  let entry: string | null = null; // ProfileID of the open SanctionsEntry
  let inMeasure = false;
  scan(xml, {
    open(name, a) {
      if (name === 'DateOfIssue') inDate = true;
      else if (name === 'FeatureType') featureTypeId = a.ID ?? null;
      else if (name === 'Profile') profile = { id: a.ID ?? '', subType: a.PartySubTypeID ?? '', name: '', parts: [], features: [] };
      else if (name === 'Alias' && profile) aliasPrimary = a.Primary === 'true';
      else if (name === 'Feature' && profile) feature = tickers.get(a.FeatureTypeID ?? '') ?? null;
      else if (name === 'SanctionsEntry') entry = a.ProfileID ?? null;
      else if (name === 'SanctionsMeasure') inMeasure = true;
    },
    close(name, text) {
      if (inDate && (name === 'Year' || name === 'Month' || name === 'Day')) date[name] = text.padStart(name === 'Year' ? 4 : 2, '0');
      if (name === 'DateOfIssue') inDate = false;
      if (name === 'FeatureType' && featureTypeId) {
        const m = PREFIX.exec(text);
        if (m) tickers.set(featureTypeId, m[1]!.toUpperCase());
        featureTypeId = null;
      }
      const p = profile as { id: string; subType: string; name: string; parts: string[]; features: { ticker: string; address: string }[] } | null;
      if (p) {
        // The primary alias's first documented name is the listed name; its parts (first, last…) in document order.
        if (name === 'NamePartValue' && aliasPrimary && !p.name) p.parts.push(text);
        else if (name === 'DocumentedName' && aliasPrimary && !p.name) p.name = p.parts.join(' ');
        else if (name === 'Alias') aliasPrimary = false;
        else if (name === 'VersionDetail' && feature && text) p.features.push({ ticker: feature, address: text });
        else if (name === 'Feature') feature = null;
        else if (name === 'Profile') {
          for (const f of p.features) found.push({ uid: p.id, name: p.name, partyType: p.subType, programs: [], ticker: f.ticker, address: f.address });
          profile = null;
        }
      }
      if (name === 'Comment' && inMeasure && entry && text) programsOf.set(entry, [...(programsOf.get(entry) ?? []), text]);
      if (name === 'SanctionsMeasure') inMeasure = false;
      if (name === 'SanctionsEntry') entry = null;
    },
  });
  for (const f of found) f.programs = [...new Set(programsOf.get(f.uid) ?? [])];
  const published = date.Year && date.Month && date.Day ? `${date.Year}-${date.Month}-${date.Day}` : null;
  return { format: 'advanced', published, addresses: found };
}
