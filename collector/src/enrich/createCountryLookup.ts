/**
 * Client address → country (ISO 3166-1 alpha-2, upper case), offline, from the
 * `@ip-location-db/geo-whois-asn-country` package: providers' GeoFeeds, then the five RIRs'
 * WHOIS, then their ASN country, merged in that order. Its README names the data licence as
 * CC BY 4.0 by the NRO (its package.json says CC0-1.0; we follow the stricter): free to
 * redistribute, with attribution to nro.net owed where results are shown. Chosen over
 * `geolite2-country` (MaxMind's EULA restricts redistribution) and `asn-country` (ASN-level
 * only, so coarser). Country-level accuracy only; private, loopback and reserved ranges are
 * not in it, so they give null.
 *
 * Loaded once at start into two typed arrays per family (`ipRangeTable.ts`); the lookup is a
 * binary search. The address goes no further than the call: it is never stored or logged.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildIpRangeTable, lookupIpRange } from './ipRangeTable.js';

export type CountryLookup = (address: string) => string | null;

export interface CountryLookupOptions {
  /** Folder holding `geo-whois-asn-country-ipv4-num.csv` and `-ipv6.csv`; default: the npm package's. */
  dir?: string;
}

const PACKAGE = '@ip-location-db/geo-whois-asn-country';
const FILE = 'geo-whois-asn-country';

function defaultDir(): string {
  return dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
}

export async function createCountryLookup(options: CountryLookupOptions = {}): Promise<CountryLookup> {
  const dir = options.dir ?? defaultDir();
  const [v4, v6] = await Promise.all([
    readFile(join(dir, `${FILE}-ipv4-num.csv`)),
    readFile(join(dir, `${FILE}-ipv6.csv`)),
  ]);
  // Country codes by index; 0 is "unknown". A code is two letters A–Z; anything else is skipped.
  const codes: string[] = [''];
  const indexes = new Uint8Array(26 * 26);
  const readCountry = (bytes: Buffer, from: number, to: number): number => {
    const a = (bytes[from]! | 32) - 97; // lower-cased letter index
    const b = (bytes[from + 1]! | 32) - 97;
    if (to - from !== 2 || a < 0 || a > 25 || b < 0 || b > 25) return 0;
    if (indexes[a * 26 + b] === 0) {
      if (codes.length > 255) throw new Error(`${PACKAGE}: more than 255 country codes`);
      indexes[a * 26 + b] = codes.push(String.fromCharCode(65 + a, 65 + b)) - 1;
    }
    return indexes[a * 26 + b]!;
  };
  const table = buildIpRangeTable(v4, v6, readCountry, Uint8Array);
  return (address) => codes[lookupIpRange(table, address)] || null;
}
