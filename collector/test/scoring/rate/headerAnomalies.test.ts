import { describe, expect, it } from 'vitest';
import type { RequestHeaders } from '../../../src/scoring/evidence/readRequestFacts.js';
import { scoreHeaderAnomalies } from '../../../src/scoring/rate/headerAnomalies.js';
import { BROWSERS, CHROME_WINDOWS, type BrowserProfile } from '../utils/browsers.js';
import { browserHeaders, buildEvidence, humanRequests } from '../utils/buildEvidence.js';

const SAFARI_16 =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.1 Safari/605.1.15';
const CHROME_70 =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36';

function without(headers: RequestHeaders, ...names: string[]): RequestHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !names.includes(k)));
}
const chrome = browserHeaders(CHROME_WINDOWS);
const noFetchMetadata = (h: RequestHeaders) =>
  without(h, 'sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest');
const run = (headers: RequestHeaders, secure = true) =>
  scoreHeaderAnomalies(buildEvidence({ headers, secure, requests: humanRequests(3) })).map(
    (r) => `${r.name}@${r.strength}`,
  );

describe('scoreHeaderAnomalies', () => {
  it.each([
    ['no Accept-Language', without(chrome, 'accept-language'), ['no-accept-language@0.2']],
    ['Accept-Language: * (Node fetch)', { ...chrome, 'accept-language': '*' }, ['library-headers@0.6']],
    [
      'curl-like header set with a Chrome UA',
      { 'user-agent': CHROME_WINDOWS.ua, accept: '*/*' },
      ['library-headers@0.35', 'no-fetch-metadata@0.35'],
    ],
    ['Chrome 124 without Sec-Fetch-* over HTTPS', noFetchMetadata(chrome), ['no-fetch-metadata@0.35']],
  ])('%s → %j', (_label, headers, expected) => {
    expect(run(headers)).toEqual(expected);
  });

  it.each([
    ['Chrome without Sec-Fetch-* over plain HTTP', noFetchMetadata(chrome), false],
    ['Chrome 70 (before Sec-Fetch-*)', noFetchMetadata({ ...chrome, 'user-agent': CHROME_70 }), true],
    ['Safari 16.1 (before Sec-Fetch-*)', noFetchMetadata({ ...chrome, 'user-agent': SAFARI_16 }), true],
  ])('%s → nothing', (_label, headers, secure) => {
    expect(run(headers, secure)).toEqual([]);
  });

  it.each(BROWSERS.map((b) => [b.label, b] as const))('%s → nothing', (_label, profile: BrowserProfile) => {
    expect(run(browserHeaders(profile))).toEqual([]);
  });

  it('needs most requests to show the trait', () => {
    const evidence = buildEvidence({ headers: chrome, requests: humanRequests(3) });
    const oneOdd = { ...evidence, headers: { ...evidence.headers, noAcceptLanguage: 1 } };
    expect(scoreHeaderAnomalies(oneOdd)).toEqual([]);
  });
});
