/**
 * Folds each request of an ingest group into the evidence of the sessions its newly stored
 * events belong to, in arrival order, and scores those sessions again. Pure: the stored
 * evidence comes in, the new evidence and verdicts go out. Work grows with the group's
 * events, not with requests × events.
 */
import {
  addRequest,
  readClientSummary,
  scoreSession,
  type ClientSummary,
  type EvidenceEvent,
  type Score,
  type SessionEvidence,
} from '../scoring/index.js';
import type { EventRow } from '../storage/types.js';
import { sessionKey, type IngestRequest } from './types.js';

export interface ScoredSession {
  evidence: SessionEvidence;
  score: Score;
}

/** One request of the group: what it told, and its events stored by this group (no duplicates). */
export interface StoredRequest {
  request: IngestRequest | null;
  rows: readonly EventRow[];
}

interface SessionPart {
  events: EvidenceEvent[];
  /** The latest humanness summary among the request's events of the session. */
  client?: ClientSummary;
}

function evidenceEvent(r: EventRow): EvidenceEvent {
  const screen = r.context?.screen;
  const viewport = r.context?.viewport;
  if (!screen && !viewport) return { type: r.type, ts: r.ts };
  return { type: r.type, ts: r.ts, ...(screen ? { screen } : {}), ...(viewport ? { viewport } : {}) };
}

/**
 * Sessions touched only by requests without facts (imports, storage tests) are left out:
 * their evidence and verdict stay as stored. A request whose events were all duplicates (a
 * retry) adds nothing, so a retried batch is not counted twice in the request rate.
 * `previous(key)` gives a session's stored evidence (read once per session).
 */
export function scoreTouchedSessions(
  requests: readonly StoredRequest[],
  previous: (key: string) => SessionEvidence | null,
): Map<string, ScoredSession> {
  const evidence = new Map<string, SessionEvidence>();
  for (const { request, rows } of requests) {
    if (!request || rows.length === 0) continue;
    const bySession = new Map<string, SessionPart>();
    for (const row of rows) {
      const k = sessionKey(row.site, row.session);
      let part = bySession.get(k);
      if (!part) bySession.set(k, (part = { events: [] }));
      part.events.push(evidenceEvent(row));
      if (row.type === 'humanness' && row.data)
        part.client = readClientSummary(JSON.parse(row.data) as Record<string, unknown>);
    }
    for (const [k, part] of bySession) {
      const before = evidence.get(k) ?? previous(k);
      const { client, events } = part;
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
  const scored = new Map<string, ScoredSession>();
  for (const [k, e] of evidence) scored.set(k, { evidence: e, score: scoreSession(e) });
  return scored;
}
