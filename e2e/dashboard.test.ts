/**
 * The dashboard in real headless Chromium against a real collector with seeded traffic:
 * sign in through the form, visit every tab, keep a screenshot of each (e2e/artifacts/), and
 * check that what the screen says equals what the API says.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import {
  DAY_MS,
  isoDay,
  kpiValue,
  last30Days,
  saveElementScreenshot,
  saveScreenshot,
  signInToDashboard,
  waitForView,
} from './utils/dashboardPage.js';
import { launchChromium } from './utils/launchChromium.js';
import { postEvents } from './utils/postEvents.js';
import { seedDashboard } from './utils/seedDashboard.js';
import { startStack, type Stack } from './utils/startStack.js';

let browser: Browser;
let stack: Stack;
let context: BrowserContext;
let seeded: string[];
const { from, to } = last30Days();
const period = `site=demo&from=${from}&to=${to}&bots=include`;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchChromium(), startStack()]);
  seeded = await seedDashboard(stack.collectorUrl);
  // Report rollups are rebuilt in the background: wait until they hold every seeded pageview.
  for (let tries = 0; (await stack.api(`/v1/reports/overview?${period}`)).totals.pageviews !== 13; tries++) {
    if (tries > 300) throw new Error('the overview never showed the seeded pageviews');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterEach(async () => context?.close());

test('signs in through the form into an HttpOnly, SameSite=Strict cookie; Overview equals the API', async () => {
  const page = await signInToDashboard(context, stack.collectorUrl, 'bots=include');
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 'sightline_session', httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(cookie?.value).not.toContain('e2e-admin-token');
  expect(page.url()).toContain('bots=include');

  const api = await stack.api(`/v1/reports/overview?${period}`);
  expect(api.totals.pageviews).toBe(13);
  for (const key of ['visitors', 'pageviews', 'sessions'] as const) {
    expect(await kpiValue(page, key), key).toBe(api.totals[key]);
  }
  const rows = await page.$$eval('[data-table="overview-days"] tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent)),
  );
  expect(rows).toHaveLength(30);
  const byDay = new Map(
    api.series.map((d: any) => [d.date, [String(d.visitors), String(d.pageviews), String(d.sessions)]]),
  );
  for (const [day, ...cells] of rows) expect(cells, day!).toEqual(byDay.get(day));
  expect(await page.locator('.chart canvas').count()).toBeGreaterThan(0);

  // Day × hour heatmap: Monday first, 24 hours a row, each cell the report's pageviews.
  const heat = page.locator('[data-heatmap="overview-heatmap"]');
  const counts = await heat
    .locator('tbody td')
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-count'))));
  expect(counts).toEqual(api.heatmap.map((c: { pageviews: number }) => c.pageviews));
  const busiest = api.heatmap.reduce((a: any, b: any) => (b.pageviews > a.pageviews ? b : a));
  expect(busiest.pageviews).toBeGreaterThan(0);
  const cell = heat.locator('tbody tr').nth(busiest.dow).locator('td').nth(busiest.hour);
  expect(await cell.getAttribute('data-count')).toBe(String(busiest.pageviews));
  expect(await cell.getAttribute('title')).toContain(`${busiest.pageviews} pageview`);
  expect(await cell.getAttribute('title')).toContain(`${busiest.sessions} session`);
  // Shaded: the busiest cell is darkest, an empty one is not the same colour.
  const empty = heat.locator('tbody td[data-count="0"]').first();
  const background = (l: typeof cell) => l.evaluate((td) => getComputedStyle(td).backgroundColor);
  expect(await background(cell)).not.toBe(await background(empty));
  expect(await cell.evaluate((td) => getComputedStyle(td).getPropertyValue('--heat'))).toBe('1.000');
  expect(await heat.textContent()).toContain(`${busiest.pageviews} pageview`);

  const firstRender = await page.evaluate(
    () => performance.getEntriesByName('sightline:first-render')[0]?.startTime,
  );
  // The mark `pnpm bench` reads first-render times from (timings live in the benchmark).
  expect(firstRender).toBeGreaterThan(0);
  await saveScreenshot(page, 'dashboard-overview');
});

test('Errors: the table and figures equal the errors report', async () => {
  const page = await signInToDashboard(context, stack.collectorUrl, 'bots=include&tab=errors');
  const api = await stack.api(`/v1/reports/errors?${period}`);
  expect(api.errors.length).toBe(2);
  expect(await kpiValue(page, 'occurrences')).toBe(api.totals.occurrences);
  expect(await kpiValue(page, 'groups')).toBe(api.totals.groups);
  const shown = await page.$$eval('[data-table="errors"] tbody tr', (trs) =>
    trs.map((tr) => [tr.children[0]?.textContent, Number(tr.children[3]?.textContent)]),
  );
  expect(shown).toEqual(api.errors.map((e: any) => [e.message, e.occurrences]));
  const csv = await page.getAttribute('[data-table="errors"] a.csv', 'href');
  const res = await page.request.get(stack.collectorUrl + csv!);
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain('TypeError: price is undefined');
  await saveScreenshot(page, 'dashboard-errors');
});

test('Sessions: count, search and a session detail equal the records API', async () => {
  const page = await signInToDashboard(context, stack.collectorUrl, 'bots=include&tab=sessions');
  const api = await stack.api(`/v1/sessions?${period}`);
  expect(api.count).toBe(seeded.length);
  expect(Number(await page.getAttribute('.count', 'data-count'))).toBe(api.count);
  expect(await page.locator('[data-table="sessions"] tbody tr').count()).toBe(api.count);
  await saveScreenshot(page, 'dashboard-sessions');

  await page.fill('#session-search', 'alice');
  await page.press('#session-search', 'Enter');
  await waitForView(page);
  const searched = await stack.api(`/v1/sessions?${period}&search=alice`);
  expect(searched.count).toBe(2);
  expect(Number(await page.getAttribute('.count', 'data-count'))).toBe(searched.count);
  expect(page.url()).toContain('q=alice');

  const target = 'seed-s0';
  await page.click(`[data-table="sessions"] button.link:text-is("${target}")`);
  await waitForView(page);
  expect(page.url()).toContain(`session=${target}`);
  const views = await stack.api(`/v1/pageviews?site=demo&session=${target}&limit=1000`);
  const events = await stack.api(`/v1/interactions?site=demo&session=${target}&limit=1000`);
  expect(await page.locator('[data-table="session-pageviews"] tbody tr').count()).toBe(views.count);
  expect(await page.locator('[data-table="session-events"] tbody tr').count()).toBe(events.count);
  await expect.poll(() => page.textContent('.facts')).toContain('alice');
  await saveScreenshot(page, 'dashboard-session-detail');

  await page.goBack();
  await waitForView(page);
  expect(Number(await page.getAttribute('.count', 'data-count'))).toBe(searched.count);
});

test('the view lives in the URL: bots switch, period, comparison, filter chips, tabs by keyboard', async () => {
  const page = await signInToDashboard(context, stack.collectorUrl);
  expect(page.url()).toContain('site=demo');
  // People only by default: crafted requests are bots, so nothing shows.
  expect(await kpiValue(page, 'pageviews')).toBe(
    (await stack.api(`/v1/reports/overview?site=demo&from=${from}&to=${to}`)).totals.pageviews,
  );
  await page.click('label[for="bots-include"]');
  await waitForView(page);
  expect(page.url()).toContain('bots=include');
  await page.selectOption('#period', '7d');
  await page.check('#compare');
  await waitForView(page);
  expect(page.url()).toMatch(/period=7d.*compare=previous/);
  const week = await stack.api(
    `/v1/reports/overview?site=demo&from=${new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10)}&to=${to}&bots=include`,
  );
  expect(await kpiValue(page, 'pageviews')).toBe(week.totals.pageviews);
  expect(await page.locator('[data-kpi="pageviews"] .kpi-change').count()).toBe(1);
  await saveScreenshot(page, 'dashboard-overview-compare');

  // Keyboard: focus the active tab; arrows move along the bar (wrapping at the ends).
  await page.focus('[role="tab"][aria-selected="true"]');
  await page.keyboard.press('ArrowRight');
  await waitForView(page);
  expect(page.url()).toContain('tab=pages');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await waitForView(page);
  // (from Pages: Overview, then round to the last tab)
  expect(page.url()).toContain('tab=sessions');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-sessions');

  // A click on a user sets a removable filter chip, applied to the list.
  await page.click('[data-table="sessions"] button.link:text-is("alice")');
  await waitForView(page);
  expect(page.url()).toContain('user=alice');
  expect(await page.textContent('.chip')).toContain('alice');
  const filtered = await stack.api(
    `/v1/sessions?site=demo&from=${new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10)}&to=${to}&bots=include&user=alice`,
  );
  expect(Number(await page.getAttribute('.count', 'data-count'))).toBe(filtered.count);

  // Reload: the same view comes back from the URL alone.
  const url = page.url();
  await page.reload();
  await waitForView(page);
  expect(page.url()).toBe(url);
  expect(await page.getAttribute('#tab-sessions', 'aria-selected')).toBe('true');
  expect(await page.isChecked('#bots-include')).toBe(true);
  await page.click('.chip button');
  await waitForView(page);
  expect(page.url()).not.toContain('user=');
});

test('every report tab equals its report; a breakdown value becomes a filter', async () => {
  const page = await signInToDashboard(context, stack.collectorUrl, 'bots=include');
  const cases = [
    {
      tab: 'pages',
      table: 'pages',
      rows: (r: any) => r.pages,
      first: (r: any) => [r.pages[0].path, r.pages[0].views],
    },
    {
      tab: 'paths',
      table: 'paths-entries',
      rows: (r: any) => r.entry_pages,
      first: (r: any) => [r.entry_pages[0].path, r.entry_pages[0].entries],
    },
    {
      tab: 'engagement',
      table: 'engagement',
      rows: (r: any) => r.users,
      first: (r: any) => [r.users[0].user, r.users[0].score],
    },
    {
      tab: 'problems',
      table: 'problems-pages',
      rows: (r: any) => r.pages,
      first: (r: any) => [r.pages[0].path, r.pages[0].views],
    },
    {
      tab: 'events',
      table: 'events',
      rows: (r: any) => r.events,
      first: (r: any) => [r.events[0].type, r.events[0].name],
    },
    {
      tab: 'vitals',
      table: 'vitals',
      rows: (r: any) => r.overall,
      first: (r: any) => [r.overall[0].metric, r.overall[0].samples],
    },
    {
      tab: 'bots',
      table: 'bots-reasons',
      rows: (r: any) => r.reasons,
      first: (r: any) => [r.reasons[0]?.reason ?? null, r.reasons[0]?.sessions ?? null],
    },
  ];
  for (const c of cases) {
    await page.click(`#tab-${c.tab}`);
    await waitForView(page);
    const api = await stack.api(
      `/v1/reports/${c.tab}?${c.tab === 'bots' ? period.replace('include', 'only') : period}`,
    );
    const rows = page.locator(`[data-table="${c.table}"] tbody tr`);
    expect(await rows.count(), c.tab).toBe(c.rows(api).length);
    if (c.rows(api).length) {
      const cells = await rows.first().locator('td').allTextContents();
      const [a, b] = c.first(api);
      expect(cells.slice(0, 1), c.tab).toEqual([String(a)]);
      expect(
        cells.map((x) => x.replace(/,/g, '')),
        c.tab,
      ).toContain(String(b));
    }
    await saveScreenshot(page, `dashboard-${c.tab}`);
  }
  const bots = await stack.api(`/v1/reports/bots?${period.replace('include', 'only')}`);
  expect(await kpiValue(page, 'bot-sessions')).toBe(bots.totals.bot.sessions);
  expect(await kpiValue(page, 'human-sessions')).toBe(bots.totals.human.sessions);

  // A user clicked in Engagement opens in the User tab, equal to their profile.
  await page.click('#tab-engagement');
  await waitForView(page);
  await page.click('[data-table="engagement"] button.link:text-is("alice")');
  await waitForView(page);
  await page.click('#tab-user');
  await waitForView(page);
  const alice = await stack.api('/v1/users/alice?site=demo&bots=include');
  expect(alice.sessions).toBe(2);
  expect(await kpiValue(page, 'user-sessions')).toBe(alice.sessions);
  expect(await kpiValue(page, 'user-pageviews')).toBe(alice.pageviews);
  expect(await page.locator('[data-table="user-timeline"] tbody tr').count()).toBe(alice.timeline.length);
  await saveScreenshot(page, 'dashboard-user');
  await page.click('.chip button');
  await waitForView(page);

  // A funnel typed on the Paths tab is kept in the URL and equals the report's.
  await page.click('#tab-paths');
  await waitForView(page);
  await page.fill('#funnel-steps', '/, /pricing, event:signup');
  await page.press('#funnel-steps', 'Enter');
  await waitForView(page);
  expect(page.url()).toContain('funnel=');
  const funnel = await stack.api(
    `/v1/reports/paths?${period}&funnel=${encodeURIComponent('/,/pricing,event:signup')}`,
  );
  const steps = await page.$$eval('[data-table="paths-funnel"] tbody tr', (trs) =>
    trs.map((tr) => Number(tr.children[1]?.textContent)),
  );
  expect(steps).toEqual(funnel.funnel.map((s: { sessions: number }) => s.sessions));
  await saveScreenshot(page, 'dashboard-paths-funnel');

  await page.click('#tab-overview');
  await waitForView(page);
  await page.click('[data-table="overview-devices"] button.link:text-is("mobile")');
  await waitForView(page);
  expect(page.url()).toContain('device=mobile');
  const mobile = await stack.api(`/v1/reports/overview?${period}&device=mobile`);
  expect(mobile.totals.pageviews).toBe(3);
  expect(await kpiValue(page, 'pageviews')).toBe(mobile.totals.pageviews);
  expect(await page.locator('.chip:not(.off)').count()).toBe(1);
});

test('charts equal their reports: page bars, section heatmap, session lengths, sparklines, vitals ratings', async () => {
  const page = await signInToDashboard(context, stack.collectorUrl, 'bots=include&tab=pages');
  const pages = await stack.api(`/v1/reports/pages?${period}`);

  // A bar behind each top page, as wide as its views against the first page's.
  const bars = await page.$$eval('[data-table="pages"] tbody tr', (trs) =>
    trs.map((tr) => {
      const bar = tr.querySelector('td.barred .bar')!;
      return {
        path: tr.querySelector('td.barred button.link')?.textContent,
        value: Number(bar.getAttribute('data-value')),
        width: bar.getBoundingClientRect().width,
      };
    }),
  );
  expect(bars.map((b) => [b.path, b.value])).toEqual(pages.pages.map((p: any) => [p.path, p.views]));
  const top = pages.pages[0].views;
  expect(pages.pages.at(-1).views).toBeLessThan(top);
  for (const [i, b] of bars.entries()) {
    expect(b.width / bars[0]!.width, b.path!).toBeCloseTo(b.value / top, 2);
    if (i > 0) expect(b.width).toBeLessThanOrEqual(bars[i - 1]!.width);
  }

  // Sections × days: a row per section, a cell per day, each the report's views.
  const sectionHeat = page.locator('[data-heatmap="pages-sections-heatmap"]');
  const grid = await sectionHeat
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('th')?.textContent,
        ...[...tr.querySelectorAll('td')].map((td) => Number(td.getAttribute('data-count'))),
      ]),
    );
  expect(grid).toEqual(pages.sections.map((s: any) => [s.section, ...s.days.map((d: any) => d.views)]));
  expect(grid.length).toBeGreaterThan(1);
  const peak = pages.sections
    .flatMap((s: any, i: number) => s.days.map((d: any, j: number) => ({ i, j, ...d, section: s.section })))
    .reduce((a: any, b: any) => (b.views > a.views ? b : a));
  const peakCell = sectionHeat.locator('tbody tr').nth(peak.i).locator('td').nth(peak.j);
  expect(await peakCell.getAttribute('title')).toBe(
    `${peak.section} · ${peak.date}: ${peak.views} view${peak.views === 1 ? '' : 's'} (${pages.sections[peak.i].views} view${pages.sections[peak.i].views === 1 ? '' : 's'} in the period)`,
  );
  // The sections table stays, with its CSV.
  expect(await page.locator('[data-table="pages-sections"] tbody tr').count()).toBe(pages.sections.length);
  expect(await page.locator('[data-table="pages-sections"] .csv').count()).toBe(1);

  // A page's bar label is the page filter's button (so the keyboard reaches it).
  await page.focus('[data-table="pages"] td.barred button.link >> nth=1');
  await page.keyboard.press('Enter');
  await waitForView(page);
  expect(new URL(page.url()).searchParams.get('page')).toBe(pages.pages[1].path);
  await page.click('.chip button');
  await waitForView(page);

  // Pages per session: one column per bucket of the paths report, heights in proportion.
  await page.click('#tab-paths');
  await waitForView(page);
  const paths = await stack.api(`/v1/reports/paths?${period}`);
  const histogram = page.locator('[data-histogram="paths-lengths-histogram"]');
  const columns = await histogram.locator('.hist-col').evaluateAll((cols) =>
    cols.map((c) => ({
      label: c.getAttribute('data-label'),
      count: Number(c.getAttribute('data-count')),
      shown: Number(c.querySelector('.hist-value')?.textContent),
      height: c.querySelector('.hist-bar')!.getBoundingClientRect().height,
    })),
  );
  expect(columns.map((c) => [c.label, c.count, c.shown])).toEqual(
    paths.session_lengths.map((l: any) => [l.pages, l.sessions, l.sessions]),
  );
  expect(columns.map((c) => c.label)).toEqual(['1', '2', '3-5', '6-10', '11+']);
  const most = Math.max(...columns.map((c) => c.count));
  const tallest = Math.max(...columns.map((c) => c.height));
  expect(most).toBeGreaterThan(0);
  for (const c of columns) expect(c.height / tallest, c.label!).toBeCloseTo(c.count / most, 2);
  expect(await histogram.locator('[role="img"]').getAttribute('aria-label')).toContain(
    `1 page: ${paths.session_lengths[0].sessions} session`,
  );

  // Engagement: a 7-day sparkline per user, the report's daily scores.
  await page.click('#tab-engagement');
  await waitForView(page);
  const engagement = await stack.api(`/v1/reports/engagement?${period}`);
  const sparks = await page.$$eval('[data-table="engagement"] tbody tr', (trs) =>
    trs.map((tr) => [
      tr.children[0]?.textContent,
      tr.querySelector('.spark')?.getAttribute('data-values'),
      tr.querySelectorAll('.spark-bar').length,
    ]),
  );
  expect(sparks).toEqual(engagement.users.map((u: any) => [u.user, u.sparkline.join(','), 7]));
  expect(await page.locator('[data-table="engagement"] th', { hasText: 'Last 7 days' }).count()).toBe(1);

  // Vitals: each p75 carries its rating, in the rating's colour.
  await page.click('#tab-vitals');
  await waitForView(page);
  const vitals = await stack.api(`/v1/reports/vitals?${period}`);
  const shown = await page.$$eval('[data-table="vitals"] tbody tr', (trs) =>
    trs.map((tr) => {
      const rating = tr.querySelector('.rating');
      return [
        tr.children[0]?.textContent,
        rating?.getAttribute('data-rating') ?? null,
        rating ? getComputedStyle(rating).color : null,
      ];
    }),
  );
  expect(shown.map(([metric, rating]) => [metric, rating])).toEqual(
    vitals.overall.map((s: any) => [s.metric, s.rating]),
  );
  const colour = new Map(shown.map(([, rating, color]) => [rating, color]));
  expect([...colour.keys()]).toEqual(expect.arrayContaining(['good', 'needs-improvement', 'poor']));
  expect(new Set([colour.get('good'), colour.get('needs-improvement'), colour.get('poor')]).size).toBe(3);
  await saveScreenshot(page, 'dashboard-vitals-ratings');
});

test('Realtime equals the realtime report, and shows a new pageview within 2 s over SSE, without a reload', async () => {
  const streams: string[] = [];
  context.on('request', (r) => r.url().includes('/v1/reports/realtime/stream') && streams.push(r.url()));
  const page = await signInToDashboard(context, stack.collectorUrl, 'bots=include&tab=realtime');
  const api = await stack.api('/v1/reports/realtime?site=demo&bots=include');
  const livePageviews = api.per_minute.reduce((n: number, m: { pageviews: number }) => n + m.pageviews, 0);
  expect(await kpiValue(page, 'live-pageviews')).toBe(livePageviews);
  expect(await kpiValue(page, 'live-visitors')).toBe(api.visitors);
  expect(await page.locator('[data-table="realtime-sessions"] tbody tr').count()).toBe(api.sessions.length);
  await saveScreenshot(page, 'dashboard-realtime');

  expect(streams).toHaveLength(1);
  await page.evaluate(() => ((window as any).__noReload = true));
  await postEvents(stack.collectorUrl, [
    {
      id: 'live-1',
      type: 'pageview',
      ts: Date.now(),
      session: 'live-session',
      url: 'https://shop.example/live',
    },
  ]);
  const posted = Date.now();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-kpi="live-pageviews"] .kpi-value')?.textContent) === n,
    livePageviews + 1,
    { timeout: 2000, polling: 50 },
  );
  console.log(`realtime tab showed a new pageview ${Date.now() - posted} ms after its 202`);
  expect(await page.textContent('[data-table="realtime-sessions"]')).toContain('live-session');
  expect(await page.evaluate(() => (window as any).__noReload)).toBe(true);
});

test('fits a phone, reads in dark mode', async () => {
  const phone = await browser.newContext({
    viewport: { width: 375, height: 740 },
    colorScheme: 'dark',
    isMobile: true,
  });
  try {
    const page = await signInToDashboard(phone, stack.collectorUrl, 'bots=include');
    for (const tab of [
      'overview',
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
    ]) {
      await page.goto(`${stack.collectorUrl}/dashboard?bots=include&tab=${tab}`);
      await waitForView(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, tab).toBeLessThanOrEqual(0);
      // Charts fit inside their cards (a long period's heatmap may scroll inside its own).
      const wide = await page.$$eval(
        '[data-heatmap], [data-histogram]',
        (els) => els.filter((el) => el.getBoundingClientRect().right > window.innerWidth).length,
      );
      expect(wide, tab).toBe(0);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe('rgb(17, 20, 24)');
      await saveScreenshot(page, `dashboard-phone-dark-${tab}`);
      for (const chart of await page.locator('[data-heatmap], [data-histogram]').all()) {
        const name =
          (await chart.getAttribute('data-heatmap')) ?? (await chart.getAttribute('data-histogram'));
        await saveElementScreenshot(chart, `dashboard-phone-dark-chart-${name}`);
      }
    }
    // A long period: the section heatmap scrolls inside its card, the page does not.
    const long = `from=${isoDay(Date.now() - 179 * DAY_MS)}&to=${to}`;
    await page.goto(`${stack.collectorUrl}/dashboard?bots=include&tab=pages&${long}`);
    await waitForView(page);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    const days = page.locator('[data-heatmap="pages-sections-heatmap"]');
    expect(await days.locator('tbody tr').first().locator('td').count()).toBe(180);
    expect(await days.locator('.heatmap-scroll').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(
      true,
    );
    // It opens on the latest days.
    const last = days.locator('tbody tr').first().locator('td').last();
    expect(await last.evaluate((td) => td.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await saveElementScreenshot(days, 'dashboard-phone-dark-chart-pages-sections-heatmap-180-days');
  } finally {
    await phone.close();
  }
});

test('signs out: the cookie is cleared and the API no longer answers', async () => {
  const page = await signInToDashboard(context, stack.collectorUrl, 'bots=include');
  expect((await page.request.get(`${stack.collectorUrl}/v1/sites`)).status()).toBe(200);
  await Promise.all([page.waitForURL(/\/dashboard$/), page.click('text=Sign out')]);
  expect(await page.locator('#token').count()).toBe(1);
  expect(await context.cookies()).toEqual([]);
  expect((await page.request.get(`${stack.collectorUrl}/v1/sites`)).status()).toBe(401);
});
