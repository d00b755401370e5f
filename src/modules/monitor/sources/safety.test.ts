import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { blockedReason, parseAllowlist, parseIp } from './ip.js';
import { FetchRefused, safeFetch, type Resolver, type SafeFetchOptions } from './safe-fetch.js';
import { html, startSite } from './sources.fixtures.js';

const refusal = async (p: Promise<unknown>) => {
  try { await p; } catch (e) { if (e instanceof FetchRefused) return e.reason; throw e; }
  return 'fetched';
};

describe('address classification', () => {
  test('non-public ranges are refused, public ones pass', () => {
    const cases: [string, string | null][] = [
      ['127.0.0.1', 'loopback'], ['10.1.2.3', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'],
      ['169.254.169.254', 'link-local'], ['100.64.0.1', 'cgnat'], ['0.0.0.0', 'unspecified'], ['224.0.0.1', 'multicast'],
      ['255.255.255.255', 'reserved'], ['::1', 'loopback'], ['::', 'unspecified'], ['fd00::1', 'unique-local'], ['fc00::1', 'unique-local'],
      ['fe80::1', 'link-local'], ['ff02::1', 'multicast'], ['::ffff:127.0.0.1', 'ipv4-mapped'], ['::ffff:8.8.8.8', 'ipv4-mapped'],
      ['64:ff9b::a00:1', 'nat64'], ['2002:c0a8:101::1', '6to4'],
      ['8.8.8.8', null], ['172.32.0.1', null], ['100.128.0.1', null], ['2a00:1450:4001::1', null], ['64:ff9b::808:808', null],
    ];
    for (const [addr, why] of cases) assert.equal(blockedReason(parseIp(addr)!), why, addr);
  });

  test('allowlist entries parse; garbage is refused loudly', () => {
    const a = parseAllowlist('127.0.0.1:8080, 10.0.0.0/8, [::1]:9000, intranet.local:443');
    assert.equal(a.cidrs.length, 1);
    assert.deepEqual(a.hostPorts.map((h) => `${h.host}:${h.port}`), ['127.0.0.1:8080', '::1:9000', 'intranet.local:443']);
    assert.throws(() => parseAllowlist('10.0.0.0/40'));
    assert.throws(() => parseAllowlist('not a host'));
  });
});

describe('safeFetch SSRF policy', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let other: Awaited<ReturnType<typeof startSite>>;
  let opts: SafeFetchOptions;
  const toLoopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];

  before(async () => {
    other = await startSite({ '/': html('other port') });
    site = await startSite({
      '/': html('<p>hello</p>'),
      '/to-metadata': (_q, r) => { r.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(); },
      '/to-other-port': (_q, r) => { r.writeHead(301, { location: `http://127.0.0.1:${other.port}/` }).end(); },
      '/to-self': (_q, r) => { r.writeHead(302, { location: '/' }).end(); },
      '/loop': (_q, r) => { r.writeHead(302, { location: '/loop' }).end(); },
      '/big': (_q, res) => {
        // Streams without end; the client must hang up once past its cap.
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(16 * 1024, 'a');
        const timer = setInterval(() => { res.write(chunk); }, 1);
        res.on('close', () => clearInterval(timer));
      },
      '/declared-big': (_q, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }); res.write('x'); },
      '/slow': () => { /* never answers */ },
    });
    opts = { allowlist: parseAllowlist(`127.0.0.1:${site.port}`), userAgent: 'QalqanBot/test', maxBytes: 64 * 1024, timeoutMs: 2000, maxRedirects: 3 };
  });
  after(async () => { await site.close(); await other.close(); });

  test('the allowlisted local server is reachable, by IP and by a name resolving to it', async () => {
    const r = await safeFetch(`${site.base}/`, opts);
    assert.equal(r.status, 200);
    assert.match(r.body.toString(), /hello/);
    const byName = await safeFetch(`http://site.test:${site.port}/`, { ...opts, resolver: toLoopback });
    assert.equal(byName.status, 200);
  });

  test('cloud metadata, loopback v6, 0.0.0.0, mapped and numeric forms are refused before any connection', async () => {
    for (const url of ['http://169.254.169.254/', 'http://[::1]/', 'http://0.0.0.0/', 'http://[::ffff:127.0.0.1]/', 'http://2130706433/', 'http://0x7f.1/', `http://127.0.0.1:${other.port}/`, 'http://[fd00::1]:80/']) {
      assert.equal(await refusal(safeFetch(url, opts)), 'blocked_address', url);
    }
    assert.equal(other.hits.length, 0);
  });

  test('non-http schemes and credentials are refused', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.kz/', 'gopher://127.0.0.1/', 'data:text/html,hi']) {
      assert.equal(await refusal(safeFetch(url, opts)), 'scheme', url);
    }
    assert.equal(await refusal(safeFetch(`http://user:pw@127.0.0.1:${site.port}/`, opts)), 'credentials');
  });

  test('a name resolving to 127.0.0.1 is refused without the allowlist (checked after DNS)', async () => {
    const noAllow = { ...opts, allowlist: parseAllowlist('') };
    assert.equal(await refusal(safeFetch(`http://evil.test:${site.port}/`, { ...noAllow, resolver: toLoopback })), 'blocked_address');
    // One private answer among public ones refuses the name (no mixing tricks).
    const mixed: Resolver = async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.5', family: 4 }];
    assert.equal(await refusal(safeFetch('http://mixed.test/', { ...noAllow, resolver: mixed })), 'blocked_address');
  });

  test('every redirect hop is checked again; the hop count is limited', async () => {
    assert.equal(await refusal(safeFetch(`${site.base}/to-metadata`, opts)), 'blocked_address');
    assert.equal(await refusal(safeFetch(`${site.base}/to-other-port`, opts)), 'blocked_address');
    assert.equal(other.hits.length, 0);
    const ok = await safeFetch(`${site.base}/to-self`, opts);
    assert.deepEqual([ok.status, ok.redirects], [200, [`${site.base}/`]]);
    assert.equal(await refusal(safeFetch(`${site.base}/loop`, opts)), 'too_many_redirects');
    const manual = await safeFetch(`${site.base}/to-metadata`, { ...opts, followRedirects: false });
    assert.equal(manual.status, 302);
  });

  test('bodies past the byte cap abort the stream; declared sizes are refused up front; time is bounded', async () => {
    assert.equal(await refusal(safeFetch(`${site.base}/big`, opts)), 'too_large');
    assert.equal(await refusal(safeFetch(`${site.base}/declared-big`, opts)), 'too_large');
    assert.equal(await refusal(safeFetch(`${site.base}/slow`, { ...opts, timeoutMs: 150 })), 'timeout');
  });
});
