import type { FastifyInstance } from 'fastify';
import { LoginRequestSchema, type LoginResponse } from '../../protocol/auth';
import { writeAudit } from '../audit/audit';
import type { Config } from '../config';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import { bearerToken, requireUser } from './authHook';
import { verifyPassword } from './password';
import { createSession, deleteSession } from './sessions';
import { findUserByUsername } from './users';

/**
 * A fixed hash to verify against when the username is unknown, so a wrong username takes as long
 * as a wrong password and does not reveal which usernames exist.
 */
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function registerAuthRoutes(app: FastifyInstance, database: Database, config: Config): void {
  app.post('/api/auth/login', async (request): Promise<LoginResponse> => {
    const body = LoginRequestSchema.parse(request.body);
    const found = await findUserByUsername(database, body.username);
    const ok = await verifyPassword(body.password, found?.passwordHash ?? DUMMY_HASH);
    if (!found || !ok) {
      await writeAudit(database.db, {
        action: 'login-failed',
        userId: found?.profile.id ?? null,
        requestId: request.id,
        detail: { username: body.username },
      });
      throw new HttpError('unauthorized', 'Wrong username or password');
    }
    const session = await createSession(database, found.profile.id, config.SESSION_TTL_HOURS);
    await writeAudit(database.db, {
      action: 'login',
      userId: found.profile.id,
      teamId: found.profile.teamId,
      requestId: request.id,
    });
    return { token: session.token, user: found.profile, expiresAt: session.expiresAt };
  });

  app.get('/api/auth/me', (request) => Promise.resolve({ user: requireUser(request) }));

  app.post('/api/auth/logout', async (request) => {
    const user = requireUser(request);
    const token = bearerToken(request);
    if (token) await deleteSession(database, token);
    await writeAudit(database.db, {
      action: 'logout',
      userId: user.id,
      teamId: user.teamId,
      requestId: request.id,
    });
    return { ok: true };
  });
}
