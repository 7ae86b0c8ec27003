import 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Ingest routes: a failure answers 503 + Retry-After so the SDK keeps the batch. */
    ingest?: boolean;
  }
}
