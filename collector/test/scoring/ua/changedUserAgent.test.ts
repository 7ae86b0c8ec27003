import { describe, expect, it } from 'vitest';
import { scoreChangedUserAgent } from '../../../src/scoring/ua/changedUserAgent.js';
import { scoreDeclaredBot } from '../../../src/scoring/ua/declaredBot.js';
import { addRequest } from '../../../src/scoring/evidence/addRequest.js';
import { readRequestFacts } from '../../../src/scoring/evidence/readRequestFacts.js';
import type { SessionEvidence } from '../../../src/scoring/types.js';
import { BROWSERS, CHROME_WINDOWS } from '../utils/browsers.js';

const CHROME_LINUX = BROWSERS.find((b) => b.label === 'Chrome / Linux')!;
import { browserHeaders, pageview, T0 } from '../utils/buildEvidence.js';

const HEADLESS =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';

/** One request per user agent, in order. */
function session(userAgents: string[]): SessionEvidence {
  let evidence: SessionEvidence | null = null;
  userAgents.forEach((ua, i) => {
    const headers = { ...browserHeaders(CHROME_WINDOWS), 'user-agent': ua, 'sec-ch-ua': undefined };
    evidence = addRequest(evidence, {
      facts: readRequestFacts({ headers, secure: true, receivedAt: T0 + i * 5_000 }),
      events: [pageview(i * 5_000)],
      network: null,
    });
  });
  return evidence!;
}
const reasons = (e: SessionEvidence) =>
  [...scoreDeclaredBot(e), ...scoreChangedUserAgent(e)].map((r) => `${r.family}:${r.name}`);

describe('scoreChangedUserAgent and the other UA in scoreDeclaredBot', () => {
  it.each([
    ['one browser throughout', [CHROME_WINDOWS.ua, CHROME_WINDOWS.ua], []],
    ['a UA override that a closing beacon missed', [CHROME_WINDOWS.ua, CHROME_WINDOWS.ua, HEADLESS], ['ua:headless', 'ua:changed']],
    ['the leak first, then the override', [HEADLESS, CHROME_WINDOWS.ua, CHROME_WINDOWS.ua], ['ua:headless', 'ua:changed']],
    ['alternating', [CHROME_WINDOWS.ua, HEADLESS, CHROME_WINDOWS.ua], ['ua:headless', 'ua:changed']],
    ['"request desktop site" (a person; medium only)', [CHROME_WINDOWS.ua, CHROME_LINUX.ua], ['ua:changed']],
  ] as Array<[string, string[], string[]]>)('%s → %j', (_label, userAgents, expected) => {
    expect(reasons(session(userAgents))).toEqual(expected);
  });

  it('keeps the UA before the latest change', () => {
    expect(session([HEADLESS, CHROME_WINDOWS.ua]).otherUserAgent).toBe(HEADLESS);
    expect(session([CHROME_WINDOWS.ua]).otherUserAgent).toBeUndefined();
  });
});
