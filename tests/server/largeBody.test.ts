import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_BYTES } from '../../src/protocol';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { authHeaders, login } from './helpers/api';

interface Upload {
  /** No content-length: the server learns the size only by reading. */
  chunked?: boolean;
  /** Pause this many ms whenever the socket is full, as a slow mobile link would. */
  pauseMs?: number;
}

interface Outcome {
  status?: number;
  body?: string;
  /** The socket error the client saw, while uploading or after the answer (EPIPE, ECONNRESET). */
  error?: string;
}

/**
 * Sends `bytes` of a JSON body in chunks with node's http client (the whole body, whatever the
 * server answers meanwhile); resolves once the exchange is over with the answer and any socket
 * error the client saw.
 */
function postLarge(
  url: string,
  headers: Record<string, string>,
  bytes: number,
  { chunked = false, pauseMs }: Upload = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = {};
    let answered = false;
    let uploaded = false;
    const settle = () => {
      if ((answered && uploaded) || outcome.error !== undefined) resolve(outcome);
    };
    const req = request(`${url}/api/sync/push`, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        ...(chunked ? {} : { 'content-length': String(bytes) }),
      },
    });
    req.on('response', (res) => {
      outcome.status = res.statusCode;
      outcome.body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (outcome.body += chunk));
      res.on('end', () => {
        answered = true;
        // A reset just after the answer still counts: give it a moment to show.
        setTimeout(settle, 50);
      });
    });
    req.on('error', (error) => {
      outcome.error = (error as NodeJS.ErrnoException).code ?? error.message;
      settle();
    });
    req.on('finish', () => {
      uploaded = true;
      settle();
    });
    req.on('close', () => {
      if (!uploaded) outcome.error ??= 'closed before the body was sent';
      resolve(outcome);
    });
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!req.write(part))
          return req.once('drain', () =>
            pauseMs === undefined ? write() : setTimeout(write, pauseMs),
          );
      }
      req.end();
    };
    write();
  });
}

describe('a push body far over the limit, over real HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect: 'sqlite' });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    [5, false],
    [20, false],
    [5, true],
    [20, true],
  ])('answers %i MB (chunked: %s) with a 413 the client receives', async (mb, chunked) => {
    const token = await login(server.app, 'mette');
    for (let round = 0; round < 3; round++) {
      const answer = await postLarge(server.url, authHeaders(token), mb * 1_000_000, { chunked });
      expect(answer.error).toBeUndefined();
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body ?? '')).toMatchObject({
        error: { code: 'payload-too-large', details: { maxPushBytes: MAX_PUSH_BYTES } },
      });
    }
  });

  it('answers every one of several large pushes at once with a 413, none with a reset', async () => {
    const token = await login(server.app, 'mette');
    const answers = [];
    for (let round = 0; round < 3; round++) {
      answers.push(
        ...(await Promise.all(
          [5, 20, 5, 20].map((mb, i) =>
            postLarge(server.url, authHeaders(token), mb * 1_000_000, { chunked: i >= 2 }),
          ),
        )),
      );
    }
    expect(answers.map((a) => a.error ?? a.status)).toEqual(answers.map(() => 413));
  });

  it.each([false, true])(
    'answers a slow uploader of 5 MB (chunked: %s) with a 413, not a reset mid-upload',
    async (chunked) => {
      const token = await login(server.app, 'mette');
      for (let round = 0; round < 3; round++) {
        const answer = await postLarge(server.url, authHeaders(token), 5_000_000, {
          chunked,
          pauseMs: 2,
        });
        expect(answer.error ?? answer.status).toBe(413);
      }
    },
  );

  it.each([5, 20])('answers fetch sending %i MB with a 413', async (mb) => {
    const token = await login(server.app, 'mette');
    for (let round = 0; round < 3; round++) {
      const res = await fetch(`${server.url}/api/sync/push`, {
        method: 'POST',
        headers: { ...authHeaders(token), 'content-type': 'application/json' },
        body: ' '.repeat(mb * 1_000_000),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: 'payload-too-large' } });
    }
  });
});
