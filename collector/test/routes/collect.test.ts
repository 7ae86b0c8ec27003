import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EVENT_AGE_MS, MAX_TITLE_LENGTH } from '@sightline/protocol';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import type { PageviewRecord, RecordPage, SessionRecord } from '../../src/lib/records.js';
import { getJson } from '../utils/getJson.js';
import { makeCustomEvent, makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const overviewTotals = async () =>
  (
    await getJson<{ totals: { pageviews: number; sessions: number; visitors: number } }>(
      t,
      '/v1/reports/overview?site=demo',
    )
  ).body.totals;

describe('POST /v1/collect', () => {
  it('answers 202 with the accepted and duplicate counts once the events are stored', async () => {
    const events = [makePageview({ session: 's-a' }), makeCustomEvent({ session: 's-a' })];
    const response = await postCollect(t.app, events);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 2, duplicates: 0, rejected: 0 });

    // Readable straight away: 202 means committed.
    const sessions = await getJson<RecordPage<SessionRecord>>(t, '/v1/sessions?site=demo');
    expect(sessions.body.results).toMatchObject([{ session: 's-a', pageviews: 1, events: 2 }]);
  });

  it('stores a batch posted twice once, and reports the repeat as duplicates', async () => {
    const events = [
      makePageview({ session: 's-a', url: 'https://example.com/a' }),
      makePageview({ session: 's-a', url: 'https://example.com/b' }),
      makePageview({ session: 's-b', url: 'https://example.com/c' }),
    ];
    const first = await postCollect(t.app, events);
    const second = await postCollect(t.app, events);
    expect(first.json()).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(second.statusCode).toBe(202);
    expect(second.json()).toMatchObject({ accepted: 0, duplicates: 3 });

    expect(await overviewTotals()).toMatchObject({ pageviews: 3, sessions: 2, visitors: 1 });
    const sessions = await getJson<RecordPage<SessionRecord>>(
      t,
      '/v1/sessions?site=demo&ordering=-pageviews',
    );
    expect(sessions.body.results.map((s) => [s.session, s.pageviews, s.events])).toEqual([
      ['s-a', 2, 2],
      ['s-b', 1, 1],
    ]);
    expect((await getJson<RecordPage<PageviewRecord>>(t, '/v1/pageviews?site=demo')).body.count).toBe(3);
  });

  it('counts a repeated id inside one batch once, keeping the first copy everywhere', async () => {
    const original = makePageview({ id: 'same-id', session: 's-first', url: 'https://example.com/first' });
    const repeat = { ...original, session: 's-second', url: 'https://example.com/second' };
    const response = await postCollect(t.app, [original, repeat, makePageview({ session: 's-first' })]);
    expect(response.json()).toMatchObject({ accepted: 2, duplicates: 1 });

    const pageviews = await getJson<RecordPage<PageviewRecord>>(t, '/v1/pageviews?site=demo&session=s-first');
    expect(pageviews.body.results.map((p) => p.path)).toEqual(['/first', '/']);
    // The session aggregates describe the stored event, not the dropped repeat.
    const sessions = await getJson<RecordPage<SessionRecord>>(t, '/v1/sessions?site=demo');
    expect(sessions.body.results).toMatchObject([{ session: 's-first', pageviews: 2, entry_path: '/first' }]);
    expect(await overviewTotals()).toMatchObject({ pageviews: 2, sessions: 1 });
  });

  it.each([
    'text/plain',
    'text/plain;charset=UTF-8', // what navigator.sendBeacon sends for a string body
  ])('parses a %s body as JSON (sendBeacon, preflight-free fetch)', async (contentType) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/collect',
      headers: { 'content-type': contentType },
      payload: JSON.stringify({ site: 'demo', events: [makePageview()] }),
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ accepted: 1, duplicates: 0 });
  });

  it.each([
    ['application/json', '{"site":"demo","events":[{'],
    ['text/plain', '{"site":"demo","events":[{'],
    ['text/plain', 'site=demo'],
  ])('answers 400 to a malformed %s body and keeps serving', async (contentType, payload) => {
    const before = makePageview({ session: 's-before' });
    expect((await postCollect(t.app, [before])).statusCode).toBe(202);

    const bad = await t.app.inject({
      method: 'POST',
      url: '/v1/collect',
      headers: { 'content-type': contentType },
      payload,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'invalid_json', message: expect.any(String) });

    const after = await postCollect(t.app, [makePageview({ session: 's-after' })]);
    expect(after.statusCode).toBe(202);
    const sessions = await getJson<RecordPage<SessionRecord>>(
      t,
      '/v1/sessions?site=demo&ordering=first_seen',
    );
    expect(sessions.body.results.map((s) => s.session).sort()).toEqual(['s-after', 's-before']);
  });
});

