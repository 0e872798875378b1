import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { withoutNetworkInstrumentation } from '../../bench/node/benchPage';
import { withFreshChromium } from '../../bench/node/chromium';
import { CHROMIUM_PATH } from '../e2e/harness';

/**
 * The bench measures the browser as a caseworker has it: without DevTools' network
 * instrumentation, which Playwright turns on for every page and which costs Chromium CPU per
 * byte fetched (bench/node/benchPage.ts).
 */
describe("the bench's pages", () => {
  it('fetch without DevTools reporting each request once the instrumentation is off', async () => {
    const server = createServer((request, response) => {
      response.setHeader('content-type', request.url === '/' ? 'text/html' : 'application/json');
      response.end(
        request.url === '/' ? '<p>bench</p>' : JSON.stringify({ bytes: 'x'.repeat(1e5) }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await withFreshChromium(CHROMIUM_PATH, async (context) => {
        const page = await context.newPage();
        await page.goto(`${origin}/`);
        const seen: string[] = [];
        page.on('request', (request) => seen.push(new URL(request.url()).pathname));
        const fetchPage = (path: string) =>
          page.evaluate(async (p) => (await (await fetch(p)).json()) as { bytes: string }, path);

        expect((await fetchPage('/before')).bytes).toHaveLength(1e5);
        expect(seen).toEqual(['/before']);

        await withoutNetworkInstrumentation(page);
        expect((await fetchPage('/after')).bytes).toHaveLength(1e5);
        expect(seen).toEqual(['/before']);
      });
    } finally {
      server.close();
    }
  }, 60_000);
});
