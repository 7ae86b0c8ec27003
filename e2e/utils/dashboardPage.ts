import type { BrowserContext, Locator, Page } from 'playwright-core';
import { E2E_TOKEN } from './startStack.js';

export const DAY_MS = 86_400_000;
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The last 30 UTC days ending today: the dashboard's default period. */
export function last30Days(): { from: string; to: string } {
  return { from: isoDay(Date.now() - 29 * DAY_MS), to: isoDay(Date.now()) };
}

/** Resolves when the dashboard has drawn its current view (or failed to). */
export async function waitForView(page: Page): Promise<void> {
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 15_000 });
  const state = await page.getAttribute('body', 'data-state');
  if (state !== 'ready') throw new Error(`dashboard view failed: ${await page.textContent('#status')}`);
}

/** Opens `/dashboard?<query>`, signs in through the form, and waits for the first view. */
export async function signInToDashboard(
  context: BrowserContext,
  collectorUrl: string,
  query = '',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${collectorUrl}/dashboard${query ? `?${query}` : ''}`);
  await page.fill('#token', E2E_TOKEN);
  await Promise.all([page.waitForURL(/\/dashboard/), page.click('button[type="submit"]')]);
  await waitForView(page);
  return page;
}

/** The number a KPI card shows, read from the screen. */
export async function kpiValue(page: Page, key: string): Promise<number> {
  const text = await page.textContent(`[data-kpi="${key}"] .kpi-value`);
  return Number((text ?? '').replace(/,/g, ''));
}

/** Saves a full-page screenshot under e2e/artifacts/ (gitignored). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: new URL(`../artifacts/${name}.png`, import.meta.url).pathname,
    fullPage: true,
  });
}

/** Saves a screenshot of one element (a chart at phone width, say) under e2e/artifacts/. */
export async function saveElementScreenshot(element: Locator, name: string): Promise<void> {
  await element.screenshot({ path: new URL(`../artifacts/${name}.png`, import.meta.url).pathname });
}
