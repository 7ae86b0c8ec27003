/**
 * Folds one ingest request into a session's evidence: O(1) work and a fixed-size result,
 * so ingest can call it on every request and store the blob on the session. Pure: returns a
 * new object, leaves the old one alone.
 */
import type { ClientSummary, EventCounts, SessionEvidence, TimingSummary } from '../types.js';
import type { NetworkVerdict } from '../../enrich/lookupNetwork.js';
import type { RequestFacts } from './readRequestFacts.js';

/** What `addRequest` needs of each event of this session in the request. */
export interface EvidenceEvent {
  type: string;
  /** Event time (client clock, already clamped by ingest), epoch ms. */
  ts: number;
  /** Pageviews: the SDK always sends both. */
  screen?: string;
  viewport?: string;
}

const MINUTE_MS = 60_000;

function emptyTiming(): TimingSummary {
  return {
    count: 0,
    firstTs: 0,
    lastTs: 0,
    intervals: 0,
    intervalMean: 0,
    intervalM2: 0,
    minuteStart: 0,
    minuteCount: 0,
    peakPerMinute: 0,
  };
}

export function createEvidence(): SessionEvidence {
  return {
    v: 1,
    userAgent: '',
    userAgentChanges: 0,
    clientHints: null,
    headers: {
      noAcceptLanguage: 0,
      wildcardAcceptLanguage: 0,
      secure: 0,
      secureWithoutFetchMetadata: 0,
      bare: 0,
      withClientHints: 0,
    },
    requests: emptyTiming(),
    pageviews: emptyTiming(),
    events: {
      pageview: 0,
      click: 0,
      scroll: 0,
      engagement: 0,
      timing: 0,
      vital: 0,
      error: 0,
      custom: 0,
      humanness: 0,
      other: 0,
      pageviewWithoutContext: 0,
      pageviewFillingScreen: 0,
    },
    network: { requests: 0, datacenter: 0 },
  };
}

/**
 * Adds one time to a series: Welford's update for the intervals (mean and variance in O(1)
 * memory), and fixed one-minute windows for the rate — each opened by the first time after the
 * previous one closed, so a burst straddling two windows still shows at least half its count.
 * Times older than the latest (out-of-order batches) count but add no interval.
 */
export function addTime(t: TimingSummary, ts: number): TimingSummary {
  const next = { ...t, count: t.count + 1 };
  if (t.count === 0) {
    Object.assign(next, { firstTs: ts, lastTs: ts, minuteStart: ts, minuteCount: 1, peakPerMinute: 1 });
    return next;
  }
  if (ts >= t.lastTs) {
    const gap = ts - t.lastTs;
    next.intervals = t.intervals + 1;
    const delta = gap - t.intervalMean;
    next.intervalMean = t.intervalMean + delta / next.intervals;
    next.intervalM2 = t.intervalM2 + delta * (gap - next.intervalMean);
    next.lastTs = ts;
  }
  if (ts - t.minuteStart < MINUTE_MS && ts >= t.minuteStart) next.minuteCount = t.minuteCount + 1;
  else if (ts >= t.minuteStart) Object.assign(next, { minuteStart: ts, minuteCount: 1 });
  next.peakPerMinute = Math.max(t.peakPerMinute, next.minuteCount);
  next.firstTs = Math.min(t.firstTs, ts);
  return next;
}

function countEvents(counts: EventCounts, events: readonly EvidenceEvent[]): EventCounts {
  const next = { ...counts };
  for (const e of events) {
    const key = (
      e.type in next && e.type !== 'pageviewWithoutContext' ? e.type : 'other'
    ) as keyof EventCounts;
    next[key] += 1;
    if (e.type === 'pageview' && (!e.screen || !e.viewport)) next.pageviewWithoutContext += 1;
    else if (e.type === 'pageview' && e.screen === e.viewport)
      next.pageviewFillingScreen = (next.pageviewFillingScreen ?? 0) + 1;
  }
  return next;
}

export interface AddRequestInput {
  facts: RequestFacts;
  /** This session's events in the request (a batch may hold several sessions: split first). */
  events: readonly EvidenceEvent[];
  /** From `lookupNetwork(request.ip)`; null when no database is loaded. */
  network: NetworkVerdict | null;
  /** From the SDK humanness event, when the request carried one (fields merged, latest wins). */
  client?: ClientSummary;
}

export function addRequest(previous: SessionEvidence | null, input: AddRequestInput): SessionEvidence {
  const { facts, events, network, client } = input;
  const e = previous ?? createEvidence();
  const h = e.headers;
  const changed = e.requests.count > 0 && facts.userAgent !== e.userAgent;
  let pageviews = e.pageviews;
  for (const pv of events.filter((x) => x.type === 'pageview').sort((a, b) => a.ts - b.ts)) {
    pageviews = addTime(pageviews, pv.ts);
  }
  const next: SessionEvidence = {
    ...e,
    userAgent: facts.userAgent,
    userAgentChanges: e.userAgentChanges + (changed ? 1 : 0),
    ...(changed ? { otherUserAgent: e.userAgent } : {}),
    clientHints: facts.clientHints ?? e.clientHints,
    headers: {
      noAcceptLanguage: h.noAcceptLanguage + (facts.acceptLanguage === 'missing' ? 1 : 0),
      wildcardAcceptLanguage: h.wildcardAcceptLanguage + (facts.acceptLanguage === 'wildcard' ? 1 : 0),
      secure: h.secure + (facts.secure ? 1 : 0),
      secureWithoutFetchMetadata:
        h.secureWithoutFetchMetadata + (facts.secure && !facts.fetchMetadata ? 1 : 0),
      bare: h.bare + (facts.headerClass === 'bare' ? 1 : 0),
      withClientHints: h.withClientHints + (facts.clientHints ? 1 : 0),
    },
    requests: addTime(e.requests, facts.receivedAt),
    pageviews,
    events: countEvents(e.events, events),
    network: network
      ? {
          requests: e.network.requests + 1,
          datacenter: e.network.datacenter + (network.datacenter ? 1 : 0),
          ...(network.asn !== undefined ? { asn: network.asn } : {}),
          ...(network.asnOrg !== undefined ? { asnOrg: network.asnOrg } : {}),
        }
      : e.network,
  };
  if (client) next.client = { ...e.client, ...client };
  return next;
}
