/**
 * Benchmark on real user agents that maintained packages ship (none invented here):
 * - crawlers: every example instance of `crawler-user-agents` (monperrus, MIT);
 * - browsers: the 10 000 real-traffic UAs of `user-agents` (Intoli, BSD-2) and the top 100
 *   of `top-user-agents` (MIT).
 * Each UA is scored as a one-request session with an otherwise ordinary browser request, so
 * the UA alone decides. Targets (issue): crawler recall ≥ 99.5 %, browser false positives ≤ 0.2 %.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreSession } from '../../src/scoring/scoreSession.js';
import { CHROME_WINDOWS } from './utils/browsers.js';
import { browserHeaders, buildEvidence, pageview } from './utils/buildEvidence.js';

const require = createRequire(import.meta.url);
const packageFile = (pkg: string, file: string) => join(dirname(require.resolve(pkg)), file);

const crawlers: string[] = (require('crawler-user-agents') as Array<{ instances?: string[] }>).flatMap(
  (entry) => entry.instances ?? [],
);
const browsers: string[] = [
  ...(
    JSON.parse(readFileSync(packageFile('user-agents', 'user-agents.json'), 'utf8')) as Array<{
      userAgent: string;
    }>
  ).map((u) => u.userAgent),
  ...(JSON.parse(readFileSync(packageFile('top-user-agents', 'index.json'), 'utf8')) as string[]),
];

const RECALL_TARGET = 0.995;
const FALSE_POSITIVE_TARGET = 0.002;

function scoreUa(ua: string) {
  const headers = {
    ...browserHeaders(CHROME_WINDOWS),
    'user-agent': ua,
    'sec-ch-ua': undefined,
    'sec-ch-ua-platform': undefined,
    'sec-ch-ua-mobile': undefined,
  };
  return scoreSession(buildEvidence({ headers, requests: [{ at: 0, events: [pageview(0)] }] }));
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(2)} % (${n}/${of})`;

describe('UA benchmark on real user agents', () => {
  it(`finds ≥ ${RECALL_TARGET * 100} % of declared crawlers`, () => {
    expect(crawlers.length).toBeGreaterThan(1_000);
    const missed = crawlers.filter((ua) => !scoreUa(ua).isBot);
    const recall = 1 - missed.length / crawlers.length;
    console.log(
      `crawler recall: ${pct(crawlers.length - missed.length, crawlers.length)}; missed:\n  ${missed.join('\n  ')}`,
    );
    expect(recall).toBeGreaterThanOrEqual(RECALL_TARGET);
  });

  it(`calls ≤ ${FALSE_POSITIVE_TARGET * 100} % of browser UAs bots`, () => {
    expect(browsers.length).toBeGreaterThan(10_000);
    const flagged = browsers.filter((ua) => scoreUa(ua).isBot);
    const withUaReason = browsers.filter((ua) => scoreUa(ua).reasons.some((r) => r.startsWith('ua:')));
    console.log(
      `browser false positives: ${pct(flagged.length, browsers.length)}; with any ua: reason: ${pct(withUaReason.length, browsers.length)}` +
        (withUaReason.length
          ? `\n  ${withUaReason
              .slice(0, 20)
              .map((ua) => `${scoreUa(ua).reasons.join(',')} ← ${ua}`)
              .join('\n  ')}`
          : ''),
    );
    expect(flagged.length / browsers.length).toBeLessThanOrEqual(FALSE_POSITIVE_TARGET);
  });
});
