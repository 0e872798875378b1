import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role, UserProfile } from '../../domain/user';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import { createLastSeenWriter, LAST_SEEN_FLUSH_MS } from './lastSeen';
import { createSessionCache, type SessionCache } from './sessionCache';
import { OIDC_PUBLIC_PATHS } from './oidc';
import { everyWhileUp } from '../whileUp';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caseworker; set by the auth hook on every /api route but login. */
    user: UserProfile | null;
    /** The device the session is bound to (null for sessions older than devices). */
    sessionDeviceId: string | null;
  }
  interface FastifyInstance {
    /** Live sessions, trusted for up to SESSION_CACHE_MS; routes that end or change one forget. */
    sessionCache: SessionCache;
  }
}

const PUBLIC_API_PATHS = new Set<string>([
  '/api/auth/login',
  '/api/auth/password',
  ...OIDC_PUBLIC_PATHS,
]);

/** The token comes only from the authorization header: never from a URL, never from a cookie. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/**
 * Checks the bearer token on /api/* (login excepted); the user's teams scope everything after.
 * Devices' last_seen_at is written in batches (lastSeen.ts), every `lastSeenFlushMs` and when
 * the server begins to close.
 */
export function installAuthHook(
  app: FastifyInstance,
  database: Database,
  lastSeenFlushMs = LAST_SEEN_FLUSH_MS,
  clock: () => Date = () => new Date(),
): void {
  const sessions = createSessionCache(database, clock);
  app.decorate('sessionCache', sessions);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionDeviceId', null);
  const lastSeen = createLastSeenWriter(database);
  const flush = () =>
    lastSeen.flush().catch((error: unknown) => {
      app.log.error({ err: error }, "writing devices' last_seen_at failed");
    });
  // A request still in flight after the last flush notes its device in vain; the device's next
  // request, to any server process, notes it again.
  everyWhileUp(app, lastSeenFlushMs, flush);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') || PUBLIC_API_PATHS.has(path)) return;
    const token = bearerToken(request);
    const found = token ? await sessions.find(token) : { kind: 'none' as const };
    if (found.kind === 'device-revoked')
      throw new HttpError('device-revoked', 'This device has been blocked by an administrator');
    if (found.kind === 'none')
      throw new HttpError('unauthorized', 'Sign in again: the session is missing or expired');
    request.user = found.user;
    request.sessionDeviceId = found.deviceId;
    if (found.deviceSeenStale && found.deviceId !== null)
      lastSeen.seen(found.user.id, found.deviceId);
  });
}

/** The signed-in user of a route behind the auth hook. */
export function requireUser(request: FastifyRequest): UserProfile {
  if (!request.user) throw new HttpError('unauthorized', 'Not signed in');
  return request.user;
}

/** The signed-in user, who must have one of the roles. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): UserProfile {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw new HttpError('forbidden', 'Not allowed for your role');
  return user;
}
