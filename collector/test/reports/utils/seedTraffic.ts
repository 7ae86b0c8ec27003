/**
 * Stores generated traffic (bot sessions through a crawler's request) and says what each
 * session is: the expected verdicts come from the generator, not from the store.
 */
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
  // Two human batches: the second one folds into sessions the first one created.
  const half = Math.floor(humans.length / 2);
  await insertEvents(storage, humans.slice(0, half));
  await insertEvents(storage, humans.slice(half));
  // Bot sessions look human at first (no request facts) and are rolled up so; a crawler's
  // request with the rest of each session's events flips it, and every day it touched must
  // be rebuilt. Every bot session gets that request (at least its last event comes with it).
  const botSessions = sessions.filter((s) => s.bot).map((s) => rowsOf(s, now));
  if (botSessions.length > 0) {
    await insertEvents(
      storage,
      botSessions.flatMap((rows) => rows.slice(0, Math.floor(rows.length / 2))),
    );
    await storage.refreshRollups();
    const facts = readRequestFacts({ headers: { 'user-agent': CRAWLER }, secure: false, receivedAt: now });
    await insertEvents(
      storage,
      botSessions.flatMap((rows) => rows.slice(Math.floor(rows.length / 2))),
      null,
      { facts, network: null },
    );
  }
  await storage.refreshRollups();
  // The verdict is the generator's, never read back: a declared crawler is a bot on its
  // first request (`ua:crawler`, README "Bot scoring"), and nothing else here looks like one.
  return sessions.map((s) => ({
    ...s,
    isBot: s.bot,
    botReasons: s.bot ? ['ua:crawler'] : [],
  }));
}
