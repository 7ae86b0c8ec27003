/**
 * Humanness in a real setting: this headless Chromium, driven by playwright-core, is the
 * bot; so is a script that posts pageviews straight to the API. Their sessions are kept and
 * listed with bots=include, and carry reasons.
 */
import { expect, test } from 'vitest';
import { useFreshStackPerTest } from './utils/useFreshStackPerTest.js';

const t = useFreshStackPerTest();

interface SessionJson {
  session: string;
  is_bot: boolean;
  bot_score: number;
  bot_reasons: string[];
}

const sessions = async (bots: string) =>
  (await t.stack.api(`/v1/sessions?site=demo&bots=${bots}`)).results as SessionJson[];

test('a scripted headless Chromium session comes out is_bot with a client: reason', async () => {
  const page = await t.open('spa/');
  await page.click('#to-pricing');
  await page.mouse.click(10, 10);
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(async () => (await sessions('include')).flatMap((s) => s.bot_reasons))
    .toEqual(expect.arrayContaining([expect.stringMatching(/^client:/)]));
  const [session] = await sessions('include');
  expect(session?.is_bot).toBe(true);
  expect(session?.bot_score).toBeGreaterThanOrEqual(0.7);
  expect(await sessions('exclude')).toEqual([]);
  expect((await sessions('only')).map((s) => s.session)).toEqual([session?.session]);
});

test('a script posting pageviews to the API comes out is_bot', async () => {
  const url = `${t.stack.collectorUrl}/v1/collect`;
  for (let i = 0; i < 4; i++) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'python-requests/2.32.3' },
      body: JSON.stringify({
        site: 'demo',
        events: [
          {
            id: `script-${i}`,
            type: 'pageview',
            ts: Date.now(),
            session: 'scripted',
            url: `https://blog.test/p${i}`,
          },
        ],
      }),
    });
    expect(res.status).toBe(202);
  }
  const [session] = await sessions('only');
  expect(session).toMatchObject({ session: 'scripted', is_bot: true });
  expect(session?.bot_reasons.some((r) => r.startsWith('ua:') || r.startsWith('rate:'))).toBe(true);
  // Reports read rollups the collector rebuilds every second or so.
  await expect
    .poll(async () => (await t.stack.api('/v1/reports/overview?site=demo&bots=include')).totals.pageviews)
    .toBe(4);
  const overview = await t.stack.api('/v1/reports/overview?site=demo');
  expect(overview.totals.pageviews).toBe(0);
});
