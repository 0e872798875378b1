import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserProfile } from '../../domain/user';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import { findSessionUser } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caseworker; set by the auth hook on every /api route but login. */
    user: UserProfile | null;
  }
}

const PUBLIC_API_PATHS = new Set(['/api/auth/login']);

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** Checks the bearer token on /api/* (login excepted); the user's team scopes everything after. */
export function installAuthHook(app: FastifyInstance, database: Database): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') || PUBLIC_API_PATHS.has(path)) return;
    const token = bearerToken(request);
    const user = token ? await findSessionUser(database, token) : undefined;
    if (!user)
      throw new HttpError('unauthorized', 'Sign in again: the session is missing or expired');
    request.user = user;
  });
}

/** The signed-in user of a route behind the auth hook. */
export function requireUser(request: FastifyRequest): UserProfile {
  if (!request.user) throw new HttpError('unauthorized', 'Not signed in');
  return request.user;
}
