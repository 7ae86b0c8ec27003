import { describe, expect, it } from 'vitest';
import { combineFindings, IS_BOT_THRESHOLD, scoreSession } from '../../src/scoring/scoreSession.js';
import { RULES } from '../../src/scoring/rules.js';
import { DECISIVE, MEDIUM, STRONG, WEAK } from '../../src/scoring/strength.js';
import { scoreNoClientHints } from '../../src/scoring/ua/noClientHints.js';
import type { RequestHeaders } from '../../src/scoring/evidence/readRequestFacts.js';
import type { Family, RuleResult } from '../../src/scoring/types.js';
import { BROWSERS, CHROME_WINDOWS } from './utils/browsers.js';
import {
  T0,
  browserHeaders,
  browserSession,
  buildEvidence,
  humanRequests,
  pageview,
  signal,
  type ScriptedRequest,
} from './utils/buildEvidence.js';

const FIREFOX_LINUX = BROWSERS.find((b) => b.label === 'Firefox / Linux')!;
const DATACENTER = { datacenter: true, asn: 16509, asnOrg: 'Amazon.com, Inc.' };

/** A loop posting bare pageviews `gap` ms apart, the way a script hits the API. */
const scriptedPages = (n: number, gap: number): ScriptedRequest[] =>
  Array.from({ length: n }, (_, i) => ({ at: i * gap, events: [{ type: 'pageview', ts: T0 + i * gap }] }));

describe('scoreSession: people stay human', () => {
  it.each(BROWSERS.map((b) => [b.label, b] as const))('%s reader → human, no reasons', (_label, profile) => {
    expect(scoreSession(browserSession(profile))).toEqual({
      botScore: 0,
      isBot: false,
      reasons: [],
      evidence: 'sufficient',
    });
  });

  it.each([
    [
      'Linux + no plugins + odd screen + software WebGL (a VM)',
      { softwareWebgl: true, noPlugins: true, oddScreen: true },
      undefined,
    ],
    ['the same VM on a cloud desktop', { softwareWebgl: true, noPlugins: true, oddScreen: true }, DATACENTER],
    ['a UA-switcher extension (platform mismatch)', { platformMismatch: true, noPlugins: true }, undefined],
  ])('%s → human', (_label, client, network) => {
    const score = scoreSession(browserSession(FIREFOX_LINUX, { client, ...(network ? { network } : {}) }));
    expect(score.isBot).toBe(false);
    expect(score.botScore).toBeLessThan(IS_BOT_THRESHOLD);
    expect(score.reasons.length).toBeGreaterThan(0);
  });

  it('a person behind a privacy proxy that strips Accept-Language, on a VPN in a data centre → human', () => {
    const headers = { ...browserHeaders(CHROME_WINDOWS), 'accept-language': undefined };
    const score = scoreSession(buildEvidence({ headers, requests: humanRequests(4), network: DATACENTER }));
    expect(score).toMatchObject({ isBot: false, reasons: ['net:datacenter', 'rate:no-accept-language'] });
  });

  it('a site without capture modules (pageviews only) from a home network → human', () => {
    const requests = [0, 31_000, 95_000, 110_000, 400_000].map((at) => ({ at, events: [pageview(at)] }));
    expect(scoreSession(browserSession(CHROME_WINDOWS, { requests }))).toMatchObject({
      isBot: false,
      reasons: ['rate:no-client-signals'],
    });
  });
});

describe('scoreSession: bots are caught', () => {
  it.each([
    [
      'a declared crawler',
      'ua:crawler',
      {
        'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
        accept: '*/*',
      },
    ],
    [
      'headless Chrome',
      'ua:headless',
      {
        ...browserHeaders(CHROME_WINDOWS),
        'user-agent':
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36',
      },
    ],
    ['curl', 'ua:library', { 'user-agent': 'curl/8.5.0', accept: '*/*' }],
    ['no user agent at all', 'ua:empty', { accept: '*/*', 'accept-language': 'en' }],
  ] as Array<[string, string, RequestHeaders]>)(
    '%s, even on one request → bot (%s first)',
    (_label, first, headers) => {
      const score = scoreSession(buildEvidence({ headers, requests: [{ at: 0, events: [pageview(0)] }] }));
      expect(score).toMatchObject({ isBot: true, evidence: 'sufficient' });
      expect(score.reasons[0]).toBe(first);
    },
  );

  it('a POST-only script with a curl UA → bot, with every family of evidence it showed', () => {
    const evidence = buildEvidence({
      headers: { 'user-agent': 'curl/8.5.0', accept: '*/*' },
      requests: scriptedPages(30, 2_000),
      network: DATACENTER,
    });
    const score = scoreSession(evidence);
    expect(score.isBot).toBe(true);
    expect(score.botScore).toBeGreaterThan(0.99);
    expect(score.reasons[0]).toBe('ua:library');
    expect(score.reasons).toEqual(
      expect.arrayContaining([
        'rate:fast-pages',
        'rate:regular',
        'rate:no-client-signals',
        'rate:bare-pageviews',
        'rate:library-headers',
        'net:datacenter',
      ]),
    );
  });

  it('a script that borrows a Chrome UA but posts bare pageviews on a timer → bot on request pattern alone', () => {
    const evidence = buildEvidence({
      headers: { 'user-agent': CHROME_WINDOWS.ua, accept: '*/*', 'accept-encoding': 'gzip' },
      requests: scriptedPages(12, 10_000),
    });
    // Over HTTPS its missing Sec-CH-UA gives it away too; without that rule it is still a bot.
    expect(scoreSession(evidence).reasons).toContain('ua:no-client-hints');
    const score = scoreSession(
      evidence,
      RULES.filter((rule) => rule !== scoreNoClientHints),
    );
    expect(score.isBot).toBe(true);
    expect(score.reasons.every((r) => r.startsWith('rate:'))).toBe(true);
  });

  it.each([
    ['navigator.webdriver', { webdriver: true }, 'client:webdriver'],
    ['Playwright globals', { automationGlobals: ['__pwInitScripts'] }, 'client:automation'],
  ])('%s in an otherwise normal session → bot', (_label, client, reason) => {
    const score = scoreSession(browserSession(CHROME_WINDOWS, { client }));
    expect(score).toMatchObject({ isBot: true, reasons: [reason] });
  });

  it('automation with an overridden UA: hints mismatch + headless traits → bot', () => {
    const profile = { ...CHROME_WINDOWS, hints: { ...CHROME_WINDOWS.hints!, platform: '"Linux"' } };
    const score = scoreSession(browserSession(profile, { client: { headless: true, softwareWebgl: true } }));
    expect(score.isBot).toBe(true);
    expect(score.reasons).toEqual(['client:headless', 'ua:client-hints-mismatch', 'client:software-webgl']);
  });
});

