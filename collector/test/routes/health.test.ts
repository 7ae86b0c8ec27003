import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.app.close();
});

describe('GET /healthz', () => {
  it('answers 200 {ok:true} when the store answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    await t.storage.close();
  });

  it('answers 503 with Retry-After once the store is closed', async () => {
    await t.storage.close();
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toEqual({ ok: false, error: 'store_unavailable' });
  });

  it('answers ingest with 503 and Retry-After, never a driver message, once the store is closed', async () => {
    await t.storage.close();
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/collect',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        site: 'demo',
        events: [{ id: 'a', type: 'pageview', ts: Date.now(), session: 's', url: 'https://example.com/' }],
      }),
    });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.json()).toEqual({ error: 'unavailable', message: expect.any(String) });
    expect(response.body).not.toMatch(/SQLITE|closed/i);
  });

  it('masks a failing read as 500 without the driver message', async () => {
    await t.storage.close();
    const response = await t.app.inject({ method: 'GET', url: '/v1/sessions?site=demo', headers: t.auth });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'internal', message: 'internal error' });
  });
});
