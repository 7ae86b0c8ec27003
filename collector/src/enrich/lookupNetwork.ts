/**
 * Client address → network origin, offline, from the IP→ASN database of the
 * `@ip-location-db/asn` package (RouteViews, the five RIRs and DB-IP's IP-to-ASN Lite, CC BY
 * 4.0: attribution to routeviews.org, nro.net and db-ip.com is owed where results are shown).
 * Ingest creates one lookup at start and calls it once per request; the address goes no
 * further than this call — only the verdict is kept. The ranges are held as sorted typed
 * arrays (`enrich/ipRangeTable.ts`, binary search; IPv6 by its top 64 bits): 5.6 MB of
 * arrays plus one frozen verdict per ASN (≈13 MB of heap), where JS arrays of numbers and
 * BigInts took ≈49 MB; special-purpose addresses (private, loopback…) give no origin.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadIpRangeTable, lookupIpRange, type IpRangeTable } from './ipRangeTable.js';
import { isHostingNetwork } from './hostingNetworks.js';

export interface NetworkVerdict {
  datacenter: boolean;
  asn?: number;
  asnOrg?: string;
}

export type LookupNetwork = (ip: string) => NetworkVerdict;

export interface NetworkLookupOptions {
  /** Folder holding `asn-ipv4-num.csv` and `asn-ipv6.csv`; default: the npm package's. */
  dir?: string;
}

const UNKNOWN: NetworkVerdict = Object.freeze({ datacenter: false });

function defaultDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@ip-location-db/asn/package.json'));
}

function unquote(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

/** The loaded database as plain data (it crosses from a worker thread: `loadLookups.ts`). */
export interface NetworkTable {
  table: IpRangeTable;
  verdicts: Map<number, NetworkVerdict>;
}

/** Reads the database (≈30 MB of CSV, scanned as bytes a chunk at a time). */
export async function readNetworkTable(options: NetworkLookupOptions = {}): Promise<NetworkTable> {
  const dir = options.dir ?? defaultDir();
  // Each row's value is its ASN (`asn,org`); the organisation is read once per ASN.
  const verdicts = new Map<number, NetworkVerdict>();
  const readAsn = (bytes: Buffer, from: number, to: number): number => {
    let asn = 0;
    let comma = from;
    while (comma < to) {
      const d = bytes[comma]! - 48;
      if (d < 0 || d > 9) break;
      asn = asn * 10 + d;
      comma++;
    }
    if (asn > 0 && verdicts.get(asn) === undefined) {
      const org = comma < to ? unquote(bytes.toString('utf8', comma + 1, to).trim()) : '';
      const datacenter = isHostingNetwork(asn, org);
      verdicts.set(asn, Object.freeze(org ? { datacenter, asn, asnOrg: org } : { datacenter, asn }));
    }
    return asn;
  };
  const table = await loadIpRangeTable(
    join(dir, 'asn-ipv4-num.csv'),
    join(dir, 'asn-ipv6.csv'),
    readAsn,
    Uint32Array,
  );
  return { table, verdicts };
}

/** A synchronous lookup over a loaded database. */
export function networkLookupOf({ table, verdicts }: NetworkTable): LookupNetwork {
  return (ip: string): NetworkVerdict => verdicts.get(lookupIpRange(table, ip)) ?? UNKNOWN;
}

/** Loads the database on this thread and returns a synchronous lookup. */
export async function createNetworkLookup(options: NetworkLookupOptions = {}): Promise<LookupNetwork> {
  return networkLookupOf(await readNetworkTable(options));
}
