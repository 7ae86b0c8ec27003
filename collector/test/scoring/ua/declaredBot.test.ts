import { describe, expect, it } from 'vitest';
import { scoreDeclaredBot } from '../../../src/scoring/ua/declaredBot.js';
import { BROWSERS } from '../utils/browsers.js';
import { browserSession, buildEvidence, humanRequests } from '../utils/buildEvidence.js';

const withUa = (ua: string) => buildEvidence({ headers: { 'user-agent': ua }, requests: humanRequests(1) });

describe('scoreDeclaredBot', () => {
  it.each([
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'crawler'],
    ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 'crawler'],
    [
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
      'crawler',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36',
      'headless',
    ],
    [
      'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1',
      'headless',
    ],
    ['curl/8.5.0', 'library'],
    ['python-requests/2.31.0', 'library'],
    ['Go-http-client/1.1', 'library'],
    ['node', 'library'],
    ['axios/1.6.8', 'library'],
    ['Wget/1.21.4', 'library'],
  ])('%s → ua:%s (decisive)', (ua, name) => {
    const [result, ...rest] = scoreDeclaredBot(withUa(ua));
    expect(rest).toEqual([]);
    expect(result).toMatchObject({ family: 'ua', name });
    expect(result!.strength).toBeGreaterThan(0.9);
  });

  it.each(BROWSERS.map((b) => [b.label, b] as const))('%s → nothing', (_label, profile) => {
    expect(scoreDeclaredBot(browserSession(profile))).toEqual([]);
  });

  it('finds headless Chrome by its client-hints brand when the UA was overridden', () => {
    const profile = {
      ...BROWSERS[0]!,
      hints: { ...BROWSERS[0]!.hints!, ua: '"HeadlessChrome";v="124", "Chromium";v="124"' },
    };
    expect(scoreDeclaredBot(browserSession(profile))).toEqual([
      { family: 'ua', name: 'headless', strength: 0.97 },
    ]);
  });

  it('says nothing about an empty UA (malformed.ts does)', () => {
    expect(scoreDeclaredBot(withUa(''))).toEqual([]);
  });
});
