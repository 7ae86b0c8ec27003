/**
 * Client session id without cookies: kept in localStorage (shared by the site's tabs) and
 * renewed after 30 minutes without activity. Falls back to memory where storage throws
 * (sandboxed frames, some private modes).
 */
import { randomId } from './lib/randomId.js';

export const SESSION_TIMEOUT_MS = 30 * 60 * 1000;
const KEY = 'sightline_session';

interface Stored {
  i: string;
  t: number;
}

export interface Session {
  /** The current session id, renewed if idle too long; marks activity at `now`. */
  touch(now: number): string;
}

export function createSession(storage: Storage | null): Session {
  let memory: Stored | null = null;
  return {
    touch(now) {
      let current = memory;
      try {
        // No storage, nothing stored (`JSON.parse(null)`) or unreadable: memory only.
        current = (JSON.parse(storage!.getItem(KEY)!) as Stored | null) || memory;
      } catch {
        // memory only
      }
      const id = current && now - current.t < SESSION_TIMEOUT_MS ? current.i : randomId();
      memory = { i: id, t: now };
      try {
        storage!.setItem(KEY, JSON.stringify(memory));
      } catch {
        // quota or access denied: memory only
      }
      return id;
    },
  };
}
