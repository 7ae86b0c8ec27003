import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const base = { ts: Date.now(), session: 's1', url: 'https://blog.test/post' };

describe('GET /v1/interactions', () => {
  test('lists every non-pageview event with its own data and pageview link', async () => {
    const pv = makePageview({ ...base, id: 'pv-1' });
    const res = await postCollect(t.app, [
      pv,
      {
        ...base,
        id: 'c1',
        type: 'click',
        pv: 'pv-1',
        selector: 'a#more',
        tag: 'a',
        kind: 'link',
        text: 'More',
        href: 'https://blog.test/next',
      },
      { ...base, id: 'v1', type: 'vital', pv: 'pv-1', name: 'LCP', value: 1234, rating: 'good' },
      { ...base, id: 's1', type: 'scroll', pv: 'pv-1', depth: 100 },
      { ...base, id: 'e1', type: 'engagement', pv: 'pv-1', ms: 5300 },
      { ...base, id: 't1', type: 'timing', pv: 'pv-1', ttfb: 12, domReady: 80, load: 120 },
      { ...base, id: 'x1', type: 'error', pv: 'pv-1', kind: 'error', message: 'boom', count: 1, line: 3 },
    ]);
    expect(res.statusCode, res.body).toBe(202);
    const list = (
      await t.app.inject({ url: '/v1/interactions?site=demo&ordering=type', headers: t.auth })
    ).json();
    expect(list.count).toBe(6);
    const byType = Object.fromEntries(list.results.map((r: { type: string }) => [r.type, r]));
    expect(byType.click).toMatchObject({
      pv: 'pv-1',
      path: '/post',
      data: { selector: 'a#more', kind: 'link', text: 'More' },
    });
    expect(byType.vital).toMatchObject({ name: 'LCP', data: { value: 1234, rating: 'good' } });
    expect(byType.error.data).toMatchObject({ message: 'boom', count: 1, line: 3 });

    const vitals = (
      await t.app.inject({ url: '/v1/interactions?site=demo&type=vital', headers: t.auth })
    ).json();
    expect(vitals.results.map((r: { id: string }) => r.id)).toEqual(['v1']);
    const csv = await t.app.inject({
      url: '/v1/interactions?site=demo&format=csv&type=click',
      headers: t.auth,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('type');
  });

  test.each([
    ['a click without a selector', { type: 'click', tag: 'a', kind: 'link' }],
    ['a scroll depth over 100', { type: 'scroll', depth: 101 }],
    ['an unknown vital', { type: 'vital', name: 'FID', value: 3 }],
    ['an error with count 0', { type: 'error', kind: 'error', message: 'x', count: 0 }],
  ])('rejects %s with 400', async (_name, fields) => {
    const res = await postCollect(t.app, [{ ...base, id: 'bad', ...fields }]);
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /v1/reports/errors', () => {
  test('groups by message and top frame, sums repeat counts, counts sessions and pages', async () => {
    const err = (id: string, session: string, path: string, count: number, message = 'x is undefined') => ({
      id,
      type: 'error',
      ts: Date.now(),
      session,
      url: `https://blog.test${path}`,
      kind: 'error',
      message,
      source: 'https://blog.test/app.js',
      line: 10,
      col: 5,
      count,
    });
    await postCollect(t.app, [
      err('e1', 's1', '/a', 1),
      err('e2', 's1', '/a', 4),
      err('e3', 's2', '/b', 1),
      err('e4', 's2', '/b', 1, 'other'),
      { ...base, id: 'r1', type: 'error', kind: 'rejection', message: 'Error: nope', count: 1 },
    ]);
    const res = await t.app.inject({ url: '/v1/reports/errors?site=demo', headers: t.auth });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.totals).toEqual({ occurrences: 8, groups: 3 });
    expect(body.errors[0]).toMatchObject({
      message: 'x is undefined',
      occurrences: 6,
      sessions: 2,
      line: 10,
      col: 5,
      paths: ['/a', '/b'],
    });
    expect(body.errors.map((e: { kind: string }) => e.kind).sort()).toEqual(['error', 'error', 'rejection']);
    const csv = await t.app.inject({ url: '/v1/reports/errors?site=demo&format=csv', headers: t.auth });
    expect(csv.body.split('\r\n')).toHaveLength(5);
  });
});

describe('extra paths for ad-blocked names', () => {
  test('COLLECT_PATH and SCRIPT_PATH serve beside the defaults', async () => {
    const custom = await createTestApp({ COLLECT_PATH: '/api/e', SCRIPT_PATH: '/js/app.js' });
    try {
      const res = await custom.app.inject({
        method: 'POST',
        url: '/api/e',
        headers: { 'content-type': 'text/plain' },
        payload: JSON.stringify({ site: 'demo', events: [makePageview()] }),
      });
      expect(res.statusCode, res.body).toBe(202);
      const pre = await custom.app.inject({
        method: 'OPTIONS',
        url: '/api/e',
        headers: { origin: 'https://x.test' },
      });
      expect(pre.statusCode).toBe(204);
      const script = await custom.app.inject({ url: '/js/app.js' });
      const original = await custom.app.inject({ url: '/s.js' });
      expect(script.statusCode).toBe(original.statusCode);
      expect(script.body).toBe(original.body);
      // The Web Vitals chunk that the script imports from beside itself.
      const chunk = await custom.app.inject({ url: '/js/s.vitals.js' });
      expect(chunk.statusCode).toBe(200);
      expect(chunk.body).toBe((await custom.app.inject({ url: '/s.vitals.js' })).body);
    } finally {
      await custom.close();
    }
  });
});
