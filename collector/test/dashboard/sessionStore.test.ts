import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../../src/dashboard/sessionStore.js';

describe('createSessionStore', () => {
  it('makes opaque, unguessable ids that are valid until they expire', () => {
    let now = 1_000;
    const store = createSessionStore({ ttlMs: 60_000, now: () => now });
    const a = store.create();
    const b = store.create();
    expect(a.id).toMatch(/^[\w-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.maxAgeS).toBe(60);
    expect(store.isValid(a.id)).toBe(true);
    now += 59_999;
    expect(store.isValid(a.id)).toBe(true);
    now += 1;
    expect(store.isValid(a.id)).toBe(false);
  });

  it('forgets a deleted id; knows no made-up or missing one', () => {
    const store = createSessionStore();
    const { id } = store.create();
    store.delete(id);
    expect(store.isValid(id)).toBe(false);
    expect(store.isValid('made-up')).toBe(false);
    expect(store.isValid(undefined)).toBe(false);
  });

  it('keeps at most 1000 sign-ins, dropping the oldest', () => {
    const store = createSessionStore();
    const first = store.create().id;
    const second = store.create().id;
    for (let i = 0; i < 999; i++) store.create();
    expect(store.isValid(first)).toBe(false);
    expect(store.isValid(second)).toBe(true);
    const last = store.create().id;
    expect(store.isValid(second)).toBe(false);
    expect(store.isValid(last)).toBe(true);
  });
});
