/**
 * One family's CSV rows (`start,end,value…`, sorted by start, inclusive) → sorted segment
 * starts (64-bit keys as two uint32 halves) and values, written straight into growing typed
 * arrays: no JS array, string or BigInt per row, so the load is quick and leaves no garbage.
 *
 * The CSVs hold some more specific rows inside wider ones (`185.110.103.0–255 CH` around
 * `185.110.103.112–127 LI`): the inner row wins while it lasts, then the outer one resumes;
 * a small stack of open rows (ends non-increasing) does that. Gaps get value 0.
 */
import type { ReadKey } from './readIpKey.js';

/** Reads a row's value from `bytes` between `from` (after `start,end,`) and `to` (line end). */
export type ReadValue = (bytes: Buffer, from: number, to: number) => number;

export interface Segments {
  high: Uint32Array;
  low: Uint32Array;
  values: Uint32Array;
}

const NEWLINE = 10;
const RETURN = 13;
const MAX = 0xffffffff;

function grow(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** `maxHigh`: the top half of the family's last key (IPv4 keys are `[0, address]`). */
export function buildSegments(
  bytes: Buffer,
  readKey: ReadKey,
  readValue: ReadValue,
  maxHigh: number,
): Segments {
  let high: Uint32Array = new Uint32Array(1 << 16);
  let low: Uint32Array = new Uint32Array(1 << 16);
  let values: Uint32Array = new Uint32Array(1 << 16);
  let n = 0;
  const push = (h: number, l: number, value: number): void => {
    if (n > 0) {
      const ph = high[n - 1]!;
      const pl = low[n - 1]!;
      if (h < ph || (h === ph && l < pl)) return; // out of order: keep the starts sorted
      if (h === ph && l === pl) {
        values[n - 1] = value; // same start: the later row wins
        if (n > 1 && values[n - 2] === value) n--;
        return;
      }
      if (values[n - 1] === value) return; // equal neighbours merge
    }
    if (n === values.length) [high, low, values] = [grow(high), grow(low), grow(values)];
    high[n] = h;
    low[n] = l;
    values[n++] = value;
  };
  // Open rows, innermost last: end halves and value.
  const openHigh: number[] = [];
  const openLow: number[] = [];
  const openValue: number[] = [];
  let depth = 0;
  /** Closes the open rows that end before `(h, l)`, resuming each one's outer row after it. */
  const closeBefore = (h: number, l: number): void => {
    while (
      depth > 0 &&
      (openHigh[depth - 1]! < h || (openHigh[depth - 1] === h && openLow[depth - 1]! < l))
    ) {
      const eh = openHigh[depth - 1]!;
      const el = openLow[depth - 1]!;
      depth--;
      if (eh === maxHigh && el === MAX) continue; // the end of the address space
      const nh = el < MAX ? eh : eh + 1;
      const nl = el < MAX ? el + 1 : 0;
      while (depth > 0 && openHigh[depth - 1] === eh && openLow[depth - 1] === el) depth--; // ended here too
      push(nh, nl, depth > 0 ? openValue[depth - 1]! : 0);
    }
  };
  const key = new Uint32Array(2);
  const length = bytes.length;
  for (let pos = 0; pos < length;) {
    const c1 = readKey(bytes, pos, key);
    const sh = key[0]!;
    const sl = key[1]!;
    const c2 = c1 < 0 ? -1 : readKey(bytes, c1 + 1, key);
    let eol = bytes.indexOf(NEWLINE, c2 < 0 ? pos : c2); // memchr past names
    if (eol < 0) eol = length;
    if (c2 > 0 && (key[0]! > sh || (key[0] === sh && key[1]! >= sl))) {
      const eh = key[0]!;
      const el = key[1]!;
      closeBefore(sh, sl);
      const value = readValue(bytes, c2 + 1, bytes[eol - 1] === RETURN ? eol - 1 : eol);
      push(sh, sl, value);
      // Open rows ending within this one are hidden by it for the rest of their extent.
      while (
        depth > 0 &&
        (openHigh[depth - 1]! < eh || (openHigh[depth - 1] === eh && openLow[depth - 1]! <= el))
      )
        depth--;
      openHigh[depth] = eh;
      openLow[depth] = el;
      openValue[depth++] = value;
    }
    pos = eol + 1;
  }
  closeBefore(maxHigh + 1, 0);
  return { high: high.slice(0, n), low: low.slice(0, n), values: values.slice(0, n) };
}
