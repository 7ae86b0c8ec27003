/**
 * Runs `node collector/dist/cli.js` as a user would; resolves once it is listening. Plain
 * JavaScript so that the benchmarks (`scripts/benchIngest*.mjs`) start it the same way the
 * e2e tests do.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// COLLECTOR_CLI runs another build (e.g. a checkout of main) under the same tests and benchmark.
const CLI =
  process.env.COLLECTOR_CLI || fileURLToPath(new URL('../../collector/dist/cli.js', import.meta.url));
const PRINTS_LISTENING = new Set([undefined, 'info', 'debug', 'trace']);

/**
 * @typedef {object} SpawnedCollector
 * @property {import('node:child_process').ChildProcess} child
 * @property {string} url
 * @property {string[]} lines every line the process printed on stdout
 * @property {Promise<number | null>} exited resolves with the exit code
 */

/** A port nobody listens on right now (for a collector that will not print its own). */
async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  server.close();
  await once(server, 'close');
  return port;
}

/** Resolves when `/healthz` answers 200 (the collector logs nothing at `warn`). */
async function awaitHealthy(url, exited) {
  let gone = false;
  exited.then(() => (gone = true));
  while (!gone) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`collector exited with ${await exited}`);
}

/**
 * @param {Record<string, string>} env `LOG_LEVEL=warn` (or quieter) keeps request logs out
 *   of the way of a benchmark: readiness is then read from `/healthz` on a free port.
 * @param {{ stderr?: 'inherit' | 'ignore' }} [options]
 * @returns {Promise<SpawnedCollector>}
 */
export async function spawnCollector(env, { stderr = 'inherit' } = {}) {
  const quiet = !PRINTS_LISTENING.has(env.LOG_LEVEL);
  const port = quiet && !env.PORT ? String(await freePort()) : (env.PORT ?? '0');
  const child = spawn(process.execPath, [CLI], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env, PORT: port },
    stdio: ['ignore', 'pipe', stderr],
  });
  const exited = once(child, 'exit').then(([code]) => /** @type {number | null} */ (code));
  /** @type {string[]} */
  const lines = [];
  const listening = new Promise((resolve, reject) => {
    createInterface({ input: /** @type {NodeJS.ReadableStream} */ (child.stdout) }).on('line', (line) => {
      lines.push(line);
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    exited.then((code) => reject(new Error(`collector exited with ${code}: ${lines.join('\n')}`)));
  });
  // Handled at once: in quiet mode nothing awaits it, and a collector that dies before it is
  // healthy must fail the caller (awaitHealthy throws), not crash the process unhandled.
  listening.catch(() => {});
  let url;
  if (quiet) {
    url = `http://127.0.0.1:${port}`;
    await awaitHealthy(url, exited);
  } else {
    url = await listening;
  }
  return { child, url, lines, exited };
}
