/**
 * `rate:burst`, `rate:fast-pages`, `rate:client-flood`, `rate:session-churn`: more requests or
 * pages in a minute than a person's browser makes. The SDK batches events (one request per
 * flush), so even a busy reader sends a few requests a minute.
 */
import { MEDIUM, STRONG } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** Requests of one session in one minute: the SDK's flush timer keeps people far below. */
const MAX_REQUESTS_PER_MINUTE = 60;
/** Pageviews of one session in one minute: 20 is a page every 3 s, a minute long. */
const MAX_PAGEVIEWS_PER_MINUTE = 20;
/** Requests of one hashed client (all its sessions) in one minute: a household behind one NAT stays under. */
const MAX_CLIENT_REQUESTS_PER_MINUTE = 240;
/** New sessions of one hashed client in an hour: scripts that start a session per request. */
const MAX_CLIENT_SESSIONS_PER_HOUR = 30;

export function scoreRequestRate(evidence: SessionEvidence): RuleResult[] {
  const results: RuleResult[] = [];
  if (evidence.requests.peakPerMinute > MAX_REQUESTS_PER_MINUTE) {
    results.push({ family: 'rate', name: 'burst', strength: STRONG });
  }
  if (evidence.pageviews.peakPerMinute > MAX_PAGEVIEWS_PER_MINUTE) {
    results.push({ family: 'rate', name: 'fast-pages', strength: STRONG });
  }
  const visitor = evidence.visitor;
  if ((visitor?.requestsLastMinute ?? 0) > MAX_CLIENT_REQUESTS_PER_MINUTE) {
    results.push({ family: 'rate', name: 'client-flood', strength: MEDIUM });
  }
  if ((visitor?.sessionsLastHour ?? 0) > MAX_CLIENT_SESSIONS_PER_HOUR) {
    results.push({ family: 'rate', name: 'session-churn', strength: MEDIUM });
  }
  return results;
}
