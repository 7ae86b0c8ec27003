/**
 * `behavior:robotic-keys`: keys held for a few milliseconds, or typed faster than any hand —
 * `keyboard.type(text)` and `element.send_keys` send keydown and keyup back to back. People
 * hold a key 50–150 ms and type a key per 100–300 ms. Soft keyboards fire keydown and keyup
 * together, so sessions with touches are left out. Medium for one trait, strong for both.
 */
import { MEDIUM, STRONG } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

const MAX_HOLD_MS = 20;
/** Mean gap between keydowns within a burst: 35 ms is 340 words a minute. */
const MAX_INTERVAL_MS = 35;
const MIN_KEYS = 5;

export function scoreRoboticKeys(evidence: SessionEvidence): RuleResult[] {
  const c = evidence.client;
  if (!c || (c.keys ?? 0) < MIN_KEYS || (c.touches ?? 0) > 0) return [];
  const shortHold = c.keyHoldMean !== undefined && c.keyHoldMean < MAX_HOLD_MS;
  const fast = c.keyIntervalMean !== undefined && c.keyIntervalMean < MAX_INTERVAL_MS;
  if (!shortHold && !fast) return [];
  return [{ family: 'behavior', name: 'robotic-keys', strength: shortHold && fast ? STRONG : MEDIUM }];
}
