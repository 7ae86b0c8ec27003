import { describe, expect, it } from 'vitest';
import { countryFromTimeZone } from '../../src/enrich/countryFromTimeZone.js';

describe('countryFromTimeZone', () => {
  it.each([
    ['Europe/Berlin', 'DE'],
    ['Europe/Zurich', 'CH'],
    ['Europe/Busingen', 'DE'],
    ['America/New_York', 'US'],
    ['America/Indiana/Indianapolis', 'US'],
    ['America/Argentina/Buenos_Aires', 'AR'],
    ['America/Sao_Paulo', 'BR'],
    ['Asia/Kolkata', 'IN'],
    ['Asia/Calcutta', 'IN'], // old name, still reported by Chrome
    ['Europe/Kyiv', 'UA'],
    ['Europe/Kiev', 'UA'],
    ['Asia/Saigon', 'VN'],
    ['US/Eastern', 'US'],
    ['Australia/Lord_Howe', 'AU'],
    ['Pacific/Auckland', 'NZ'],
    ['Antarctica/Troll', 'AQ'],
    ['Japan', 'JP'],
    ['europe/paris', 'FR'],
    ['  Europe/London  ', 'GB'],
  ])('%j → %s', (zone, country) => {
    expect(countryFromTimeZone(zone)).toBe(country);
  });

  it.each([
    'Etc/UTC',
    'UTC',
    'GMT',
    'Etc/GMT+5',
    'Etc/GMT-14',
    'EST',
    'CET',
    'PST8PDT',
    'Mars/Olympus',
    'Europe',
    '',
    '+02:00',
    null,
    undefined,
    'x'.repeat(10_000),
  ])('gives null for %j', (zone) => {
    expect(countryFromTimeZone(zone)).toBeNull();
  });

  it('knows a country for every zone Node knows', () => {
    const zones = Intl.supportedValuesOf('timeZone').filter((z) => !/^(?:Etc\/|UTC$|GMT)/.test(z));
    expect(zones.length).toBeGreaterThan(300);
    expect(zones.filter((z) => countryFromTimeZone(z) === null)).toEqual([]);
  });
});
