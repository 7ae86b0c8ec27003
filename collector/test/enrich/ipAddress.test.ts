import { describe, expect, it } from 'vitest';
import { parseIpAddress } from '../../src/enrich/ipAddress.js';

describe('parseIpAddress', () => {
  it.each([
    ['0.0.0.0', 0],
    ['1.2.3.4', 0x01020304],
    ['255.255.255.255', 0xffffffff],
    ['::ffff:1.2.3.4', 0x01020304],
    ['::FFFF:102:304', 0x01020304],
    ['0:0:0:0:0:ffff:c000:0201', 0xc0000201],
  ])('reads %s as IPv4', (address, key) => {
    expect(parseIpAddress(address)).toEqual({ version: 4, key });
  });

  it.each([
    ['2001:db8::1', 0x20010db8, 0],
    ['2001:0db8:85a3:08d3:1319:8a2e:0370:7344', 0x20010db8, 0x85a308d3],
    ['fe80::1%eth0', 0xfe800000, 0],
    ['::1', 0, 0],
    ['::', 0, 0],
    ['ffff:ffff:ffff:ffff::', 0xffffffff, 0xffffffff],
    ['64:ff9b::1.2.3.4', 0x0064ff9b, 0],
    ['2a01:4f8:1:2::', 0x2a0104f8, 0x00010002],
  ])('reads %s as the top 64 bits of IPv6', (address, high, low) => {
    expect(parseIpAddress(address)).toEqual({ version: 6, high, low });
  });

  it.each([
    '',
    ' ',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3.4 ',
    'localhost',
    '::g',
    '1::2::3',
    '12345::',
    'x'.repeat(10_000),
    '::ffff:999.1.1.1',
    null,
    undefined,
    42,
    {},
  ])('gives null for %j', (address) => {
    expect(parseIpAddress(address)).toBeNull();
  });
});
