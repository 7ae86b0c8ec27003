import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW: '1m' });
});
afterEach(async () => {
  await t.close();
});

describe('POST /v1/collect rate limit', () => {
  it('answers 429 with Retry-After to the request past RATE_LIMIT_MAX in the window', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 2; i += 1) statuses.push((await postCollect(t.app, [makePageview()])).statusCode);
    expect(statuses).toEqual([202, 202]);

    const limited = await postCollect(t.app, [makePageview()], {
      headers: { origin: 'https://shop.example' },
    });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.json()).toEqual({ error: 'rate_limited', message: expect.any(String) });
    // The page must be able to read the 429 (and its Retry-After) cross-origin.
    expect(limited.headers['access-control-allow-origin']).toBe('https://shop.example');
  });

  it('counts each client address on its own', async () => {
    for (let i = 0; i < 2; i += 1) await postCollect(t.app, [makePageview()], { remoteAddress: '10.0.0.1' });
    expect((await postCollect(t.app, [makePageview()], { remoteAddress: '10.0.0.1' })).statusCode).toBe(429);
    expect((await postCollect(t.app, [makePageview()], { remoteAddress: '10.0.0.2' })).statusCode).toBe(202);
  });

  it('does not limit the reading API or the health check', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      expect(
        (await t.app.inject({ method: 'GET', url: '/v1/sessions?site=demo', headers: t.auth })).statusCode,
      ).toBe(200);
    }
  });
});

describe('RATE_LIMIT_MAX=0', () => {
  it('turns the limit off', async () => {
    const open = await createTestApp({ RATE_LIMIT_MAX: '0' });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i += 1)
        statuses.push((await postCollect(open.app, [makePageview()])).statusCode);
      expect(statuses).toEqual([202, 202, 202, 202, 202]);
    } finally {
      await open.close();
    }
  });
});
