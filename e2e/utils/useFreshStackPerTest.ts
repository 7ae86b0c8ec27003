import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchChromium } from './launchChromium.js';
import { startStack, type Stack } from './startStack.js';

export interface PerTest {
  /** The collector and example sites of the running test (a fresh database each test). */
  readonly stack: Stack;
  /** A fresh browser context of the running test. */
  readonly context: BrowserContext;
  /** Opens an example page and waits until the SDK is up. */
  open(path: string): Promise<Page>;
}

/** One Chromium for the file; a new collector, database and browser context per test. */
export function useFreshStackPerTest(options: BrowserContextOptions = {}): PerTest {
  let browser: Browser;
  let stack: Stack;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    stack = await startStack();
    context = await browser.newContext(options);
  });
  afterEach(async () => {
    await context?.close();
    await stack?.close();
  });
  return {
    get stack() {
      return stack;
    },
    get context() {
      return context;
    },
    async open(path) {
      const page = await context.newPage();
      await page.goto(stack.examplesUrl + path);
      await page.waitForFunction(() => typeof (window as any).sightline?.track === 'function');
      return page;
    },
  };
}
