/**
 * Random traffic for property tests: sessions over three UTC days with session attributes
 * (side, user, device, country, referrer) and events of every report-relevant type.
 */
import fc from 'fast-check';
import type { EventRow } from '../../../src/storage/types.js';
import { utcMidnight } from '../../utils/utcDays.js';

export const PATHS = ['/a', '/b', '/c/d', '/c/e', '/'];
export const DAYS_AGO = [3, 2, 1];

export interface GenSession {
  id: string;
  bot: boolean;
  user: string | null;
  device: string | null;
  country: string | null;
  referrerDomain: string | null;
  events: GenEvent[];
}

export interface GenEvent {
  type: 'pageview' | 'click' | 'scroll' | 'engagement' | 'timing' | 'vital' | 'error' | 'custom';
  day: number;
  minute: number;
  path: string;
  visitor: string;
  value: number;
  flag: boolean;
  name: string;
  /** Position in its session. */
  index: number;
}

const event = fc.record({
  type: fc.constantFrom(
    'pageview',
    'pageview',
    'pageview',
    'click',
    'scroll',
    'engagement',
    'timing',
    'vital',
    'error',
    'custom',
  ),
  day: fc.integer({ min: 0, max: 2 }),
  minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  path: fc.constantFrom(...PATHS),
  visitor: fc.constantFrom('v1', 'v2', 'v3', 'v4'),
  value: fc.integer({ min: 0, max: 6000 }),
  flag: fc.boolean(),
  name: fc.constantFrom('LCP', 'INP', 'CLS', 'FCP', 'TTFB'),
}) as fc.Arbitrary<Omit<GenEvent, 'index'>>;

const session = fc.record({
  bot: fc.boolean(),
  user: fc.constantFrom(null, null, 'alice', 'bob'),
  device: fc.constantFrom(null, 'desktop', 'mobile'),
  country: fc.constantFrom(null, 'DE', 'FR'),
  referrerDomain: fc.constantFrom(null, 'a.example', 'b.example'),
  events: fc.array(event, { minLength: 1, maxLength: 8 }),
});

export const trafficArbitrary = fc
  .array(session, { minLength: 1, maxLength: 14 })
  .map((sessions) =>
    sessions.map(
      (s, i) => ({ ...s, id: `s${i}`, events: s.events.map((e, index) => ({ ...e, index })) }) as GenSession,
    ),
  );

/** Distinct within a session (the index breaks ties), so that event order is unambiguous. */
export function tsOf(e: GenEvent, now: number): number {
  return utcMidnight(DAYS_AGO[e.day]!, now) + e.minute * 60_000 + e.index;
}

function dataOf(e: GenEvent): Record<string, unknown> | null {
  switch (e.type) {
    case 'click':
      return {
        selector: 'a',
        tag: 'a',
        kind: e.flag ? 'outbound' : 'link',
        rage: e.value % 3 === 0 ? 3 : undefined,
        dead: e.value % 5 === 0,
      };
    case 'scroll':
      return { depth: e.value % 101 };
    case 'engagement':
      return { ms: e.value };
    case 'timing':
      return { load: e.value };
    case 'vital':
      return { value: e.name === 'CLS' ? e.value / 10_000 : e.value };
    case 'error':
      return { kind: 'error', message: `boom ${e.value % 2}`, count: 1 + (e.value % 3) };
    case 'custom':
      return { props: { plan: e.flag ? 'pro' : 'free' } };
    default:
      return null;
  }
}

/** Storage rows for a session's events; ids are stable per (session, index). */
export function rowsOf(s: GenSession, now: number): EventRow[] {
  return s.events.map((e, i) => {
    const ts = tsOf(e, now);
    const data = dataOf(e);
    return {
      site: 'demo',
      eventId: `${s.id}-${i}`,
      type: e.type,
      ts,
      receivedAt: ts,
      session: s.id,
      visitor: e.visitor,
      user: s.user,
      url: `https://example.com${e.path}`,
      path: e.path,
      title: null,
      referrer: null,
      name: e.type === 'vital' ? e.name : e.type === 'custom' ? 'signup' : null,
      data: data ? JSON.stringify(data) : null,
      pv: null,
      userAgent: 'Mozilla/5.0 (test)',
      client: { country: s.country, browser: null, os: null, device: s.device },
      source: {
        referrerDomain: s.referrerDomain,
        channel: s.referrerDomain ? 'referral' : 'direct',
        utmSource: null,
        utmMedium: null,
        utmCampaign: null,
      },
    };
  });
}
