import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const pageviews = async () =>
  (await t.app.inject({ url: '/v1/pageviews?site=demo', headers: t.auth })).json() as {
    count: number;
    results: { path: string; title: string | null; session: string }[];
  };

describe('GET /v1/pixel.gif (noscript)', () => {
  test('records a pageview from the url parameter and answers a GIF', async () => {
    const res = await t.app.inject({
      url: '/v1/pixel.gif?site=demo&url=https%3A%2F%2Fblog.test%2Fno-js&title=No%20JS',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/gif');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.subarray(0, 6).toString()).toBe('GIF89a');
    const views = await pageviews();
    expect(views.count).toBe(1);
    expect(views.results[0]).toMatchObject({ path: '/no-js', title: 'No JS' });
  });

  test('takes the page from the Referer header, and one visitor is one session per day', async () => {
    for (const path of ['/a', '/b']) {
      const res = await t.app.inject({
        url: '/v1/pixel.gif?site=demo',
        headers: { referer: `https://blog.test${path}` },
      });
      expect(res.statusCode).toBe(200);
    }
    const views = await pageviews();
    expect(views.results.map((v) => v.path).sort()).toEqual(['/a', '/b']);
    expect(new Set(views.results.map((v) => v.session)).size).toBe(1);
  });

  test.each([
    ['no site', '/v1/pixel.gif?url=https%3A%2F%2Fb.test%2F', 400],
    ['no url and no referer', '/v1/pixel.gif?site=demo', 400],
    ['a javascript: url', '/v1/pixel.gif?site=demo&url=javascript%3Aalert(1)', 400],
    ['an unknown site', '/v1/pixel.gif?site=nope&url=https%3A%2F%2Fb.test%2F', 403],
  ])('%s → %i, nothing stored', async (_name, url, status) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    expect((await pageviews()).count).toBe(0);
  });
});
