/** The engagement and problems reports over HTTP: JSON through their schemas, and CSV. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngagementResult } from '../../src/reports/engagement.js';
import type { ProblemsResult } from '../../src/reports/problems.js';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { getJson } from '../utils/getJson.js';
import { userTraffic } from '../utils/seedUserTraffic.js';
import { utcDate } from '../utils/utcDays.js';
import { insertEvents } from '../utils/insertEvents.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const { zed, others } = userTraffic();
  await insertEvents(t.storage, [...zed, ...others]);
});
afterAll(() => t.close());

const period = `site=demo&from=${utcDate(6)}&to=${utcDate(0)}`;

describe('GET /v1/reports/engagement', () => {
  it('ranks identified users by score', async () => {
    const { statusCode, body } = await getJson<EngagementResult>(t, `/v1/reports/engagement?${period}`);
    expect(statusCode).toBe(200);
    // zed: day 2 = 9.5, day 1 = 3 + 1 = 4; bob: 2 sessions + 2 pageviews = 8; ann: 3 + 1 + 0.5 = 4.5
    expect(body.users.map((u) => [u.user, u.score, u.status, u.new])).toEqual([
      ['zed-user', 13.5, 'active', true],
      ['bob', 8, 'active', true],
      ['ann', 4.5, 'active', true],
    ]);
    expect(body.users[0]!.sparkline).toEqual([0, 0, 0, 0, 9.5, 4, 0]);
    expect(body.users[0]!.wow_change).toBeNull();
    expect(body.totals).toMatchObject({ users: 3, new_users: 3, sessions: 5 });
    expect(body.status).toEqual({ active: 3, at_risk: 0, dormant: 0 });
    expect(body.filter_applies_to).toEqual([]);
  });

  it('reads as CSV, one row per ranked user', async () => {
    const response = await t.app.inject({
      url: `/v1/reports/engagement?${period}&format=csv`,
      headers: t.auth,
    });
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^user,score,sessions,/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^zed-user,13.5,2,/);
  });
});

describe('GET /v1/reports/problems', () => {
  it('scores users, sessions and pages', async () => {
    const { statusCode, body } = await getJson<ProblemsResult>(t, `/v1/reports/problems?${period}`);
    expect(statusCode).toBe(200);
    // 2 errors, 1 rage click, 1 slow load (zed); 1 dead click (ann)
    expect(body.totals).toMatchObject({ errors: 2, rage: 1, dead: 1, slow: 1, score: 11 });
    expect(body.totals).toMatchObject({ sessions_affected: 3, users_affected: 2 });
    expect(body.users.map((u) => [u.user, u.score])).toEqual([
      ['zed-user', 10],
      ['ann', 1],
    ]);
    expect(body.sessions.map((s) => [s.session, s.user, s.score])).toEqual([
      ['sess-zed-1', 'zed-user', 8],
      ['sess-zed-2', 'zed-user', 2],
      ['sess-ann-1', 'ann', 1],
    ]);
    expect(body.pages.map((p) => [p.path, p.score])).toEqual([
      ['/pricing', 10],
      ['/home', 1],
    ]);
  });

  it('filters totals and pages only, and says so', async () => {
    const { body } = await getJson<ProblemsResult>(t, `/v1/reports/problems?${period}&page=/home`);
    expect(body.filter_applies_to).toEqual(['totals', 'pages']);
    // What happened on /home: ann's dead click (zed's errors and rage click were on /pricing,
    // after he viewed /home).
    expect(body.totals).toMatchObject({ errors: 0, rage: 0, dead: 1, slow: 0, pageviews: 3 });
    expect(body.pages.map((p) => p.path)).toEqual(['/home']);
    expect(body.users).toHaveLength(2);
  });

  it('reads as CSV: users, sessions and pages in one table', async () => {
    const response = await t.app.inject({
      url: `/v1/reports/problems?${period}&format=csv`,
      headers: t.auth,
    });
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('kind,id,errors,rage,dead,slow,score');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      'user',
      'user',
      'session',
      'session',
      'session',
      'page',
      'page',
    ]);
  });
});
