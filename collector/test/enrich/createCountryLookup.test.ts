import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCountryLookup, type CountryLookup } from '../../src/enrich/createCountryLookup.js';

const dbDir = dirname(
  createRequire(import.meta.url).resolve('@ip-location-db/geo-whois-asn-country/package.json'),
);

/**
 * Every `step`-th row of the shipped IPv4 CSV, `[start, end, country]`, among those that
 * overlap no other row (nested rows are tested in ipRangeTable.test.ts).
 */
function sampleV4Rows(step: number): Array<[number, number, string]> {
  const rows = readFileSync(join(dbDir, 'geo-whois-asn-country-ipv4-num.csv'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(','))
    .map(([s, e, c]) => [Number(s), Number(e), c!] as [number, number, string]);
  return rows.filter(
    ([s, e], i) => i % step === 0 && (rows[i - 1]?.[1] ?? -1) < s && (rows[i + 1]?.[0] ?? Infinity) > e,
  );
}

function numberToIPv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

describe('createCountryLookup', () => {
  let lookup: CountryLookup;
  beforeAll(async () => {
    const t0 = performance.now();
    lookup = await createCountryLookup();
    console.log(`IP→country database loaded in ${Math.round(performance.now() - t0)} ms`);
  }, 30_000);

  it('answers the shipped IPv4 rows: first, last and middle address', () => {
    const rows = sampleV4Rows(499);
    expect(rows.length).toBeGreaterThan(500);
    for (const [s, e, country] of rows) {
      for (const ip of [s, e, Math.floor((s + e) / 2)].map(numberToIPv4)) {
        expect([ip, lookup(ip)]).toEqual([ip, country]);
      }
    }
  });

  it('answers the shipped IPv6 rows that cover whole /64s', () => {
    const lines = readFileSync(join(dbDir, 'geo-whois-asn-country-ipv6.csv'), 'utf8').split('\n');
    let checked = 0;
    for (const [start = '', end = '', country] of lines
      .filter((_, i) => i % 97 === 0)
      .map((l) => l.split(','))) {
      // Rows finer than a /64 are approximated by design; check the whole-/64 ones.
      if (!start.endsWith('::') || !/:ffff:ffff:ffff:ffff$/.test(end)) continue;
      expect([start, lookup(start)]).toEqual([start, country]);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it.each([
    ['8.8.8.8', 'US'],
    ['::ffff:8.8.8.8', 'US'],
    ['2001:4860:4860::8888', 'US'],
    ['2a01:4f8::1', 'DE'],
  ])('%s → %s', (address, country) => {
    expect(lookup(address)).toBe(country);
  });

  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.10',
    '100.64.0.1',
    '169.254.1.1',
    '0.0.0.0',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '2001:db8::1',
    'not-an-ip',
    '',
    '1.2.3',
    '::ffff:10.0.0.1',
    'x'.repeat(100_000),
  ])('gives null for %j (private, reserved or not an address)', (address) => {
    expect(lookup(address)).toBeNull();
  });

  it('answers upper-case two-letter codes only', () => {
    for (let i = 0; i < 2000; i++) {
      const n = (i * 2654435761) >>> 0;
      const country = lookup(numberToIPv4(n));
      if (country !== null) expect(country).toMatch(/^[A-Z]{2}$/);
    }
  });
});
