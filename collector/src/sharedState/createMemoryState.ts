/** Shared state for a single process: everything in memory, as without `REDIS_URL`. */
import { createLocalFeed } from './localFeed.js';
import { createMemorySessions } from './memorySessions.js';
import type { SharedState } from './types.js';

export function createMemoryState(): SharedState {
  const feed = createLocalFeed();
  return {
    sessions: createMemorySessions(),
    feed: { publish: feed.emit, subscribe: feed.subscribe },
    rateLimit: {},
    close: async () => {},
  };
}
