/** Worker thread of `loadLookups.ts`: reads both address tables and posts them, once. */
import { parentPort } from 'node:worker_threads';
import { readLookupTables } from './loadLookups.js';

const tables = await readLookupTables();
// The typed arrays' buffers are moved to the main thread, not copied.
const buffers = [tables.network, tables.country].flatMap((t) =>
  t.status === 'fulfilled'
    ? [
        t.value.table.v4Starts,
        t.value.table.v4Values,
        t.value.table.v6High,
        t.value.table.v6Low,
        t.value.table.v6Values,
      ].map((a) => a.buffer as ArrayBuffer)
    : [],
);
// A rejection's reason is an Error: structured clone keeps its message and stack.
parentPort!.postMessage(tables, buffers);
