/** Test helpers for the traces tests (and for other modules' tests that need traces data). */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/policy.js';
import type { RegionCode } from '../../platform/geo/regions.js';

/** An actor with these roles; national unless regions are given. */
export function testActor(roles: Role[], regions?: RegionCode[]): Actor {
  return { type: 'user', id: randomUUID(), name: `test-${roles.join('+')}`, roles, scope: regions ? { national: false, regions } : { national: true, regions: [] } };
}

let n = 0;
/** A Telegram username / domain label unique within the test run. */
export const uniq = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(n++).toString(36)}`;

/** A domain name unique within the test run (hostnames allow no underscores). */
export const domain = (prefix = 'd') => `${prefix}-${Date.now().toString(36)}${(n++).toString(36)}.kz`;

/** A Luhn-valid card number starting with `prefix` (length 16). */
export function card(prefix: string): string {
  const body = (prefix + Math.random().toString().slice(2) + '000000000000000').slice(0, 15);
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    for (let i = 0; i < 16; i++) {
      let x = s.charCodeAt(15 - i) - 48;
      if (i % 2) { x *= 2; if (x > 9) x -= 9; }
      sum += x;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

/** A random Kazakhstan mobile number in E.164. */
export const phone = () => '+7701' + String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
