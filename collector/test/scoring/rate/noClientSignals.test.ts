import { describe, expect, it } from 'vitest';
import { scoreNoClientSignals } from '../../../src/scoring/rate/noClientSignals.js';
import { CHROME_WINDOWS } from '../utils/browsers.js';
import {
  T0,
  browserSession,
  humanRequests,
  pageview,
  signal,
  type ScriptedRequest,
} from '../utils/buildEvidence.js';

const pages = (n: number, bare = false): ScriptedRequest[] =>
  Array.from({ length: n }, (_, i) => ({
    at: i * 17_000 + (i % 3) * 4_000,
    events: [bare ? { type: 'pageview', ts: T0 + i * 17_000 } : pageview(i * 17_000)],
  }));
const names = (requests: ScriptedRequest[], client?: object) =>
  scoreNoClientSignals(browserSession(CHROME_WINDOWS, { requests, ...(client ? { client } : {}) })).map(
    (r) => `${r.name}@${r.strength}`,
  );

describe('scoreNoClientSignals', () => {
  it.each([
    ['3 SDK pageviews, nothing else', pages(3), ['no-client-signals@0.35']],
    [
      '3 pageviews without screen/viewport',
      pages(3, true),
      ['no-client-signals@0.35', 'bare-pageviews@0.35'],
    ],
    ['1 pageview without screen/viewport (pixel?)', pages(1, true), ['bare-pageviews@0.1']],
  ])('%s → %j', (_label, requests, expected) => {
    expect(names(requests)).toEqual(expected);
  });

  it.each([
    ['2 pageviews (tab closed before a flush)', pages(2)],
    ['a human reader', humanRequests(5)],
    ['pageviews and one click', [...pages(5), { at: 99_000, events: [signal('click', 98_000)] }]],
  ])('%s → nothing', (_label, requests) => {
    expect(names(requests)).toEqual([]);
  });

  it('counts a humanness summary from the page as a client signal', () => {
    expect(names(pages(5), { webdriver: false })).toEqual([]);
  });
});
