/**
 * The foundation's vertical slice: a real browser opens the example blog (script tag from
 * the collector), navigates to a second page, and the reports find exactly those two
 * pageviews in one session. Headless Chromium says what it is, so the session is judged a bot:
 * the reports are read with bots=include.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from './utils/launchChromium.js';
import { startStack, type Stack } from './utils/startStack.js';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

test('two pages of the example blog → two pageviews in one session', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`${stack.examplesUrl}blog/`);
  await page.waitForFunction(() => typeof (window as any).sightline?.track === 'function');
  // Leaving the page hands its queued pageview to sendBeacon (pagehide).
  await Promise.all([page.waitForURL('**/blog/about'), page.click('#nav-about')]);
  await page.waitForFunction(() => typeof (window as any).sightline?.flush === 'function');
  await page.evaluate(() => (window as any).sightline.flush());
  await context.close();

  await expect
    .poll(async () => (await stack.api('/v1/reports/overview?site=demo&bots=include')).totals, { timeout: 20_000 })
    .toMatchObject({ pageviews: 2, visitors: 1, sessions: 1 });

  const sessions = await stack.api('/v1/sessions?site=demo');
  expect(sessions.count).toBe(1);
  const [session] = sessions.results;
  expect(session).toMatchObject({ pageviews: 2, entry_path: '/blog/', exit_path: '/blog/about' });
  expect(session.user_agent).toContain('Chrome');
  // HeadlessChrome in the user agent: a bot on its first request, and left out by default.
  expect(session).toMatchObject({ is_bot: true, bot_reasons: expect.arrayContaining(['ua:headless']) });
  expect((await stack.api('/v1/reports/overview?site=demo')).totals).toMatchObject({ pageviews: 0, visitors: 0, sessions: 0 });
  expect((await stack.api('/v1/reports/overview?site=demo&bots=only')).totals).toMatchObject({
    pageviews: 2,
    visitors: 1,
    sessions: 1,
  });

  const views = await stack.api(`/v1/pageviews?site=demo&ordering=ts`);
  expect(views.results.map((v: { path: string }) => v.path)).toEqual(['/blog/', '/blog/about']);
  expect(views.results.every((v: { session: string }) => v.session === session.session)).toBe(true);
  expect(views.results[0].title).toBe('Home · The Sightline Blog');
  expect(views.results[1].referrer).toBe(`${stack.examplesUrl}blog/`);

  const detail = await stack.api(`/v1/sessions/${session.session}?site=demo`);
  expect(detail.pageview_list).toHaveLength(2);
  expect(errors).toEqual([]);
});
