/**
 * Client address → the key the offline IP tables are searched by: an IPv4 address as a
 * uint32, an IPv6 address as its top 64 bits (the routing prefix: registries and ASNs never
 * hand out less than a /64, so the interface half says nothing about the network).
 * IPv4-mapped (`::ffff:1.2.3.4`, `::ffff:102:304`) is read as IPv4; a zone (`%eth0`) is
 * dropped. Anything else gives null. Never throws, never keeps the address.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** IPv6: the top 64 bits as `high·2³² + low`. */
export type IpKey = { version: 4; key: number } | { version: 6; high: number; low: number };

/** Longest textual IPv6 with a zone that is worth looking at. */
const MAX_LENGTH = 100;

/** A valid dotted quad → uint32 (callers check validity with `isIPv4` first). */
export function ipv4ToNumber(ip: string): number {
  let n = 0;
  let part = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      n = n * 256 + part;
      part = 0;
    } else part = part * 10 + (c - 48);
  }
  return n * 256 + part;
}

/** A valid IPv6 (no zone) → its eight 16-bit groups. */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = ipv4ToNumber(text.slice(lastColon + 1));
    text = `${text.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros: string[] = Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => Number.parseInt(g, 16));
}

export function parseIpAddress(address: unknown): IpKey | null {
  if (typeof address !== 'string' || address.length === 0 || address.length > MAX_LENGTH) return null;
  if (isIPv4(address)) return { version: 4, key: ipv4ToNumber(address) };
  const zone = address.indexOf('%');
  const ip = zone >= 0 ? address.slice(0, zone) : address;
  if (!isIPv6(ip)) return null;
  const g = ipv6Groups(ip);
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return { version: 4, key: g[6]! * 65536 + g[7]! };
  }
  return { version: 6, high: g[0]! * 65536 + g[1]!, low: g[2]! * 65536 + g[3]! };
}
