/**
 * Needs the SDK bundle (`npx pnpm@10 --filter @sightline/sdk build`, part of `pnpm build`,
 * which `pnpm test` runs first).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';

let t: TestApp;
let bundle: string;
beforeAll(async () => {
  const path = createRequire(import.meta.url).resolve('@sightline/sdk/script');
  bundle = await readFile(path, 'utf8').catch(() => {
    throw new Error(`the SDK bundle ${path} is missing: run \`npx pnpm@10 build\` first`);
  });
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const getScript = (headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: '/s.js', headers });

describe('GET /s.js', () => {
  it('serves the SDK bundle as cacheable JavaScript with an ETag', async () => {
    const response = await getScript();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/javascript/);
    expect(response.headers['cache-control']).toMatch(/public/);
    expect(response.headers.etag).toMatch(/^"[^"]+"$/);
    expect(response.body).toBe(bundle);
  });

  it('gives the same ETag every time', async () => {
    const [a, b] = await Promise.all([getScript(), getScript()]);
    expect(b.headers.etag).toBe(a.headers.etag);
  });

  it('answers 304 with no body to a matching If-None-Match', async () => {
    const { etag } = (await getScript()).headers;
    const response = await getScript({ 'if-none-match': String(etag) });
    expect(response.statusCode).toBe(304);
    expect(response.body).toBe('');
    expect(response.headers.etag).toBe(etag);
  });

  it('answers 200 with the bundle to a stale If-None-Match', async () => {
    const response = await getScript({ 'if-none-match': '"stale"' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(bundle);
  });

  it('may be loaded by pages of any origin', async () => {
    const response = await getScript({ origin: 'https://shop.example' });
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });
});

describe('GET /s.vitals.js', () => {
  it('serves the Web Vitals chunk that /s.js imports, readable by a module script of any origin', async () => {
    const path = createRequire(import.meta.url).resolve('@sightline/sdk/script-vitals');
    const chunk = await readFile(path, 'utf8');
    const response = await t.app.inject({
      method: 'GET',
      url: '/s.vitals.js',
      headers: { origin: 'https://shop.example' },
    });
    expect(response.statusCode).toBe(200);
    // Module scripts need a JavaScript MIME type and, cross-origin, CORS.
    expect(response.headers['content-type']).toMatch(/^application\/javascript/);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers.etag).toMatch(/^"[^"]+"$/);
    expect(response.body).toBe(chunk);
    expect(chunk).toMatch(/export\s*\{/);
  });
});
