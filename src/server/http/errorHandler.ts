import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { MAX_PUSH_BYTES } from '../../protocol/versions';
import { errorBody, HttpError } from './httpError';

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).code === 'string';
}

/**
 * Every failure leaves as `{error:{code,message,details?}}` (src/protocol/errors.ts). Unexpected
 * errors are logged with their stack and answered with a generic message: no internals leak.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof HttpError) {
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
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(errorBody('internal', 'Something went wrong on the server'));
  });
}
