/**
 * Clients posting batches of pageviews to `POST /v1/collect` as fast as they are answered,
 * each batch with ids never sent before, and a record of every id answered 202. Each client is
 * one session, so a session's pageviews span many batches (and group commits). A client stops
 * at `stop()` or when its connection fails (the collector was killed).
 */

/**
 * @typedef {object} Load
 * @property {string[]} acknowledged every event id answered 202
 * @property {Record<number, number>} statuses answers by status (0: connection failed)
 * @property {number} retryAfter 503 answers that carried `Retry-After`
 * @property {(status: number, count: number) => Promise<void>} answered resolves once this many
 *   batches were answered with `status` (rejects if every client ended before)
 * @property {() => Promise<void>} stop asks every client to stop; resolves when all have
 */

/**
 * @param {string} url the collector
 * @param {{ prefix: string, clients: number, batchSize: number, site?: string, userAgent?: string }} options
 *   `prefix` makes ids and sessions unique to this load
 * @returns {Load}
 */
export function startLoad(url, { prefix, clients, batchSize, site = 'bench', userAgent = 'sightline-load' }) {
  /** @type {string[]} */
  const acknowledged = [];
  /** @type {Record<number, number>} */
  const statuses = {};
  let retryAfter = 0;
  let stopping = false;
  /** @type {{ status: number, count: number, resolve: () => void }[]} */
  const waiting = [];

  function onAnswer(status) {
    statuses[status] = (statuses[status] ?? 0) + 1;
    for (const w of waiting.filter((w) => w.status === status && statuses[status] >= w.count)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  }

  async function client(c) {
    for (let k = 0; !stopping; k++) {
      const ts = Date.now();
      const events = Array.from({ length: batchSize }, (_, j) => ({
        id: `${prefix}c${c}b${k}e${j}`,
        type: 'pageview',
        ts,
        session: `${prefix}c${c}`,
        url: `https://bench.test/p${j}`,
      }));
      let status = 0;
      try {
        const res = await fetch(`${url}/v1/collect`, {
          method: 'POST',
          body: JSON.stringify({ site, events }),
          headers: { 'content-type': 'text/plain', 'user-agent': userAgent },
        });
        await res.arrayBuffer();
        status = res.status;
        if (status === 503 && res.headers.get('retry-after')) retryAfter += 1;
      } catch {
        status = 0;
      }
      if (status === 202) acknowledged.push(...events.map((e) => e.id));
      onAnswer(status);
      if (status === 0) return;
    }
  }

  const running = Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return {
    acknowledged,
    statuses,
    get retryAfter() {
      return retryAfter;
    },
    answered: (status, count) =>
      (statuses[status] ?? 0) >= count
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            waiting.push({ status, count, resolve });
            // A load whose clients all ended never gets there: say so instead of hanging.
            running.then(() => reject(new Error(`load ended: ${JSON.stringify(statuses)}`)));
          }),
    stop: async () => {
      stopping = true;
      await running;
    },
  };
}
