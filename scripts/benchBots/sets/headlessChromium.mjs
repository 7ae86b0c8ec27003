/**
 * Scripted Chromium, driven by playwright-core over the DevTools protocol, headless — the
 * bots analytics sees most. Each session is a fresh context on a fresh origin: the blog's
 * home, its post, the sign-up form filled in and submitted, the welcome page, then closed
 * (so every page view's summary is sent). Variants differ in what the script hides and how
 * it moves:
 *
 * | variant        | browser                                                | input                      |
 * |----------------|--------------------------------------------------------|----------------------------|
 * | default        | as launched (HeadlessChrome UA, navigator.webdriver)   | `page.click`, `type`       |
 * | stealth        | AutomationControlled off, desktop Chrome UA, init script hiding navigator.webdriver | `page.click`, `type` |
 * | straight       | as launched                                            | straight `mouse.move` lines, teleport clicks, metronome keys |
 * | curved         | as launched                                            | `humanMotion` paths, presses, key timing (other seeds than the human set) |
 * | stealth-curved | stealth without the init script, Linux desktop UA      | as `curved`: outside the target |
 * | stealth-flag-curved | as stealth-curved, the UA set by `--user-agent` (so no request leaks the real one) | as `curved`: the hardest, outside the target |
 */
import { chromium } from 'playwright-core';
import { aimAt, createRandom, keyTimings, pointerPath, pressMs, readMs } from '../../../e2e/utils/humanMotion.mjs';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const STEALTH = {
  args: ['--disable-blink-features=AutomationControlled'],
  context: (major) => ({
    userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`,
    viewport: { width: 1366, height: 768 },
  }),
  init: () => Object.defineProperty(Object.getPrototypeOf(navigator), 'webdriver', { get: () => false }),
};

export const HEADLESS_VARIANTS = {
  default: { input: 'api' },
  stealth: { ...STEALTH, input: 'api' },
  straight: { input: 'straight' },
  curved: { input: 'curved' },
  'stealth-curved': {
    args: STEALTH.args,
    context: (major) => ({
      userAgent: linuxChrome(major),
      viewport: { width: 1366, height: 768 },
    }),
    input: 'curved',
  },
  'stealth-flag-curved': {
    args: [...STEALTH.args, '--user-agent=LINUX_CHROME'],
    context: () => ({ viewport: { width: 1366, height: 768 } }),
    input: 'curved',
  },
};

const linuxChrome = (major) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;

/** How each variant's script moves, clicks and types. */
function createHands(page, input, random) {
  let at = { x: 5, y: 5 };
  const wait = (ms) => page.waitForTimeout(ms);
  const box = async (selector) => (await page.locator(selector).boundingBox()) ?? { x: 0, y: 0, width: 1, height: 1 };
  return {
    async click(selector) {
      if (input === 'api') return page.click(selector);
      const b = await box(selector);
      if (input === 'straight') {
        // Dead centre; every other click teleports (no move before it).
        const to = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        if (random.next() < 0.5) await page.mouse.move(to.x, to.y, { steps: 12 });
        await page.mouse.click(to.x, to.y);
        at = to;
        return;
      }
      const to = aimAt(b, random);
      for (const p of pointerPath(at, to, random)) {
        await page.mouse.move(p.x, p.y);
        await wait(p.delay);
      }
      at = to;
      await wait(readMs(random, 80, 300));
      await page.mouse.down();
      await wait(pressMs(random));
      await page.mouse.up();
    },
    async type(text) {
      if (input === 'api') return page.keyboard.type(text);
      if (input === 'straight') return page.keyboard.type(text, { delay: 40 });
      for (const { char, hold, gap } of keyTimings(text, random)) {
        await wait(gap);
        await page.keyboard.down(char);
        await wait(hold);
        await page.keyboard.up(char);
      }
    },
    async scroll() {
      if (input === 'api') return page.mouse.wheel(0, 400);
      for (let i = 0; i < 3; i++) {
        await page.mouse.wheel(0, 100);
        await wait(input === 'straight' ? 100 : random.between(40, 160));
      }
    },
  };
}

async function runSession(browser, variant, major, examplesUrl, random) {
  const context = await browser.newContext(variant.context?.(major) ?? {});
  if (variant.init) await context.addInitScript(variant.init);
  const page = await context.newPage();
  const hands = createHands(page, variant.input, random);
  try {
    await page.goto(`${examplesUrl}blog/`);
    await hands.scroll();
    await hands.click('#read-post');
    await page.waitForURL(/counting-people/);
    await hands.scroll();
    await page.goto(`${examplesUrl}form/`);
    await hands.click('#email');
    await hands.type('bo@mail.org');
    await hands.click('#password');
    await hands.type('hunter-22');
    await hands.click('#terms');
    await hands.click('#submit');
    await page.waitForURL(/thanks/);
    await page.close({ runBeforeUnload: true });
  } finally {
    await context.close();
  }
}

/**
 * Runs `sessions` sessions of one variant against `site`; `newOrigin()` gives a fresh
 * examples origin per session; `settled()` resolves once its page views' summaries arrived.
 */
export async function runHeadlessVariant(name, { sessions, newOrigin, settled, seed }) {
  const variant = HEADLESS_VARIANTS[name];
  // The browser's major version is known only once it runs: a UA flag is filled in after a probe launch.
  const launch = (major) =>
    chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...BASE_ARGS, ...(variant.args ?? []).map((a) => a.replace('LINUX_CHROME', linuxChrome(major)))],
    });
  let browser = await launch('0');
  const major = browser.version().split('.')[0];
  if (variant.args?.some((a) => a.includes('LINUX_CHROME'))) {
    await browser.close();
    browser = await launch(major);
  }
  const random = createRandom(seed);
  try {
    for (let i = 0; i < sessions; i++) {
      await runSession(browser, variant, major, await newOrigin(), random);
      await settled(i + 1);
    }
  } finally {
    await browser.close();
  }
}
