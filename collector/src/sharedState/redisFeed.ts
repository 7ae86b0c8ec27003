/**
 * The live feed across processes: a publish goes to this process's streams at once and to
 * the others through one Redis channel (`<process id> <site>`); a process skips its own
 * messages. While Redis is away, streams still see their own process's events.
 *
 * Ingest publishes after every stored batch, thousands of times a second on a busy
 * collector, while a stream re-reads at most every 250 ms (routes/realtimeStream.ts): so a
 * site goes to Redis at once, and then at most once per `SEND_GAP_MS`, its later publishes
 * in that gap sent together at its end. No wake is lost; Redis is not paid per batch.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createLocalFeed } from './localFeed.js';
import type { LiveFeed } from './types.js';

export const FEED_CHANNEL = 'sightline:live';
const SEND_GAP_MS = 250;

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
  // An outage is logged once by the connection; other processes fall back to polling.
  const send = (site: string) => publisher.publish(FEED_CHANNEL, `${self} ${site}`).catch(() => undefined);
  /** Sites sent in the current gap (false) and those published since (true). */
  const recent = new Map<string, boolean>();
  let timer: NodeJS.Timeout | null = null;
  const endGap = () => {
    const again = [...recent].filter(([, waiting]) => waiting).map(([site]) => site);
    recent.clear();
    timer = null;
    for (const site of again) sendNow(site);
  };
  const sendNow = (site: string) => {
    void send(site);
    recent.set(site, false);
    if (!timer) timer = setTimeout(endGap, SEND_GAP_MS).unref();
  };
  return {
    publish(site) {
      local.emit(site);
      if (recent.has(site)) recent.set(site, true);
      else sendNow(site);
    },
    subscribe: local.subscribe,
  };
}
