/**
 * robots.txt (RFC 9309 plus the common Crawl-delay extension).
 *
 * Groups: consecutive `User-agent` lines open a group; its Allow/Disallow/Crawl-delay lines
 * follow. We obey every group naming our product token (case-insensitive, the version after
 * `/` ignored), merged; only when none names us, the `*` groups. The matching rule with the
 * longest pattern wins and Allow wins a tie; `*` matches any run of characters, a trailing `$`
 * anchors the end. `/robots.txt` itself is always allowed.
 */
export interface RobotsRules {
  rules: { allow: boolean; pattern: string; re: RegExp }[];
  /** Seconds, when the applicable groups set one (the largest wins). */
  crawlDelay?: number;
}

/** Nothing forbidden: for a 4xx robots.txt (RFC 9309 §2.3.1.3). */
export const ALLOW_ALL: RobotsRules = { rules: [] };
/** Everything forbidden: for an unreachable robots.txt or 5xx (RFC 9309 §2.3.1.4). */
export const DISALLOW_ALL: RobotsRules = { rules: [{ allow: false, pattern: '/', re: /^\// }] };

/** The product token of a User-Agent string: `QalqanBot/1.0 (+url)` → `qalqanbot`. */
export const productToken = (userAgent: string) => (userAgent.trim().split(/[\s/]/)[0] ?? '').toLowerCase();

export function parseRobots(text: string, userAgent: string): RobotsRules {
  const token = productToken(userAgent);
  type Group = { agents: string[]; lines: [string, string][] };
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  // RFC 9309 asks parsers to handle at least 500 KiB; callers cap the fetch size.
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) { current = { agents: [], lines: [] }; groups.push(current); }
      current.agents.push(value.split('/')[0]!.trim().toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (current && (key === 'allow' || key === 'disallow' || key === 'crawl-delay')) current.lines.push([key, value]);
  }
  const mine = groups.filter((g) => g.agents.includes(token));
  const applicable = mine.length > 0 ? mine : groups.filter((g) => g.agents.includes('*'));
  const out: RobotsRules = { rules: [] };
  for (const g of applicable) {
    for (const [key, value] of g.lines) {
      if (key === 'crawl-delay') {
        const n = Number(value);
        if (Number.isFinite(n) && n >= 0) out.crawlDelay = Math.max(out.crawlDelay ?? 0, n);
      } else if (value !== '') {
        // An empty Disallow means "nothing disallowed" and adds no rule.
        out.rules.push({ allow: key === 'allow', pattern: value, re: patternToRegExp(value) });
      }
    }
  }
  return out;
}

function patternToRegExp(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = normalizeEncoding(anchored ? pattern.slice(0, -1) : pattern)
    .split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp('^' + body + (anchored ? '$' : ''));
}

/** Upper-case percent escapes so `%2f` and `%2F` compare equal on both sides. */
const normalizeEncoding = (s: string) => s.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());

/** May this path (pathname + search) be fetched under these rules? */
export function isAllowed(rules: RobotsRules, pathAndQuery: string): boolean {
  if (pathAndQuery === '/robots.txt') return true;
  const target = normalizeEncoding(pathAndQuery);
  let best: { allow: boolean; len: number } | null = null;
  for (const r of rules.rules) {
    if (!r.re.test(target)) continue;
    const len = r.pattern.length;
    if (!best || len > best.len || (len === best.len && r.allow && !best.allow)) best = { allow: r.allow, len };
  }
  return best ? best.allow : true;
}
