/**
 * Dashboard first render on a seeded store (issue 6: under 1 s on 10M events): headless
 * Chromium signs in once, then opens each tab by URL (a full page load each time) and reads
 * the page's own `sightline:first-render` mark: milliseconds from navigation start until the
 * tab's view, with its report answers, is on screen. Prints p50 and max per tab.
 */
import { chromium } from 'playwright-core';

const TABS = [
  'overview',
  'overview&compare=previous',
  'pages',
  'paths',
  'engagement',
  'problems',
  'events',
  'vitals',
  'errors',
  'bots',
  'realtime',
  'user',
  'sessions',
];

export async function benchDashboard({ url, token, site, runs = 5 }) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/dashboard`);
    await page.fill('#token', token);
    await Promise.all([page.waitForURL(/\/dashboard/), page.click('button[type="submit"]')]);
    // The User tab shows the most engaged user of the period.
    const engagement = await page.request.get(`${url}/v1/reports/engagement?site=${site}`);
    const top = (await engagement.json()).users[0]?.user;
    const rows = {};
    for (const name of TABS) {
      const tab = name === 'user' && top ? `user&user=${encodeURIComponent(top)}` : name;
      const times = [];
      for (let i = 0; i < runs; i += 1) {
        await page.goto(`${url}/dashboard?site=${site}&period=30d&tab=${tab}`);
        await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 60_000 });
        const state = await page.getAttribute('body', 'data-state');
        if (state !== 'ready') throw new Error(`dashboard tab ${tab}: ${await page.textContent('#status')}`);
        times.push(
          await page.evaluate(
            () => performance.getEntriesByName('sightline:first-render')[0]?.startTime ?? NaN,
          ),
        );
      }
      times.sort((a, b) => a - b);
      const max = times[times.length - 1];
      rows[name] = {
        'p50 ms': Math.round(times[Math.floor(times.length / 2)]),
        'max ms': Math.round(max),
        '< 1 s': max < 1000,
      };
    }
    return rows;
  } finally {
    await browser.close();
  }
}
