import { describe, expect, it } from 'vitest';
import { buildIpRangeTable, lookupIpRange, readDecimal } from '../../src/enrich/ipRangeTable.js';

const value = (bytes: Buffer, from: number, to: number) => readDecimal(bytes, from, to);
const csv = (...rows: string[]) => Buffer.from(rows.join('\n'));

describe('buildIpRangeTable / lookupIpRange', () => {
  // 1.0.0.0–1.0.0.255 → 7, a gap, 1.0.2.0–1.0.2.255 → 8 and its neighbour → 8 (merged);
  // 2.0.0.0/24 → 3 holding 2.0.0.16/28 → 4 holding 2.0.0.20 → 5; the last address → 9.
  const v4 = csv(
    '16777216,16777471,7',
    '16777728,16777983,8',
    '16777984,16778239,8',
    '33554432,33554687,3',
    '33554448,33554463,4',
    '33554452,33554452,5',
    '4294967295,4294967295,9',
    '',
  );
  const v6 = csv(
    '2001:200::,2001:200:ffff:ffff:ffff:ffff:ffff:ffff,5',
    '2001:300::,2001:300::ffff,6', // finer than a /64: the whole /64 answers 6
    '2001:300::1:0,2001:300::ffff:ffff,7', // same /64, later row wins
    'garbage line',
    '3fff:ffff:ffff:ffff::,3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,4\r',
  );
  const table = buildIpRangeTable(v4, v6, value, Uint8Array);

  it.each([
    ['0.255.255.255', 0],
    ['1.0.0.0', 7],
    ['1.0.0.255', 7],
    ['1.0.1.0', 0],
    ['1.0.2.0', 8],
    ['1.0.3.255', 8],
    ['1.0.4.0', 0],
    ['2.0.0.15', 3],
    ['2.0.0.16', 4],
    ['2.0.0.19', 4],
    ['2.0.0.20', 5],
    ['2.0.0.21', 4],
    ['2.0.0.31', 4],
    ['2.0.0.32', 3],
    ['2.0.0.255', 3],
    ['2.0.1.0', 0],
    ['223.255.255.255', 0],
    ['255.255.255.255', 0], // in the table, but a reserved address
    ['::ffff:1.0.0.1', 7],
    ['2001:1ff:ffff:ffff::', 0],
    ['2001:200::', 5],
    ['2001:200:1234::1', 5],
    ['2001:201::', 0],
    ['2001:300::2', 7],
    ['2001:300:0:1::', 0],
    ['3fff:ffff:ffff:ffff::1', 4],
    ['4000::', 0],
    ['not an address', 0],
  ])('%s → %i', (address, expected) => {
    expect(lookupIpRange(table, address)).toBe(expected);
  });

  it('merges equal neighbours and stores starts only', () => {
    expect(Array.from(table.v4Starts)).toEqual([
      16777216, 16777472, 16777728, 16778240, 33554432, 33554448, 33554452, 33554453, 33554464, 33554688,
      4294967295,
    ]);
    expect(Array.from(table.v4Values)).toEqual([7, 0, 8, 0, 3, 4, 5, 4, 3, 0, 9]);
    expect(table.v4Values).toBeInstanceOf(Uint8Array);
  });

  it('copes with empty files', () => {
    const empty = buildIpRangeTable(Buffer.alloc(0), Buffer.alloc(0), value, Uint32Array);
    expect(lookupIpRange(empty, '1.2.3.4')).toBe(0);
    expect(lookupIpRange(empty, '2001:db8::1')).toBe(0);
  });
});
