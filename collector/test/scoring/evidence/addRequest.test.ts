import { describe, expect, it } from 'vitest';
import { addRequest, addTime, createEvidence } from '../../../src/scoring/evidence/addRequest.js';
import { readRequestFacts } from '../../../src/scoring/evidence/readRequestFacts.js';
import { CHROME_WINDOWS } from '../utils/browsers.js';
import { T0, browserHeaders, browserSession, pageview, signal } from '../utils/buildEvidence.js';

describe('addTime', () => {
  it.each([
    // times (ms from 0), count, intervals, mean, peakPerMinute
    [[0], 1, 0, 0, 1],
    [[0, 1_000, 2_000, 3_000], 4, 3, 1_000, 4],
    [[0, 30_000, 61_000, 62_000], 4, 3, 20_666.67, 2],
    [[5_000, 1_000], 2, 0, 0, 1], // out of order: counted, no interval
  ])('%j', (times, count, intervals, mean, peak) => {
    const t = times.reduce((acc, ts) => addTime(acc, ts), createEvidence().requests);
    expect(t).toMatchObject({ count, intervals, peakPerMinute: peak });
    expect(t.intervalMean).toBeCloseTo(mean, 1);
  });

  it('keeps the variance of the intervals (Welford)', () => {
    const t = [0, 1_000, 3_000, 6_000].reduce((acc, ts) => addTime(acc, ts), createEvidence().requests);
    // intervals 1000, 2000, 3000: mean 2000, sample variance 1e6
    expect(t.intervalMean).toBeCloseTo(2_000, 6);
    expect(t.intervalM2 / (t.intervals - 1)).toBeCloseTo(1_000_000, 3);
  });
});

describe('addRequest', () => {
  it('accumulates a session request by request', () => {
    const evidence = browserSession(CHROME_WINDOWS);
    expect(evidence).toMatchObject({
      v: 1,
      userAgent: CHROME_WINDOWS.ua,
      userAgentChanges: 0,
      headers: { noAcceptLanguage: 0, secure: 6, secureWithoutFetchMetadata: 0, bare: 0, withClientHints: 6 },
      requests: { count: 6 },
      pageviews: { count: 3, intervals: 2 },
      events: { pageview: 3, scroll: 3, vital: 3, engagement: 3, click: 0, pageviewWithoutContext: 0 },
      network: { requests: 6, datacenter: 0, asn: 3320 },
    });
  });

  it('counts unknown types as other, pageviews without context apart, and UA changes', () => {
    const facts = (ua: string, at: number) =>
      readRequestFacts({
        headers: { ...browserHeaders(CHROME_WINDOWS), 'user-agent': ua },
        secure: false,
        receivedAt: T0 + at,
      });
    let e = addRequest(null, {
      facts: facts('a', 0),
      events: [pageview(0), { type: 'pageview', ts: T0 + 1 }],
      network: null,
    });
    e = addRequest(e, {
      facts: facts('b', 1_000),
      events: [signal('brand-new-type', 1_000)],
      network: { datacenter: true },
    });
    expect(e).toMatchObject({
      userAgent: 'b',
      userAgentChanges: 1,
      events: { pageview: 2, pageviewWithoutContext: 1, other: 1 },
      network: { requests: 1, datacenter: 1 },
      headers: { secure: 0 },
    });
  });

  it('merges client summaries, latest wins', () => {
    const facts = readRequestFacts({ headers: browserHeaders(CHROME_WINDOWS), secure: true, receivedAt: T0 });
    let e = addRequest(null, {
      facts,
      events: [],
      network: null,
      client: { webdriver: false, noPlugins: true },
    });
    e = addRequest(e, { facts, events: [], network: null, client: { webdriver: true } });
    expect(e.client).toEqual({ webdriver: true, noPlugins: true });
  });

  it('does not change the evidence it was given', () => {
    const before = browserSession(CHROME_WINDOWS);
    const copy = structuredClone(before);
    const facts = readRequestFacts({ headers: {}, secure: true, receivedAt: T0 + 999_999 });
    addRequest(before, { facts, events: [pageview(999_999)], network: { datacenter: true } });
    expect(before).toEqual(copy);
  });

  it('stays small: a long session is a few hundred bytes of JSON', () => {
    const facts = readRequestFacts({ headers: browserHeaders(CHROME_WINDOWS), secure: true, receivedAt: T0 });
    let e = createEvidence();
    for (let i = 0; i < 5_000; i++) {
      e = addRequest(e, {
        facts: { ...facts, receivedAt: T0 + i * 7_000 },
        events: [pageview(i * 7_000)],
        network: { datacenter: false, asn: 3320, asnOrg: 'Deutsche Telekom AG' },
      });
    }
    expect(JSON.stringify(e).length).toBeLessThan(1_200);
  });
});
