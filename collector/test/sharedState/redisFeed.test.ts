/**
 * The Redis feed sends a site to the other processes at once, then at most once per gap:
 * a burst of publishes costs Redis two messages, and the last one is never lost. Needs
 * `redis-server` (fails, never skips, without).
 */
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { createRedisFeed, FEED_CHANNEL } from '../../src/sharedState/redisFeed.js';
import { startRedis } from '../utils/startRedis.js';

const redis = await startRedis();
const connections: Redis[] = [];
const connect = () => {
  const c = new Redis(redis.url);
  connections.push(c);
  return c;
};
afterAll(async () => {
  for (const c of connections) c.disconnect();
  await redis.stop();
});

it('a burst of publishes reaches Redis as the first and one trailing message, and other processes wake for both', async () => {
  const sent: string[] = [];
  const spy = connect();
  spy.on('message', (_channel: string, message: string) => sent.push(message.split(' ')[1]!));
  await spy.subscribe(FEED_CHANNEL);
  const a = await createRedisFeed(connect(), connect());
  const b = await createRedisFeed(connect(), connect());
  let wakes = 0;
  b.subscribe('live', () => (wakes += 1));

  for (let i = 0; i < 50; i += 1) a.publish('live');
  a.publish('other');
  await expect.poll(() => wakes, { timeout: 5000 }).toBe(2);
  await expect.poll(() => sent.filter((s) => s === 'live').length).toBe(2);
  expect(sent.filter((s) => s === 'other')).toEqual(['other']);
});
