import { describe, expect, it } from 'vitest';
import { scoreMalformedUserAgent } from '../../../src/scoring/ua/malformed.js';
import { BROWSERS } from '../utils/browsers.js';
import { browserSession, buildEvidence, humanRequests } from '../utils/buildEvidence.js';

const withUa = (ua: string) => buildEvidence({ headers: { 'user-agent': ua }, requests: humanRequests(1) });
const names = (ua: string) => scoreMalformedUserAgent(withUa(ua)).map((r) => r.name);

describe('scoreMalformedUserAgent', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['Chrome/124.0.0.0 (Windows NT 10.0)', 'malformed'],
    ['AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', 'malformed'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0.0.0 Safari/537.36', 'malformed'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/0.0.0.0 Safari/537.36',
      'malformed',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/5000.0.0.0 Safari/537.36',
      'malformed',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/abc Safari/537.36',
      'malformed',
    ],
    [
      'Mozilla/5.0 (Windows NT 12.7; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
      'malformed',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/0', 'malformed'],
    ['Mozilla/5.0 (Windows NT 10.0)\u0000 AppleWebKit/537.36 Chrome/124.0.0.0 Safari/537.36', 'malformed'],
    ['MyApp 2.0 (Windows 10; x64)', 'malformed'],
    ['MyApp 2.0 (Windows 10; x64) build 1234 for desktop users', 'unknown'],
  ])('%j → ua:%s', (ua, name) => {
    expect(names(ua)).toEqual([name]);
  });

  it('scores an empty UA above the bot threshold on its own, a malformed one below', () => {
    expect(scoreMalformedUserAgent(withUa(''))[0]!.strength).toBeGreaterThanOrEqual(0.7);
    expect(scoreMalformedUserAgent(withUa('Chrome/124.0.0.0 (Windows NT 10.0)'))[0]!.strength).toBeLessThan(
      0.7,
    );
  });

  it.each(BROWSERS.map((b) => [b.label, b] as const))('%s → nothing', (_label, profile) => {
    expect(scoreMalformedUserAgent(browserSession(profile))).toEqual([]);
  });

  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'curl/8.5.0',
    'Opera/9.80 (Windows NT 6.1; U; en) Presto/2.12.388 Version/12.18',
    'Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko',
    'Chrome/124.0.0.0', // isbot calls single-token UAs bots: declaredBot's
  ])('leaves %j alone (declared bot or old browser)', (ua) => {
    expect(names(ua)).toEqual([]);
  });
});
