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
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadIpRangeTable, lookupIpRange, type IpRangeTable } from './ipRangeTable.js';

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

/** The loaded table as plain data (it crosses from a worker thread: `loadLookups.ts`). */
export interface CountryTable {
  table: IpRangeTable;
  /** Country codes by value; 0 is "unknown". */
  codes: string[];
}

/** Reads the table (≈20 MB of CSV, a chunk at a time). */
export async function readCountryTable(options: CountryLookupOptions = {}): Promise<CountryTable> {
  const dir = options.dir ?? defaultDir();
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
  const table = await loadIpRangeTable(
    join(dir, `${FILE}-ipv4-num.csv`),
    join(dir, `${FILE}-ipv6.csv`),
    readCountry,
    Uint8Array,
  );
  return { table, codes };
}

/** A synchronous lookup over a loaded table. */
export function countryLookupOf({ table, codes }: CountryTable): CountryLookup {
  return (address) => codes[lookupIpRange(table, address)] || null;
}

/** Loads the table on this thread and returns a synchronous lookup. */
export async function createCountryLookup(options: CountryLookupOptions = {}): Promise<CountryLookup> {
  return countryLookupOf(await readCountryTable(options));
}
