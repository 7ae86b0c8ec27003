/**
 * `GET /s.js`, `GET /s.core.js`: the script-tag SDK bundles, and `GET /s.vitals.js` (load
 * timing and Web Vitals) and `GET /s.humanness.js` (humanness), the chunks that `/s.js`
 * imports from beside itself when the page is idle; all cacheable with an ETag.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { ScriptNotBuiltError } from '../errors.js';

interface Bundle {
  body: Buffer;
  etag: string;
}

async function loadBundle(specifier: string): Promise<Bundle> {
  const path = createRequire(import.meta.url).resolve(specifier);
  const body = await readFile(path);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
}

/**
 * The full bundle at `/s.js` (and `SCRIPT_PATH`), the core one at `/s.core.js`. The chunks
 * sit beside each full one (`/s.vitals.js`, and `s.vitals.js` in SCRIPT_PATH's directory;
 * the same for `s.humanness.js`), where `/s.js` looks for them; they are ES modules,
 * fetched with CORS.
 */
export function scriptRoutes(extraPath: string | undefined) {
  const beside = (name: string) => extraPath && extraPath.replace(/[^/]*$/, name);
  const bundles: { paths: (string | undefined)[]; specifier: string; cors?: boolean }[] = [
    { paths: ['/s.js', extraPath], specifier: '@sightline/sdk/script' },
    { paths: ['/s.core.js'], specifier: '@sightline/sdk/script-core' },
    ...['vitals', 'humanness'].map((name) => ({
      paths: [`/s.${name}.js`, beside(`s.${name}.js`)],
      specifier: `@sightline/sdk/script-${name}`,
      cors: true,
    })),
  ];
  return async (app: FastifyInstance) => {
    for (const { paths, specifier, cors } of bundles) {
      let bundle: Promise<Bundle> | null = null;
      for (const path of new Set(paths.filter((p): p is string => !!p))) {
        app.get(path, async (request, reply) => {
          bundle ??= loadBundle(specifier);
          let b: Bundle;
          try {
            b = await bundle;
          } catch (error) {
            bundle = null; // a build may land while we run
            request.log.error({ err: error, specifier }, 'SDK bundle missing');
            throw new ScriptNotBuiltError();
          }
          reply
            .header('etag', b.etag)
            .header('cache-control', 'public, max-age=3600')
            .header('cross-origin-resource-policy', 'cross-origin');
          // A module script from another origin is fetched in CORS mode.
          if (cors) reply.header('access-control-allow-origin', '*');
          if (request.headers['if-none-match'] === b.etag) return reply.status(304).send();
          return reply.type('application/javascript; charset=utf-8').send(b.body);
        });
      }
    }
  };
}
