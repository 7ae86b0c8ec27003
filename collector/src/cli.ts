#!/usr/bin/env node
/** `node collector/dist/cli.js`: the collector alone, configured by environment variables. */
import { loadConfig } from './config.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  const server = await startServer(loadConfig());
  if (server.tokenGenerated) {
    // Printed once, on the start that generated it; it is kept in the store.
    process.stdout.write(`\nSightline admin token (shown once, keep it): ${server.adminToken}\n\n`);
  }
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, 'shutting down: flushing pending writes');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`sightline: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
