import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors/catalogue.js';

// OWASP 2024 argon2id baseline (m=19 MiB, t=2, p=1) — about 20 ms here, slow enough for
// offline guessing, fast enough for a login form.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 /* argon2id */ } as const;

// A short deny-list of passwords people actually choose; length does the rest.
const COMMON = new Set(['password1234', 'qwerty123456', '123456789012', 'admin1234567', 'qalqan123456', 'kazakhstan2026', 'passwordpassword']);

/** Reject passwords shorter than 12 characters or on the deny-list. */
export function assertStrongPassword(pw: string): void {
  if (pw.length < 12 || pw.length > 256 || COMMON.has(pw.toLowerCase()) || /^(.)\1+$/.test(pw)) {
    throw new AppError('auth.weak_password');
  }
}

export const hashPassword = (pw: string): Promise<string> => hash(pw, OPTIONS);

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the username does not exist, so timing does not reveal it. */
export const DUMMY_HASH = await hash('not-a-real-password-' + Math.random(), OPTIONS);
