/** Records: filters on metadata keys and session fields; a session with its interactions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { getJson } from '../utils/getJson.js';
import { makeCustomEvent, makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const base = { ts: Date.now(), session: 's1', url: 'https://blog.test/post' };
  const res = await postCollect(t.app, [
    makePageview({ ...base, id: 'pv-1', device: 'mobile', language: 'de-DE' }),
    makeCustomEvent({
      ...base,
      id: 'c-pro',
      name: 'signup',
      props: { plan: 'pro', seats: 100, trial: true },
    }),
    makeCustomEvent({
      ...base,
      id: 'c-free',
      name: 'signup',
      props: { plan: 'free', seats: 1, trial: false },
    }),
    { ...base, id: 'k1', type: 'click', pv: 'pv-1', selector: 'a', tag: 'a', kind: 'outbound', rage: 4 },
    makePageview({ ts: Date.now(), session: 's2', url: 'https://blog.test/other', device: 'desktop' }),
  ]);
  expect(res.statusCode, res.body).toBe(202);
});
afterAll(() => t.close());

type List = { count: number; results: { id?: string; session?: string }[] };

describe('records filters', () => {
  it.each([
    ['metadata__plan=pro', ['c-pro']],
    ['metadata__seats=100', ['c-pro']],
    ['metadata__trial=true', ['c-pro']],
    ['metadata__trial=false', ['c-free']],
    ['metadata__kind=outbound', ['k1']],
    ['metadata__rage=4', ['k1']],
    ['metadata__plan=pro&metadata__seats=1', []],
    ['name=signup', ['c-pro', 'c-free']],
  ])('interactions?%s', async (query, ids) => {
    const { statusCode, body } = await getJson<List>(t, `/v1/interactions?site=demo&${query}&ordering=ts`);
    expect(statusCode).toBe(200);
    expect(body.results.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('refuses a metadata key that is not a plain name', async () => {
    const { statusCode } = await getJson(t, `/v1/interactions?site=demo&metadata__a.b=1`);
    expect(statusCode).toBe(400);
  });

  it.each([
    ['device=mobile', ['s1']],
    ['device=desktop', ['s2']],
    ['language=de-DE', ['s1']],
    ['session=s2', ['s2']],
    ['events=4', ['s1']],
  ])('sessions?%s', async (query, sessions) => {
    const { body } = await getJson<List>(t, `/v1/sessions?site=demo&${query}`);
    expect(body.results.map((r) => r.session)).toEqual(sessions);
  });

  it('gives a session with its pageviews and interactions', async () => {
    const { body } = await getJson<{ pageview_list: { id: string }[]; interaction_list: { id: string }[] }>(
      t,
      '/v1/sessions/s1?site=demo',
    );
    expect(body.pageview_list.map((p) => p.id)).toEqual(['pv-1']);
    expect(body.interaction_list.map((i) => i.id).sort()).toEqual(['c-free', 'c-pro', 'k1']);
  });
});
