import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { MAX_PUSH_BYTES } from '../../protocol/versions';
import { isDatabaseUnavailable } from '../data/databaseUnavailable';
import { errorBody, HttpError } from './httpError';
import { discardBody, MAX_DISCARDED_BODY_BYTES } from './requestInput';

/**
 * Seconds a client is asked to wait after a 503. A failover or restart of PostgreSQL takes
 * seconds; the app's own backoff (sync/backoff.ts) spreads the retries of many devices further.
 */
export const RETRY_AFTER_SECONDS = 5;

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).code === 'string';
}

/**
 * Every failure leaves as `{error:{code,message,details?}}` (src/protocol/errors.ts). Unexpected
 * errors are logged with their stack and answered with a generic message: no internals leak.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: unknown, request, reply) => {
    if (error instanceof HttpError) {
      if (error.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    }
    if (error instanceof ZodError) {
      return reply
        .status(400)
        .send(
          errorBody('invalid-request', 'The request does not match the protocol', error.issues),
        );
    }
    if (isFastifyError(error)) {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        // Fastify marks the connection to be closed, as the client may still be sending; closed
        // mid-upload, most clients report a reset instead of this answer. So the rest of the body
        // is read (up to a bound) and the connection stays open.
        if (await discardBody(request.raw, MAX_DISCARDED_BODY_BYTES))
          reply.removeHeader('connection');
        return reply.status(413).send(
          errorBody('payload-too-large', "The request body exceeds this route's limit", {
            // Push has the largest limit; login and admin routes take a few KB.
            maxPushBytes: MAX_PUSH_BYTES,
          }),
        );
      }
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        // Malformed JSON, wrong content type and the like: the client's fault, safe to describe.
        return reply.status(400).send(errorBody('invalid-request', error.message));
      }
    }
    if (isDatabaseUnavailable(error)) {
      // The device keeps the request and sends it again, which is safe even when the commit got
      // through before the connection died: a push already applied answers its stored results.
      // This process answers the next request on a new connection.
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send(
          errorBody('unavailable', 'The database is not reachable; try again in a moment', {
            reason: 'database',
          }),
        );
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(errorBody('internal', 'Something went wrong on the server'));
  });
}
