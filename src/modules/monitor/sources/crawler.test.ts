import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { canonicalUrl, crawl, type CrawlEvent, type CrawlOptions } from './crawler.js';
import { extractHtml } from './extract.js';
import { parseAllowlist } from './ip.js';
import { isAllowed, parseRobots } from './robots.js';
import { memorySink } from './sink.js';
import { fakeClock, html, startSite, text } from './sources.fixtures.js';

const UA = 'QalqanBot/0.1 (+https://example.kz/bot)';

describe('robots.txt', () => {
  const robots = `# comment
User-agent: *
Disallow: /private
Crawl-delay: 2

User-agent: QalqanBot/2.0
User-agent: otherbot
Disallow: /secret
Allow: /secret/open
Disallow: /*.pdf$
Disallow: /tmp/*/cache
Crawl-delay: 3
`;
  const rules = parseRobots(robots, UA);

  test('our group replaces the * group; longest match wins, Allow wins ties', () => {
    assert.equal(rules.crawlDelay, 3);
    assert.equal(isAllowed(rules, '/private/x'), true); // only the * group forbids it
    assert.equal(isAllowed(rules, '/secret/x'), false);
    assert.equal(isAllowed(rules, '/secret/open/y'), true);
    assert.equal(isAllowed(rules, '/doc.pdf'), false);
    assert.equal(isAllowed(rules, '/doc.pdf?x=1'), true); // `$` anchors the end
    assert.equal(isAllowed(rules, '/tmp/a/b/cache/1'), false);
    assert.equal(isAllowed(rules, '/robots.txt'), true);
    const tie = parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n', UA);
    assert.equal(isAllowed(tie, '/a'), true);
  });

  test('other crawlers fall back to *; empty Disallow allows everything', () => {
    const star = parseRobots(robots, 'SomeoneElse/1.0');
    assert.equal(star.crawlDelay, 2);
    assert.equal(isAllowed(star, '/private'), false);
    assert.equal(isAllowed(parseRobots('User-agent: *\nDisallow:\n', UA), '/anything'), true);
  });
});

describe('HTML extraction', () => {
  const page = readFileSync(new URL('./fixtures/page.html', import.meta.url), 'utf8');
  const x = extractHtml(page, 'https://shop.example.kz/catalog/item.html');

  test('visible text only; an XSS payload stays literal text', () => {
    assert.equal(x.title, 'Закладки & объявления');
    assert.match(x.text, /Продам мефедрон/);
    assert.match(x.text, /Пишите в телеграм или на сайт\./);
    assert.ok(x.text.includes("<script>alert('xss')</script>"), x.text);
    assert.match(x.text, /фото товара/);
    for (const hidden of ['script text must not appear', 'template text', 'enable javascript', 'svg text', 'svg title', 'color: red', 'alert(1)']) {
      assert.ok(!x.text.includes(hidden), hidden);
    }
  });

  test('links are absolute http(s), without fragments, with their texts', () => {
    assert.deepEqual(x.links, [
      { url: 'https://t.me/example_shop', text: 'телеграм' },
      { url: 'https://shop.example.kz/contacts?utm_source=x&b=2&a=1', text: 'сайт' },
      { url: 'https://shop.example.kz/catalog/page2.html', text: 'Дальше' },
    ]);
    assert.equal(canonicalUrl(x.links[1]!.url), 'https://shop.example.kz/contacts?a=1&b=2');
  });
});

