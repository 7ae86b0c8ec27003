/** Stores generated traffic (bot sessions through a crawler's request) and reads back verdicts. */
import { readRequestFacts } from '../../../src/scoring/evidence/readRequestFacts.js';
import type { Storage } from '../../../src/storage/types.js';
import type { StoredSession } from './bruteForce.js';
import { rowsOf, type GenSession } from './trafficArbitrary.js';
import { insertEvents } from '../../utils/insertEvents.js';

const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

export async function seedTraffic(
  storage: Storage,
  sessions: GenSession[],
  now: number,
): Promise<StoredSession[]> {
  const humans = sessions.filter((s) => !s.bot).flatMap((s) => rowsOf(s, now));
  const bots = sessions.filter((s) => s.bot).flatMap((s) => rowsOf(s, now));
  // Two human batches: the second one folds into sessions the first one created.
  const half = Math.floor(humans.length / 2);
  await insertEvents(storage, humans.slice(0, half));
  await insertEvents(storage, humans.slice(half));
  if (bots.length > 0) {
    // Bot sessions look human at first (no request facts) and are rolled up so; the crawler
    // request that follows flips them, and every day they touched must be rebuilt.
    const first = bots.filter((_, i) => i % 2 === 0);
    await insertEvents(storage, first);
    await storage.refreshRollups();
    const facts = readRequestFacts({ headers: { 'user-agent': CRAWLER }, secure: false, receivedAt: now });
    await insertEvents(
      storage,
      bots.filter((_, i) => i % 2 === 1),
      null,
      { facts, network: null },
    );
  }
  await storage.refreshRollups();
  const stored = await storage.listSessions({
    site: 'demo',
    from: null,
    to: null,
    bots: 'include',
    limit: 1000,
    offset: 0,
    ordering: [],
    search: null,
    filters: {},
  });
  const byId = new Map(stored.rows.map((r) => [r.session, r]));
  return sessions.map((s) => ({
    ...s,
    isBot: byId.get(s.id)?.isBot ?? false,
    botReasons: byId.get(s.id)?.botReasons ?? [],
    userAgent: byId.get(s.id)?.userAgent ?? null,
  }));
}
