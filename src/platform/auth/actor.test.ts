import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../errors/catalogue.js';
import { requirePerson, systemActor, type Actor } from './actor.js';

test('four-eyes decisions need a person: an API token is refused, a signed-in user or the system is not', () => {
  const scope = { national: true, regions: [] };
  const token: Actor = { type: 'token', id: '00000000-0000-4000-8000-000000000001', name: 'token:feed', roles: ['admin'], scope };
  const user: Actor = { type: 'user', id: '00000000-0000-4000-8000-000000000002', name: 'reviewer', roles: ['reviewer'], scope };
  assert.throws(() => requirePerson(token), (e) => e instanceof AppError && e.code === 'auth.person_required');
  assert.doesNotThrow(() => requirePerson(user));
  assert.doesNotThrow(() => requirePerson(systemActor('demo-reviewer')));
});