describe('POST /v1/collect timestamps', () => {
  it('keeps an event from a clock far ahead at its arrival time', async () => {
    const before = Date.now();
    await postCollect(t.app, [makePageview({ ts: before + 7 * 86_400_000 })]);
    const after = Date.now();
    const [stored] = (await getJson<RecordPage<PageviewRecord>>(t, '/v1/pageviews?site=demo')).body.results;
    const ts = Date.parse(stored!.ts);
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(after);
  });

  it('keeps a small clock skew as sent', async () => {
    const ts = Date.now() + 60_000;
    await postCollect(t.app, [makePageview({ ts })]);
    const [stored] = (await getJson<RecordPage<PageviewRecord>>(t, '/v1/pageviews?site=demo')).body.results;
    expect(Date.parse(stored!.ts)).toBe(ts);
  });

  it('stores events up to 31 days old as sent, and counts older ones as rejected', async () => {
    const now = Date.now();
    const recent = makePageview({ ts: now - 30 * 86_400_000 });
    const tooOld = makePageview({ ts: now - MAX_EVENT_AGE_MS - 86_400_000 });
    const response = await postCollect(t.app, [recent, tooOld]);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: 1 });

    const stored = (await getJson<RecordPage<PageviewRecord>>(t, '/v1/pageviews?site=demo')).body.results;
    expect(stored.map((p) => [p.id, Date.parse(p.ts)])).toEqual([[recent.id, recent.ts]]);
  });
});

describe('POST /v1/collect hostile strings', () => {
  const titles: [string, string][] = [
    ['a script tag', '<script>alert("x")</script>'],
    ['quotes and SQL', `'; DROP TABLE events; -- "quoted" \\ back\\slash`],
    ['unicode', 'Ünïcødé — 日本語 👩‍👩‍👧 \u202e RTL \u0000 nul'],
    ['a formula', '=HYPERLINK("http://evil.example","click")'],
    ['the longest title allowed (astral characters)', '😀'.repeat(MAX_TITLE_LENGTH)],
    ['the longest title allowed (ASCII)', 'x'.repeat(MAX_TITLE_LENGTH)],
  ];

  it.each(titles)('stores %s in a title verbatim and returns it intact', async (_name, title) => {
    const event = makePageview({ title });
    expect((await postCollect(t.app, [event])).statusCode).toBe(202);
    const [stored] = (await getJson<RecordPage<PageviewRecord>>(t, '/v1/pageviews?site=demo')).body.results;
    expect(stored!.title).toBe(title);
  });

  it.each([
    'https://example.com/<script>alert(1)</script>?q="\'><img src=x onerror=alert(1)>',
    'https://example.com/日本/ページ?q=😀#frag',
    'https://example.com/a?x=1&y=%00%27%22',
  ])('returns the URL %s exactly as the page reports it (location.href)', async (raw) => {
    // Browsers percent-encode location.href; the SDK sends that form.
    const href = new URL(raw).href;
    expect((await postCollect(t.app, [makePageview({ url: href })])).statusCode).toBe(202);
    const [stored] = (await getJson<RecordPage<PageviewRecord>>(t, '/v1/pageviews?site=demo')).body.results;
    expect(stored!.url).toBe(href);
    expect(stored!.path).toBe(new URL(href).pathname);
  });

  it('keeps the fragment of hash-routed apps in the path', async () => {
    await postCollect(t.app, [makePageview({ url: 'https://example.com/app#/settings/profile' })]);
    const [stored] = (await getJson<RecordPage<PageviewRecord>>(t, '/v1/pageviews?site=demo')).body.results;
    expect(stored!.path).toBe('/app#/settings/profile');
  });
});

describe('POST /v1/collect CORS', () => {
  const origin = 'https://shop.example';

  it('echoes the Origin on an accepted batch', async () => {
    const response = await postCollect(t.app, [makePageview()], { headers: { origin } });
    expect(response.statusCode).toBe(202);
    expect(response.headers['access-control-allow-origin']).toBe(origin);
    expect(response.headers.vary).toMatch(/Origin/);
  });

  it('echoes the Origin on a 400 too, so the page can read why its batch was dropped', async () => {
    const response = await postCollect(t.app, [{ ...makePageview(), ts: 'now' }], { headers: { origin } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['access-control-allow-origin']).toBe(origin);
  });

  it('answers a preflight with 204 and the allowed method and headers', async () => {
    const response = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/collect',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(origin);
    expect(response.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(response.headers['access-control-allow-headers']).toMatch(/content-type/i);
    expect(response.body).toBe('');
  });

  it('sends no CORS header when there is no Origin', async () => {
    const response = await postCollect(t.app, [makePageview()]);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
