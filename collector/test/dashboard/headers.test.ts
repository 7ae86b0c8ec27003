/**
 * What the browser is told: a CSP with no inline script and no framing, nosniff, a
 * Referrer-Policy on every dashboard answer; fingerprinted assets cached for a year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { signIn } from '../utils/signIn.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await signIn(t.app);
});
afterAll(async () => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

function cspOf(headers: Record<string, unknown>): Map<string, string[]> {
  const csp = String(headers['content-security-policy']);
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('security headers', () => {
  it.each([
    ['the sign-in page', '/dashboard', false],
    ['the app', '/dashboard', true],
    ['a wrong sign-in', null, false],
    ['the script', '/dashboard/assets/app.js', false],
    ['the sites list (401)', '/v1/sites', false],
  ])('are on %s', async (_name, url, signedIn) => {
    const res = url
      ? await get(url, signedIn ? { cookie } : {})
      : await t.app.inject({ method: 'POST', url: '/dashboard/login', payload: { token: 'nope-nope-nope-nope' } });
    const csp = cspOf(res.headers);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('report-uri')).toEqual(['/dashboard/csp-report']);
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('assets', () => {
  it('serves the bundled script and styles, cached for a year under their fingerprint', async () => {
    const page = (await get('/dashboard', { cookie })).body;
    for (const [name, type] of [
      ['app.js', 'application/javascript'],
      ['app.css', 'text/css'],
    ] as const) {
      const url = new RegExp(`/dashboard/assets/${name.replace('.', '\\.')}\\?v=[\\w-]+`).exec(page)?.[0];
      expect(url, name).toBeTruthy();
      const res = await get(url!);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const again = await get(url!, { 'if-none-match': String(res.headers.etag) });
      expect(again.statusCode).toBe(304);
    }
  });

  it('includes uPlot in the bundle (no CDN, no second script)', async () => {
    const js = (await get('/dashboard/assets/app.js')).body;
    expect(js).toContain('u-legend');
    expect(js).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
    expect((await get('/dashboard/assets/app.css')).body).toContain('.uplot');
  });

  it('revalidates an asset asked for without its fingerprint; knows no other names', async () => {
    expect((await get('/dashboard/assets/app.js')).headers['cache-control']).toBe('no-cache');
    expect((await get('/dashboard/assets/secret.txt')).statusCode).toBe(404);
    expect((await get('/dashboard/assets/..%2Fcli.js')).statusCode).toBe(404);
  });
});

describe('CSP reports', () => {
  it('are taken (and logged) without sign-in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/dashboard/csp-report',
      headers: { 'content-type': 'application/csp-report' },
      payload: JSON.stringify({ 'csp-report': { 'violated-directive': 'script-src' } }),
    });
    expect(res.statusCode).toBe(204);
  });
});
