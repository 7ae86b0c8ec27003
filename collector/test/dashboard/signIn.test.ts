/**
 * Dashboard sign-in: the admin token is exchanged for an HttpOnly, SameSite=Strict session
 * cookie that the reading API accepts; sign-out ends it; cookie requests that change state
 * must come from the dashboard's own origin.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN, type TestApp } from '../utils/createTestApp.js';
import { signIn } from '../utils/signIn.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ SITES: 'other' });
});
afterEach(async () => t.close());

const ORIGIN = 'http://localhost:80';
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('GET /dashboard', () => {
  it('shows the sign-in form without a session, keeping the view in its action', async () => {
    const res = await get('/dashboard?site=demo&bots=include');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('action="/dashboard/login?site=demo&#38;bots=include"');
    expect(res.body).toContain('type="password"');
    expect(res.body).not.toContain('app.js');
  });

  it('escapes whatever the query string holds', async () => {
    const res = await get('/dashboard?x="><script>alert(1)</script>');
    expect(res.body).not.toContain('<script>alert(1)');
  });

  it('serves the app shell to a signed-in browser, with no inline script', async () => {
    const cookie = await signIn(t.app);
    const res = await get('/dashboard', { cookie });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<script defer src="\/dashboard\/assets\/app\.js\?v=[\w-]+"><\/script>/);
    expect(res.body.match(/<script/g)).toHaveLength(1);
    expect(res.body).not.toMatch(/ on\w+=|style=/);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('POST /dashboard/login', () => {
  it('sets an opaque HttpOnly, SameSite=Strict, Path=/ cookie and goes back to the view', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/dashboard/login?site=demo&tab=errors',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      payload: `token=${encodeURIComponent(TEST_TOKEN)}`,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/dashboard?site=demo&tab=errors');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^sightline_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    expect(cookie).not.toContain(TEST_TOKEN);
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const https = await createTestApp({ TRUST_PROXY: 'true' });
    try {
      const res = await https.app.inject({
        method: 'POST',
        url: '/dashboard/login',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        payload: { token: TEST_TOKEN },
      });
      expect(res.statusCode).toBe(303);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure$/);
    } finally {
      await https.close();
    }
  });

  it('answers 401 with the form again for a wrong token, and sets no cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/dashboard/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      payload: 'token=wrong-token-0123456789',
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toContain('That token is not valid');
  });

  it('refuses a sign-in posted from another origin', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/dashboard/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      payload: `token=${encodeURIComponent(TEST_TOKEN)}`,
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('the session cookie on the reading API', () => {
  it('is accepted by reports, lists and /v1/sites', async () => {
    const cookie = await signIn(t.app);
    for (const url of ['/v1/reports/overview?site=demo', '/v1/sessions?site=demo', '/v1/reports/errors?site=demo']) {
      expect((await get(url, { cookie })).statusCode, url).toBe(200);
    }
    const sites = await get('/v1/sites', { cookie });
    expect(sites.json()).toEqual({ results: [{ id: 'demo' }, { id: 'other' }] });
  });

  it('is required: 401 without it, with a made-up one, or with a wrong bearer token beside it', async () => {
    const cookie = await signIn(t.app);
    expect((await get('/v1/sites')).statusCode).toBe(401);
    expect((await get('/v1/reports/overview?site=demo', { cookie: 'sightline_session=made-up' })).statusCode).toBe(401);
    expect((await get('/v1/sites', { cookie, authorization: 'Bearer wrong-token-0000000000' })).statusCode).toBe(401);
    expect((await get('/v1/sites', t.auth)).statusCode).toBe(200);
  });

  it('stops working after sign-out, which clears the cookie', async () => {
    const cookie = await signIn(t.app);
    const out = await t.app.inject({ method: 'POST', url: '/dashboard/logout', headers: { cookie, origin: ORIGIN } });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/dashboard');
    expect(String(out.headers['set-cookie'])).toMatch(/^sightline_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
    expect((await get('/v1/sites', { cookie })).statusCode).toBe(401);
    expect((await get('/dashboard', { cookie })).body).toContain('type="password"');
  });

  it('cannot be used to sign out from another origin (CSRF)', async () => {
    const cookie = await signIn(t.app);
    for (const origin of ['https://evil.example', undefined]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/dashboard/logout',
        headers: { cookie, ...(origin ? { origin } : {}) },
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await get('/v1/sites', { cookie })).statusCode).toBe(200);
  });
});

describe('the origin check', () => {
  it('takes Sec-Fetch-Site: same-origin when the Origin is null, refuses cross-site', async () => {
    const cookie = await signIn(t.app);
    const post = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/dashboard/logout', headers: { cookie, ...headers } });
    expect((await post({ origin: 'null', 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await post({ origin: 'null', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(303);
  });
});
