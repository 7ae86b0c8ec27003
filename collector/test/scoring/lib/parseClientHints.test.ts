import { describe, expect, it } from 'vitest';
import { parseClientHints } from '../../../src/scoring/lib/parseClientHints.js';

describe('parseClientHints', () => {
  it.each([
    [
      ['"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"', '"Windows"', '?0'],
      {
        brands: [
          { brand: 'Chromium', major: '124' },
          { brand: 'Google Chrome', major: '124' },
        ],
        platform: 'Windows',
        mobile: false,
      },
    ],
    [
      ['" Not A;Brand";v="99", "Chromium";v="96"', '"Android"', '?1'],
      { brands: [{ brand: 'Chromium', major: '96' }], platform: 'Android', mobile: true },
    ],
    [[undefined, '"Linux"', undefined], { brands: [], platform: 'Linux', mobile: null }],
    [['garbage', undefined, 'maybe'], { brands: [], platform: null, mobile: null }],
  ] as const)('%j', ([ua, platform, mobile], expected) => {
    expect(parseClientHints(ua, platform, mobile)).toEqual(expected);
  });

  it('is null when no hint was sent', () => {
    expect(parseClientHints(undefined, undefined, undefined)).toBeNull();
  });
});
