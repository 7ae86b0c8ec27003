/** Sessions carry country, browser, OS, device and source from ingest; never the address. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCountryLookup } from '../../src/enrich/index.js';
import { createTempDir } from '../utils/createTempDir.js';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { dumpDatabase } from '../utils/dumpDatabase.js';
import { getJson } from '../utils/getJson.js';
import { makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';

let t: TestApp;
let dir: { path: string; remove(): Promise<void> };
beforeAll(async () => {
  dir = await createTempDir();
  t = await createTestApp(
    { DATABASE_URL: `sqlite:${join(dir.path, 'enrich.db')}` },
    { lookupCountry: await createCountryLookup() },
  );
}, 30_000);
afterAll(async () => {
  await t.close();
  await dir.remove();
});

type Session = Record<string, string | null>;
const session = async (id: string) => (await getJson<Session>(t, `/v1/sessions/${id}?site=demo`)).body;

describe('ingest enrichment', () => {
  it('takes the country from the address, browser/OS from the UA and the source from the entry page', async () => {
    const res = await postCollect(
      t.app,
      [
        makePageview({
          session: 'from-google',
          url: 'https://example.com/pricing?utm_source=newsletter&utm_medium=email&utm_campaign=spring',
          referrer: 'https://www.google.com/',
          timezone: 'Europe/Berlin',
        }),
      ],
      { remoteAddress: '8.8.8.8' },
    );
    expect(res.statusCode).toBe(202);
    expect(await session('from-google')).toMatchObject({
      country: 'US',
      browser: 'Chrome',
      os: 'Windows',
      referrer_domain: 'google.com',
      channel: 'email',
      utm_source: 'newsletter',
      utm_medium: 'email',
      utm_campaign: 'spring',
    });
    const dump = await dumpDatabase(join(dir.path, 'enrich.db'));
    expect(dump).not.toContain('8.8.8.8');
  });

  it('falls back to the time zone when the address tells nothing (private network)', async () => {
    await postCollect(t.app, [makePageview({ session: 'private', timezone: 'Europe/Berlin' })], {
      remoteAddress: '10.1.2.3',
    });
    expect(await session('private')).toMatchObject({
      country: 'DE',
      channel: 'direct',
      referrer_domain: null,
    });
  });

  it('keeps the source of the first page when a later page has another referrer', async () => {
    const now = Date.now();
    await postCollect(t.app, [
      makePageview({
        session: 'two',
        ts: now - 1000,
        url: 'https://example.com/',
        referrer: 'https://news.ycombinator.com/',
      }),
      makePageview({
        session: 'two',
        ts: now,
        url: 'https://example.com/b',
        referrer: 'https://example.com/',
      }),
    ]);
    expect(await session('two')).toMatchObject({ referrer_domain: 'news.ycombinator.com', entry_path: '/' });
  });
});
