/**
 * GraphSense TagPack and ActorPack YAML (github.com/graphsense/graphsense-tagpack-tool,
 * conf/tagpack_schema.yaml, conf/actorpack_schema.yaml): parsing with header defaults inherited
 * by every tag, validation per tag, and writing. Pure: no database.
 */
import { parse, stringify } from 'yaml';
import { CONFIDENCE, fromConcepts, ledgerFor, normalizeChain, canonicalAddress, toConcept, type Chain, type TagCategory } from './model.js';

/** Header fields of a TagPack that are not tag defaults. */
const HEADER_ONLY = new Set(['title', 'creator', 'description', 'owner', 'is_public', 'tags']);
/** Tag fields we map to columns; anything else is kept in `extra` and written back on export. */
const MAPPED = new Set(['address', 'currency', 'network', 'label', 'source', 'category', 'abuse', 'confidence', 'actor', 'lastmod']);

/** A TagPack tag after inheritance and validation, ready for the store. */
export interface ParsedTag {
  chain: Chain;
  address: string;
  currency: string;
  label: string;
  source: string;
  category: TagCategory;
  confidence: string;
  confidenceLevel: number;
  actor: string | null;
  lastmod: Date | null;
  extra: Record<string, unknown>;
}

/** A tag that could not be imported: its position in `tags` (1-based), the address and why. */
export interface TagProblem { index: number; address: string; reason: string; skipped?: boolean }

export interface ParsedPack {
  header: { title: string; creator: string; description: string; isPublic: boolean };
  tags: ParsedTag[];
  /** Errors (the file is refused unless only valid tags are wanted) and skips (other ledgers, tx tags). */
  problems: TagProblem[];
}

export class PackFormatError extends Error {}

/** YAML with anchors limited (no "billion laughs") into a plain object. */
function load(text: string): Record<string, unknown> {
  let doc: unknown;
  // Failsafe schema: every scalar stays a string. With the core schema an unquoted Ethereum address
  // (0xcef7…) is read as a hexadecimal number and an address like 1e100… as a float.
  try { doc = parse(text, { schema: 'failsafe', maxAliasCount: 50, prettyErrors: false }); } catch (e) { throw new PackFormatError((e as Error).message.slice(0, 200)); }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new PackFormatError('not a YAML mapping');
  return doc as Record<string, unknown>;
}

/** YAML booleans as the failsafe schema leaves them (strings). */
const bool = (v: unknown): boolean => v === true || (typeof v === 'string' && /^(true|yes)$/i.test(v.trim()));
const str = (v: unknown): string | null => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : null);

function date(v: unknown): Date | null | 'bad' {
  if (v === undefined || v === null || v === '') return null;
  const d = v instanceof Date ? v : new Date(String(v));
  return Number.isNaN(d.getTime()) ? 'bad' : d;
}

/** Parse a TagPack. Throws PackFormatError when it is not one at all (no title/creator/tags list). */
export function parseTagPack(text: string): ParsedPack {
  const doc = load(text);
  const title = str(doc.title), creator = str(doc.creator);
  if (!title || !creator || !Array.isArray(doc.tags)) throw new PackFormatError('a TagPack needs title, creator and a tags list');
  const defaults: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!HEADER_ONLY.has(k)) defaults[k] = v;
  const tags: ParsedTag[] = [];
  const problems: TagProblem[] = [];
  doc.tags.forEach((raw, i) => {
    const index = i + 1;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) { problems.push({ index, address: '', reason: 'not_a_mapping' }); return; }
    const t = { ...defaults, ...(raw as Record<string, unknown>) };
    const address = str(t.address) ?? '';
    const bad = (reason: string, skipped = false) => problems.push({ index, address, reason, ...(skipped ? { skipped } : {}) });
    if (!address) return bad(t.tx_hash ? 'transaction_tags_unsupported' : 'address_missing', Boolean(t.tx_hash));
    const label = str(t.label), source = str(t.source), currency = str(t.currency)?.toUpperCase();
    if (!label) return bad('label_missing');
    if (!source) return bad('source_missing');
    if (!currency) return bad('currency_missing');
    // Old packs have no confidence; they are kept at the lowest level rather than refused.
    const confidence = str(t.confidence) ?? 'unknown';
    if (CONFIDENCE[confidence] === undefined) return bad('confidence_unknown');
    const lastmod = date(t.lastmod);
    if (lastmod === 'bad') return bad('lastmod_invalid');
    let chain: Chain, canonical: string;
    const network = str(t.network);
    if (network) {
      const n = normalizeChain(network);
      if (!n) return bad('unsupported_ledger', true);
      const c = canonicalAddress(n, address);
      if (!c) return bad('invalid_address');
      chain = n; canonical = c;
    } else {
      const l = ledgerFor(currency, address);
      if ('refused' in l) return bad(l.refused, l.refused === 'unsupported_ledger');
      chain = l.chain; canonical = l.address;
    }
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(t)) if (!MAPPED.has(k)) extra[k] = k === 'is_cluster_definer' ? bool(v) : v;
    if (typeof t.category === 'string') extra.gsCategory = t.category;
    if (typeof t.abuse === 'string') extra.gsAbuse = t.abuse;
    tags.push({
      chain, address: canonical, currency, label, source, category: fromConcepts(t.category, t.abuse), confidence, confidenceLevel: CONFIDENCE[confidence]!,
      actor: str(t.actor) || null, lastmod, extra,
    });
  });
  return { header: { title, creator, description: str(doc.description) ?? '', isPublic: bool(doc.is_public) }, tags, problems };
}

