#!/usr/bin/env node
/**
 * The HTTP ceiling of `pnpm bench:ingest`, run as its own process: a bare Fastify route
 * at `/v1/collect` that only parses the JSON body (sent as `text/plain`, as the SDK does) and
 * answers 202, nothing stored. Prints `listening <url>` once ready.
 */
import { createRequire } from 'node:module';

// Fastify as the collector has it (the root package does not depend on it).
const require = createRequire(new URL('../collector/package.json', import.meta.url));
const Fastify = require('fastify');

const app = Fastify({ logger: false, bodyLimit: 512 * 1024 });
app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
  try {
    done(null, JSON.parse(body));
  } catch (error) {
    done(Object.assign(error, { statusCode: 400 }), undefined);
  }
});
app.post('/v1/collect', async (request, reply) =>
  reply.status(202).send({ accepted: request.body.events.length, duplicates: 0 }),
);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${url}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
