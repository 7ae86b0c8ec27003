/**
 * A retry that carries one more event (stored + new in one request) counts each event once:
 * only the new one reaches the session's counts, its days and the answer's `accepted`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/lib/records.js';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { getJson } from '../utils/getJson.js';
import { makeCustomEvent, makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('POST /v1/collect with stored and new events in one batch', () => {
  it('answers the new one as accepted, the stored ones as duplicates, and counts each pageview once', async () => {
    const ts = Date.now() - 60_000;
    const first = [
      makePageview({ session: 'mixed', url: 'https://example.com/a', ts }),
      makePageview({ session: 'mixed', url: 'https://example.com/b', ts: ts + 1000 }),
    ];
    const again = [...first, makePageview({ session: 'mixed', url: 'https://example.com/c', ts: ts + 2000 })];

    expect((await postCollect(t.app, first)).json()).toMatchObject({ accepted: 2, duplicates: 0 });
    expect((await postCollect(t.app, again)).json()).toMatchObject({ accepted: 1, duplicates: 2 });
    // And a retry of the retry adds nothing.
    expect((await postCollect(t.app, again)).json()).toMatchObject({ accepted: 0, duplicates: 3 });

    const { body } = await getJson<SessionRecord>(t, '/v1/sessions/mixed?site=demo');
    // Three distinct pageview ids were sent: three pageviews, three events.
    expect(body).toMatchObject({ pageviews: 3, events: 3, entry_path: '/a', exit_path: '/c' });
    const overview = await getJson<{ totals: { pageviews: number; sessions: number } }>(
      t,
      '/v1/reports/overview?site=demo&bots=include',
    );
    expect(overview.body.totals).toMatchObject({ pageviews: 3, sessions: 1 });
  });

  it('counts a non-pageview that arrives with stored pageviews once as an event, not as a pageview', async () => {
    const first = [makePageview({ session: 'mixed-2' })];
    await postCollect(t.app, first);
    const again = [...first, makeCustomEvent({ session: 'mixed-2' })];
    expect((await postCollect(t.app, again)).json()).toMatchObject({ accepted: 1, duplicates: 1 });
    const { body } = await getJson<SessionRecord>(t, '/v1/sessions/mixed-2?site=demo');
    expect(body).toMatchObject({ pageviews: 1, events: 2 });
  });
});
