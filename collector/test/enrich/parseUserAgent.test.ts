import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUserAgent } from '../../src/enrich/parseUserAgent.js';
import { USER_AGENT_CASES } from './userAgentCases.js';

const require = createRequire(import.meta.url);

describe('parseUserAgent', () => {
  it.each(USER_AGENT_CASES)('%s', (_label, ua, browser, os, device) => {
    expect(parseUserAgent(ua)).toEqual({ browser, os, device });
  });

  it.each([null, undefined, '', '   ', '\u0000', 'x'.repeat(100_000), '()()(;;;))))', 'Mozilla/5.0'])(
    'knows nothing of %j, without throwing',
    (ua) => {
      expect(parseUserAgent(ua)).toEqual({ browser: null, os: null, device: null });
    },
  );

  // The cost bound is behaviour, not a timing (timings are in `pnpm bench:ua`): only a fixed
  // prefix of a UA is read — 1024 characters by the system and device rules, 500 by
  // ua-parser-js for the browser — so a hostile string costs no more than a long real one.
  it('reads only a fixed prefix of a long UA', () => {
    const at = (offset: number, token: string) => `Mozilla/5.0 ${' '.repeat(offset - 12)}${token}`;
    expect(at(1000, 'Windows NT 10.0').indexOf('Windows')).toBe(1000);
    expect(parseUserAgent(at(1000, 'Windows NT 10.0'))).toEqual({
      browser: null,
      os: 'Windows',
      device: 'desktop',
    });
    expect(parseUserAgent(at(1020, 'Windows NT 10.0'))).toEqual({ browser: null, os: null, device: null });
    expect(parseUserAgent(at(480, 'Firefox/120.0')).browser).toBe('Firefox');
    expect(parseUserAgent(at(520, 'Firefox/120.0')).browser).toBeNull();
    expect(parseUserAgent(`${'x'.repeat(1024)}iPhone Mobile Safari/604.1`)).toEqual({
      browser: null,
      os: null,
      device: null,
    });
  });

  it('names what it can of hostile strings, without throwing', () => {
    expect(parseUserAgent(`Mozilla/5.0 (iPhone ${'Version/1 '.repeat(5000)}`)).toEqual({
      browser: null,
      os: 'iOS',
      device: 'mobile',
    });
    expect(parseUserAgent(`${'Safari/'.repeat(3000)}Version/`)).toEqual({
      browser: null,
      os: null,
      device: null,
    });
    expect(parseUserAgent('Mozilla/5.0 (Windows NT 10.0) '.repeat(300))).toEqual({
      browser: null,
      os: 'Windows',
      device: 'desktop',
    });
  });

  // `user-agents` has 10,000 rows but repeats UAs (952 distinct at 2.1.198): each distinct UA
  // is checked once, against the device class its rows give it.
  it('agrees with the device class of each distinct UA of `user-agents`', () => {
    const file = join(dirname(require.resolve('user-agents')), 'user-agents.json');
    const rows = JSON.parse(readFileSync(file, 'utf8')) as Array<{
      userAgent: string;
      deviceCategory: string;
    }>;
    const classOf = new Map(rows.map((r) => [r.userAgent, r.deviceCategory]));
    expect(rows.filter((r) => classOf.get(r.userAgent) !== r.deviceCategory)).toEqual([]);
    expect(classOf.size).toBeGreaterThan(500);
    const wrong = [...classOf].filter(([ua, device]) => parseUserAgent(ua).device !== device);
    expect(wrong).toEqual([]);
  });

  // Names reports showed before ua-parser-js named the browser keep their meaning: its own
  // spelling of those families must never reach a report.
  it('never gives ua-parser-js spellings of the families reports already name', () => {
    // ua-parser-js 1.x spelling → ours: Mobile Safari → Safari, Chrome WebView → Android WebView,
    // Mobile Chrome, Chrome Headless, Chromium → Chrome, Yandex → Yandex Browser, IE → Internet
    // Explorer, GSA → Google app, WebKit (on iOS) → iOS WebView, Opera Mini/Touch → Opera.
    const theirs = [
      'Mobile Safari',
      'Chrome WebView',
      'Mobile Chrome',
      'Chrome Headless',
      'Chromium',
      'Yandex',
    ];
    theirs.push('IE', 'GSA', 'WebKit', 'Opera Mini', 'Opera Touch');
    const file = join(dirname(require.resolve('user-agents')), 'user-agents.json');
    const real = (JSON.parse(readFileSync(file, 'utf8')) as Array<{ userAgent: string }>).map(
      (r) => r.userAgent,
    );
    const top = JSON.parse(
      readFileSync(join(dirname(require.resolve('top-user-agents')), 'index.json'), 'utf8'),
    ) as string[];
    const uas = [...new Set([...real, ...top, ...USER_AGENT_CASES.map((c) => c[1])])];
    const browsers = new Set(uas.map((ua) => parseUserAgent(ua).browser));
    expect(theirs.filter((name) => browsers.has(name))).toEqual([]);
    for (const name of [
      'Safari',
      'Android WebView',
      'Chrome',
      'Yandex Browser',
      'Google app',
      'iOS WebView',
      'Opera',
    ]) {
      expect(browsers).toContain(name);
    }
  });

  it('names browser, system and device for the top 100 UAs of `top-user-agents`, but truncated ones', () => {
    const file = join(dirname(require.resolve('top-user-agents')), 'index.json');
    const uas = JSON.parse(readFileSync(file, 'utf8')) as string[];
    const unknown = uas.filter((ua) => Object.values(parseUserAgent(ua)).includes(null));
    // Two of them end right after the engine token, naming no browser.
    expect(unknown.filter((ua) => !/(?:AppleWebKit\/[\d.]+|\(KHTML, like Gecko\))$/.test(ua))).toEqual([]);
    expect(unknown.length).toBeLessThanOrEqual(2);
  });
});
