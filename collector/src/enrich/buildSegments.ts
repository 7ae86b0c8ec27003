/**
 * One family's CSV rows (`start,end,value…`, sorted by start, inclusive) → sorted segment
 * starts (64-bit keys as two uint32 halves) and values, written straight into growing typed
 * arrays: no JS array, string or BigInt per row, so the load is quick and leaves no garbage.
 *
 * The CSVs hold some more specific rows inside wider ones (`185.110.103.0–255 CH` around
 * `185.110.103.112–127 LI`): the inner row wins while it lasts, then the outer one resumes;
 * a small stack of open rows (ends non-increasing) does that. Gaps get value 0.
 */
import { open } from 'node:fs/promises';
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

export interface SegmentBuilder {
  /**
   * Reads the complete lines of `bytes` (a line ends with a newline, or with `bytes` itself
   * when `final`) and returns where the first incomplete one starts: the caller passes it
   * again, with what follows it, in the next call.
   */
  add(bytes: Buffer, final: boolean): number;
  finish(): Segments;
}

/** `maxHigh`: the top half of the family's last key (IPv4 keys are `[0, address]`). */
export function createSegmentBuilder(
  readKey: ReadKey,
  readValue: ReadValue,
  maxHigh: number,
): SegmentBuilder {
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
  return {
    add(bytes, final) {
      const length = bytes.length;
      let pos = 0;
      while (pos < length) {
        let eol = bytes.indexOf(NEWLINE, pos);
        if (eol < 0) {
          if (!final) break;
          eol = length;
        }
        // A key reader stops at the first byte that is not part of a key, the newline at the
        // latest: it never reads past this line.
        const c1 = readKey(bytes, pos, key);
        const sh = key[0]!;
        const sl = key[1]!;
        const c2 = c1 < 0 ? -1 : readKey(bytes, c1 + 1, key);
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
      return Math.min(pos, length);
    },
    finish() {
      closeBefore(maxHigh + 1, 0);
      return { high: high.slice(0, n), low: low.slice(0, n), values: values.slice(0, n) };
    },
  };
}

/** One family's whole CSV in one buffer. */
export function buildSegments(
  bytes: Buffer,
  readKey: ReadKey,
  readValue: ReadValue,
  maxHigh: number,
): Segments {
  const builder = createSegmentBuilder(readKey, readValue, maxHigh);
  builder.add(bytes, true);
  return builder.finish();
}

/**
 * One family's CSV read from `path` in chunks of `chunkBytes`, so that loading holds one
 * chunk of the file at a time instead of all of it (the ASN and country files are ~50 MB).
 */
export async function readSegments(
  path: string,
  readKey: ReadKey,
  readValue: ReadValue,
  maxHigh: number,
  chunkBytes = 1 << 20,
): Promise<Segments> {
  const builder = createSegmentBuilder(readKey, readValue, maxHigh);
  const file = await open(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(chunkBytes);
    let kept = 0;
    for (;;) {
      if (kept === buffer.length) {
        // A line longer than the buffer: grow it.
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, kept);
        buffer = bigger;
      }
      const { bytesRead } = await file.read(buffer, kept, buffer.length - kept, null);
      const filled = kept + bytesRead;
      const final = bytesRead === 0;
      const used = builder.add(buffer.subarray(0, filled), final);
      if (final) break;
      buffer.copy(buffer, 0, used, filled);
      kept = filled - used;
    }
  } finally {
    await file.close();
  }
  return builder.finish();
}
