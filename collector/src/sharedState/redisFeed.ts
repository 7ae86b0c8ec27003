/**
 * The live feed across processes: a publish goes to this process's streams at once and to
 * the others through one Redis channel (`<process id> <site>`); a process skips its own
 * messages. While Redis is away, streams still see their own process's events.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createLocalFeed } from './localFeed.js';
import type { LiveFeed } from './types.js';

export const FEED_CHANNEL = 'sightline:live';

/** `subscriber` must be a connection of its own (subscribed, it can send nothing else). */
export async function createRedisFeed(publisher: Redis, subscriber: Redis): Promise<LiveFeed> {
  const self = randomUUID();
  const local = createLocalFeed();
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== FEED_CHANNEL) return;
    const space = message.indexOf(' ');
    if (space > 0 && message.slice(0, space) !== self) local.emit(message.slice(space + 1));
  });
  await subscriber.subscribe(FEED_CHANNEL);
  return {
    publish(site) {
      local.emit(site);
      // An outage is logged once by the connection; other processes fall back to polling.
      publisher.publish(FEED_CHANNEL, `${self} ${site}`).catch(() => undefined);
    },
    subscribe: local.subscribe,
  };
}
