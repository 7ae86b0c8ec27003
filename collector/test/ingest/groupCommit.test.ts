import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../src/ingest/groupCommit.js';
import { createDeferred, type Deferred } from '../utils/createDeferred.js';

/** A `commitGroup` whose transactions the test finishes by hand, one by one. */
function controlledCommit() {
  const groups: { items: string[]; done: Deferred<string[]> }[] = [];
  let started = createDeferred();
  const commitGroup = (items: string[]): Promise<string[]> => {
    const done = createDeferred<string[]>();
    groups.push({ items, done });
    started.resolve();
    return done.promise;
  };
  return {
    groups,
    commitGroup,
    /** Resolves when the next transaction has started. */
    nextStart(): Promise<void> {
      const s = started;
      return s.promise.then(() => {
        started = createDeferred();
      });
    },
  };
}

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('createGroupCommit', () => {
  it('commits submits made in the same turn in one group, in order', async () => {
    const calls: string[][] = [];
    const group = createGroupCommit<string, string>(async (items) => {
      calls.push(items);
      return items.map((item) => item.toUpperCase());
    });
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((item) => group.submit(item)));
    expect(results).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(calls).toEqual([['a', 'b', 'c', 'd', 'e']]);
  });

  it('groups what arrives during a transaction into the next one', async () => {
    const c = controlledCommit();
    const group = createGroupCommit<string, string>(c.commitGroup);

    const first = [group.submit('a'), group.submit('b')];
    await c.nextStart();
    const second = [group.submit('c'), group.submit('d'), group.submit('e')];
    expect(c.groups.map((g) => g.items)).toEqual([['a', 'b']]);

    c.groups[0]!.done.resolve(['A', 'B']);
    expect(await Promise.all(first)).toEqual(['A', 'B']);
    await c.nextStart();
    expect(c.groups.map((g) => g.items)).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
    c.groups[1]!.done.resolve(['C', 'D', 'E']);
    expect(await Promise.all(second)).toEqual(['C', 'D', 'E']);
  });

  it('commits 50 concurrent submits in fewer groups than submits', async () => {
    const sizes: number[] = [];
    const group = createGroupCommit<number, number>(async (items) => {
      sizes.push(items.length);
      await new Promise((resolve) => setImmediate(resolve)); // a transaction takes a while
      return items;
    });
    const submits: Promise<number>[] = [];
    for (let i = 0; i < 50; i += 1) {
      submits.push(group.submit(i));
      if (i % 10 === 9) await Promise.resolve(); // spread over a few turns
    }
    expect(await Promise.all(submits)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(50);
    expect(sizes.length).toBeLessThan(50);
  });

  it('with inFlight 2, starts the next group while one is in flight, and no third', async () => {
    const c = controlledCommit();
    const group = createGroupCommit<string, string>(c.commitGroup, { inFlight: 2 });
    const a = group.submit('a');
    await c.nextStart();
    const b = group.submit('b');
    await c.nextStart();
    expect(group.writing()).toBe(2);
    const rest = [group.submit('c'), group.submit('d')];
    await new Promise((resolve) => setImmediate(resolve));
    expect(c.groups.map((g) => g.items)).toEqual([['a'], ['b']]);
    expect(group.pending()).toBe(2);
    c.groups[0]!.done.resolve(['A']);
    await c.nextStart();
    expect(c.groups.map((g) => g.items)).toEqual([['a'], ['b'], ['c', 'd']]);
    c.groups[1]!.done.resolve(['B']);
    c.groups[2]!.done.resolve(['C', 'D']);
    expect(await Promise.all([a, b, ...rest])).toEqual(['A', 'B', 'C', 'D']);
    await group.drain();
    expect(group.writing()).toBe(0);
  });

  it('splits a queue longer than maxGroup', async () => {
    const calls: number[][] = [];
    const group = createGroupCommit<number, number>(async (items) => {
      calls.push(items);
      return items;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => group.submit(n)));
    expect(calls).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('rejects every member of a failing group, and the next group still commits', async () => {
    const c = controlledCommit();
    const group = createGroupCommit<string, string>(c.commitGroup);

    const failing = [group.submit('a'), group.submit('b')].map(settle);
    await c.nextStart();
    const next = [group.submit('c')].map(settle);
    const boom = new Error('disk full');
    c.groups[0]!.done.reject(boom);
    expect(await Promise.all(failing)).toEqual([
      { ok: false, error: boom },
      { ok: false, error: boom },
    ]);

    await c.nextStart();
    c.groups[1]!.done.resolve(['C']);
    expect(await Promise.all(next)).toEqual([{ ok: true, value: 'C' }]);

    // And it keeps working after the failure has been handled.
    const later = group.submit('d');
    await c.nextStart();
    c.groups[2]!.done.resolve(['D']);
    expect(await later).toBe('D');
  });

  it('drain() waits for pending and in-flight groups', async () => {
    const c = controlledCommit();
    const group = createGroupCommit<string, string>(c.commitGroup);
    const committed: string[] = [];
    const a = group.submit('a').then((r) => committed.push(r));
    await c.nextStart();
    const b = group.submit('b').then((r) => committed.push(r));

    let drained = false;
    const draining = group.drain().then(() => {
      drained = true;
    });
    c.groups[0]!.done.resolve(['A']);
    await a;
    await c.nextStart();
    expect(drained).toBe(false); // 'b' is in flight
    c.groups[1]!.done.resolve(['B']);
    await draining;
    expect(committed).toEqual(['A', 'B']);
    await b;
  });

  it('drain() resolves at once when nothing is pending', async () => {
    const group = createGroupCommit<string, string>(async (items) => items);
    await expect(group.drain()).resolves.toBeUndefined();
  });
});
