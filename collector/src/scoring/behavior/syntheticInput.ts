/**
 * `behavior:synthetic-input`: input events the page saw were all untrusted (`isTrusted` is
 * false for events made by script: https://dom.spec.whatwg.org/#dom-event-istrusted).
 * `behavior:teleport-clicks`: clicks with no pointer movement before them — what CDP's
 * `Input.dispatchMouseEvent` at a point produces; keyboard users and touch taps do it too,
 * hence medium. Filled by the SDK humanness module.
 */
import { MEDIUM, STRONG } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** A handful of synthetic events can be a site's own script; a session of them is not. */
const MIN_UNTRUSTED = 3;
/** Teleporting clicks: one or two are a keyboard user pressing Enter on a link. */
const MIN_TELEPORT_CLICKS = 5;

export function scoreSyntheticInput(evidence: SessionEvidence): RuleResult[] {
  const client = evidence.client;
  if (!client) return [];
  const results: RuleResult[] = [];
  const untrusted = client.untrustedEvents ?? 0;
  if (untrusted >= MIN_UNTRUSTED && (client.trustedEvents ?? 0) === 0) {
    results.push({ family: 'behavior', name: 'synthetic-input', strength: STRONG });
  }
  const clicks = evidence.events.click;
  const teleports = client.clicksWithoutPointerMove ?? 0;
  if (teleports >= MIN_TELEPORT_CLICKS && clicks > 0 && teleports >= clicks) {
    results.push({ family: 'behavior', name: 'teleport-clicks', strength: MEDIUM });
  }
  return results;
}
