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

  it('never throws and stays quick on hostile strings', () => {
    const hostile = [
      `Mozilla/5.0 (iPhone ${'Version/1 '.repeat(5000)}`,
      `${'Safari/'.repeat(3000)}Version/`,
      'Mozilla/5.0 (Windows NT 10.0) '.repeat(300),
    ];
    const t0 = performance.now();
    for (const ua of hostile) expect(() => parseUserAgent(ua)).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('agrees with the device class of all 10 000 real-traffic UAs of `user-agents`', () => {
    const file = join(dirname(require.resolve('user-agents')), 'user-agents.json');
    const rows = JSON.parse(readFileSync(file, 'utf8')) as Array<{
      userAgent: string;
      deviceCategory: string;
    }>;
    const wrong = rows.filter((r) => parseUserAgent(r.userAgent).device !== r.deviceCategory);
    expect(rows.length).toBe(10_000);
    expect(wrong.map((r) => r.userAgent)).toEqual([]);
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
