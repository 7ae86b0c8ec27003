/**
 * The sessions ingest touched last, as stored after its commits: ingest is the only writer
 * of sessions, so a group whose sessions are all here (or new) needs no read before its
 * write. Bounded: the least recently written go first. Cleared by anything else that
 * changes sessions (an erase).
 */
import type { SessionKey } from '../storage/types.js';
import type { KnownSession } from './foldGroup.js';
import { sessionKey } from './types.js';

export interface SessionCache {
  /** The cached ones among `keys` (absent: not stored, as far as the cache knows). */
  view(keys: readonly SessionKey[]): Map<string, KnownSession>;
  /** Every one of `keys` is either cached or was never seen by this process. */
  update(sessions: ReadonlyMap<string, KnownSession>): void;
  clear(): void;
}

export function createSessionCache(max: number): SessionCache {
  const sessions = new Map<string, KnownSession>();
  return {
    view(keys) {
      const found = new Map<string, KnownSession>();
      for (const [site, session] of keys) {
        const k = sessionKey(site, session);
        const s = sessions.get(k);
        if (s) found.set(k, s);
      }
      return found;
    },
    update(updated) {
      for (const [k, s] of updated) {
        sessions.delete(k);
        sessions.set(k, s);
      }
      for (const k of sessions.keys()) {
        if (sessions.size <= max) break;
        sessions.delete(k);
      }
    },
    clear: () => sessions.clear(),
  };
}
