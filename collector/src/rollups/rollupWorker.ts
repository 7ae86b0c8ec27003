/**
 * The rollup worker thread: reads a stale day on its own connection, aggregates it and cuts
 * its rows into write chunks, so that none of that runs on the thread that answers ingest and
 * /healthz. The store names the module that opens its reader (`FactsReaderSource`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { refreshDay } from './refreshDay.js';
import type { BuildRequest, BuildReply, FactsReader, FactsReaderSource } from './createDayBuilder.js';

const source = workerData as FactsReaderSource;
const opened: Promise<FactsReader> = import(source.module).then(
  (m: { openDayFactsReader: (...args: unknown[]) => Promise<FactsReader> }) =>
    m.openDayFactsReader(...source.args),
);
// Unhandled here, it would end the thread before the first request could report it.
opened.catch(() => undefined);

parentPort!.on('message', ({ id, site, day }: BuildRequest) => {
  const reply = (message: BuildReply) => parentPort!.postMessage(message);
  opened
    .then((reader) => refreshDay(reader.read, site, day))
    .then((work) => reply({ id, work }))
    .catch((error: unknown) =>
      reply({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
});
