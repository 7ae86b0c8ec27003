import { describe, expect, it } from 'vitest';
import { scoreRequestRate } from '../../../src/scoring/rate/requestRate.js';
import { BROWSERS, CHROME_WINDOWS } from '../utils/browsers.js';
import { browserSession, pageview, signal, type ScriptedRequest } from '../utils/buildEvidence.js';

/** `count` requests `gap` ms apart, each with the given events at its time. */
function every(
  count: number,
  gap: number,
  events: (at: number) => ScriptedRequest['events'],
): ScriptedRequest[] {
  return Array.from({ length: count }, (_, i) => ({ at: i * gap, events: events(i * gap) }));
}

const names = (
  requests: ScriptedRequest[],
  visitor?: { requestsLastMinute?: number; sessionsLastHour?: number },
) =>
  scoreRequestRate(browserSession(CHROME_WINDOWS, { requests, ...(visitor ? { visitor } : {}) })).map(
    (r) => r.name,
  );

describe('scoreRequestRate', () => {
  it.each([
    ['61 requests in a minute', every(61, 900, (at) => [signal('engagement', at)]), ['burst']],
    ['21 pageviews in a minute', every(21, 2_500, (at) => [pageview(at)]), ['fast-pages']],
    ['100 pageviews, one every 0.5 s', every(100, 500, (at) => [pageview(at)]), ['burst', 'fast-pages']],
  ])('%s → %j', (_label, requests, expected) => {
    expect(names(requests)).toEqual(expected);
  });

  it.each([
    ['60 requests in a minute (a very busy page)', every(60, 1_000, (at) => [signal('engagement', at)])],
    ['20 pageviews in a minute (fast skimming)', every(20, 3_000, (at) => [pageview(at)])],
    ['a page every 30 s for an hour', every(120, 30_000, (at) => [pageview(at)])],
  ])('%s → nothing', (_label, requests) => {
    expect(names(requests)).toEqual([]);
  });

  it.each([
    [{ requestsLastMinute: 241 }, ['client-flood']],
    [{ sessionsLastHour: 31 }, ['session-churn']],
    [{ requestsLastMinute: 240, sessionsLastHour: 30 }, []],
  ])('hashed client %j → %j', (visitor, expected) => {
    expect(
      names(
        every(2, 10_000, (at) => [pageview(at)]),
        visitor,
      ),
    ).toEqual(expected);
  });

  it.each(BROWSERS.map((b) => [b.label, b] as const))('%s reader → nothing', (_label, profile) => {
    expect(scoreRequestRate(browserSession(profile))).toEqual([]);
  });
});
