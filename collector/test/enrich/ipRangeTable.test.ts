import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSegments, readSegments } from '../../src/enrich/buildSegments.js';
import {
  buildIpRangeTable,
  loadIpRangeTable,
  lookupIpRange,
  readDecimal,
} from '../../src/enrich/ipRangeTable.js';
import { readIPv4Key, readIPv6Key } from '../../src/enrich/readIpKey.js';

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

describe('readSegments: the file read a chunk at a time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-segments-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const v4 = csv(
    '16777216,16777471,7',
    '16777728,16777983,8',
    `16777984,16778239,8${' '.repeat(300)}`, // a line longer than the smaller chunks
    '33554432,33554687,3',
    '33554448,33554463,4',
    '33554452,33554452,5',
    'garbage',
    '4294967295,4294967295,9', // no newline at the end of the file
  );
  const v6 = csv(
    '2001:200::,2001:200:ffff:ffff:ffff:ffff:ffff:ffff,5\r',
    '2001:300::,2001:300::ffff,6\r',
    '2001:300::1:0,2001:300::ffff:ffff,7\r',
    '',
  );
  writeFileSync(join(dir, 'v4.csv'), v4);
  writeFileSync(join(dir, 'v6.csv'), v6);
  const plain = (segments: { high: Uint32Array; low: Uint32Array; values: Uint32Array }) => ({
    high: Array.from(segments.high),
    low: Array.from(segments.low),
    values: Array.from(segments.values),
  });

  it.each([1, 2, 3, 7, 16, 19, 64, 1 << 20])(
    'gives the same segments with chunks of %i bytes',
    async (chunk) => {
      expect(plain(await readSegments(join(dir, 'v4.csv'), readIPv4Key, value, 0, chunk))).toEqual(
        plain(buildSegments(v4, readIPv4Key, value, 0)),
      );
      expect(plain(await readSegments(join(dir, 'v6.csv'), readIPv6Key, value, 0xffffffff, chunk))).toEqual(
        plain(buildSegments(v6, readIPv6Key, value, 0xffffffff)),
      );
    },
  );

  it('loadIpRangeTable answers as the table built from the same bytes', async () => {
    const loaded = await loadIpRangeTable(join(dir, 'v4.csv'), join(dir, 'v6.csv'), value, Uint8Array);
    const built = buildIpRangeTable(v4, v6, value, Uint8Array);
    for (const address of [
      '1.0.0.1',
      '1.0.3.0',
      '2.0.0.20',
      '2.0.0.21',
      '255.255.255.254',
      '2001:300::2',
      '2001:200::9',
    ])
      expect([address, lookupIpRange(loaded, address)]).toEqual([address, lookupIpRange(built, address)]);
    expect(lookupIpRange(loaded, '2.0.0.20')).toBe(5);
  });
});
