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
  const read = (): Stored | null => {
    try {
      const raw = storage?.getItem(KEY);
      if (raw) return JSON.parse(raw) as Stored;
    } catch {
      // unreadable storage: memory only
    }
    return memory;
  };
  const write = (value: Stored): void => {
    memory = value;
    try {
      storage?.setItem(KEY, JSON.stringify(value));
    } catch {
      // quota or access denied: memory only
    }
  };
  return {
    touch(now) {
      const current = read();
      const id = current && now - current.t < SESSION_TIMEOUT_MS ? current.i : randomId();
      write({ i: id, t: now });
      return id;
    },
  };
}
