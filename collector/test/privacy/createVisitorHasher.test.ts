import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVisitorHasher } from '../../src/privacy/createVisitorHasher.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { Storage } from '../../src/storage/types.js';

const DAY = 86_400_000;
const MONDAY = Date.parse('2024-03-04T10:00:00Z');

let storage: Storage;
beforeEach(async () => {
  storage = await createSqliteStorage(':memory:');
  await storage.migrate();
});
afterEach(async () => {
  await storage.close();
});

describe('createVisitorHasher', () => {
  it('gives the same 22-character id to the same client all day', async () => {
    const hash = createVisitorHasher(storage);
    const morning = await hash('demo', '203.0.113.5', 'UA', Date.parse('2024-03-04T00:00:01Z'));
    const evening = await hash('demo', '203.0.113.5', 'UA', Date.parse('2024-03-04T23:59:59Z'));
    expect(morning).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(evening).toBe(morning);
    expect(morning).not.toContain('203.0.113.5');
  });

  it.each([
    ['another site', ['other', '203.0.113.5', 'UA']],
    ['another address', ['demo', '203.0.113.6', 'UA']],
    ['another user agent', ['demo', '203.0.113.5', 'UA2']],
  ] as const)('gives %s another id', async (_name, [site, address, ua]) => {
    const hash = createVisitorHasher(storage);
    expect(await hash(site, address, ua, MONDAY)).not.toBe(await hash('demo', '203.0.113.5', 'UA', MONDAY));
  });

  it('cannot be fooled by moving text between fields', async () => {
    const hash = createVisitorHasher(storage);
    expect(await hash('demo', '1.2.3.4', 'x', MONDAY)).not.toBe(await hash('demo', '1.2.3.4x', '', MONDAY));
  });

  it('gives the same client another id the next day and forgets the old salt', async () => {
    const hash = createVisitorHasher(storage);
    const monday = await hash('demo', '203.0.113.5', 'UA', MONDAY);
    expect(await storage.getMeta('salt:2024-03-04')).not.toBeNull();
    const tuesday = await hash('demo', '203.0.113.5', 'UA', MONDAY + DAY);
    expect(tuesday).not.toBe(monday);
    expect(await storage.getMeta('salt:2024-03-04')).toBeNull();
    expect(await storage.getMeta('salt:2024-03-05')).not.toBeNull();
  });

  it('shares the day salt between collector processes on one store', async () => {
    const a = createVisitorHasher(storage);
    const b = createVisitorHasher(storage);
    const [fromA, fromB] = await Promise.all([
      a('demo', '203.0.113.5', 'UA', MONDAY),
      b('demo', '203.0.113.5', 'UA', MONDAY),
    ]);
    expect(fromB).toBe(fromA);
  });

  it('asks the store once per day, however many requests arrive together', async () => {
    let asked = 0;
    const counting: Storage = {
      ...storage,
      setMetaIfAbsent: (key, value) => {
        asked += 1;
        return storage.setMetaIfAbsent(key, value);
      },
    };
    const hash = createVisitorHasher(counting);
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) => hash('demo', `10.0.0.${i}`, 'UA', MONDAY)),
    );
    expect(new Set(ids).size).toBe(20);
    expect(asked).toBe(1);
  });

  it('retries on the next request when the store failed to give a salt', async () => {
    let fail = true;
    const flaky: Storage = {
      ...storage,
      setMetaIfAbsent: (key, value) => {
        if (fail) return Promise.reject(new Error('store down'));
        return storage.setMetaIfAbsent(key, value);
      },
    };
    const hash = createVisitorHasher(flaky);
    await expect(hash('demo', '203.0.113.5', 'UA', MONDAY)).rejects.toThrow('store down');
    fail = false;
    await expect(hash('demo', '203.0.113.5', 'UA', MONDAY)).resolves.toMatch(/^[\w-]{22}$/);
  });
});
