/**
 * A person, as near as this machine gets: a normal headful Chromium under Xvfb, started as a
 * plain process (no DevTools protocol, no WebDriver), operated only through OS-level input
 * (XTest via xdotool) with curved pointer paths, presses, wheel scrolling and typing. Its
 * session must come out human. Xvfb and xdotool are required: the test fails, never skips,
 * without them (scripts/install-system-deps.sh installs them).
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
// @ts-expect-error plain JS helpers shared with scripts/benchBots
import { browseLikeAPerson } from './utils/browseLikeAPerson.mjs';
// @ts-expect-error
import { createRandom } from './utils/humanMotion.mjs';
// @ts-expect-error
import { createLayoutOracle } from './utils/layoutOracle.mjs';
// @ts-expect-error
import { startXvfb } from './utils/startXvfb.mjs';
import { startStack, type Stack } from './utils/startStack.js';

interface SessionJson {
  session: string;
  is_bot: boolean;
  bot_score: number;
  bot_reasons: string[];
  viewport: string | null;
  pageviews: number;
}

let stack: Stack;
let xvfb: { display: string; close(): Promise<void> };
let oracle: { close(): Promise<void> };

beforeAll(async () => {
  for (const tool of ['Xvfb', 'xdotool']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`]);
    } catch {
      throw new Error(`${tool} is missing: run scripts/install-system-deps.sh (apt-get install xvfb xdotool)`);
    }
  }
  stack = await startStack();
  xvfb = await startXvfb();
  oracle = await createLayoutOracle();
});

afterAll(async () => {
  await oracle?.close();
  await xvfb?.close();
  await stack?.close();
});

const sessions = async () => (await stack.api(`/v1/sessions?site=demo&bots=include`)).results as SessionJson[];

test('a headful Chromium operated through OS-level input comes out human', { timeout: 120_000 }, async () => {
  await browseLikeAPerson({
    display: xvfb.display,
    examplesUrl: stack.examplesUrl,
    oracle,
    random: createRandom(20261126),
    viewportOfFirstPageview: async () => {
      let viewport: string | null | undefined;
      await expect.poll(async () => (viewport = (await sessions())[0]?.viewport)).toBeTruthy();
      return viewport;
    },
    allPagesLeft: () =>
      expect
        .poll(async () => (await stack.api('/v1/interactions?site=demo&type=humanness&limit=1')).count)
        .toBeGreaterThanOrEqual(4),
  });
  const all = await sessions();
  expect(all).toHaveLength(1);
  const [session] = all;
  expect(session).toMatchObject({ is_bot: false });
  expect(session!.pageviews).toBeGreaterThanOrEqual(4);
  expect(session!.bot_score).toBeLessThan(0.7);
  // Listed with the people, not the bots.
  expect((await stack.api('/v1/sessions?site=demo&bots=only')).results).toEqual([]);
});
