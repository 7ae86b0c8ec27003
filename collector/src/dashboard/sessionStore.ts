/**
 * Dashboard sign-in sessions: an opaque random id (the cookie) mapped, in memory, to its
 * expiry. A restart signs everyone out, which is the safe side; the admin token is never
 * put in a cookie or in the page.
 */
import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'sightline_session';
export const SESSION_TTL_MS = 12 * 3_600_000;
/** Sign-ins kept at most; the oldest goes first (a flood of sign-ins cannot grow memory). */
const MAX_SESSIONS = 1000;

export interface SessionStore {
  /** A new session; `maxAgeS` is what the cookie should say. */
  create(): { id: string; maxAgeS: number };
  isValid(id: string | undefined): boolean;
  delete(id: string | undefined): void;
}

export function createSessionStore({ ttlMs = SESSION_TTL_MS, now = Date.now } = {}): SessionStore {
  // Insertion order is expiry order (one ttl for all), so pruning stops at the first live one.
  const expiries = new Map<string, number>();
  const prune = (): void => {
    for (const [id, expires] of expiries) {
      if (expires > now() && expiries.size < MAX_SESSIONS) break;
      expiries.delete(id);
    }
  };
  return {
    create() {
      prune();
      const id = randomBytes(32).toString('base64url');
      expiries.set(id, now() + ttlMs);
      return { id, maxAgeS: Math.floor(ttlMs / 1000) };
    },
    isValid(id) {
      if (!id) return false;
      const expires = expiries.get(id);
      if (expires === undefined) return false;
      if (expires > now()) return true;
      expiries.delete(id);
      return false;
    },
    delete(id) {
      if (id) expiries.delete(id);
    },
  };
}
