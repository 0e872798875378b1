import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { MAX_JSON_DEPTH } from '../../protocol/versions';
import { HttpError } from './httpError';

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests arrays and objects deeper than `max`, by one pass over the text with a
 * counter: no recursion, so any depth is measured safely. Brackets inside strings do not count.
 * Text that is not JSON may be misjudged; the parser refuses it afterwards anyway.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}

/**
 * Input the server refuses before any route sees it, so no request can fail deeper down:
 * - JSON bodies nested deeper than MAX_JSON_DEPTH. Everything that walks a value recursively
 *   (JSON.stringify when the record is stored, zod, the merge) overflowed the stack on 5,000
 *   levels and answered 500, which a device resends unchanged forever. Checked on the raw text,
 *   before JSON.parse; Fastify's own parser (with its prototype-poisoning checks) then parses.
 * - a NUL character (%00) anywhere in the URL: no path or query parameter of the API can hold
 *   one, and PostgreSQL's text cannot store it.
 */
export function installRequestInputChecks(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(
        new HttpError('invalid-request', 'The request body is nested too deeply', {
          maxDepth: MAX_JSON_DEPTH,
        }),
        undefined,
      );
      return;
    }
    void parseJson(request, text, done);
  });
  app.addHook('onRequest', (request, _reply, done) => {
    if (/%00/i.test(request.url) || request.url.includes('\u0000'))
      return done(new HttpError('invalid-request', 'The URL contains a NUL character'));
    done();
  });
}

/**
 * How much of a refused body the server reads and throws away so that the client gets its 413:
 * a client that is still uploading when the server closes the connection sees a reset (EPIPE)
 * instead of the answer, and a device would resend the same batch forever. Beyond this much the
 * connection is closed after the answer.
 */
export const MAX_DISCARDED_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Reads the rest of a request body without keeping it. Resolves true when the body ended within
 * `maxBytes`, false when it was longer (or the connection failed): the caller then closes the
 * connection after answering.
 */
export function discardBody(raw: IncomingMessage, maxBytes: number): Promise<boolean> {
  if (raw.complete || raw.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    let received = 0;
    const finish = (ended: boolean) => {
      raw.removeListener('data', onData);
      raw.removeListener('end', onEnd);
      raw.removeListener('error', onError);
      raw.removeListener('close', onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = () => finish(false);
    const onClose = () => finish(raw.complete);
    raw.on('data', onData);
    raw.on('end', onEnd);
    raw.on('error', onError);
    raw.on('close', onClose);
    raw.resume();
  });
}
