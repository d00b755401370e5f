import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../platform/errors/catalogue.js';
import { runErrorText } from './run-error.js';

test('failed runs show outside-world errors as they are and hide internal ones', () => {
  assert.equal(runErrorText(new AppError('request.invalid')), 'request.invalid');
  assert.equal(runErrorText(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' })), 'network: ECONNREFUSED');
  assert.equal(runErrorText(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_CONNECT_TIMEOUT' }) })), 'network: UND_ERR_CONNECT_TIMEOUT');
  assert.equal(runErrorText(Object.assign(new Error('400: CHANNEL_PRIVATE (caused by channels.GetFullChannel)'), { errorMessage: 'CHANNEL_PRIVATE' })), 'telegram: CHANNEL_PRIVATE');
  assert.equal(runErrorText(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' })), 'timeout');
  // A database error names the table and constraint: not for the page.
  const db = Object.assign(new Error('duplicate key value violates unique constraint "monitor_items_source_ext_uq"'), { code: '23505' });
  assert.equal(runErrorText(db), 'internal_error');
  assert.equal(runErrorText(new Error('ENOENT: no such file or directory, open \'/var/lib/qalqan/x\'')), 'internal_error');
  assert.equal(runErrorText(null), 'internal_error');
});
