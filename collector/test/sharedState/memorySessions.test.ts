import { describe, expect, it } from 'vitest';
import { createMemorySessions } from '../../src/sharedState/memorySessions.js';

describe('createMemorySessions', () => {
  it('makes opaque, unguessable ids that are valid until they expire', async () => {
    let now = 1_000;
    const store = createMemorySessions({ ttlMs: 60_000, now: () => now });
    const a = await store.create();
    const b = await store.create();
    expect(a.id).toMatch(/^[\w-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.maxAgeS).toBe(60);
    expect(await store.isValid(a.id)).toBe(true);
    now += 59_999;
    expect(await store.isValid(a.id)).toBe(true);
    now += 1;
    expect(await store.isValid(a.id)).toBe(false);
  });

  it('forgets a deleted id; knows no made-up or missing one', async () => {
    const store = createMemorySessions();
    const { id } = await store.create();
    await store.delete(id);
    expect(await store.isValid(id)).toBe(false);
    expect(await store.isValid('made-up')).toBe(false);
    expect(await store.isValid(undefined)).toBe(false);
  });

  it('keeps at most 1000 sign-ins, dropping the oldest', async () => {
    const store = createMemorySessions();
    const first = (await store.create()).id;
    const second = (await store.create()).id;
    for (let i = 0; i < 999; i++) await store.create();
    expect(await store.isValid(first)).toBe(false);
    expect(await store.isValid(second)).toBe(true);
    const last = (await store.create()).id;
    expect(await store.isValid(second)).toBe(false);
    expect(await store.isValid(last)).toBe(true);
  });
});
