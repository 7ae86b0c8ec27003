import { describe, expect, it } from 'vitest';
import { parseUserAgent } from '../../../src/scoring/lib/parseUserAgent.js';
import { BROWSERS } from '../utils/browsers.js';

const expected: Record<string, [string, number, string, boolean]> = {
  'Chrome / Windows': ['chrome', 124, 'windows', false],
  'Chrome / macOS': ['chrome', 124, 'macos', false],
  'Chrome / Linux': ['chrome', 124, 'linux', false],
  'Chrome / ChromeOS': ['chrome', 124, 'chromeos', false],
  'Chrome / Android phone': ['chrome', 124, 'android', true],
  'Chrome / Android tablet': ['chrome', 124, 'android', false],
  'Chrome / Android "desktop site"': ['chrome', 124, 'linux', false],
  'Edge / Windows': ['edge', 124, 'windows', false],
  'Samsung Internet / Android': ['samsung', 24, 'android', true],
  'Firefox / Windows': ['firefox', 125, 'windows', false],
  'Firefox / Linux': ['firefox', 125, 'linux', false],
  'Firefox / Android': ['firefox', 125, 'android', true],
  'Safari / macOS': ['safari', 17, 'macos', false],
  'Safari / iPhone': ['safari', 17, 'ios', true],
  'Chrome / iPhone': ['chrome', 124, 'ios', true],
};

describe('parseUserAgent', () => {
  it.each(BROWSERS.map((b) => [b.label, b.ua] as const))('%s', (label, ua) => {
    const [browser, major, os, mobile] = expected[label]!;
    expect(parseUserAgent(ua)).toMatchObject({ browser, major, os, mobile });
  });

  it('gives NaN versions for a UA without browser tokens', () => {
    expect(parseUserAgent('curl/8.5.0')).toMatchObject({ browser: 'other', os: 'other' });
    expect(parseUserAgent('curl/8.5.0').major).toBeNaN();
  });
});
