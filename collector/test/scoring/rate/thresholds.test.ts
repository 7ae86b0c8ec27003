/**
 * The rate: rules at their thresholds and shares (mutation testing found them unpinned):
 * shares are of the session's requests or pageviews, and "at least" means the bound itself.
 */
import { describe, expect, it } from 'vitest';
import { createEvidence } from '../../../src/scoring/evidence/addRequest.js';
import { scoreHeaderAnomalies } from '../../../src/scoring/rate/headerAnomalies.js';
import { scoreNoClientSignals } from '../../../src/scoring/rate/noClientSignals.js';
import { coefficientOfVariation, scoreRegularity } from '../../../src/scoring/rate/regularity.js';
import { scoreRequestRate } from '../../../src/scoring/rate/requestRate.js';
import type { EventCounts, HeaderSummary, RuleResult, SessionEvidence } from '../../../src/scoring/types.js';
import { BROWSERS, CHROME_WINDOWS } from '../utils/browsers.js';

const CHROME_76 = CHROME_WINDOWS.ua.replace('Chrome/124', 'Chrome/76');
const CHROME_IOS = BROWSERS.find((b) => b.ua.includes('CriOS'))!.ua;
const SAFARI_IOS = BROWSERS.find((b) => b.ua.includes('iPhone') && !b.ua.includes('CriOS'))!.ua;

function evidence(requests: number, headers: Partial<HeaderSummary>, userAgent = CHROME_WINDOWS.ua) {
  const e = createEvidence();
  return {
    ...e,
    userAgent,
    requests: { ...e.requests, count: requests },
    headers: { ...e.headers, ...headers },
  } satisfies SessionEvidence;
}
const found = (results: RuleResult[]) => results.map((r) => `${r.family}:${r.name}@${r.strength}`);

describe('scoreHeaderAnomalies at its shares', () => {
  it.each([
    ['no request at all', 0, {}, CHROME_WINDOWS.ua, []],
    [
      "Accept-Language: * on 4 of 5 requests (Node's fetch)",
      5,
      { wildcardAcceptLanguage: 4 },
      CHROME_WINDOWS.ua,
      ['rate:library-headers@0.6'],
    ],
    ['Accept-Language: * on 1 of 5', 5, { wildcardAcceptLanguage: 1 }, CHROME_WINDOWS.ua, []],
    ['a bare header set on 4 of 5', 5, { bare: 4 }, CHROME_WINDOWS.ua, ['rate:library-headers@0.35']],
    ['a bare header set on 1 of 5', 5, { bare: 1 }, CHROME_WINDOWS.ua, []],
    [
      'no Accept-Language on 4 of 5',
      5,
      { noAcceptLanguage: 4 },
      CHROME_WINDOWS.ua,
      ['rate:no-accept-language@0.2'],
    ],
    ['no Accept-Language on 3 of 5', 5, { noAcceptLanguage: 3 }, CHROME_WINDOWS.ua, []],
    [
      'Chrome 76 over HTTPS, 4 of 5 without Sec-Fetch-*',
      5,
      { secure: 5, secureWithoutFetchMetadata: 4 },
      CHROME_76,
      ['rate:no-fetch-metadata@0.35'],
    ],
    [
      'Chrome over HTTPS, 1 of 5 without Sec-Fetch-*',
      5,
      { secure: 5, secureWithoutFetchMetadata: 1 },
      CHROME_WINDOWS.ua,
      [],
    ],
    [
      'Chrome 75 (before Sec-Fetch-*) without it',
      5,
      { secure: 5, secureWithoutFetchMetadata: 5 },
      CHROME_WINDOWS.ua.replace('Chrome/124', 'Chrome/75'),
      [],
    ],
    [
      'Safari 17 on iOS without it (its own version is the WebKit one)',
      5,
      { secure: 5, secureWithoutFetchMetadata: 5 },
      SAFARI_IOS,
      ['rate:no-fetch-metadata@0.35'],
    ],
    [
      'Chrome on iOS (WebKit of the OS) without it',
      5,
      { secure: 5, secureWithoutFetchMetadata: 5 },
      CHROME_IOS,
      [],
    ],
  ] as Array<[string, number, Partial<HeaderSummary>, string, string[]]>)(
    '%s',
    (_label, n, headers, ua, expected) => {
      expect(found(scoreHeaderAnomalies(evidence(n, headers, ua)))).toEqual(expected);
    },
  );
});

