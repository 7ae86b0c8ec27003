/**
 * Readers of the IP columns of the `@ip-location-db/*` CSVs, straight from the file's bytes
 * in one pass: each reads the field starting at `from` up to the next comma, writes the key
 * as `[high, low]` uint32 halves into `out` (IPv4: `[0, address]`; IPv6: the top 64 bits)
 * and returns the comma's index, or -1 when the field is malformed or is not followed by one.
 */
export type ReadKey = (bytes: Buffer, from: number, out: Uint32Array) => number;

const COMMA = 44;
const COLON = 58;

/** ASCII decimal digits → number (up to 2^53); no check. */
export function readDecimal(bytes: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (bytes[i]! - 48);
  return n;
}

/** A decimal IPv4 (`16777216`). */
export const readIPv4Key: ReadKey = (bytes, from, out) => {
  let n = 0;
  let i = from;
  for (; i < bytes.length; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  if (i === from || bytes[i] !== COMMA || n > 0xffffffff) return -1;
  out[0] = 0;
  out[1] = n;
  return i;
};

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

const groups = new Uint32Array(8);

/** A textual IPv6 without a zone or dotted tail (`2001:200::`, `2001:db8::ffff:ffff`). */
export const readIPv6Key: ReadKey = (bytes, from, out) => {
  let n = 0;
  let gap = -1;
  let value = 0;
  let digits = 0;
  let i = from;
  for (; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === COLON) {
      if (digits > 0) {
        if (n === 8) return -1;
        groups[n++] = value;
        value = 0;
        digits = 0;
      } else if (i > from && bytes[i - 1] === COLON) {
        if (gap >= 0) return -1;
        gap = n;
      }
      continue;
    }
    const d = hexDigit(c);
    if (d < 0) break;
    if (++digits > 4) return -1;
    value = value * 16 + d;
  }
  if (bytes[i] !== COMMA) return -1;
  if (digits > 0) {
    if (n === 8) return -1;
    groups[n++] = value;
  }
  if (gap >= 0) {
    const zeros = 8 - n;
    for (let j = n - 1; j >= gap; j--) groups[j + zeros] = groups[j]!;
    for (let j = gap; j < gap + zeros; j++) groups[j] = 0;
  } else if (n !== 8) return -1;
  out[0] = groups[0]! * 65536 + groups[1]!;
  out[1] = groups[2]! * 65536 + groups[3]!;
  return i;
};
