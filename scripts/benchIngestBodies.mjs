/**
 * What `pnpm bench:ingest` sends: autocannon requests for each scenario, every request with
 * event ids never sent before (so deduplication never short-circuits the write), SDK-shaped
 * pageviews and a real browser's headers. Each autocannon connection is one visitor.
 */
import { browserHeaders } from './benchBots/browserHeaders.mjs';
import { browserUserAgents } from './benchBots/sets/userAgentSets.mjs';

const PAGE = 'https://blog.example/';
const USER_AGENTS = browserUserAgents().filter((ua) => /^Mozilla\/5\.0 /.test(ua));

/**
 * @typedef {object} Scenario
 * @property {string} name
 * @property {number} events per request
 * @property {boolean} newSession each request from a different session and browser
 */

/** @type {Scenario[]} */
export const SCENARIOS = [
  { name: '(a) 20-event batches', events: 20, newSession: false },
  { name: '(b) 1 event/request, same session', events: 1, newSession: false },
  { name: '(c) 1 event/request, new session + browser UA each', events: 1, newSession: true },
];

function pageviews(count, idPrefix, session, ts) {
  return Array.from({ length: count }, (_, j) => ({
    id: `${idPrefix}e${j}`,
    type: 'pageview',
    ts,
    session,
    url: `${PAGE}posts/${j % 50}`,
    title: `Post ${j % 50}`,
    screen: '1920x1080',
    viewport: '1903x961',
    language: 'en-US',
    timezone: 'Europe/Berlin',
  }));
}

/**
 * The scenario's `n`-th request of connection `connection` (ids start with `prefix`).
 * @returns {{ body: string, headers: Record<string, string>, ids: string[] }}
 */
export function scenarioRequest(scenario, prefix, n, connection) {
  const session = scenario.newSession ? `${prefix}s${n}` : `${prefix}c${connection}`;
  const userAgent = USER_AGENTS[(scenario.newSession ? n : connection) % USER_AGENTS.length];
  const events = pageviews(scenario.events, `${prefix}r${n}`, session, Date.now());
  return {
    body: JSON.stringify({ site: 'bench', events }),
    headers: browserHeaders(userAgent, PAGE),
    ids: events.map((e) => e.id),
  };
}

/**
 * autocannon's `requests` for a scenario: unique ids per request, and every answer passed to
 * `onAnswer(status, headers, ids)` (its connection has one request in flight at a time, so the
 * context still holds that request's ids).
 */
export function autocannonRequests(scenario, prefix, onAnswer = () => {}) {
  let sent = 0;
  let connections = 0;
  return [
    {
      method: 'POST',
      path: '/v1/collect',
      setupRequest: (request, context) => {
        context.connection ??= connections++;
        const { body, headers, ids } = scenarioRequest(scenario, prefix, sent++, context.connection);
        context.ids = ids;
        return { ...request, body, headers };
      },
      onResponse: (status, _body, context, headers) => onAnswer(status, headers, context.ids),
    },
  ];
}