describe('scoreNoClientSignals at its counts', () => {
  const counts = (events: Partial<EventCounts>) => {
    const e = createEvidence();
    return { ...e, events: { ...e.events, ...events } } satisfies SessionEvidence;
  };
  it.each([
    ['3 pageviews, nothing else', { pageview: 3 }, ['rate:no-client-signals@0.35']],
    ['3 pageviews with a vital and a humanness event', { pageview: 3, vital: 1, humanness: 1 }, []],
    ['… with a timing and a vital', { pageview: 3, timing: 1, vital: 1 }, []],
    ['… with an engagement and a timing', { pageview: 3, engagement: 1, timing: 1 }, []],
    ['… with a scroll and an engagement', { pageview: 3, scroll: 1, engagement: 1 }, []],
    ['… with a click and a scroll', { pageview: 3, click: 1, scroll: 1 }, []],
    [
      '4 of 5 pageviews without screen and viewport',
      { pageview: 5, pageviewWithoutContext: 4, vital: 1 },
      ['rate:bare-pageviews@0.35'],
    ],
    ['1 of 5 without them', { pageview: 5, pageviewWithoutContext: 1, vital: 1 }, []],
  ] as Array<[string, Partial<EventCounts>, string[]]>)('%s → %j', (_label, events, expected) => {
    expect(found(scoreNoClientSignals(counts(events)))).toEqual(expected);
  });
});

describe('scoreRegularity at its bounds', () => {
  const pages = (intervals: number, intervalMean: number, intervalM2: number) => {
    const e = createEvidence();
    return {
      ...e,
      pageviews: { ...e.pageviews, intervals, intervalMean, intervalM2 },
    } satisfies SessionEvidence;
  };
  // cv = sqrt(M2 / (n − 1)) / mean: 8 intervals of mean 1 s and sd 50 ms → 0.05.
  it.each([
    ['8 intervals, 1 s apart, cv 0.05', pages(8, 1000, 7 * 50 ** 2), ['rate:regular@0.6']],
    ['7 intervals', pages(7, 1000, 6 * 50 ** 2), []],
    ['a mean just under 1 s', pages(8, 999, 7 * 50 ** 2), []],
    ['cv exactly 0.1', pages(8, 1000, 7 * 100 ** 2), []],
  ])('%s → %j', (_label, e, expected) => {
    expect(found(scoreRegularity(e))).toEqual(expected);
  });

  it('coefficientOfVariation from two intervals; none for fewer or a zero mean', () => {
    expect(coefficientOfVariation(2, 10, 4)).toBe(0.2);
    expect(coefficientOfVariation(1, 10, 0)).toBe(Infinity);
    expect(coefficientOfVariation(3, 0, 0)).toBe(Infinity);
  });
});

describe('scoreRequestRate names its family', () => {
  it('every finding is rate:', () => {
    const e = createEvidence();
    const all = scoreRequestRate({
      ...e,
      requests: { ...e.requests, peakPerMinute: 61 },
      pageviews: { ...e.pageviews, peakPerMinute: 21 },
      visitor: { requestsLastMinute: 241, sessionsLastHour: 31 },
    });
    expect(found(all)).toEqual([
      'rate:burst@0.6',
      'rate:fast-pages@0.6',
      'rate:client-flood@0.35',
      'rate:session-churn@0.35',
    ]);
  });
});
