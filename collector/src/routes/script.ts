/** `GET /s.js`: the script-tag SDK bundle, cacheable with an ETag. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { ScriptNotBuiltError } from '../errors.js';

interface Bundle {
  body: Buffer;
  etag: string;
}

async function loadBundle(): Promise<Bundle> {
  const path = createRequire(import.meta.url).resolve('@sightline/sdk/script');
  const body = await readFile(path);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
}

export function scriptRoutes(extraPath: string | undefined) {
  return async (app: FastifyInstance) => {
    let bundle: Promise<Bundle> | null = null;
    for (const path of ['/s.js', extraPath].filter((p): p is string => !!p))
      app.get(path, async (request, reply) => {
        bundle ??= loadBundle();
        let b: Bundle;
        try {
          b = await bundle;
        } catch (error) {
          bundle = null; // a build may land while we run
          request.log.error({ err: error }, 'SDK bundle missing');
          throw new ScriptNotBuiltError();
        }
        reply
          .header('etag', b.etag)
          .header('cache-control', 'public, max-age=3600')
          .header('cross-origin-resource-policy', 'cross-origin');
        if (request.headers['if-none-match'] === b.etag) return reply.status(304).send();
        return reply.type('application/javascript; charset=utf-8').send(b.body);
      });
  };
}
