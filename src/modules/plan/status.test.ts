import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { reminderFor } from './notify.service.js';
import { aggregateStatus, itemState, type ReportFacts } from './status.js';
import { almatyDate, deadlinePassedAt, isIsoDate, isPast } from './time.js';

const report = (over: Partial<ReportFacts>): ReportFacts => ({ dueDate: '2026-06-30', status: 'submitted', final: false, kpiValue: null, submittedAt: new Date('2026-06-20T05:00:00Z'), reviewedAt: null, ...over });
const at = (iso: string) => new Date(iso);

describe('plan time: deadlines are Almaty calendar days', () => {
  test('2026-06-30 ends at 23:59:59.999 Almaty = 18:59:59.999Z (UTC+5 since 2024-03-01)', () => {
    assert.equal(deadlinePassedAt('2026-06-30').toISOString(), '2026-06-30T19:00:00.000Z');
    assert.equal(isPast('2026-06-30', at('2026-06-30T18:59:59.999Z')), false);
    assert.equal(isPast('2026-06-30', at('2026-06-30T19:00:00.000Z')), true);
  });

  test('the Almaty day differs from the UTC day between 19:00Z and midnight UTC', () => {
    assert.equal(almatyDate(at('2026-06-30T18:59:59Z')), '2026-06-30');
    assert.equal(almatyDate(at('2026-06-30T19:00:00Z')), '2026-07-01');
    assert.equal(almatyDate(at('2026-06-30T23:30:00Z')), '2026-07-01', 'UTC still says June 30');
    // 00:30 in Almaty on July 1 is 2026-06-30 in New York: the reader's zone does not matter.
    assert.equal(almatyDate(at('2026-07-01T04:30:00-04:00')), '2026-07-01');
  });

  test('before the 2024 change Almaty was UTC+6', () => {
    assert.equal(deadlinePassedAt('2023-06-30').toISOString(), '2023-06-30T18:00:00.000Z');
  });

  test('only real calendar days are dates', () => {
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('30.06.2026'), false);
  });
});

describe('plan status computation', () => {
  const item = { cancelled: false, deadlines: ['2026-06-30'] };

  test('not started → overdue exactly when the Almaty day is over', () => {
    assert.equal(itemState(item, [], at('2026-06-30T18:59:59.999Z')).status, 'not_started');
    const late = itemState(item, [], at('2026-06-30T19:00:00Z'));
    assert.equal(late.status, 'overdue');
    assert.equal(late.overdueSince, '2026-06-30');
  });

  test('a submitted report covers its date (waiting for review is not the executor\'s delay); a returned one does not', () => {
    const now = at('2026-07-05T00:00:00Z');
    assert.equal(itemState(item, [report({})], now).status, 'in_progress');
    assert.equal(itemState(item, [report({ status: 'returned' })], now).status, 'overdue');
    assert.equal(itemState(item, [report({ status: 'accepted', kpiValue: 7, reviewedAt: now })], now).status, 'done');
  });

  test('several control dates: done only when every one is accepted, or with an accepted final report', () => {
    const multi = { cancelled: false, deadlines: ['2026-06-30', '2026-12-20'] };
    const first = report({ status: 'accepted', kpiValue: 10, reviewedAt: at('2026-07-01T00:00:00Z') });
    const s = itemState(multi, [first], at('2026-08-01T00:00:00Z'));
    assert.deepEqual([s.status, s.nextDeadline, s.kpiActual], ['in_progress', '2026-12-20', 10]);
    assert.equal(itemState(multi, [first], at('2026-12-20T19:00:00Z')).status, 'overdue');
    assert.equal(itemState(multi, [report({ status: 'accepted', final: true })], at('2027-01-01T00:00:00Z')).status, 'done');
  });

  test('cancelled wins; parents aggregate their sub-items', () => {
    assert.equal(itemState({ ...item, cancelled: true }, [], at('2027-01-01T00:00:00Z')).status, 'cancelled');
    assert.equal(aggregateStatus(['done', 'overdue', 'not_started']), 'overdue');
    assert.equal(aggregateStatus(['done', 'cancelled']), 'done');
    assert.equal(aggregateStatus(['done', 'not_started']), 'in_progress');
    assert.equal(aggregateStatus(['cancelled']), 'cancelled');
  });
});

describe('reminder keys', () => {
  test('14/7/1 days before, then overdue once, keyed by the day they are meant for', () => {
    const now = (iso: string) => at(iso);
    assert.equal(reminderFor('2026-07-15', '2026-06-30', now('2026-06-30T03:00:00Z')), null);
    assert.deepEqual(reminderFor('2026-07-15', '2026-07-01', now('2026-07-01T03:00:00Z')), { kind: 'due_14', day: '2026-07-01' });
    // A run a few days late still sends the 14-day reminder, with the same key.
    assert.deepEqual(reminderFor('2026-07-15', '2026-07-04', now('2026-07-04T03:00:00Z')), { kind: 'due_14', day: '2026-07-01' });
    assert.deepEqual(reminderFor('2026-07-15', '2026-07-08', now('2026-07-08T03:00:00Z')), { kind: 'due_7', day: '2026-07-08' });
    assert.deepEqual(reminderFor('2026-07-15', '2026-07-15', now('2026-07-15T18:59:00Z')), { kind: 'due_1', day: '2026-07-14' });
    assert.deepEqual(reminderFor('2026-07-15', '2026-07-16', now('2026-07-15T19:00:00Z')), { kind: 'overdue', day: '2026-07-16' });
  });
});
