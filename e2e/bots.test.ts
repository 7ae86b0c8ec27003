/**
 * Humanness in a real setting: this headless Chromium, driven by playwright-core, is the
 * bot, told by the SDK's humanness summary (client: and behavior: reasons); so is a script
 * that posts pageviews straight to the API. Their sessions are kept and listed with
 * bots=include, and carry reasons.
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

test('a scripted headless Chromium session is judged from its humanness summary', async () => {
  const page = await t.open('spa/');
  // Ruler-straight pointer lines (mouse.move with steps), then three clicks aimed at the
  // button's centre (what page.click does), within one page view.
  await page.mouse.move(20, 20);
  await page.mouse.move(600, 300, { steps: 80 });
  await page.mouse.move(100, 400, { steps: 80 });
  for (let i = 0; i < 3; i += 1) await page.click('#nothing');
  await page.close({ runBeforeUnload: true });
  // Read on both sides (headless Chromium is automation). The reasons below come only from
  // the SDK's humanness summary: navigator.webdriver, how little the pointer turns,
  // and the clicks' centre offsets.
  await expect
    .poll(async () => (await sessions('include')).flatMap((s) => s.bot_reasons))
    .toEqual(
      expect.arrayContaining(['client:webdriver', 'behavior:ruler-pointer', 'behavior:centred-clicks']),
    );
  const [session] = await sessions('include');
  expect(session?.is_bot).toBe(true);
  expect(session?.bot_score).toBeGreaterThanOrEqual(0.7);
  expect(await sessions('exclude')).toEqual([]);
  expect((await sessions('only')).map((s) => s.session)).toEqual([session?.session]);
  // The summary itself is stored and listed.
  const summaries = await t.stack.api('/v1/interactions?site=demo&type=humanness&limit=5');
  expect(summaries.count).toBeGreaterThan(0);
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
