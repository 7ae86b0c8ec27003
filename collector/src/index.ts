export { buildApp, type AppConfig } from './app.js';
export { loadConfig, ConfigError, type CollectorConfig } from './config.js';
export { startServer, type RunningServer } from './server.js';
export { createStorage } from './storage/createStorage.js';
export type { Storage } from './storage/types.js';
export { readRequestFacts } from './scoring/index.js';
export { createIngest, type Ingest } from './ingest/createIngest.js';
