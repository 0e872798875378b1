import type { FastifyInstance } from 'fastify';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SCHEMA_HEADER,
  SCHEMA_VERSION,
} from '../../protocol/versions';
import { OIDC_BROWSER_PATHS } from '../auth/oidc';
import { HttpError } from './httpError';

/** Reached by the browser's navigation (to and from the login provider), not by the app's API. */
const NAVIGATION_PATHS = new Set<string>(OIDC_BROWSER_PATHS);

/**
 * Every /api request must speak this server's protocol and schema versions. An app that is older
 * (or newer) is told to update instead of writing data it does not understand.
 */
export function installProtocolCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    if (NAVIGATION_PATHS.has(request.url.split('?')[0] ?? '')) return done();
    const protocol = request.headers[PROTOCOL_HEADER];
    const schema = request.headers[SCHEMA_HEADER];
    if (protocol === String(PROTOCOL_VERSION) && schema === String(SCHEMA_VERSION)) return done();
    done(
      new HttpError(
        'protocol-outdated',
        'This version of the app cannot sync with the server. Update the app (reload the page) and try again.',
        {
          expected: { [PROTOCOL_HEADER]: PROTOCOL_VERSION, [SCHEMA_HEADER]: SCHEMA_VERSION },
          received: { [PROTOCOL_HEADER]: protocol ?? null, [SCHEMA_HEADER]: schema ?? null },
        },
      ),
    );
  });
}
