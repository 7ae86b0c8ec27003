/**
 * A file's bytes as chunks of whole lines, read synchronously a megabyte at a time: a table
 * built from a 20 MB CSV never holds the whole file (the start's memory peak).
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;
const NEWLINE = 10;

export function* readLineChunks(path: string): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    for (;;) {
      const buffer = Buffer.allocUnsafe(carry.length + CHUNK);
      carry.copy(buffer);
      const read = readSync(fd, buffer, carry.length, CHUNK, null);
      const end = carry.length + read;
      if (read === 0) {
        if (end > 0) yield buffer.subarray(0, end);
        return;
      }
      const last = buffer.lastIndexOf(NEWLINE, end - 1);
      if (last < 0) {
        carry = buffer.subarray(0, end);
        continue;
      }
      yield buffer.subarray(0, last + 1);
      carry = Buffer.from(buffer.subarray(last + 1, end));
    }
  } finally {
    closeSync(fd);
  }
}
