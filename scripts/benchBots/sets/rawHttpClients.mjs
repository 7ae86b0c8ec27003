/**
 * Scripts that post SDK-shaped events straight to the collector from Node's `fetch`, with a
 * current browser's user agent and the headers that browser would send — no page runs.
 * - `fetch-pageviews`: four pageviews (page context included), nothing else;
 * - `fetch-forged`: the same plus the timing, vitals, engagement and a forged humanness
 *   summary with human-looking statistics: what a determined scraper that read the SDK sends.
 */
import { browserHeaders, event, pageview, post } from '../browserHeaders.mjs';

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
];
const PAGES = ['/', '/pricing', '/blog/', '/blog/counting-people', '/about'];

export const RAW_VARIANTS = ['fetch-pageviews', 'fetch-forged'];

function forgedHumanness(random) {
  const n = (lo, hi) => Math.round((lo + (hi - lo) * random()) * 100) / 100;
  return {
    webdriver: false, headless: false, noPlugins: false, pluginMismatch: false, noLanguages: false,
    languageMismatch: false, oddScreen: false, platformMismatch: false,
    trustedEvents: Math.round(n(40, 200)), pointerMoves: Math.round(n(30, 120)), pointerPauses: Math.round(n(1, 5)),
    clicks: 2, firstInteractionMs: n(800, 4000), straightness: n(0.85, 0.97), speedMean: n(150, 400),
    speedCv: n(0.5, 0.8), accelSd: n(5000, 15000), turnMean: n(0.3, 0.8), turnSd: n(0.4, 1),
    clickOffsetMean: n(0.2, 0.4), clickOffsetSd: n(0.1, 0.25), pressMean: n(80, 140), pressCv: n(0.15, 0.3),
  };
}

/** Sends `sessions` sessions of `variant` to `site`. */
export async function runRawVariant(variant, { collectorUrl, site, sessions, seed }) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let s = 0; s < sessions; s++) {
    const session = `${site}-${s}-${Math.floor(random() * 1e9)}`;
    const ua = USER_AGENTS[s % USER_AGENTS.length];
    let ts = Date.now() - 10 * 60_000;
    for (const path of PAGES.slice(0, 4)) {
      const url = `https://shop.example.org${path}`;
      const pv = pageview(session, url, ts);
      const events = [pv];
      if (variant === 'fetch-forged') {
        events.push(
          event('timing', session, url, ts + 900, pv.id, { ttfb: 120, domReady: 600, load: 900 }),
          event('vital', session, url, ts + 1500, pv.id, { name: 'LCP', value: 1400 + random() * 800 }),
          event('engagement', session, url, ts + 30_000, pv.id, { ms: Math.round(20_000 + random() * 40_000) }),
          event('humanness', session, url, ts + 30_000, pv.id, forgedHumanness(random)),
        );
      }
      await post(collectorUrl, site, events, browserHeaders(ua, url));
      ts += Math.round(15_000 + random() * 90_000);
    }
  }
}
