/**
 * `ua:changed`: the session's requests came with more than one user agent. A browser sends
 * one; a script that overrides the page's UA leaks the real one in requests the override
 * misses (a beacon sent as the page closes), and rotating scrapers change it outright. A
 * person's browser can change it once (an update mid-session, "request desktop site"), hence
 * medium. The UAs themselves are still judged: `declaredBot` reads the other one too.
 */
import { MEDIUM } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

export function scoreChangedUserAgent(evidence: SessionEvidence): RuleResult[] {
  return evidence.userAgentChanges > 0 ? [{ family: 'ua', name: 'changed', strength: MEDIUM }] : [];
}
