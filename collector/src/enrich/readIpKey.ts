/**
 * Readers of the IP columns of the `@ip-location-db/*` CSVs, straight from the file's bytes:
 * each writes the key as `[high, low]` uint32 halves into `out` (IPv4: `[0, address]`; IPv6:
 * the top 64 bits) and says whether the field was well formed.
 */
export type ReadKey = (bytes: Buffer, from: number, to: number, out: Uint32Array) => boolean;

const COLON = 58;

/** ASCII decimal digits → number (up to 2^53); no check. */
export function readDecimal(bytes: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (bytes[i]! - 48);
  return n;
}

/** A decimal IPv4 (`16777216`). */
export const readIPv4Key: ReadKey = (bytes, from, to, out) => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return false;
    n = n * 10 + d;
  }
  out[0] = 0;
  out[1] = n;
  return to > from && n <= 0xffffffff;
};

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

const groups = new Uint32Array(8);

/** A textual IPv6 without a zone or dotted tail (`2001:200::`, `2001:db8::ffff:ffff`). */
export const readIPv6Key: ReadKey = (bytes, from, to, out) => {
  let n = 0;
  let gap = -1;
  let value = 0;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if (c === COLON) {
      if (digits > 0) {
        if (n === 8) return false;
        groups[n++] = value;
        value = 0;
        digits = 0;
      } else if (i > from && bytes[i - 1] === COLON) {
        if (gap >= 0) return false;
        gap = n;
      }
      continue;
    }
    const d = hexDigit(c);
    if (d < 0 || ++digits > 4) return false;
    value = value * 16 + d;
  }
  if (digits > 0) {
    if (n === 8) return false;
    groups[n++] = value;
  }
  if (gap >= 0) {
    const zeros = 8 - n;
    for (let j = n - 1; j >= gap; j--) groups[j + zeros] = groups[j]!;
    for (let j = gap; j < gap + zeros; j++) groups[j] = 0;
  } else if (n !== 8) return false;
  out[0] = groups[0]! * 65536 + groups[1]!;
  out[1] = groups[2]! * 65536 + groups[3]!;
  return true;
};
