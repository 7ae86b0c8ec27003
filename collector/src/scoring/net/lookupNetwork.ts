/**
 * Client address → network origin, offline, from the IP→ASN database of the
 * `@ip-location-db/asn` package (RouteViews, the five RIRs and DB-IP's IP-to-ASN Lite, CC BY
 * 4.0: attribution to routeviews.org, nro.net and db-ip.com is owed where results are shown).
 * Ingest creates one lookup at start and calls it once per request; the address goes no
 * further than this call — only the verdict is kept.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isIPv4, isIPv6 } from 'node:net';
import { dirname, join } from 'node:path';
import { isHostingNetwork } from './hostingNetworks.js';

export interface NetworkVerdict {
  datacenter: boolean;
  asn?: number;
  asnOrg?: string;
}

export type LookupNetwork = (ip: string) => NetworkVerdict;

export interface NetworkLookupOptions {
  /** Folder holding `asn-ipv4-num.csv` and `asn-ipv6-num.csv`; default: the npm package's. */
  dir?: string;
}

interface Table<T> {
  starts: T[] | Uint32Array;
  ends: T[] | Uint32Array;
  asns: Uint32Array;
}

const UNKNOWN: NetworkVerdict = Object.freeze({ datacenter: false });
const ROW = /^(\d+),(\d+),(\d+),(.*)$/;

function defaultDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@ip-location-db/asn/package.json'));
}

function unquote(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

/** Parses `start,end,asn,org` rows (ranges sorted, inclusive) into columns. */
function parse<T>(text: string, toKey: (s: string) => T, orgs: Map<number, string>) {
  const starts: T[] = [];
  const ends: T[] = [];
  const asns: number[] = [];
  for (const line of text.split('\n')) {
    const m = ROW.exec(line);
    if (!m) continue;
    const asn = Number(m[3]);
    starts.push(toKey(m[1]!));
    ends.push(toKey(m[2]!));
    asns.push(asn);
    if (!orgs.has(asn)) orgs.set(asn, unquote(m[4]!.trim()));
  }
  return { starts, ends, asns: Uint32Array.from(asns) };
}

/** Index of the last range starting at or before `key`, or -1. */
function floor<T>(starts: ArrayLike<T>, key: T): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= key) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function ipv6ToBigInt(ip: string): bigint {
  const [head = '', tail] = ip.split('::') as [string, string | undefined];
  const parts = (s: string) => (s ? s.split(':') : []);
  const left = parts(head);
  const right = tail === undefined ? [] : parts(tail);
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((n, g) => (n << 16n) + BigInt(Number.parseInt(g, 16)), 0n);
}

/** Loads the database (≈1 s, ≈30 MB of CSV) and returns a synchronous lookup. */
export async function createNetworkLookup(options: NetworkLookupOptions = {}): Promise<LookupNetwork> {
  const dir = options.dir ?? defaultDir();
  const [v4text, v6text] = await Promise.all([
    readFile(join(dir, 'asn-ipv4-num.csv'), 'utf8'),
    readFile(join(dir, 'asn-ipv6-num.csv'), 'utf8'),
  ]);
  const orgs = new Map<number, string>();
  const v4raw = parse(v4text, Number, orgs);
  const v4: Table<number> = {
    starts: Uint32Array.from(v4raw.starts),
    ends: Uint32Array.from(v4raw.ends),
    asns: v4raw.asns,
  };
  const v6: Table<bigint> = parse(v6text, BigInt, orgs);
  const hosting = new Map<number, boolean>();
  for (const [asn, org] of orgs) hosting.set(asn, isHostingNetwork(asn, org));

  function find<T>(table: Table<T>, key: T): NetworkVerdict {
    const i = floor(table.starts as ArrayLike<T>, key);
    if (i < 0 || (table.ends as ArrayLike<T>)[i]! < key) return UNKNOWN;
    const asn = table.asns[i]!;
    const org = orgs.get(asn);
    return { datacenter: hosting.get(asn) ?? false, asn, ...(org ? { asnOrg: org } : {}) };
  }

  return (ip: string): NetworkVerdict => {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
    const address = mapped ? mapped[1]! : ip;
    if (isIPv4(address)) return find(v4, ipv4ToNumber(address));
    if (isIPv6(address) && !address.includes('.')) return find(v6, ipv6ToBigInt(address.split('%')[0]!));
    return UNKNOWN;
  };
}
