/**
 * Dashboard sign-ins in Redis: every process sees them and a restart keeps them. The key is
 * the id's SHA-256, so what Redis holds (or a dump of it) signs no one in; Redis expires it.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SharedStateUnavailableError } from '../errors.js';
import { createSessionId, SESSION_TTL_MS } from './sessionId.js';
import type { SessionStore } from './types.js';

const PREFIX = 'sightline:session:';
const keyOf = (id: string): string => PREFIX + createHash('sha256').update(id).digest('hex');

/** A Redis failure becomes a 503 (the error handler logs it with the route). */
async function orUnavailable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw Object.assign(new SharedStateUnavailableError(), { cause: error });
  }
}

export function createRedisSessions(redis: Redis, { ttlMs = SESSION_TTL_MS } = {}): SessionStore {
  return {
    async create() {
      const id = createSessionId();
      await orUnavailable(redis.set(keyOf(id), '1', 'PX', ttlMs));
      return { id, maxAgeS: Math.floor(ttlMs / 1000) };
    },
    async isValid(id) {
      if (!id) return false;
      return (await orUnavailable(redis.exists(keyOf(id)))) === 1;
    },
    async delete(id) {
      if (id) await orUnavailable(redis.del(keyOf(id)));
    },
  };
}
