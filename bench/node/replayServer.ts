/**
 * Scenario 2's server that costs nothing (rows 2s and 2z): the app server's pull pages for one
 * first sync, fetched once, then answered again as bytes from memory by a bare node:http server —
 * no database, no JSON, no sign-in, no audit. Every other request (the bench page, its scripts)
 * is passed through to the app server, headers and all, so the page keeps the app's origin
 * rules, CSP included, and talks to one origin as the app does. What a first sync takes over
 * HTTP with this replay is the most any server, however fast, can leave the browser.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_PULL_LIMIT, INITIAL_PULL_CURSOR } from '../../src/protocol';
import { pullHeaders, pullPath } from '../shared/pullRequest';

/** Every page of `token`'s first sync from the app server on `origin`, by the cursor asked for. */
export async function capturePullPages(
  origin: string,
  token: string,
): Promise<Map<string, Buffer>> {
  const pages = new Map<string, Buffer>();
  let cursor = INITIAL_PULL_CURSOR;
  for (;;) {
    const path = pullPath(cursor);
    const response = await fetch(`${origin}${path}`, { headers: pullHeaders(token) });
    if (!response.ok) throw new Error(`capture ${path}: HTTP ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    pages.set(cursor, body);
    const page = JSON.parse(body.toString('utf8')) as { hasMore: boolean; nextCursor: string };
    if (!page.hasMore) return pages;
    cursor = page.nextCursor;
  }
}

export interface ReplayServer {
  url: string;
  /** This process's CPU seconds: the replay runs in the bench's own process. */
  cpuSeconds: () => number;
  stop: () => Promise<void>;
}

/**
 * Answers a pull for one of `pages`' cursors (at the captured page size) from memory, refuses
 * any other API request (the replay must never measure the app server by accident), and passes
 * everything else on to `upstream`.
 */
export async function startReplayServer(
  pages: ReadonlyMap<string, Buffer>,
  upstream: string,
): Promise<ReplayServer> {
  const target = new URL(upstream);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://replay');
    if (url.pathname.startsWith('/api/')) {
      const body =
        url.pathname === '/api/sync/pull' &&
        url.searchParams.get('limit') === String(DEFAULT_PULL_LIMIT)
          ? pages.get(url.searchParams.get('cursor') ?? '')
          : undefined;
      if (!body) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end(`not replayed: ${url.href}`);
        return;
      }
      response
        .writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': body.length,
          'cache-control': 'no-store',
        })
        .end(body);
      return;
    }
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: target.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forward.on('error', (error) => response.destroy(error));
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cpuSeconds: () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