describe('crawler against a local site', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let version = 1;
  let base: (over?: Partial<CrawlOptions>) => CrawlOptions;

  before(async () => {
    site = await startSite({
      '/robots.txt': text('User-agent: *\nDisallow: /\n\nUser-agent: qalqanbot\nDisallow: /secret\nCrawl-delay: 3\n'),
      '/': html('<a href="/a">A</a> <a href="/secret/x">S</a> <a href="/moved">M</a> <a href="/away">away</a> <a href="https://elsewhere.example/">ext</a> <a href="/file.bin">bin</a>'),
      '/a': html('<p>page a</p><a href="/b">B</a>'),
      '/b': html('<p>page b</p><a href="/c">C</a>'),
      '/c': html('<p>page c</p>'),
      '/secret/x': html('<p>secret</p>'),
      '/moved': (_q, r) => { r.writeHead(301, { location: '/a?utm_source=r' }).end(); },
      '/away': (_q, r) => { r.writeHead(302, { location: 'http://127.0.0.1:1/' }).end(); },
      '/file.bin': text('\u0000\u0001', 'application/octet-stream'),
      '/news': (_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }).end(`<title>News</title><p>version ${version}</p><input value="${Math.random()}">`); },
      '/huge': (_q, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(Buffer.alloc(300 * 1024, 'a')); },
    });
    base = (over = {}) => ({
      seeds: [`${site.base}/`], userAgent: UA, allowlist: parseAllowlist(`127.0.0.1:${site.port}`), sink: memorySink(), clock: fakeClock(),
      maxDepth: 2, maxPages: 50, maxBytes: 256 * 1024, requestTimeoutMs: 2000, runTimeoutMs: 600_000, maxRedirects: 3, minHostIntervalMs: 1000, ...over,
    });
  });
  after(async () => { await site.close(); });

  test('robots, depth, scope, redirects and pacing', async () => {
    const events: CrawlEvent[] = [];
    const clock = fakeClock();
    const sink = memorySink();
    site.hits.length = 0;
    const stats = await crawl(base({ sink, clock, onEvent: (e) => events.push(e) }));
    // Our own group applies (not `Disallow: /` for *): /secret is never requested, /c is too deep.
    assert.ok(!site.hits.includes('/secret/x') && !site.hits.includes('/c'));
    // /moved redirects to /a?utm_source=r, canonically /a, which is already queued: not fetched twice.
    assert.deepEqual(site.hits.filter((h) => h !== '/robots.txt').sort(), ['/', '/a', '/away', '/b', '/file.bin', '/moved'].sort());
    assert.equal(site.hits[0], '/robots.txt');
    assert.equal(stats.skipped.robots, 1);
    assert.equal(stats.skipped.depth, 1);
    assert.equal(stats.skipped.out_of_scope, 1);
    assert.equal(stats.skipped.content_type, 1);
    // The redirect to another (non-allowlisted) port on 127.0.0.1 is refused by the SSRF policy.
    assert.equal(stats.errors.blocked_address, 1);
    assert.deepEqual(sink.items.map((i) => i.url!.replace(site.base, '')).sort(), ['/', '/a', '/b'].sort());
    // Crawl-delay 3 s: requests to the host are at least 3 s apart on the (virtual) clock.
    const requests = events.filter((e) => new URL(e.url).port === String(site.port) && /^(\d|redirect)/.test(e.outcome));
    assert.equal(requests.length, 7); // robots.txt + 6 pages
    const times = requests.map((e) => e.at);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 3000, `gap ${i}: ${times[i]! - times[i - 1]!}`);
    assert.ok(clock.sleeps.length >= 5 && clock.sleeps.every((ms) => ms <= 3000));
  });

  test('items carry url, host channel, text, and a snapshot id stable across unchanged re-crawls', async () => {
    const sink = memorySink();
    const opts = base({ seeds: [`${site.base}/news`], maxDepth: 0, sink });
    const first = await crawl(opts);
    const item = sink.items[0]!;
    assert.equal(item.channel, '127.0.0.1');
    assert.equal(item.text, `News\n\nversion 1`);
    assert.match(item.externalId!, new RegExp(`^${site.base}/news#sha256:[0-9a-f]{32}$`));
    const raw = item.raw as { snapshotSha256: string; textSha256: string };
    assert.match(raw.snapshotSha256, /^[0-9a-f]{64}$/);
    assert.equal(first.accepted, 1);
    // Unchanged text (the random input value is markup, not text) → a duplicate.
    const again = await crawl({ ...opts, clock: fakeClock() });
    assert.deepEqual([again.accepted, again.duplicates], [0, 1]);
    assert.notEqual((sink.items[0]!.raw as { snapshotSha256: string }).snapshotSha256, undefined);
    version = 2;
    const changed = await crawl({ ...opts, clock: fakeClock() });
    assert.equal(changed.accepted, 1);
    assert.notEqual(sink.items[1]!.externalId, item.externalId);
  });

  test('size limit, page limit and run deadline', async () => {
    const big = await crawl(base({ seeds: [`${site.base}/huge`] }));
    assert.equal(big.errors.too_large, 1);
    const few = await crawl(base({ maxPages: 2 }));
    assert.equal(few.pagesFetched, 2);
    assert.ok(few.skipped.max_pages! >= 1);
    const short = await crawl(base({ runTimeoutMs: 5000 }));
    assert.ok(short.pagesFetched <= 2 && short.skipped.deadline! >= 1, JSON.stringify(short));
  });

  test('unsafe seeds are refused and reported, not fetched', async () => {
    const s = await crawl(base({ seeds: ['http://169.254.169.254/', 'http://[::1]/', 'http://0.0.0.0/', 'file:///etc/passwd'] }));
    assert.equal(s.pagesFetched, 0);
    assert.equal(s.errors.blocked_address, 3);
    assert.equal(s.skipped.scheme, 1);
  });
});
