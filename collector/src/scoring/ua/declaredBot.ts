/**
 * `ua:crawler`, `ua:headless`, `ua:library`: the user agent says it is not a person. The
 * list is `isbot`'s (maintained, tested against crawler-user-agents and real browser UAs:
 * see test/scoring/evaluation.test.ts); we only sort its match into a family of reason.
 * Single-token and e-mail-like UAs count as declared too: isbot lists them as bot patterns.
 */
import { isbotMatch } from 'isbot';
import { DECISIVE } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** Headless browsers and browser-automation stacks that name themselves. */
const HEADLESS = /headless|phantomjs|slimerjs|electron\/.*\bcypress|puppeteer|playwright|selenium|webdriver/i;

/** HTTP client libraries and command-line tools: a script, not a browser. */
const LIBRARY =
  /^(curl|wget|python|aiohttp|httpx|go-http-client|java|okhttp|axios|node|undici|got|php|guzzle|ruby|perl|libwww|lwp|httpclient|apache-httpclient|postmanruntime|insomnia|scrapy|powershell|dart|rust|reqwest|deno|bun)\b/i;

function judge(ua: string): RuleResult[] {
  const match = ua ? isbotMatch(ua) : null;
  if (!match) return [];
  let name = 'crawler';
  if (HEADLESS.test(match) || HEADLESS.test(ua)) name = 'headless';
  else if (LIBRARY.test(ua) || LIBRARY.test(match)) name = 'library';
  return [{ family: 'ua', name, strength: DECISIVE }];
}

export function scoreDeclaredBot(evidence: SessionEvidence): RuleResult[] {
  // Headless Chrome names itself in Sec-CH-UA even when the UA string was overridden.
  if (evidence.clientHints?.brands.some((b) => b.brand === 'HeadlessChrome')) {
    return [{ family: 'ua', name: 'headless', strength: DECISIVE }];
  }
  // A UA the session sent before it changed counts as much as the latest (an override that
  // missed a request leaks the real one).
  const latest = judge(evidence.userAgent);
  return latest.length > 0 || evidence.otherUserAgent === undefined ? latest : judge(evidence.otherUserAgent);
}
