/**
 * Declared crawlers and real browsers, by user agent alone: one session per distinct UA, one
 * SDK-shaped pageview posted with the headers its browser would send (`browserHeaders`).
 *
 * - crawlers: every `instances` entry of `crawler-user-agents` (monperrus, MIT), UAs seen
 *   in the wild. NOT independent of the rule: `isbot`, which `ua:crawler` uses, is tested
 *   against this very list by its maintainers, so its recall here is close to a training-set
 *   score; new crawlers it has never seen will be missed more often.
 * - browsers: the distinct UAs of `user-agents` (Intoli, generated from real traffic data,
 *   BSD-2: 10,000 rows weighted by traffic, which repeat UAs; 952 distinct at 2.1.198) and
 *   `top-user-agents` (MIT). isbot is also tested for false positives against browser lists
 *   like these. The request around the UA is made by the bench, so this
 *   set judges the `ua:` family only: no page ran, nothing about behaviour is shown.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { browserHeaders, eachLimit, pageview, post } from '../browserHeaders.mjs';

const require = createRequire(import.meta.url);

export function crawlerUserAgents() {
  const entries = require('crawler-user-agents');
  return [...new Set(entries.flatMap((e) => e.instances ?? []).filter((ua) => ua.trim()))];
}

function browserUserAgentSources() {
  const file = join(dirname(require.resolve('user-agents')), 'user-agents.json');
  return {
    real: JSON.parse(readFileSync(file, 'utf8')).map((u) => u.userAgent),
    top: require('top-user-agents'),
  };
}

export function browserUserAgents() {
  const { real, top } = browserUserAgentSources();
  return [...new Set([...real, ...top])];
}

/** What the browser set holds: `user-agents` repeats UAs across its rows (weighted by traffic). */
export function describeBrowserUserAgents() {
  const { real, top } = browserUserAgentSources();
  const distinct = new Set(real);
  const added = new Set(top.filter((ua) => !distinct.has(ua))).size;
  return `${distinct.size + added} distinct UAs: user-agents ${real.length.toLocaleString('en')} rows, ${distinct.size} distinct; top-user-agents ${top.length}, ${added} of them not in user-agents`;
}

/** Posts one pageview per UA to `site`; resolves with how many sessions were sent. */
export async function sendUserAgents(collectorUrl, site, userAgents) {
  const page = 'https://www.example.org/pricing';
  await eachLimit(userAgents, 16, async (ua, i) => {
    const session = `${site}-${i}`;
    await post(collectorUrl, site, [pageview(session, page, Date.now())], browserHeaders(ua, page));
  });
  return userAgents.length;
}
