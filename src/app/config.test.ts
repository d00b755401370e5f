import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.js';

test('defaults: embedded database in ./var on 127.0.0.1:8080', () => {
  const c = loadConfig({});
  assert.equal(c.DATABASE_URL, undefined);
  assert.equal(c.PORT, 8080);
  assert.equal(c.HOST, '127.0.0.1');
  assert.match(c.dataDir, /var$/);
});

test('a bad value fails with a message naming the variable', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message));
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), (e: unknown) => e instanceof ConfigError && /DATABASE_URL/.test(e.message));
  assert.throws(() => loadConfig({ QALQAN_DEMO: 'yes' }), (e: unknown) => e instanceof ConfigError && /QALQAN_DEMO/.test(e.message));
});

test('empty strings count as unset', () => {
  assert.equal(loadConfig({ DATABASE_URL: '' }).DATABASE_URL, undefined);
});
