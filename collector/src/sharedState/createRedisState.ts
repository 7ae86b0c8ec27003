/**
 * Shared state in Redis (`REDIS_URL`), for several collector processes: sign-ins, the live
 * feed and the rate-limit counters. Redis unreachable at start stops the start; Redis lost
 * later is logged once per outage and the collector keeps ingesting: rate limits fail open
 * (an analytics outage costs more than a few unthrottled clients), sign-in checks answer 503,
 * and realtime streams see their own process's events (and poll) until Redis is back.
 */
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import { createRedisFeed } from './redisFeed.js';
import { createRedisSessions } from './redisSessions.js';
import type { SharedState } from './types.js';

export class RedisUnreachableError extends Error {
  override name = 'RedisUnreachableError';
}

/** `redis://user:secret@host:6379/0` → `redis://host:6379/0` (never log a password). */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}

function connectionTo(url: string, log: FastifyBaseLogger, role: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    // Fail a command at once while disconnected (the rate limit then lets the request
    // through) instead of queueing requests behind a reconnect.
    enableOfflineQueue: role === 'feed',
    maxRetriesPerRequest: 1,
    commandTimeout: role === 'feed' ? undefined : 1000,
  });
  const where = { redis: redactRedisUrl(url), role };
  let connected = false;
  let down = false;
  redis.on('error', (err: Error) => {
    if (!connected || down) return; // a failed start is reported by `connect`
    down = true;
    log.error(
      { ...where, err },
      'Redis unreachable: rate limits fail open, dashboard sign-ins answer 503, live updates stay in this process until it is back',
    );
  });
  redis.on('ready', () => {
    if (down) log.info(where, 'Redis reachable again');
    connected = true;
    down = false;
  });
  return redis;
}

async function connect(redis: Redis, url: string): Promise<void> {
  let cause: unknown;
  const remember = (err: unknown) => (cause ??= err);
  redis.on('error', remember);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const reason = cause instanceof Error ? cause.message : String(error);
    throw new RedisUnreachableError(`cannot reach Redis at ${redactRedisUrl(url)} (REDIS_URL): ${reason}`, {
      cause: cause ?? error,
    });
  } finally {
    redis.off('error', remember);
  }
}

/** Waits for replies still due when connected; stops reconnecting when not. */
async function closeConnection(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit();
  else redis.disconnect();
}

export async function createRedisState(url: string, log: FastifyBaseLogger): Promise<SharedState> {
  const commands = connectionTo(url, log, 'commands');
  await connect(commands, url);
  const subscriber = connectionTo(url, log, 'feed');
  try {
    await connect(subscriber, url);
  } catch (error) {
    commands.disconnect();
    throw error;
  }
  return {
    sessions: createRedisSessions(commands),
    feed: await createRedisFeed(commands, subscriber),
    rateLimit: { redis: commands, nameSpace: 'sightline:rate:', skipOnError: true },
    async close() {
      await Promise.allSettled([commands, subscriber].map(closeConnection));
    },
  };
}
