import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTING_ASNS, isHostingNetwork } from '../../src/enrich/hostingNetworks.js';
import { createNetworkLookup, type LookupNetwork } from '../../src/enrich/lookupNetwork.js';

const dbDir = dirname(createRequire(import.meta.url).resolve('@ip-location-db/asn/package.json'));

/** First IPv4 range of an ASN in the shipped database, as dotted addresses (no invented IPs). */
function firstRangeOf(asn: number): [string, string] {
  const text = readFileSync(join(dbDir, 'asn-ipv4.csv'), 'utf8');
  const line = text.split('\n').find((l) => l.split(',')[2] === String(asn));
  if (!line) throw new Error(`AS${asn} not in the database`);
  const [start = '', end = ''] = line.split(',');
  return [start, end];
}

describe('createNetworkLookup', () => {
  let lookup: LookupNetwork;
  beforeAll(async () => {
    const t0 = performance.now();
    lookup = await createNetworkLookup();
    console.log(`IP→ASN database loaded in ${Math.round(performance.now() - t0)} ms`);
  }, 30_000);

  it.each([
    ['an AWS address', 16509],
    ['a DigitalOcean address', 14061],
    ['a Hetzner address', 24940],
  ])('flags %s as a data centre', (_label, asn) => {
    const [start, end] = firstRangeOf(asn);
    for (const ip of [start, end]) expect(lookup(ip)).toMatchObject({ datacenter: true, asn });
  });

  it('finds Cloudflare for 1.0.0.1 and does not call it a data centre (WARP carries people)', () => {
    expect(lookup('1.0.0.1')).toMatchObject({ datacenter: false, asn: 13335 });
    expect(lookup('::ffff:1.0.0.1')).toMatchObject({ asn: 13335 });
  });

  it('looks up IPv6 addresses', () => {
    const v6 = readFileSync(join(dbDir, 'asn-ipv6.csv'), 'utf8').split('\n');
    const row = v6.find((l) => l.split(',')[2] === '24940');
    const start = row!.split(',')[0]!;
    expect(lookup(start)).toMatchObject({ datacenter: true, asn: 24940 });
  });

  it.each(['127.0.0.1', '192.168.1.10', '10.0.0.1', '::1', 'not-an-ip', ''])(
    'gives no origin for %j',
    (ip) => {
      expect(lookup(ip)).toEqual({ datacenter: false });
    },
  );
});

describe('HOSTING_ASNS', () => {
  it('names each network as the shipped database does', () => {
    const orgs = new Map<string, string>();
    for (const line of readFileSync(join(dbDir, 'asn-ipv4-num.csv'), 'utf8').split('\n')) {
      const m = /^\d+,\d+,(\d+),(.*)$/.exec(line);
      if (m && !orgs.has(m[1]!)) orgs.set(m[1]!, m[2]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
    }
    for (const [asn, org] of HOSTING_ASNS) expect([asn, orgs.get(String(asn))]).toEqual([asn, org]);
  });
});

describe('isHostingNetwork', () => {
  it.each([
    [1, 'Example Hosting Ltd', true],
    [1, 'Zeta Datacenters B.V.', true],
    [1, 'UK Dedicated Servers Limited', true],
    [16509, 'anything', true],
    [1, 'Deutsche Telekom AG', false],
    [1, 'Comcast Cable Communications, LLC', false],
    [13335, 'Cloudflare, Inc.', false],
  ])('AS%i %s → %s', (asn, org, expected) => {
    expect(isHostingNetwork(asn, org)).toBe(expected);
  });
});
