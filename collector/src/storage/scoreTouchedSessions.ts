/**
 * Driver-neutral: folds each request of an ingest group into the evidence of the sessions its
 * newly stored events belong to, in arrival order, and scores those sessions again. Pure; a
 * driver reads the previous evidence before and writes the result after, set-based.
 */
import {
  addRequest,
  readClientSummary,
  scoreSession,
  type ClientSummary,
  type Score,
  type SessionEvidence,
} from '../scoring/index.js';
import type { EventRow, IngestRequest } from './types.js';

export interface ScoredSession {
  evidence: SessionEvidence;
  score: Score;
}

/** One request of the group: what it told, and its events stored by this group (no duplicates). */
export interface StoredRequest {
  request: IngestRequest | null;
  rows: readonly EventRow[];
}

/** The latest humanness summary among `rows`, as the scoring's client evidence. */
function clientOf(rows: readonly EventRow[]): ClientSummary | undefined {
  let client: ClientSummary | undefined;
  for (const row of rows) {
    if (row.type !== 'humanness' || !row.data) continue;
    client = readClientSummary(JSON.parse(row.data) as Record<string, unknown>);
  }
  return client;
}

export const sessionKey = (site: string, session: string): string => `${site}\u0000${session}`;

/**
 * Sessions touched only by requests without facts (imports, storage tests) are left out:
 * their evidence and verdict stay as stored. A request whose events were all duplicates (a
 * retry) adds nothing, so a retried batch is not counted twice in the request rate.
 */
export function scoreTouchedSessions(
  requests: readonly StoredRequest[],
  previous: ReadonlyMap<string, SessionEvidence | null>,
): Map<string, ScoredSession> {
  const evidence = new Map<string, SessionEvidence>();
  for (const { request, rows } of requests) {
    if (!request || rows.length === 0) continue;
    const bySession = new Map<string, EventRow[]>();
    for (const row of rows) {
      const k = sessionKey(row.site, row.session);
      bySession.set(k, [...(bySession.get(k) ?? []), row]);
    }
    for (const [k, sessionRows] of bySession) {
      const events = sessionRows.map((r) => ({
        type: r.type,
        ts: r.ts,
        ...(r.context?.screen ? { screen: r.context.screen } : {}),
        ...(r.context?.viewport ? { viewport: r.context.viewport } : {}),
      }));
      const before = evidence.get(k) ?? previous.get(k) ?? null;
      const client = clientOf(sessionRows);
      evidence.set(
        k,
        addRequest(before, {
          facts: request.facts,
          events,
          network: request.network,
          ...(client ? { client } : {}),
        }),
      );
    }
  }
  return new Map([...evidence].map(([k, e]) => [k, { evidence: e, score: scoreSession(e) }]));
}
