/**
 * `net:datacenter`: the session's requests come from a hosting / data-centre network. Medium
 * only: people browse from cloud desktops, corporate VPNs and remote-work VMs, so this never
 * decides alone (and `scoreSession` caps the `net` family below the bot threshold).
 */
import { MEDIUM } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** Share of looked-up requests from a data centre: one request through a proxy is not a session. */
const MIN_SHARE = 0.5;

export function scoreDatacenter(evidence: SessionEvidence): RuleResult[] {
  const { requests, datacenter } = evidence.network;
  if (requests === 0 || datacenter / requests < MIN_SHARE) return [];
  return [{ family: 'net', name: 'datacenter', strength: MEDIUM }];
}
