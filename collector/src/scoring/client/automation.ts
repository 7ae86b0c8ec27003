/**
 * `client:webdriver`, `client:headless`, `client:automation`: the page saw the automation
 * itself (`navigator.webdriver` is true under WebDriver, Puppeteer and Playwright by spec:
 * https://w3c.github.io/webdriver/#interface). Filled by the SDK humanness module.
 */
import { DECISIVE, STRONG } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** Headless traits have lookalikes (kiosk modes, embedded webviews): strong plus any other sign. */
const HEADLESS_STRENGTH = 0.85;

export function scoreAutomation(evidence: SessionEvidence): RuleResult[] {
  const client = evidence.client;
  if (!client) return [];
  const results: RuleResult[] = [];
  if (client.webdriver) results.push({ family: 'client', name: 'webdriver', strength: DECISIVE });
  if (client.automationGlobals && client.automationGlobals.length > 0) {
    results.push({ family: 'client', name: 'automation', strength: DECISIVE });
  }
  if (client.headless) results.push({ family: 'client', name: 'headless', strength: HEADLESS_STRENGTH });
  if (client.noLanguages) results.push({ family: 'client', name: 'no-languages', strength: STRONG });
  return results;
}
