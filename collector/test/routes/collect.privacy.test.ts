import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkVerdict } from '../../src/enrich/index.js';
import { CHROME_HEADERS } from '../utils/browserHeaders.js';
import { createTempDir } from '../utils/createTempDir.js';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { dumpDatabase } from '../utils/dumpDatabase.js';
import { getJson } from '../utils/getJson.js';
import { makeCustomEvent, makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await createTestApp(env);
  cleanups.push(() => t.close());
  return t;
}

describe('the raw client address is never stored', () => {
  it.each([
    ['IPv4', '203.0.113.77', '203.0.113.77'],
    ['IPv6', '2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334'],
    ['IPv4-mapped IPv6', '::ffff:198.51.100.23', '198.51.100.23'],
  ])('%s: absent from every table and from the database files', async (_kind, remoteAddress, needle) => {
    const dir = await createTempDir();
    cleanups.push(dir.remove);
    const file = join(dir.path, 'sightline.db');
    // A network lookup that sees the address, as the real one does, and answers a verdict.
    const looked: string[] = [];
    const lookupNetwork = (ip: string): NetworkVerdict => {
      looked.push(ip);
      return { datacenter: true, asn: 64500, asnOrg: 'Example Hosting' };
    };
    const t = await createTestApp({ DATABASE_URL: `sqlite:${file}` }, { lookupNetwork });

    const events = [
      makePageview({ session: 's-1', url: 'https://example.com/', referrer: 'https://ref.example/' }),
      makeCustomEvent({ session: 's-1', props: { plan: 'pro' } }),
    ];
    const response = await postCollect(t.app, events, { remoteAddress });
    expect(response.json()).toMatchObject({ accepted: 2 });

    const dump = await dumpDatabase(file);
    // The dump does hold what was posted, so an absent address is not an empty dump.
    expect(dump).toContain(events[0]!.id);
    expect(dump).toContain(CHROME_HEADERS['user-agent']);
    expect(dump).not.toContain(needle);
    // The session's evidence holds the verdict, not the address it came from.
    expect(looked).toEqual([remoteAddress]);
    const { tables } = JSON.parse(dump) as { tables: { sessions: { evidence: string | null }[] } };
    const evidence = JSON.parse(tables.sessions[0]!.evidence ?? 'null') as { network: unknown };
    expect(evidence.network).toEqual({ requests: 1, datacenter: 1, asn: 64500, asnOrg: 'Example Hosting' });

    await t.close();
    for (const name of await readdir(dir.path)) {
      const bytes = await readFile(join(dir.path, name));
      expect(bytes.includes(needle), `${name} holds the address`).toBe(false);
      expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${name} holds the address`).toBe(false);
    }
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
    const t = await open();
    const xff = { 'x-forwarded-for': '192.0.2.1' };
    await postCollect(t.app, [makePageview({ session: 'a' })], { remoteAddress: '10.0.0.1', headers: xff });
    await postCollect(t.app, [makePageview({ session: 'b' })], { remoteAddress: '10.0.0.2', headers: xff });
    const visitors = await visitorsBySession(t);
    expect(visitors.a).not.toBe(visitors.b);
  });

  it('takes the address from X-Forwarded-For when TRUST_PROXY is set', async () => {
    const t = await open({ TRUST_PROXY: 'true' });
    const xff = { 'x-forwarded-for': '192.0.2.1' };
    await postCollect(t.app, [makePageview({ session: 'a' })], { remoteAddress: '10.0.0.1', headers: xff });
    await postCollect(t.app, [makePageview({ session: 'b' })], { remoteAddress: '10.0.0.2', headers: xff });
    const visitors = await visitorsBySession(t);
    expect(visitors.a).toBe(visitors.b);
  });
});

async function visitorsBySession(t: TestApp): Promise<Record<string, string>> {
  const { body } = await getJson<{ results: { session: string; visitor: string }[] }>(
    t,
    '/v1/sessions?site=demo',
  );
  return Object.fromEntries(body.results.map((s) => [s.session, s.visitor]));
}

describe('visitor ids', () => {
  it.each([
    ['the same address and user agent', ['10.1.1.1', 'UA-1'], ['10.1.1.1', 'UA-1'], true],
    ['another address', ['10.1.1.1', 'UA-1'], ['10.1.1.2', 'UA-1'], false],
    ['another user agent', ['10.1.1.1', 'UA-1'], ['10.1.1.1', 'UA-2'], false],
  ] as const)('%s → same visitor: %s', async (_name, [ipA, uaA], [ipB, uaB], same) => {
    const t = await open();
    await postCollect(t.app, [makePageview({ session: 'a' })], {
      remoteAddress: ipA,
      headers: { 'user-agent': uaA },
    });
    await postCollect(t.app, [makePageview({ session: 'b' })], {
      remoteAddress: ipB,
      headers: { 'user-agent': uaB },
    });
    const visitors = await visitorsBySession(t);
    expect(visitors.a).toMatch(/^[\w-]{22}$/);
    expect(visitors.a === visitors.b).toBe(same);

    // Made-up user agents may score as bots: count both sides.
    const overview = await getJson<{ totals: { visitors: number } }>(
      t,
      '/v1/reports/overview?site=demo&bots=include',
    );
    expect(overview.body.totals.visitors).toBe(same ? 1 : 2);
  });

  it('differs between sites for the same address and user agent', async () => {
    const t = await open({ SITES: 'other' });
    await postCollect(t.app, [makePageview({ session: 'a' })], { remoteAddress: '10.1.1.1' });
    await postCollect(t.app, [makePageview({ session: 'b' })], { remoteAddress: '10.1.1.1', site: 'other' });
    const a = (await getJson<{ results: { visitor: string }[] }>(t, '/v1/sessions?site=demo')).body.results;
    const b = (await getJson<{ results: { visitor: string }[] }>(t, '/v1/sessions?site=other')).body.results;
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]!.visitor).not.toBe(b[0]!.visitor);
  });
});
