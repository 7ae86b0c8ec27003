/**
 * Seeding through ingest (issue 13): past its pending bound ingest refuses work
 * (OverloadedError, a 503 over HTTP); a seeder waits and tries again, as the SDK does.
 */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function insertRetrying(ingest, rows, request) {
  for (;;) {
    try {
      return await ingest.insertEvents(rows, null, request);
    } catch (error) {
      if (error?.name !== 'OverloadedError' && !String(error).includes('queue full')) throw error;
      await sleep(20);
    }
  }
}
