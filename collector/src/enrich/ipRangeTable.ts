/**
 * A compact IP range table for the offline `@ip-location-db/*` CSVs (`start,end,value…`,
 * sorted, inclusive; IPv4 as numbers, IPv6 as text): each family becomes sorted typed arrays
 * of segment starts and one of values, where a segment runs to the next start and value 0
 * means "not in the database". Gaps become 0-segments and neighbours with equal values merge,
 * so no end array is needed, and a lookup is one binary search. IPv6 is keyed by its top 64
 * bits as two uint32 (see `ipAddress.ts`); the few rows finer than a /64 are approximated (the
 * later row wins from its /64 on). Rows are read by `buildSegments.ts`.
 */
import { parseIpAddress } from './ipAddress.js';
import { floor, floorPair } from './floor.js';
import { isSpecialPurpose } from './specialPurpose.js';
import { buildSegments, type ReadValue } from './buildSegments.js';
import { readDecimal, readIPv4Key, readIPv6Key } from './readIpKey.js';

export { readDecimal, type ReadValue };

export type ValueArray = Uint8Array | Uint16Array | Uint32Array;

export interface IpRangeTable {
  v4Starts: Uint32Array;
  v4Values: ValueArray;
  /** Top and bottom halves of each IPv6 segment's 64-bit start. */
  v6High: Uint32Array;
  v6Low: Uint32Array;
  v6Values: ValueArray;
}

type ValueArrayType = typeof Uint8Array | typeof Uint16Array | typeof Uint32Array;

const MAX = 0xffffffff;

/** Builds both families' tables from the `-ipv4-num.csv` and `-ipv6.csv` files' bytes. */
export function buildIpRangeTable(
  v4Csv: Buffer,
  v6Csv: Buffer,
  readValue: ReadValue,
  Values: ValueArrayType,
): IpRangeTable {
  const v4 = buildSegments(v4Csv, readIPv4Key, readValue, 0);
  const v6 = buildSegments(v6Csv, readIPv6Key, readValue, MAX);
  return {
    v4Starts: v4.low,
    v4Values: Values === Uint32Array ? v4.values : new Values(v4.values),
    v6High: v6.high,
    v6Low: v6.low,
    v6Values: Values === Uint32Array ? v6.values : new Values(v6.values),
  };
}

/** The value for an address (0 when unknown, special-purpose, or not an address). */
export function lookupIpRange(table: IpRangeTable, address: unknown): number {
  const ip = parseIpAddress(address);
  if (!ip || isSpecialPurpose(ip)) return 0;
  if (ip.version === 4) return table.v4Values[floor(table.v4Starts, ip.key)] ?? 0;
  return table.v6Values[floorPair(table.v6High, table.v6Low, ip.high, ip.low)] ?? 0;
}
