import { afterEach, describe, expect, test } from 'vitest';
import { SESSION_TIMEOUT_MS, createSession } from '../src/session.js';
import { idString } from './utils/idPattern.js';
import { throwingStorage } from './utils/throwingStorage.js';

const T0 = 1_700_000_000_000;
const MINUTE = 60_000;

afterEach(() => {
  localStorage.clear();
});

describe('createSession', () => {
  test('the timeout is 30 minutes', () => {
    expect(SESSION_TIMEOUT_MS).toBe(30 * MINUTE);
  });

  test('gives an id the collector accepts', () => {
    expect(createSession(localStorage).touch(T0)).toMatch(idString);
  });

  test('keeps the id while activity continues, even past 30 minutes in total', () => {
    const session = createSession(localStorage);
    const id = session.touch(T0);
    // Each touch is under 30 minutes after the previous one: one session of 87 minutes.
    for (const minutes of [1, 29, 58, 87]) {
      expect(session.touch(T0 + minutes * MINUTE)).toBe(id);
    }
  });

  test.each([
    ['29:59 idle', 30 * MINUTE - 1000, false],
    ['exactly 30 minutes idle', 30 * MINUTE, true],
    ['2 hours idle', 120 * MINUTE, true],
  ])('after %s a new id starts: %s', (_, idle, renewed) => {
    const session = createSession(localStorage);
    const id = session.touch(T0);
    const next = session.touch(T0 + idle);
    expect(next !== id).toBe(renewed);
    // The new id then holds in its turn.
    expect(session.touch(T0 + idle + MINUTE)).toBe(next);
  });

  test('is shared through localStorage (other tabs, page reloads)', () => {
    const tabA = createSession(localStorage);
    const tabB = createSession(localStorage);
    const id = tabA.touch(T0);
    expect(tabB.touch(T0 + 10 * MINUTE)).toBe(id);
    // Activity in tab B keeps tab A's session alive too.
    expect(tabA.touch(T0 + 35 * MINUTE)).toBe(id);
  });

  test('persists the id and the last activity in localStorage', () => {
    const id = createSession(localStorage).touch(T0);
    expect(JSON.parse(localStorage.getItem('sightline_session') ?? 'null')).toEqual({ i: id, t: T0 });
  });

  test.each([
    ['storage is unavailable (null)', () => null],
    ['every storage access throws', throwingStorage],
  ])('falls back to memory when %s', (_, storage) => {
    const session = createSession(storage());
    const id = session.touch(T0);
    expect(id).toMatch(idString);
    expect(session.touch(T0 + 20 * MINUTE)).toBe(id);
    expect(session.touch(T0 + 60 * MINUTE)).not.toBe(id);
  });

  test('falls back to memory when only writing throws (quota full)', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    const session = createSession(full);
    const id = session.touch(T0);
    expect(session.touch(T0 + MINUTE)).toBe(id);
  });

  test('starts a new session over an unreadable stored value', () => {
    localStorage.setItem('sightline_session', '{not json');
    const id = createSession(localStorage).touch(T0);
    expect(id).toMatch(idString);
    expect(JSON.parse(localStorage.getItem('sightline_session') ?? 'null')).toEqual({ i: id, t: T0 });
  });
});
