import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN, type TestApp } from '../utils/createTestApp.js';
import { makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await postCollect(t.app, [makePageview({ session: 'known' })]);
});
afterAll(async () => {
  await t.close();
});

const readingRoutes = [
  '/v1/reports/overview?site=demo',
  '/v1/reports/overview?site=demo&format=csv',
  '/v1/sessions?site=demo',
  '/v1/pageviews?site=demo',
  '/v1/sessions/known?site=demo',
];

const credentials: [name: string, authorization: string | undefined, status: number][] = [
  ['no Authorization header', undefined, 401],
  ['an empty bearer', 'Bearer ', 401],
  ['a wrong token', 'Bearer wrong-token-0123456789abcdef', 401],
  ['the token with a suffix', `Bearer ${TEST_TOKEN}x`, 401],
  ['a prefix of the token', `Bearer ${TEST_TOKEN.slice(0, -1)}`, 401],
  ['the token as Basic credentials', `Basic ${TEST_TOKEN}`, 401],
  ['the token without a scheme', TEST_TOKEN, 401],
  ['the right token', `Bearer ${TEST_TOKEN}`, 200],
  ['the right token, lower-case scheme', `bearer ${TEST_TOKEN}`, 200],
];

describe.each(readingRoutes)('GET %s', (url) => {
  it.each(credentials)('with %s → %i', async (_name, authorization, status) => {
    const headers = authorization === undefined ? {} : { authorization };
    const response = await t.app.inject({ method: 'GET', url, headers });
    expect(response.statusCode).toBe(status);
    if (status === 401) {
      expect(response.json()).toEqual({ error: 'unauthorized', message: expect.stringContaining('Bearer') });
    }
  });
});

describe('auth is checked before the data', () => {
  it('answers 401, not 404, for an unknown session without a token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/sessions/unknown?site=demo' });
    expect(response.statusCode).toBe(401);
  });

  it('needs no token to ingest', async () => {
    expect((await postCollect(t.app, [makePageview()])).statusCode).toBe(202);
  });
});
