import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN, type TestApp } from '../utils/createTestApp.js';
import { makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';
import { readEvents } from '../utils/readEvents.js';

let t: TestApp;
let url: string;
beforeAll(async () => {
  // No periodic re-read: only the live feed can wake a stream.
  t = await createTestApp({}, { realtimeRefreshMs: 3_600_000 });
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

describe('GET /v1/reports/realtime/stream', () => {
  it('needs the token', async () => {
    const res = await fetch(`${url}/v1/reports/realtime/stream?site=demo`);
    expect(res.status).toBe(401);
  });

  it('sends the realtime report at once, then again when a pageview is taken (the live feed wakes it)', async () => {
    const controller = new AbortController();
    const res = await fetch(`${url}/v1/reports/realtime/stream?site=demo&bots=include`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const next = readEvents(res.body!);
    const first = await next();
    expect(first).toMatchObject({ event: 'realtime', data: { visitors: 0 } });

    await postCollect(t.app, [makePageview({ session: 'live', url: 'https://example.com/now' })]);
    const second = await next();
    expect(second).toMatchObject({
      event: 'realtime',
      data: { visitors: 1, sessions: [{ session: 'live', path: '/now' }] },
    });
    controller.abort();
  });
});
