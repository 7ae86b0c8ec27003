/**
 * Special-purpose address blocks (IANA registries, RFC 6890): private, loopback, link-local,
 * shared (CGNAT), documentation, benchmarking, multicast, reserved. They belong to no
 * country or network, yet the ip-location-db CSVs give some of them one (`192.168.0.0/16`
 * → AU in the 2026-06 release), so lookups refuse them before searching.
 */
import type { IpKey } from './ipAddress.js';

/** [first address, prefix length] of the IPv4 blocks. */
const V4: ReadonlyArray<readonly [number, number]> = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10.0.0.0/8 private
  [0x64400000, 10], // 100.64.0.0/10 shared (CGNAT)
  [0x7f000000, 8], // 127.0.0.0/8 loopback
  [0xa9fe0000, 16], // 169.254.0.0/16 link-local
  [0xac100000, 12], // 172.16.0.0/12 private
  [0xc0000000, 24], // 192.0.0.0/24 protocol assignments
  [0xc0000200, 24], // 192.0.2.0/24 documentation
  [0xc0a80000, 16], // 192.168.0.0/16 private
  [0xc6120000, 15], // 198.18.0.0/15 benchmarking
  [0xc6336400, 24], // 198.51.100.0/24 documentation
  [0xcb007100, 24], // 203.0.113.0/24 documentation
  [0xe0000000, 3], // 224.0.0.0/4 multicast and 240.0.0.0/4 reserved
];

/** [top 32 bits, prefix length ≤ 32] of the IPv6 blocks (by the address's top 32 bits). */
const V6: ReadonlyArray<readonly [number, number]> = [
  [0x00000000, 32], // ::/32: unspecified, loopback, IPv4-compatible (mapped ones never get here)
  [0x01000000, 32], // 100::/64 discard (whole /32 reserved)
  [0x20010db8, 32], // 2001:db8::/32 documentation
  [0xfc000000, 7], // fc00::/7 unique local
  [0xfe800000, 10], // fe80::/10 link-local
  [0xfec00000, 10], // fec0::/10 old site-local
  [0xff000000, 8], // ff00::/8 multicast
];

function inBlock(address: number, [first, bits]: readonly [number, number]): boolean {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (address & mask) >>> 0 === first;
}

export function isSpecialPurpose(ip: IpKey): boolean {
  if (ip.version === 4) return V4.some((block) => inBlock(ip.key, block));
  return V6.some((block) => inBlock(ip.high, block));
}
