import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from './httpError';

/** Files that must be revalidated on every load, or an installed app would never update. */
const NO_CACHE_FILES = new Set(['index.html', 'sw.js', 'manifest.webmanifest', 'registerSW.js']);
/** Vite's hashed build output: the name changes with the content, so cache for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheHeaders(reply: FastifyReply, filePath: string): void {
  const name = basename(filePath);
  if (NO_CACHE_FILES.has(name)) reply.header('cache-control', 'no-cache');
  else if (/[/\\]assets[/\\]/.test(filePath)) reply.header('cache-control', IMMUTABLE);
  else reply.header('cache-control', 'public, max-age=3600');
}

/** A path the single-page app routes itself (no file extension), e.g. /borgere/123. */
function isAppRoute(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  const last = path.split('/').at(-1) ?? '';
  return !path.startsWith('/api/') && !last.includes('.');
}

/**
 * Serves the built PWA from `dir` on the API's origin, with the SPA fallback: a GET for an app
 * route gets index.html, so a reload or a deep link works. The server bundle that esbuild writes
 * into dist/server is never served.
 */
export async function registerStaticFiles(app: FastifyInstance, dir: string): Promise<boolean> {
  const root = resolve(dir);
  const hasIndex = existsSync(resolve(root, 'index.html'));
  if (hasIndex) {
    await app.register(fastifyStatic, {
      root,
      cacheControl: false,
      setHeaders: cacheHeaders,
      allowedPath: (path) => !path.startsWith('/server/'),
      // The site root is the app shell (served with no-cache by cacheHeaders).
      index: 'index.html',
    });
  } else {
    app.log.warn({ staticDir: root }, 'no index.html in STATIC_DIR: serving the API only');
  }
  app.setNotFoundHandler((request, reply) => {
    if (
      hasIndex &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      isAppRoute(request.url)
    ) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return reply
      .status(404)
      .send(
        errorBody(
          'not-found',
          `No such resource: ${request.method} ${request.url.split('?')[0] ?? ''}`,
        ),
      );
  });
  return hasIndex;
}
