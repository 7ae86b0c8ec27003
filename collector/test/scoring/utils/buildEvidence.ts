/**
 * Builds session evidence the way ingest will: request by request through
 * `readRequestFacts` and `addRequest`, so rule tests exercise the real accumulation.
 */
import { addRequest, type EvidenceEvent } from '../../../src/scoring/evidence/addRequest.js';
import { readRequestFacts, type RequestHeaders } from '../../../src/scoring/evidence/readRequestFacts.js';
import type { NetworkVerdict } from '../../../src/enrich/lookupNetwork.js';
import type { ClientSummary, SessionEvidence } from '../../../src/scoring/types.js';
import type { BrowserProfile } from './browsers.js';

export const T0 = Date.parse('2024-03-10T12:00:00Z');

/** Headers a page's `fetch`/`sendBeacon` to the collector carries in a current browser. */
export function browserHeaders(profile: BrowserProfile): RequestHeaders {
  return {
    'user-agent': profile.ua,
    accept: '*/*',
    'accept-language': 'en-GB,en;q=0.9',
    'accept-encoding': 'gzip, deflate, br',
    origin: 'https://example.com',
    referer: 'https://example.com/',
    'sec-fetch-site': 'cross-site',
    'sec-fetch-mode': 'no-cors',
    'sec-fetch-dest': 'empty',
    ...(profile.hints
      ? {
          'sec-ch-ua': profile.hints.ua,
          'sec-ch-ua-platform': profile.hints.platform,
          'sec-ch-ua-mobile': profile.hints.mobile,
        }
      : {}),
  };
}

export interface ScriptedRequest {
  /** Offset from T0, ms. */
  at: number;
  events: EvidenceEvent[];
}

export interface SessionScript {
  headers: RequestHeaders;
  requests: ScriptedRequest[];
  secure?: boolean;
  network?: NetworkVerdict | null;
  client?: ClientSummary;
  visitor?: SessionEvidence['visitor'];
}

export const pageview = (at: number): EvidenceEvent => ({
  type: 'pageview',
  ts: T0 + at,
  screen: '1920x1080',
  viewport: '1903x955',
});
export const signal = (type: string, at: number): EvidenceEvent => ({ type, ts: T0 + at });

/** A reader: pages at irregular intervals, each followed by scroll, vitals and engagement. */
export function humanRequests(pages = 3): ScriptedRequest[] {
  const gaps = [0, 41_000, 9_500, 128_000, 23_000, 67_000, 4_200, 300_000, 15_000, 88_000];
  const requests: ScriptedRequest[] = [];
  let t = 0;
  for (let i = 0; i < pages; i++) {
    t += gaps[i % gaps.length]!;
    requests.push({ at: t, events: [pageview(t)] });
    requests.push({
      at: t + 3_100,
      events: [signal('scroll', t + 2_000), signal('vital', t + 2_500), signal('engagement', t + 3_000)],
    });
  }
  return requests;
}

export function buildEvidence(script: SessionScript): SessionEvidence {
  let evidence: SessionEvidence | null = null;
  script.requests.forEach((request, i) => {
    const facts = readRequestFacts({
      headers: script.headers,
      secure: script.secure ?? true,
      receivedAt: T0 + request.at,
    });
    evidence = addRequest(evidence, {
      facts,
      events: request.events,
      network:
        script.network === undefined
          ? { datacenter: false, asn: 3320, asnOrg: 'Deutsche Telekom AG' }
          : script.network,
      ...(script.client && i === 0 ? { client: script.client } : {}),
    });
  });
  if (!evidence) throw new Error('a session needs at least one request');
  const built: SessionEvidence = evidence;
  return script.visitor ? { ...built, visitor: script.visitor } : built;
}

/** A human reader's session in the given browser, with overrides. */
export function browserSession(
  profile: BrowserProfile,
  overrides: Partial<SessionScript> = {},
): SessionEvidence {
  return buildEvidence({ headers: browserHeaders(profile), requests: humanRequests(), ...overrides });
}
