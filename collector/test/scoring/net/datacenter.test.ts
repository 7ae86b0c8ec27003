import { describe, expect, it } from 'vitest';
import { scoreDatacenter } from '../../../src/scoring/net/datacenter.js';
import { CHROME_WINDOWS } from '../utils/browsers.js';
import { browserSession } from '../utils/buildEvidence.js';

describe('scoreDatacenter', () => {
  it.each([
    [
      'a data-centre network',
      { datacenter: true, asn: 16509, asnOrg: 'Amazon.com, Inc.' },
      ['net:datacenter'],
    ],
    ['a home ISP', { datacenter: false, asn: 3320, asnOrg: 'Deutsche Telekom AG' }, []],
    ['no lookup (database not loaded)', null, []],
  ])('%s → %j', (_label, network, expected) => {
    const results = scoreDatacenter(browserSession(CHROME_WINDOWS, { network }));
    expect(results.map((r) => `${r.family}:${r.name}`)).toEqual(expected);
  });

  it('needs at least half of the looked-up requests from a data centre', () => {
    const evidence = browserSession(CHROME_WINDOWS);
    expect(scoreDatacenter({ ...evidence, network: { requests: 6, datacenter: 3 } })).toHaveLength(1);
    expect(scoreDatacenter({ ...evidence, network: { requests: 6, datacenter: 2 } })).toEqual([]);
  });
});
