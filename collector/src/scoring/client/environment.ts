/**
 * `client:software-webgl`, `client:no-plugins`, `client:odd-screen`, `client:platform-mismatch`:
 * traits of the page's environment that bots often have — and so do people on virtual
 * machines and remote desktops (software WebGL), Linux (no plugins), odd monitors and
 * privacy browsers. Weak: together they stay under the bot threshold on their own.
 */
import { MEDIUM, WEAK } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

export function scoreEnvironment(evidence: SessionEvidence): RuleResult[] {
  const client = evidence.client;
  if (!client) return [];
  const results: RuleResult[] = [];
  if (client.softwareWebgl) results.push({ family: 'client', name: 'software-webgl', strength: WEAK });
  if (client.noPlugins) results.push({ family: 'client', name: 'no-plugins', strength: WEAK / 2 });
  if (client.oddScreen) results.push({ family: 'client', name: 'odd-screen', strength: WEAK });
  // UA-switcher extensions cause it too: medium, not strong.
  if (client.platformMismatch)
    results.push({ family: 'client', name: 'platform-mismatch', strength: MEDIUM });
  return results;
}
