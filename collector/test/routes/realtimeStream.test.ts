import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN, type TestApp } from '../utils/createTestApp.js';
import { makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp();
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

/** Reads server-sent events from a stream, one `data:` payload at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async (): Promise<{ event: string; data: unknown }> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) return { event, data: JSON.parse(data) };
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

describe('GET /v1/reports/realtime/stream', () => {
  it('needs the token', async () => {
    const res = await fetch(`${url}/v1/reports/realtime/stream?site=demo`);
    expect(res.status).toBe(401);
  });

  it('sends the realtime report at once, then again when a pageview arrives', async () => {
    const controller = new AbortController();
    const res = await fetch(`${url}/v1/reports/realtime/stream?site=demo&bots=include`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const next = eventReader(res.body!);
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
