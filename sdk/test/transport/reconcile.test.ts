import { describe, expect, test } from 'vitest';
import {
  LEASE_MS,
  MAX_QUEUED,
  MAX_QUEUED_BYTES,
  reconcile,
  type Entry,
  type Row,
  type SyncOp,
} from '../../src/transport/reconcile.js';
import { makeEntry } from '../utils/makeEntry.js';

const NOW = 1_000_000;
const op = (extra: Partial<SyncOp> = {}): SyncOp => ({ tab: 'A', now: NOW, put: [], del: [], full: true, ...extra });
const ids = (entries: Entry[] | undefined) => (entries ?? []).map((x) => x.e.id);

describe('claims', () => {
  test.each<[string, Entry, boolean]>([
    ['its own row', makeEntry(0, 'A', NOW + LEASE_MS), true],
    ['its own row, lease run out', makeEntry(0, 'A', NOW - 1), true],
    ['a row it released (lease 0)', makeEntry(0, 'A', 0), true],
    ["another tab's row, lease run out", makeEntry(0, 'B', NOW), true],
    ["another tab's row, released", makeEntry(0, 'B', 0), true],
    ["another tab's row, leased", makeEntry(0, 'B', NOW + 1), false],
  ])('a tab holds %s: %s', (_, row, held) => {
    expect(ids(reconcile([row], op()).mine)).toEqual(held ? ['e0'] : []);
  });

  test('a claimed row is written with the new owner and a full lease', () => {
    const { put, mine } = reconcile([makeEntry(0, 'B', NOW - 1)], op());
    expect(put).toEqual([{ ...makeEntry(0, 'A', NOW + LEASE_MS) }]);
    expect(mine).toEqual(put);
  });

  test.each([
    ['more than half the lease left: not rewritten', NOW + LEASE_MS / 2, false],
    ['less than half left: renewed', NOW + LEASE_MS / 2 - 1, true],
  ])('its own row with %s', (_, until, renewed) => {
    const { put, mine } = reconcile([makeEntry(0, 'A', until)], op());
    expect(put).toHaveLength(renewed ? 1 : 0);
    expect(mine?.[0]?.u).toBe(renewed ? NOW + LEASE_MS : until);
  });

  test('new rows are written, held by the tab', () => {
    const { put, mine } = reconcile([], op({ put: [makeEntry(1, 'A', 5)] }));
    expect(put).toEqual([makeEntry(1, 'A', NOW + LEASE_MS)]);
    expect(ids(mine)).toEqual(['e1']);
  });

  test('next is when the first lease of another tab ends', () => {
    const rows = [makeEntry(0, 'B', NOW + 30), makeEntry(1, 'C', NOW + 10), makeEntry(2, 'A', NOW + LEASE_MS)];
    expect(reconcile(rows, op()).next).toBe(NOW + 10);
    expect(reconcile([makeEntry(2, 'A', NOW + LEASE_MS)], op()).next).toBe(0);
  });
});

describe('removal', () => {
  test('delivered keys are deleted and never held', () => {
    const rows = [makeEntry(0, 'A', NOW + LEASE_MS), makeEntry(1, 'A', NOW + LEASE_MS)];
    const { del, mine } = reconcile(rows, op({ del: [rows[0]!.k] }));
    expect(del).toEqual([rows[0]!.k]);
    expect(ids(mine)).toEqual(['e1']);
  });

  test('drop counts left by tabs are taken (and deleted), added up', () => {
    const rows: Row[] = [
      { k: 'B.1', d: { queue_full: 2 } },
      { k: 'C.7', d: { queue_full: 3, other: 1 } },
      makeEntry(0, 'A', NOW + LEASE_MS),
    ];
    const { dropped, del } = reconcile(rows, op());
    expect(dropped).toEqual({ queue_full: 5, other: 1 });
    expect(del).toEqual(['B.1', 'C.7']);
  });
});

describe('caps', () => {
  test(`past ${MAX_QUEUED} events the oldest go, whoever holds them, and are counted`, () => {
    const rows = Array.from({ length: MAX_QUEUED + 3 }, (_, i) => makeEntry(i, i % 2 ? 'A' : 'B', NOW + LEASE_MS));
    const { del, dropped, mine } = reconcile(rows, op());
    expect(del).toEqual(rows.slice(0, 3).map((x) => x.k));
    expect(dropped).toEqual({ queue_full: 3 });
    expect(mine).toHaveLength(MAX_QUEUED / 2);
  });

  test(`past ${MAX_QUEUED_BYTES} bytes the oldest go`, () => {
    const rows = Array.from({ length: 5 }, (_, i) => makeEntry(i, 'A', NOW + LEASE_MS, 300_000));
    const { del, dropped, mine } = reconcile(rows, op());
    expect(del).toEqual(rows.slice(0, 2).map((x) => x.k));
    expect(dropped).toEqual({ queue_full: 2 });
    expect(ids(mine)).toEqual(['e2', 'e3', 'e4']);
  });

  test('a delivered event does not count toward the cap', () => {
    const rows = Array.from({ length: MAX_QUEUED + 1 }, (_, i) => makeEntry(i, 'A', NOW + LEASE_MS));
    const { dropped } = reconcile(rows, op({ del: [rows[5]!.k] }));
    expect(dropped).toEqual({});
  });
});
