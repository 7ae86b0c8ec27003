/**
 * Two collectors sharing one Redis (`REDIS_URL`), as two processes behind a load balancer
 * would: each app has its own Redis connections, so only what goes through Redis is shared.
 * One SQLite file (a handle each, distinct sessions) stands in for the shared store that
 * PostgreSQL will be. Needs `redis-server` (fails, never skips, without).
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir } from '../utils/createTempDir.js';
import { createTestApp, TEST_TOKEN, type TestApp } from '../utils/createTestApp.js';
import { makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';
import { readEvents } from '../utils/readEvents.js';
import { signIn } from '../utils/signIn.js';
import { startRedis } from '../utils/startRedis.js';

/** Streams on B re-read the report only when the feed wakes them (no periodic read). */
const NEVER_MS = 3_600_000;

// At load, so that a missing redis-server fails this file as a whole (counted as failed).
const redis = await startRedis();
const dir = await createTempDir();
let a: TestApp;
let b: TestApp;
const env = () => ({
  DATABASE_URL: `sqlite:${dir.path}/shared.db`,
  REDIS_URL: redis.url,
  RATE_LIMIT_MAX: '5',
  SITES: 'live',
});

beforeAll(async () => {
  a = await createTestApp(env());
  b = await createTestApp(env(), { realtimeRefreshMs: NEVER_MS });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis.stop();
  await dir.remove();
});

const sites = (t: TestApp, cookie: string) => t.app.inject({ url: '/v1/sites', headers: { cookie } });

describe('two collectors sharing Redis', () => {
  it('count ingest requests against one rate limit per client address', async () => {
    const client = { remoteAddress: '203.0.113.7' };
    for (let i = 0; i < 5; i++) {
      const res = await postCollect(a.app, [makePageview({ session: `rl-${i}` })], client);
      expect(res.statusCode).toBe(202);
    }
    const overB = await postCollect(b.app, [makePageview({ session: 'rl-b' })], client);
    expect(overB.statusCode).toBe(429);
    const other = await postCollect(b.app, [makePageview()], { remoteAddress: '203.0.113.8' });
    expect(other.statusCode).toBe(202);
  });

  it('keep a dashboard sign-in from one on the other and across a restart; sign-out ends it on both', async () => {
    const cookie = await signIn(a.app);
    expect((await sites(b, cookie)).statusCode).toBe(200);

    await a.close();
    a = await createTestApp(env());
    expect((await sites(a, cookie)).statusCode).toBe(200);

    const out = await b.app.inject({
      method: 'POST',
      url: '/dashboard/logout',
      headers: { cookie, origin: 'http://localhost:80' },
    });
    expect(out.statusCode).toBe(303);
    expect((await sites(a, cookie)).statusCode).toBe(401);
    expect((await sites(b, cookie)).statusCode).toBe(401);
  });

  it('store a hash of the sign-in id in Redis, never the id itself', async () => {
    const cookie = await signIn(a.app);
    const id = cookie.split('=')[1]!;
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('sightline:session:*');
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.some((key) => key.includes(id))).toBe(false);
    } finally {
      client.disconnect();
    }
  });

  it('show a pageview taken by one live on the realtime stream of the other', async () => {
    const url = await b.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    try {
      const res = await fetch(`${url}/v1/reports/realtime/stream?site=live&bots=include`, {
        headers: { authorization: `Bearer ${TEST_TOKEN}` },
        signal: controller.signal,
      });
      const next = readEvents(res.body!);
      expect(await next()).toMatchObject({ event: 'realtime', data: { visitors: 0 } });

      const taken = await postCollect(
        a.app,
        [makePageview({ session: 'seen-on-b', url: 'https://example.com/from-a' })],
        { site: 'live' },
      );
      expect(taken.statusCode).toBe(202);
      expect(await next()).toMatchObject({
        event: 'realtime',
        data: { visitors: 1, sessions: [{ session: 'seen-on-b', path: '/from-a' }] },
      });
    } finally {
      controller.abort();
    }
  });
});

describe('a collector and its Redis', () => {
  it('does not start when Redis cannot be reached, and says where it looked', async () => {
    const gone = await startRedis();
    await gone.stop();
    await expect(createTestApp({ REDIS_URL: `redis://:secret@127.0.0.1:${gone.port}` })).rejects.toThrow(
      new RegExp(
        `^cannot reach Redis at redis://127\\.0\\.0\\.1:${gone.port}/? \\(REDIS_URL\\): .*ECONNREFUSED`,
      ),
    );
  });

  it('keeps ingesting when Redis goes away (rate limits fail open); sign-in checks answer 503', async () => {
    const own = await startRedis();
    const t = await createTestApp({ REDIS_URL: own.url, RATE_LIMIT_MAX: '2' });
    try {
      const cookie = await signIn(t.app);
      await own.stop();
      for (let i = 0; i < 4; i++) {
        const res = await postCollect(t.app, [makePageview({ session: `outage-${i}` })]);
        expect(res.statusCode).toBe(202);
      }
      const res = await sites(t, cookie);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.json()).toMatchObject({ error: 'unavailable' });
    } finally {
      await t.close();
    }
  });
});