describe('scoreSession: evidence', () => {
  it('one pageview with a normal UA is insufficient, not a guess', () => {
    const score = scoreSession(
      browserSession(CHROME_WINDOWS, { requests: [{ at: 0, events: [pageview(0)] }] }),
    );
    expect(score).toEqual({ botScore: 0, isBot: false, reasons: [], evidence: 'insufficient' });
  });

  it.each([
    [
      'a pageview then a vital',
      [
        { at: 0, events: [pageview(0)] },
        { at: 4_000, events: [signal('vital', 3_000)] },
      ],
    ],
    ['three requests', [0, 20_000, 50_000].map((at) => ({ at, events: [pageview(at)] }))],
  ])('%s is sufficient', (_label, requests) => {
    expect(scoreSession(browserSession(CHROME_WINDOWS, { requests })).evidence).toBe('sufficient');
  });

  it('a page-side summary is sufficient on its own', () => {
    const evidence = browserSession(CHROME_WINDOWS, {
      requests: [{ at: 0, events: [pageview(0)] }],
      client: { webdriver: false },
    });
    expect(scoreSession(evidence).evidence).toBe('sufficient');
  });

  it('updates as the session goes on: insufficient → sufficient → bot', () => {
    // A loop that loads a page every 10 s in a real browser: nothing odd until the rhythm shows.
    const pages = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ at: i * 10_000, events: [pageview(i * 10_000)] }));
    const verdicts = [1, 3, 12].map((n) =>
      scoreSession(browserSession(CHROME_WINDOWS, { requests: pages(n) })),
    );
    expect(verdicts.map((s) => [s.evidence, s.isBot, s.reasons])).toEqual([
      ['insufficient', false, []],
      ['sufficient', false, ['rate:no-client-signals']],
      ['sufficient', true, ['rate:regular', 'rate:no-client-signals']],
    ]);
  });
});

describe('combineFindings', () => {
  const f = (family: Family, strength: number, name = 'x'): RuleResult => ({ family, name, strength });
  it.each([
    ['one decisive finding', true, [f('ua', DECISIVE)]],
    ['one strong finding', false, [f('rate', STRONG)]],
    ['strong + medium', true, [f('rate', STRONG), f('ua', MEDIUM)]],
    ['two medium', false, [f('rate', MEDIUM), f('ua', MEDIUM)]],
    ['three medium', true, [f('rate', MEDIUM), f('ua', MEDIUM), f('behavior', MEDIUM)]],
    ['ten weak ones', false, Array.from({ length: 10 }, () => f('client', WEAK))],
    ['net, however much of it', false, [f('net', DECISIVE), f('net', STRONG)]],
    ['strong net + medium', false, [f('net', STRONG), f('rate', MEDIUM)]],
  ] as Array<[string, boolean, RuleResult[]]>)('%s → bot: %s', (_label, bot, findings) => {
    expect(combineFindings(findings) >= IS_BOT_THRESHOLD).toBe(bot);
  });

  it('caps each family', () => {
    expect(combineFindings([f('net', 0.9), f('net', 0.9)])).toBeCloseTo(0.4, 6);
    expect(combineFindings([])).toBe(0);
  });

  it('lists reasons strongest first, once each', () => {
    const rules = [
      () => [f('net', MEDIUM, 'datacenter')],
      () => [f('ua', DECISIVE, 'crawler'), f('rate', STRONG, 'regular')],
      () => [f('rate', WEAK, 'regular')],
    ];
    expect(scoreSession(browserSession(CHROME_WINDOWS), rules).reasons).toEqual([
      'ua:crawler',
      'rate:regular',
      'net:datacenter',
    ]);
  });
});
