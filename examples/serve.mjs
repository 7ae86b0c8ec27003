/**
 * Serves the example sites as a customer's web server would, on their own origin. Pages
 * carry the Sightline script tag with `%COLLECTOR%` and `%SITE%` placeholders, filled in
 * here so the examples work against any collector address.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Maps a request path to a file under ROOT, or null when it escapes ROOT. */
function fileFor(pathname) {
  let path = decodeURIComponent(pathname);
  if (path.endsWith('/')) path += 'index.html';
  if (!extname(path)) path += '.html';
  const full = normalize(join(ROOT, path));
  return full.startsWith(ROOT) ? full : null;
}

/**
 * @param {{ port?: number, host?: string, collectorUrl: string, site?: string }} options
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function serveExamples({ port = 8080, host = '127.0.0.1', collectorUrl, site = 'demo' }) {
  const server = createServer(async (req, res) => {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://x');
    // The single-page app answers every path under /spa/ that is not a file with its shell.
    const spaRoute = pathname.startsWith('/spa/') && !extname(pathname);
    const file = fileFor(pathname === '/' ? '/index.html' : spaRoute ? '/spa/index.html' : pathname);
    // `?delay=ms` (at most 10 s) answers late: the slow-page example.
    const delay = Math.min(Number(searchParams.get('delay')) || 0, 10_000);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      if (!file) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) {
        let html = body.toString('utf8');
        // `?sdk=0` serves the page without Sightline: the baseline of the SDK's cost.
        if (searchParams.get('sdk') === '0') html = html.replace(/<script[^>]*%COLLECTOR%\/s\.js[^>]*><\/script>/, '');
        body = Buffer.from(html.replaceAll('%COLLECTOR%', collectorUrl).replaceAll('%SITE%', site));
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch (error) {
      if (error.code === 'ENOENT' || error.code === 'EISDIR') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      } else {
        console.error('examples server:', error);
        res.writeHead(500, { 'content-type': 'text/plain' }).end('error');
      }
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, host, ok));
  const address = server.address();
  return {
    url: `http://${host}:${address.port}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export const examplesRoot = resolve(ROOT);
