import { isIP } from 'node:net';

/**
 * IP address classification for the crawler's SSRF guard. Addresses are handled as BigInts so
 * one CIDR routine serves IPv4 and IPv6 and no string trick (`0x7f.1`, `::ffff:7f00:1`, …)
 * can slip past a textual prefix check.
 */
export interface Ip { family: 4 | 6; value: bigint }

/** Parse a textual IPv4/IPv6 address (brackets and an embedded dotted quad allowed); null if not an IP. */
export function parseIp(text: string): Ip | null {
  const s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const kind = isIP(s);
  if (kind === 4) return { family: 4, value: s.split('.').reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n) };
  if (kind !== 6) return null;
  let body = s;
  // A trailing dotted quad (::ffff:1.2.3.4) becomes two hextets.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (quad) {
    const v4 = parseIp(quad[1]!)!.value;
    body = body.slice(0, -quad[1]!.length) + `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = body.includes('::') ? body.split('::') as [string, string] : [body, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return { family: 6, value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

/** A CIDR block, e.g. 10.0.0.0/8 or fc00::/7. */
export interface Cidr { family: 4 | 6; base: bigint; bits: number }

export function parseCidr(text: string): Cidr | null {
  const [addr, len] = text.split('/');
  const ip = parseIp(addr ?? '');
  if (!ip) return null;
  const max = ip.family === 4 ? 32 : 128;
  const bits = len === undefined ? max : Number(len);
  if (!Number.isInteger(bits) || bits < 0 || bits > max || (len !== undefined && !/^\d+$/.test(len))) return null;
  return { family: ip.family, base: ip.value, bits };
}

export function inCidr(ip: Ip, c: Cidr): boolean {
  if (ip.family !== c.family) return false;
  const width = BigInt(ip.family === 4 ? 32 : 128);
  const shift = width - BigInt(c.bits);
  return ip.value >> shift === c.base >> shift;
}

const cidrs = (list: [string, string][]) => list.map(([c, why]) => ({ cidr: parseCidr(c)!, why }));

/** Ranges a crawler must never reach unless explicitly allowlisted (IANA special-purpose registries). */
const BLOCKED_V4 = cidrs([
  ['0.0.0.0/8', 'unspecified'], ['10.0.0.0/8', 'private'], ['100.64.0.0/10', 'cgnat'], ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'], ['172.16.0.0/12', 'private'], ['192.0.0.0/24', 'special'], ['192.0.2.0/24', 'documentation'],
  ['192.168.0.0/16', 'private'], ['198.18.0.0/15', 'benchmarking'], ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'], ['224.0.0.0/4', 'multicast'], ['240.0.0.0/4', 'reserved'],
]);
const BLOCKED_V6 = cidrs([
  ['::/128', 'unspecified'], ['::1/128', 'loopback'], ['::ffff:0:0/96', 'ipv4-mapped'], ['::/96', 'ipv4-compatible'],
  ['64:ff9b:1::/48', 'nat64'], ['100::/64', 'discard'], ['2001:db8::/32', 'documentation'], ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'], ['fec0::/10', 'site-local'], ['ff00::/8', 'multicast'],
]);
// Prefixes that embed an IPv4 address: refused when the embedded address is refused.
const NAT64 = parseCidr('64:ff9b::/96')!;
const SIX_TO_FOUR = parseCidr('2002::/16')!;

/** Why an address is not publicly routable (a reason string), or null when it is a public unicast address. */
export function blockedReason(ip: Ip): string | null {
  if (ip.family === 4) return BLOCKED_V4.find((b) => inCidr(ip, b.cidr))?.why ?? null;
  const direct = BLOCKED_V6.find((b) => inCidr(ip, b.cidr));
  if (direct) return direct.why;
  if (inCidr(ip, NAT64)) return blockedReason({ family: 4, value: ip.value & 0xffffffffn }) && 'nat64';
  if (inCidr(ip, SIX_TO_FOUR)) return blockedReason({ family: 4, value: (ip.value >> 80n) & 0xffffffffn }) && '6to4';
  return null;
}

/**
 * Operator allowlist (CRAWLER_ALLOW_PRIVATE_HOSTS): comma-separated `host:port`, `[v6]:port`,
 * or CIDR / bare IP entries. A CIDR entry permits any port on those addresses; a `host:port`
 * entry permits exactly that port, matched against the URL host or the resolved address.
 */
export interface Allowlist { cidrs: Cidr[]; hostPorts: { host: string; port: number }[] }

export function parseAllowlist(text: string | undefined): Allowlist {
  const out: Allowlist = { cidrs: [], hostPorts: [] };
  for (const raw of (text ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    const hp = /^(\[[^\]]+\]|[^:/\[\]]+):(\d{1,5})$/.exec(raw);
    if (hp) { out.hostPorts.push({ host: hp[1]!.replace(/^\[|\]$/g, ''), port: Number(hp[2]) }); continue; }
    const c = parseCidr(raw);
    if (!c) throw new Error(`invalid allowlist entry: ${raw}`);
    out.cidrs.push(c);
  }
  return out;
}

/** True when the operator allowlisted this (URL host, port, resolved address) combination. */
export function allowlisted(list: Allowlist, host: string, port: number, address: string): boolean {
  const ip = parseIp(address);
  if (ip && list.cidrs.some((c) => inCidr(ip, c))) return true;
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return list.hostPorts.some((e) => e.port === port && (e.host === h || sameIp(e.host, address)));
}

const sameIp = (a: string, b: string) => {
  const x = parseIp(a);
  const y = parseIp(b);
  return !!x && !!y && x.family === y.family && x.value === y.value;
};
