/**
 * What collector processes share when several run behind one load balancer: dashboard
 * sign-ins, the live feed that wakes realtime streams, and the rate-limit counters. One
 * process keeps them in memory (`createMemoryState`); several share them through Redis
 * (`createRedisState`, `REDIS_URL`). Nothing here reads or writes the store.
 */
import type { RateLimitPluginOptions } from '@fastify/rate-limit';

/** Dashboard sign-ins: an opaque random id (the cookie) that is valid until it expires. */
export interface SessionStore {
  /** A new session; `maxAgeS` is what the cookie should say. */
  create(): Promise<{ id: string; maxAgeS: number }>;
  isValid(id: string | undefined): Promise<boolean>;
  delete(id: string | undefined): Promise<void>;
}

/** "A site took new events": wakes the realtime streams of every process. */
export interface LiveFeed {
  /** Called once the events are committed, so a reader woken by it finds them. */
  publish(site: string): void;
  /** Calls `onEvents` after each publish for `site` by any process; returns the unsubscribe. */
  subscribe(site: string, onEvents: () => void): () => void;
}

export interface SharedState {
  sessions: SessionStore;
  feed: LiveFeed;
  /** Options for `@fastify/rate-limit` that choose where its counters live. */
  rateLimit: Pick<RateLimitPluginOptions, 'redis' | 'nameSpace' | 'skipOnError'>;
  close(): Promise<void>;
}
