/**
 * The collector's Prometheus metrics (prom-client), one registry per app: ingest (events
 * accepted, duplicates, rejected by reason, group size, commit latency, pending depth, 503s
 * sent), rollups (pass duration, lag), reports (latency by name) and the process (memory,
 * CPU, event loop: prom-client's defaults). `GET /metrics` serves `registry.metrics()`.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the rollup job reports after each pass (jobs/startRollups.ts). */
export interface RollupMetrics {
  observePass(result: { days: number; ms: number }): void;
}

export interface Metrics {
  readonly registry: Registry;
  readonly rollups: RollupMetrics;
  /** Events stored by an ingest request, and events it carried that were stored already. */
  stored(accepted: number, duplicates: number): void;
  /** An ingest request (or `count` of its events) refused, by reason (`invalid_request`, `too_old` …). */
  rejected(reason: string, count?: number): void;
  /** A 503 sent by ingest (store behind or down). */
  unavailable(): void;
  /** One group commit: requests, events, duration (ms), whether it committed. */
  observeGroup(requests: number, events: number, ms: number, ok: boolean): void;
  /** A report answered in `ms`. */
  observeReport(name: string, ms: number): void;
  /** Read at each scrape: events waiting for a group, and events in groups being written. */
  setPendingSource(pending: () => number, writing?: () => number): void;
}

const SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const accepted = new Counter({
    name: 'sightline_ingest_events_accepted_total',
    help: 'Events stored by ingest requests (answered 202 after commit)',
    registers,
  });
  const duplicates = new Counter({
    name: 'sightline_ingest_duplicates_total',
    help: 'Events received that were stored already (retries), counted once',
    registers,
  });
  const rejected = new Counter({
    name: 'sightline_ingest_rejected_total',
    help: 'Ingest requests refused with a 4xx, or events refused (too_old), by reason',
    labelNames: ['reason'] as const,
    registers,
  });
  const unavailable = new Counter({
    name: 'sightline_ingest_unavailable_total',
    help: 'Ingest requests answered 503 + Retry-After (queue full or store failing)',
    registers,
  });
  const groupEvents = new Histogram({
    name: 'sightline_ingest_group_events',
    help: 'Events per group-commit transaction',
    buckets: SIZE_BUCKETS,
    registers,
  });
  const groupRequests = new Histogram({
    name: 'sightline_ingest_group_requests',
    help: 'Requests per group-commit transaction',
    buckets: SIZE_BUCKETS,
    registers,
  });
  const commitSeconds = new Histogram({
    name: 'sightline_ingest_commit_seconds',
    help: 'Duration of one group-commit transaction (read, fold, write, COMMIT)',
    labelNames: ['outcome'] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });
  let pendingSource: () => number = () => 0;
  let writingSource: () => number = () => 0;
  new Gauge({
    name: 'sightline_ingest_pending_events',
    help: 'Events waiting for a group commit',
    registers,
    collect() {
      this.set(pendingSource());
    },
  });
  new Gauge({
    name: 'sightline_ingest_writing_events',
    help: 'Events in group commits folded or being written (at most two groups)',
    registers,
    collect() {
      this.set(writingSource());
    },
  });
  const rollupSeconds = new Histogram({
    name: 'sightline_rollup_pass_seconds',
    help: 'Duration of one rollup refresh pass',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers,
  });
  const rollupDays = new Counter({
    name: 'sightline_rollup_days_total',
    help: 'Site-days whose report rollups were rebuilt',
    registers,
  });
  let lastPassStart: number | null = null;
  new Gauge({
    name: 'sightline_rollup_lag_seconds',
    help: 'Age of the data the last finished rollup pass saw (reports lag live data by this much)',
    registers,
    collect() {
      this.set(lastPassStart === null ? 0 : (Date.now() - lastPassStart) / 1000);
    },
  });
  const reportSeconds = new Histogram({
    name: 'sightline_report_seconds',
    help: 'Report latency by report name',
    labelNames: ['name'] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });

  return {
    registry,
    rollups: {
      observePass({ days, ms }) {
        rollupSeconds.observe(ms / 1000);
        rollupDays.inc(days);
        lastPassStart = Date.now() - ms;
      },
    },
    stored(a, d) {
      if (a > 0) accepted.inc(a);
      if (d > 0) duplicates.inc(d);
    },
    rejected: (reason, count = 1) => rejected.inc({ reason }, count),
    unavailable: () => unavailable.inc(),
    observeGroup(requests, events, ms, ok) {
      commitSeconds.observe({ outcome: ok ? 'commit' : 'error' }, ms / 1000);
      if (!ok) return;
      groupRequests.observe(requests);
      groupEvents.observe(events);
    },
    observeReport: (name, ms) => reportSeconds.observe({ name }, ms / 1000),
    setPendingSource(pending, writing = () => 0) {
      pendingSource = pending;
      writingSource = writing;
    },
  };
}
