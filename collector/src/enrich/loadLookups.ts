/**
 * The offline address tables (network origin, country), loaded at start in a worker thread
 * when the collector is built: parsing ~50 MB of CSV takes seconds of CPU, which on the main
 * thread would hold up the requests a restarted collector must answer at once (its first
 * request waited ~190 ms behind it). Each table arrives as plain data (typed arrays moved,
 * not copied) and becomes a synchronous lookup here. From the sources (tests), or when the
 * worker script is missing, they load on this thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  countryLookupOf,
  readCountryTable,
  type CountryLookup,
  type CountryTable,
} from './createCountryLookup.js';
import { networkLookupOf, readNetworkTable, type LookupNetwork, type NetworkTable } from './lookupNetwork.js';

export interface LoadedLookups {
  /** Each table on its own: one that fails to load leaves the other. */
  network: PromiseSettledResult<LookupNetwork>;
  country: PromiseSettledResult<CountryLookup>;
}

/** What the worker posts back, once. */
export interface LookupTables {
  network: PromiseSettledResult<NetworkTable>;
  country: PromiseSettledResult<CountryTable>;
}

const WORKER = new URL('./lookupsWorker.js', import.meta.url);

/** One table after the other: memory peaks while each is read. */
export async function readLookupTables(): Promise<LookupTables> {
  const [network] = await Promise.allSettled([readNetworkTable()]);
  const [country] = await Promise.allSettled([readCountryTable()]);
  return { network: network!, country: country! };
}

function inWorker(): Promise<LookupTables> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    worker.once('message', (tables: LookupTables) => {
      resolve(tables);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`address tables worker exited (${code}) before answering`)),
    );
  });
}

function settled<T, R>(result: PromiseSettledResult<T>, of: (value: T) => R): PromiseSettledResult<R> {
  return result.status === 'fulfilled' ? { status: 'fulfilled', value: of(result.value) } : result;
}

export async function loadLookups(): Promise<LoadedLookups> {
  const threaded = existsSync(fileURLToPath(WORKER));
  const tables = threaded ? await inWorker() : await readLookupTables();
  return {
    network: settled(tables.network, (t) => {
      // Verdicts are shared by every lookup that answers them: frozen, as on this thread.
      for (const verdict of t.verdicts.values()) Object.freeze(verdict);
      return networkLookupOf(t);
    }),
    country: settled(tables.country, countryLookupOf),
  };
}
