/**
 * The address tables loaded in the worker thread (the built collector: from the sources they
 * load on the test's thread) answer as the tables loaded here, from the same shipped files.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCountryLookup } from '../../src/enrich/createCountryLookup.js';
import { createNetworkLookup } from '../../src/enrich/lookupNetwork.js';

const DIST = new URL('../../dist/', import.meta.url);
const built = existsSync(new URL('enrich/lookupsWorker.js', DIST));

// `pnpm test` builds first; a run without a build fails here rather than skipping.
it('runs on a built collector (`npx -y pnpm@10 build` first)', () => {
  expect(built, 'collector/dist/enrich/lookupsWorker.js is missing').toBe(true);
});

describe('loadLookups in a worker thread', () => {
  const addresses = [
    '1.0.0.1',
    '8.8.8.8',
    '9.9.9.9',
    '31.13.64.1',
    '52.94.76.1',
    '81.2.69.142',
    '185.199.108.1',
    '2a00:1450:4001::1',
    '2606:4700::1',
    '10.0.0.1',
    '::1',
    'not an address',
  ];

  it('answers every address as the tables loaded on this thread', async () => {
    const { loadLookups } = (await import(
      new URL('enrich/loadLookups.js', DIST).href
    )) as typeof import('../../src/enrich/loadLookups.js');
    const [loaded, network, country] = await Promise.all([
      loadLookups(),
      createNetworkLookup(),
      createCountryLookup(),
    ]);
    expect(loaded.network.status).toBe('fulfilled');
    expect(loaded.country.status).toBe('fulfilled');
    if (loaded.network.status !== 'fulfilled' || loaded.country.status !== 'fulfilled') return;
    const off = addresses.map((a) => [a, loaded.network.value(a), loaded.country.value(a)]);
    const here = addresses.map((a) => [a, network(a), country(a)]);
    expect(off).toEqual(here);
    // Not vacuous: real answers among them.
    expect(here.filter(([, n]) => (n as { asn?: number }).asn).length).toBeGreaterThan(5);
    expect(here.filter(([, , c]) => c).length).toBeGreaterThan(5);
    expect(Object.isFrozen(loaded.network.value('8.8.8.8'))).toBe(true);
  }, 60_000);
});
