import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FetchRefused, type FetchResult } from '../sources/safe-fetch.js';
import { classifyFailure, classifyResponse, nextStatus, parseFingerprints } from './classify.js';

const fp = parseFingerprints(' Blocked.Example.KZ , *.stub.gov.kz ', 'Доступ к ресурсу  ограничен | Сайт заблокирован');
const res = (status: number, body = '', over: Partial<FetchResult> = {}): FetchResult =>
  ({ url: 'https://shop.example/x', status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(body), redirects: [], ...over });

describe('recheck classification', () => {
  test('fingerprints: hosts lower-cased (wildcards and subdomains), markers whitespace-collapsed', () => {
    assert.deepEqual(fp, { hosts: ['blocked.example.kz', 'stub.gov.kz'], markers: ['доступ к ресурсу ограничен', 'сайт заблокирован'] });
  });

  test('a redirect through the block-page host is blocked whatever the final page says', () => {
    const c = classifyResponse(res(200, '<p>hello</p>', { url: 'http://www.stub.gov.kz/?u=x', redirects: ['http://www.stub.gov.kz/?u=x'] }), fp);
    assert.deepEqual([c.outcome, c.reason, c.detail], ['blocked', 'blockpage_host', 'www.stub.gov.kz']);
    assert.equal(classifyResponse(res(200, '<p>hi</p>', { url: 'http://notblocked.example.kz/' }), fp).outcome, 'reachable');
  });

  test('markers match the visible text case-insensitively, also on 403; not inside scripts', () => {
    assert.equal(classifyResponse(res(200, '<h1>САЙТ   ЗАБЛОКИРОВАН</h1>'), fp).reason, 'blockpage_marker');
    assert.equal(classifyResponse(res(403, '<p>Доступ к ресурсу ограничен</p>'), fp).outcome, 'blocked');
    assert.equal(classifyResponse(res(200, '<script>"Сайт заблокирован"</script><p>ok</p>'), fp).outcome, 'reachable');
  });

  test('HTTP statuses', () => {
    assert.deepEqual([451, 404, 410, 403, 500, 503, 429, 408].map((s) => classifyResponse(res(s), fp).outcome), ['blocked', 'gone', 'gone', 'gone', 'error', 'error', 'error', 'error']);
    const ok = classifyResponse(res(200, '<title>T</title><p>Меф</p>'), fp);
    assert.equal(ok.outcome, 'reachable');
    assert.match(ok.contentHash!, /^[0-9a-f]{64}$/);
    // Markup churn does not change the content hash; text does.
    assert.equal(classifyResponse(res(200, '<title>T</title><div><p>Меф</p></div><!-- x -->'), fp).contentHash, ok.contentHash);
    assert.notEqual(classifyResponse(res(200, '<title>T</title><p>Меф2</p>'), fp).contentHash, ok.contentHash);
  });

  test('failures: NXDOMAIN and refused connections are gone; timeouts, resets and SERVFAIL are errors; SSRF refusals are refused', () => {
    const f = (reason: string, detail: string) => classifyFailure(new FetchRefused(reason, 'http://x/', detail));
    assert.deepEqual([f('dns', 'getaddrinfo ENOTFOUND x').outcome, f('dns', 'getaddrinfo EAI_AGAIN x').outcome], ['gone', 'error']);
    assert.deepEqual([f('network', 'connect ECONNREFUSED 1.2.3.4:80').reason, f('network', 'read ECONNRESET').outcome], ['connection_refused', 'error']);
    assert.deepEqual([f('timeout', '').outcome, f('too_large', '').outcome], ['error', 'error']);
    assert.deepEqual([f('blocked_address', '169.254.169.254 link-local').outcome, f('scheme', '').outcome], ['refused', 'refused']);
  });

  test('status machine', () => {
    assert.deepEqual(['pending', 'reachable', 'blocked', 'gone', 'restored'].map((s) => nextStatus(s, 'reachable')), ['reachable', 'reachable', 'restored', 'restored', 'restored']);
    assert.equal(nextStatus('restored', 'gone'), 'gone');
    assert.equal(nextStatus('blocked', 'error'), 'blocked');
    assert.equal(nextStatus('pending', 'refused'), 'pending');
  });
});