/** A tag as written on export. */
export interface ExportTag {
  chain: Chain; address: string; currency: string; label: string; source: string; category: TagCategory;
  confidence: string; actor: string | null; lastmod: Date | null; extra: Record<string, unknown>;
}

const NETWORK: Record<Chain, string> = { btc: 'BTC', eth: 'ETH', tron: 'TRX' };
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);

/**
 * Write a TagPack. Fields equal for every tag are lifted into the header (GraphSense
 * inheritance), which keeps large packs small and is undone by `parseTagPack`.
 */
export function writeTagPack(header: { title: string; creator: string; description?: string; isPublic?: boolean }, tags: ExportTag[]): string {
  const rows = tags.map((t) => {
    const { gsCategory, gsAbuse, ...rest } = t.extra;
    let concept: string | null | undefined, abuse: string | undefined;
    if (t.category === 'sanctioned') {
      // GraphSense writes sanctions as an abuse; the category says what the actor is (an exchange…).
      abuse = 'sanction';
      concept = typeof gsCategory === 'string' && gsCategory !== 'sanction' ? gsCategory : undefined;
    } else {
      // Keep the source's own concept when it maps back to the same category ("coinjoin" stays "coinjoin").
      concept = typeof gsCategory === 'string' && fromConcepts(gsCategory, undefined) === t.category ? gsCategory : toConcept(t.category);
      abuse = typeof gsAbuse === 'string' && gsAbuse !== 'sanction' ? gsAbuse : undefined;
    }
    const r: Record<string, unknown> = {
      address: t.address, currency: t.currency, network: NETWORK[t.chain], label: t.label, source: t.source,
      ...(concept ? { category: concept } : {}), ...(abuse ? { abuse } : {}),
      confidence: t.confidence, ...(t.actor ? { actor: t.actor } : {}), ...(t.lastmod ? { lastmod: day(t.lastmod) } : {}), ...rest,
    };
    return r;
  });
  const out: Record<string, unknown> = { title: header.title, creator: header.creator };
  if (header.description) out.description = header.description;
  out.is_public = header.isPublic ?? false;
  if (rows.length > 1) {
    for (const k of ['currency', 'network', 'source', 'confidence', 'category', 'abuse', 'lastmod', 'actor']) {
      const v = rows[0]![k];
      if (v !== undefined && rows.every((r) => r[k] === v)) { out[k] = v; for (const r of rows) delete r[k]; }
    }
  }
  out.tags = rows;
  return stringify(out, { lineWidth: 0 });
}

/** An ActorPack actor. */
export interface ParsedActor { id: string; label: string; uri: string; categories: string[]; jurisdictions: string[]; aliases: string[]; context: Record<string, unknown>; lastmod: Date | null }

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x).trim()).filter(Boolean) : typeof v === 'string' && v.trim() ? [v.trim()] : []);

/** Parse an ActorPack (actors inherit header-level categories/jurisdictions/lastmod when they have none). */
export function parseActorPack(text: string): { header: ParsedPack['header']; actors: ParsedActor[]; problems: TagProblem[] } {
  const doc = load(text);
  const title = str(doc.title), creator = str(doc.creator);
  if (!title || !creator || !Array.isArray(doc.actors)) throw new PackFormatError('an ActorPack needs title, creator and an actors list');
  const actors: ParsedActor[] = [];
  const problems: TagProblem[] = [];
  doc.actors.forEach((raw, i) => {
    const a = { ...(raw && typeof raw === 'object' ? raw as Record<string, unknown> : {}) };
    const id = str(a.id) ?? '';
    const bad = (reason: string) => problems.push({ index: i + 1, address: id, reason });
    if (!/^[a-z0-9_.-]{1,100}$/i.test(id)) return bad('id_invalid');
    const label = str(a.label);
    if (!label) return bad('label_missing');
    let context: Record<string, unknown> = {};
    if (typeof a.context === 'string') { try { context = JSON.parse(a.context) as Record<string, unknown>; } catch { return bad('context_invalid'); } }
    else if (a.context && typeof a.context === 'object') context = a.context as Record<string, unknown>;
    const lastmod = date(a.lastmod ?? doc.lastmod);
    if (lastmod === 'bad') return bad('lastmod_invalid');
    actors.push({
      id: id.toLowerCase(), label, uri: str(a.uri) ?? '', categories: list(a.categories ?? doc.categories), jurisdictions: list(a.jurisdictions ?? doc.jurisdictions).map((j) => j.toUpperCase()),
      aliases: list(a.aliases), context, lastmod,
    });
  });
  return { header: { title, creator, description: str(doc.description) ?? '', isPublic: bool(doc.is_public) }, actors, problems };
}

/** Write an ActorPack. */
export function writeActorPack(header: { title: string; creator: string; description?: string; isPublic?: boolean }, actors: ParsedActor[]): string {
  return stringify({
    title: header.title, creator: header.creator, ...(header.description ? { description: header.description } : {}), is_public: header.isPublic ?? false,
    actors: actors.map((a) => ({
      id: a.id, uri: a.uri, label: a.label, lastmod: day(a.lastmod ?? new Date()), categories: a.categories,
      ...(a.jurisdictions.length ? { jurisdictions: a.jurisdictions } : {}), ...(a.aliases.length ? { aliases: a.aliases } : {}),
      ...(Object.keys(a.context).length ? { context: JSON.stringify(a.context) } : {}),
    })),
  }, { lineWidth: 0 });
}
