/**
 * People, as near as this machine gets: a normal headful Chromium under Xvfb, started as a
 * plain process (no DevTools protocol, no WebDriver), operated only through OS-level input
 * (XTest via xdotool) with human-like pointer paths, presses, scrolling and typing — see
 * e2e/utils/browseLikeAPerson.mjs. What it proves: the browser's own environment and trusted
 * input come out human. What it cannot: the hand is still a generator (the same one the
 * `curved` bot variant uses, other seeds), Xvfb renders in software like a VM, and no real
 * person's quirks (trackpads, tabbing, autofill, tremor, long reading) are in it.
 */
import { browseLikeAPerson } from '../../../e2e/utils/browseLikeAPerson.mjs';
import { createLayoutOracle } from '../../../e2e/utils/layoutOracle.mjs';
import { createRandom } from '../../../e2e/utils/humanMotion.mjs';
import { startXvfb } from '../../../e2e/utils/startXvfb.mjs';

const PAGE_VIEWS = 4;

/** Polls `check` every 100 ms until it returns a value, for at most `ms`. */
export async function until(check, ms = 30_000, what = 'condition') {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function runXvfbHumans({ stack, site, sessions, seed }) {
  const xvfb = await startXvfb();
  const oracle = await createLayoutOracle();
  try {
    let left = 0;
    const failures = [];
    for (let i = 0; i < sessions; i++) {
      const known = new Set((await stack.sessions(site)).map((s) => s.session));
      const before = (await stack.api(`/v1/interactions?site=${site}&type=humanness&limit=1`)).count;
      await browseLikeAPerson({
        display: xvfb.display,
        examplesUrl: await stack.examples(site),
        oracle,
        random: createRandom(seed + i),
        viewportOfFirstPageview: () =>
          until(async () => (await stack.sessions(site)).find((s) => !known.has(s.session))?.viewport, 30_000, 'first pageview'),
        allPagesLeft: () =>
          until(
            async () => (await stack.api(`/v1/interactions?site=${site}&type=humanness&limit=1`)).count >= before + PAGE_VIEWS,
            30_000,
            'humanness summaries',
          ),
      }).then(
        () => left++,
        // A visit that lost its way (a missed click) is reported, and its session still counts.
        (error) => failures.push(`session ${i + 1}: ${error.message}`),
      );
    }
    return { completed: left, failures };
  } finally {
    await oracle.close();
    await xvfb.close();
  }
}
