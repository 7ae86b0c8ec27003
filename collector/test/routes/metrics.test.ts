/** `GET /metrics`: who may read it, and every counter moving with what it counts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRollups } from '../../src/jobs/startRollups.js';
import { createMetrics, type Metrics } from '../../src/metrics/createMetrics.js';
import { createTestApp, TEST_TOKEN, type TestApp } from '../utils/createTestApp.js';
import { makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';
import { readMetric } from '../utils/readMetric.js';

const METRICS_TOKEN = 'metrics-only-token-0123456789';

let t: TestApp;
let metrics: Metrics;
beforeEach(async () => {
  metrics = createMetrics();
  t = await createTestApp({ METRICS_TOKEN }, { metrics });
});
afterEach(async () => {
  await t.close();
});

async function scrape(token = TEST_TOKEN): Promise<string> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

describe('GET /metrics access', () => {
  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token-at-all-000' }],
    ['a malformed header', { authorization: TEST_TOKEN }],
  ])('answers 401 to %s', async (_name, headers) => {
    const response = await t.app.inject({ method: 'GET', url: '/metrics', headers });
    expect(response.statusCode).toBe(401);
    expect(response.body).not.toContain('sightline_');
  });

  it('serves the admin token and METRICS_TOKEN', async () => {
    expect(await scrape(TEST_TOKEN)).toContain('sightline_ingest_events_accepted_total');
    expect(await scrape(METRICS_TOKEN)).toContain('sightline_ingest_events_accepted_total');
  });

  it('METRICS_TOKEN reads nothing else', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/reports/overview?site=demo',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /metrics counters', () => {
  it('counts accepted events, duplicates, groups and commit time', async () => {
    const events = [makePageview({ session: 'm' }), makePageview({ session: 'm' })];
    await postCollect(t.app, events);
    await postCollect(t.app, [...events, makePageview({ session: 'm' })]);
    const text = await scrape();
    expect(readMetric(text, 'sightline_ingest_events_accepted_total')).toBe(3);
    expect(readMetric(text, 'sightline_ingest_duplicates_total')).toBe(2);
    // Two requests, two groups (each awaited): 2 and 3 events.
    expect(readMetric(text, 'sightline_ingest_group_events_count')).toBe(2);
    expect(readMetric(text, 'sightline_ingest_group_events_sum')).toBe(5);
    expect(readMetric(text, 'sightline_ingest_group_requests_sum')).toBe(2);
    expect(readMetric(text, 'sightline_ingest_commit_seconds_count', { outcome: 'commit' })).toBe(2);
    expect(readMetric(text, 'sightline_ingest_commit_seconds_sum', { outcome: 'commit' })).toBeGreaterThan(0);
    expect(readMetric(text, 'sightline_ingest_pending_events')).toBe(0);
  });

  it('counts rejections by reason', async () => {
    await postCollect(t.app, [{ id: 'x', type: 'pageview' }]);
    await postCollect(t.app, [makePageview()], { site: 'nowhere' });
    await postCollect(t.app, [makePageview({ ts: Date.now() - 40 * 86_400_000 }), makePageview()]);
    const text = await scrape();
    expect(readMetric(text, 'sightline_ingest_rejected_total', { reason: 'invalid_request' })).toBe(1);
    expect(readMetric(text, 'sightline_ingest_rejected_total', { reason: 'unknown_site' })).toBe(1);
    expect(readMetric(text, 'sightline_ingest_rejected_total', { reason: 'too_old' })).toBe(1);
    expect(readMetric(text, 'sightline_ingest_events_accepted_total')).toBe(1);
  });

  it('times reports by name', async () => {
    await t.app.inject({ method: 'GET', url: '/v1/reports/overview?site=demo', headers: t.auth });
    await t.app.inject({ method: 'GET', url: '/v1/reports/pages?site=demo', headers: t.auth });
    await t.app.inject({ method: 'GET', url: '/v1/reports/pages?site=demo', headers: t.auth });
    const text = await scrape();
    expect(readMetric(text, 'sightline_report_seconds_count', { name: 'overview' })).toBe(1);
    expect(readMetric(text, 'sightline_report_seconds_count', { name: 'pages' })).toBe(2);
  });

  it('reports process memory', async () => {
    expect(readMetric(await scrape(), 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
  });

  it('counts rollup passes from the rollup job, with their duration and lag', async () => {
    const before = readMetric(await scrape(), 'sightline_rollup_pass_seconds_count');
    expect(before).toBe(0);
    await postCollect(t.app, [makePageview()]);
    const silent = t.app.log;
    const stop = startRollups(t.storage, 400, silent, metrics.rollups);
    await expect
      .poll(async () => readMetric(await scrape(), 'sightline_rollup_pass_seconds_count'))
      .toBeGreaterThanOrEqual(1);
    await stop();
    const text = await scrape();
    expect(readMetric(text, 'sightline_rollup_days_total')).toBe(1);
    expect(readMetric(text, 'sightline_rollup_lag_seconds')).toBeGreaterThan(0);
  });
});
