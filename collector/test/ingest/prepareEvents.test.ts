import { describe, expect, it } from 'vitest';
import { MAX_EVENT_AGE_MS, MAX_FUTURE_SKEW_MS } from '@sightline/protocol';
import { pathOf, prepareEvents, type RequestFacts } from '../../src/ingest/prepareEvents.js';
import { makeCustomEvent, makePageview } from '../utils/makeEvent.js';

const NOW = Date.parse('2024-03-10T12:00:00Z');
const facts: RequestFacts = { site: 'demo', visitor: 'v-hash', userAgent: 'UA', receivedAt: NOW };

describe('pathOf', () => {
  it.each([
    ['https://example.com/', '/'],
    ['https://example.com/a/b?q=1', '/a/b'],
    ['https://example.com/app#/settings', '/app#/settings'],
    ['https://example.com/doc#section-2', '/doc'],
    ['https://example.com/#', '/'],
  ])('%s → %s', (url, path) => {
    expect(pathOf(new URL(url))).toBe(path);
  });
});

describe('prepareEvents', () => {
  it('attaches the request facts and derives the path', () => {
    const event = makePageview({ ts: NOW - 1000, url: 'https://example.com/x?y=1', title: 'X', user: 'u1' });
    const { rows, tooOld } = prepareEvents({ site: 'demo', events: [event] }, facts);
    expect(tooOld).toBe(0);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      site: 'demo',
      eventId: event.id,
      type: 'pageview',
      ts: NOW - 1000,
      receivedAt: NOW,
      session: event.session,
      visitor: 'v-hash',
      user: 'u1',
      url: 'https://example.com/x?y=1',
      path: '/x',
      title: 'X',
      referrer: null,
      name: null,
      userAgent: 'UA',
    });
  });

  it('keeps custom event props as JSON text and an empty referrer as null', () => {
    const custom = makeCustomEvent({
      ts: NOW,
      name: 'buy',
      props: { plan: 'pro', seats: 3, trial: false, note: null },
    });
    const pageview = makePageview({ ts: NOW, referrer: '' });
    const { rows } = prepareEvents({ site: 'demo', events: [custom, pageview] }, facts);
    expect(rows[0]).toMatchObject({ type: 'custom', name: 'buy', title: null, referrer: null });
    expect(rows[0]!.data).toContain(JSON.stringify({ plan: 'pro', seats: 3, trial: false, note: null }));
    expect(rows[1]!.referrer).toBeNull();
  });

  it.each([
    ['now', NOW, NOW],
    ['within the tolerated skew', NOW + MAX_FUTURE_SKEW_MS, NOW + MAX_FUTURE_SKEW_MS],
    ['past the tolerated skew', NOW + MAX_FUTURE_SKEW_MS + 1, NOW],
    ['a year ahead', NOW + 365 * 86_400_000, NOW],
    ['exactly MAX_EVENT_AGE_MS old', NOW - MAX_EVENT_AGE_MS, NOW - MAX_EVENT_AGE_MS],
  ])('keeps a ts %s at %s', (_name, ts, stored) => {
    const { rows, tooOld } = prepareEvents({ site: 'demo', events: [makePageview({ ts })] }, facts);
    expect(tooOld).toBe(0);
    expect(rows[0]!.ts).toBe(stored);
  });

  it('drops events older than MAX_EVENT_AGE_MS and counts them', () => {
    const events = [
      makePageview({ ts: NOW - MAX_EVENT_AGE_MS - 1 }),
      makePageview({ ts: 0 }),
      makePageview({ ts: NOW }),
    ];
    const { rows, tooOld } = prepareEvents({ site: 'demo', events }, facts);
    expect(tooOld).toBe(2);
    expect(rows.map((r) => r.eventId)).toEqual([events[2]!.id]);
  });

  it.each(['javascript:alert(1)', 'mailto:a@example.com', 'file:///etc/passwd', 'not a url'])(
    'refuses the URL %s, naming the event',
    (url) => {
      const events = [makePageview({ ts: NOW }), makePageview({ ts: NOW, url })];
      expect(() => prepareEvents({ site: 'demo', events }, facts)).toThrow(
        expect.objectContaining({ statusCode: 400, message: expect.stringMatching(/^events\/1\/url /) }),
      );
    },
  );
});
