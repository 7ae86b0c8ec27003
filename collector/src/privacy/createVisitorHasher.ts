/**
 * Cookieless visitor ids. The client address never reaches the store: it is hashed with the
 * site, the user agent and a random salt that changes every UTC day. Yesterday's salt is
 * deleted, so yesterday's ids cannot be recomputed from an address, and one person is the
 * same visitor within a day only (the "daily unique" of the reports).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Storage } from '../storage/types.js';
import { utcDay } from '../lib/time.js';

const SALT_PREFIX = 'salt:';

export type VisitorHasher = (
  site: string,
  address: string,
  userAgent: string,
  now: number,
) => Promise<string>;

export function createVisitorHasher(storage: Storage): VisitorHasher {
  let current: { day: string; salt: Promise<string> } | null = null;

  function saltFor(day: string): Promise<string> {
    if (current?.day !== day) {
      // Several collector processes share the store: the first to write a day's salt wins.
      const salt = storage
        .setMetaIfAbsent(SALT_PREFIX + day, randomBytes(32).toString('base64url'))
        .then(async (value) => {
          await storage.deleteMetaBefore(SALT_PREFIX, day);
          return value;
        });
      current = { day, salt };
      salt.catch(() => {
        if (current?.salt === salt) current = null; // retry on the next request
      });
    }
    return current.salt;
  }

  return async (site, address, userAgent, now) => {
    const salt = await saltFor(utcDay(now));
    return createHash('sha256')
      .update(`${salt}\u0000${site}\u0000${address}\u0000${userAgent}`)
      .digest('base64url')
      .slice(0, 22);
  };
}
