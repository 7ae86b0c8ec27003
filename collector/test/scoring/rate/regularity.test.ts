import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, scoreRegularity } from '../../../src/scoring/rate/regularity.js';
import { CHROME_WINDOWS } from '../utils/browsers.js';
import { browserSession, humanRequests, pageview } from '../utils/buildEvidence.js';

/** Pageviews at the given gaps (ms), one request each. */
const pagesAt = (gaps: number[]) => {
  let t = 0;
  return [0, ...gaps].map((gap) => {
    t += gap;
    return { at: t, events: [pageview(t)] };
  });
};
const regular = (n: number, gap: number, jitter = 0) =>
  pagesAt(Array.from({ length: n }, (_, i) => gap + (i % 2 === 0 ? jitter : -jitter)));

describe('scoreRegularity', () => {
  it.each([
    ['10 pages exactly 5 s apart', regular(10, 5_000)],
    ['10 pages 5 s ± 200 ms apart', regular(10, 5_000, 200)],
    ['30 pages 60 s ± 3 s apart', regular(30, 60_000, 3_000)],
  ])('%s → rate:regular', (_label, requests) => {
    expect(scoreRegularity(browserSession(CHROME_WINDOWS, { requests }))).toEqual([
      { family: 'rate', name: 'regular', strength: 0.6 },
    ]);
  });

  it.each([
    ['7 regular intervals (too few to tell)', regular(7, 5_000)],
    ['pages 0.5 s apart (requestRate judges those)', regular(20, 500)],
    ['10 pages 5 s ± 1 s apart', regular(10, 5_000, 1_000)],
    ['a human reader', humanRequests(10)],
  ])('%s → nothing', (_label, requests) => {
    expect(scoreRegularity(browserSession(CHROME_WINDOWS, { requests }))).toEqual([]);
  });
});

describe('coefficientOfVariation', () => {
  it.each([
    [0, 0, 0, Number.POSITIVE_INFINITY],
    [1, 100, 0, Number.POSITIVE_INFINITY],
    [3, 100, 0, 0],
    [3, 100, 200, 0.1],
  ])('n=%i mean=%f m2=%f → %f', (n, mean, m2, cv) => {
    expect(coefficientOfVariation(n, mean, m2)).toBeCloseTo(cv, 6);
  });
});
