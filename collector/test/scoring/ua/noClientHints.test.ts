import { describe, expect, it } from 'vitest';
import { scoreNoClientHints } from '../../../src/scoring/ua/noClientHints.js';
import { BROWSERS, CHROME_WINDOWS } from '../utils/browsers.js';
import { browserHeaders, browserSession, humanRequests } from '../utils/buildEvidence.js';

const names = (e: Parameters<typeof scoreNoClientHints>[0]) => scoreNoClientHints(e).map((r) => r.name);
/** The browser's own headers with Sec-CH-UA* left out: a script that copied the UA string. */
const withoutHints = (ua: string) => ({ ...browserHeaders({ ...CHROME_WINDOWS, ua, hints: undefined }) });

describe('scoreNoClientHints', () => {
  it.each(BROWSERS.map((b) => [b.ua, b] as const))('%s as the browser sends it → nothing', (_ua, profile) => {
    expect(names(browserSession(profile))).toEqual([]);
  });

  it('a current Chrome or Edge UA over HTTPS without Sec-CH-UA → no-client-hints', () => {
    for (const profile of BROWSERS.filter((b) => / Chrome\/124/.test(b.ua) && !/Samsung/.test(b.ua)))
      expect(names(browserSession(profile, { headers: withoutHints(profile.ua) }))).toEqual([
        'no-client-hints',
      ]);
  });

  it.each([
    ['plain HTTP (hints go to secure origins only)', { secure: false }],
    ['a single HTTPS request', { requests: humanRequests(1).slice(0, 1) }],
  ])('%s → nothing', (_label, overrides) => {
    expect(
      names(browserSession(CHROME_WINDOWS, { headers: withoutHints(CHROME_WINDOWS.ua), ...overrides })),
    ).toEqual([]);
  });

  it.each([
    ['Chrome 88, before the hints', CHROME_WINDOWS.ua.replace('Chrome/124', 'Chrome/88')],
    ['Chrome on iOS (WebKit)', BROWSERS.find((b) => b.ua.includes('CriOS'))!.ua],
    ['Firefox', BROWSERS.find((b) => b.ua.includes('Firefox'))!.ua],
  ])('%s without hints → nothing', (_label, ua) => {
    expect(names(browserSession(CHROME_WINDOWS, { headers: withoutHints(ua) }))).toEqual([]);
  });
});
