/** Binary searches over sorted typed arrays of range starts. */

/** Index of the last start at or before `key`, or -1. */
export function floor(starts: Uint32Array, key: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= key) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** The same over 64-bit starts held as two uint32 halves, for the key `high·2³² + low`. */
export function floorPair(highs: Uint32Array, lows: Uint32Array, high: number, low: number): number {
  let lo = 0;
  let hi = highs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const h = highs[mid]!;
    if (h < high || (h === high && lows[mid]! <= low)) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}
