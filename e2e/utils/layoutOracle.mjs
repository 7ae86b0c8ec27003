/**
 * Where elements of a page are, in CSS pixels of a viewport of a given size — measured in a
 * separate headless Chromium on the page without the SDK (`?sdk=0`), so the browser the
 * person uses is never driven or inspected by an automation protocol. The example pages
 * are static: the same viewport gives the same layout.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './launchPlainChromium.mjs';

export async function createLayoutOracle() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const cache = new Map();
  return {
    /**
     * @param {string} url without the SDK's script (the oracle sends no events)
     * @param {{ width: number, height: number }} viewport
     * @param {string[]} selectors
     * @returns {Promise<Record<string, { x: number, y: number, width: number, height: number }>>}
     */
    async boxes(url, viewport, selectors) {
      const key = `${url} ${viewport.width}x${viewport.height} ${selectors}`;
      if (!cache.has(key)) {
        const page = await browser.newPage({ viewport });
        const sep = url.includes('?') ? '&' : '?';
        await page.goto(`${url}${sep}sdk=0`);
        const found = {};
        for (const selector of selectors) {
          const box = await page.locator(selector).boundingBox();
          if (!box) throw new Error(`layout oracle: ${selector} not visible on ${url}`);
          found[selector] = box;
        }
        await page.close();
        cache.set(key, found);
      }
      return cache.get(key);
    },
    close: () => browser.close(),
  };
}
