#!/usr/bin/env node
/** `node collector/dist/cli.js`: the collector alone, configured by environment variables. */
import { loadConfig } from './config.js';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer | null = null;
let stopRequested: string | null = null;

function shutdown(signal: string): void {
  if (stopRequested) return;
  stopRequested = signal;
  // A signal during start-up is acted on once the server is up (see main).
  if (!server) return;
  server.app.log.info({ signal }, 'shutting down: flushing pending writes');
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      server?.app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
}

async function main(): Promise<void> {
  // Handlers first: a SIGTERM that arrives while the store opens must still flush.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  const started = await startServer(loadConfig());
  server = started;
  if (started.tokenGenerated) {
    // Printed once, on the start that generated it; it is kept in the store.
    process.stdout.write(`\nSightline admin token (shown once, keep it): ${started.adminToken}\n\n`);
  }
  if (stopRequested) {
    const signal = stopRequested;
    stopRequested = null;
    shutdown(signal);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sightline: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
