/**
 * Dashboard sign-ins in this process's memory: a restart signs everyone out, which is the
 * safe side. The admin token is never put in a cookie or in the page.
 */
import { createSessionId, SESSION_TTL_MS } from './sessionId.js';
import type { SessionStore } from './types.js';

/** Sign-ins kept at most; the oldest goes first (a flood of sign-ins cannot grow memory). */
const MAX_SESSIONS = 1000;

export function createMemorySessions({ ttlMs = SESSION_TTL_MS, now = Date.now } = {}): SessionStore {
  // Insertion order is expiry order (one ttl for all), so pruning stops at the first live one.
  const expiries = new Map<string, number>();
  const prune = (): void => {
    for (const [id, expires] of expiries) {
      if (expires > now() && expiries.size < MAX_SESSIONS) break;
      expiries.delete(id);
    }
  };
  return {
    async create() {
      prune();
      const id = createSessionId();
      expiries.set(id, now() + ttlMs);
      return { id, maxAgeS: Math.floor(ttlMs / 1000) };
    },
    async isValid(id) {
      if (!id) return false;
      const expires = expiries.get(id);
      if (expires === undefined) return false;
      if (expires > now()) return true;
      expiries.delete(id);
      return false;
    },
    async delete(id) {
      if (id) expiries.delete(id);
    },
  };
}
