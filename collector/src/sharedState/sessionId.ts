/** A dashboard sign-in: a 256-bit random id (the cookie), valid for `SESSION_TTL_MS`. */
import { randomBytes } from 'node:crypto';

export const SESSION_TTL_MS = 12 * 3_600_000;

export function createSessionId(): string {
  return randomBytes(32).toString('base64url');
}
