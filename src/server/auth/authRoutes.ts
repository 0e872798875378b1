import type { FastifyInstance } from 'fastify';
import { LoginRequestSchema, type LoginResponse } from '../../protocol/auth';
import { writeAudit } from '../audit/audit';
import type { Config } from '../config';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import { bearerToken, requireUser } from './authHook';
import { countIpAttempt } from './loginIpLimit';
import { clearFailures, recordFailure, reserveAttempt } from './loginThrottle';
import { unknownUserHash, verifyPassword } from './password';
import { revokeSession } from './sessions';
import { startSession } from './startSession';
import { findUserByUsername } from './users';

/** A login body is a username, a password and a device id: a few KB is generous. */
const LOGIN_BODY_LIMIT = 4_096;

function rateLimited(seconds: number): HttpError {
  return new HttpError('rate-limited', 'Too many attempts; try again later', {
    retryAfterSeconds: seconds,
  });
}

export function registerAuthRoutes(app: FastifyInstance, database: Database, config: Config): void {
  // Checked when the username is unknown, so a wrong username takes as long as a wrong password
  // and does not reveal which usernames exist.
  const noUserHash = unknownUserHash(database.passwordHashCost);
  const policy = {
    maxFailures: config.LOGIN_MAX_FAILURES,
    lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS,
    maxLockoutSeconds: config.LOGIN_MAX_LOCKOUT_SECONDS,
  };

  app.post(
    '/api/auth/login',
    { bodyLimit: LOGIN_BODY_LIMIT },
    async (request, reply): Promise<LoginResponse> => {
      // Per client IP first, against password spraying over many usernames.
      const perIp = await countIpAttempt(database, request.ip, config.LOGIN_RATE_LIMIT_PER_MINUTE);
      if (!perIp.ok) {
        await writeAudit(database.db, {
          action: 'login-throttled',
          requestId: request.id,
          detail: { ip: request.ip, limit: 'per-ip' },
        });
        void reply.header('retry-after', String(perIp.retryAfterSeconds));
        throw rateLimited(perIp.retryAfterSeconds);
      }
      const body = LoginRequestSchema.parse(request.body);
      const reservation = await reserveAttempt(database, body.username, policy);
      if (!reservation.ok) {
        await writeAudit(database.db, {
          action: 'login-throttled',
          requestId: request.id,
          detail: { username: body.username, ip: request.ip },
        });
        void reply.header('retry-after', String(reservation.retryAfterSeconds));
        throw rateLimited(reservation.retryAfterSeconds);
      }
      const found = await findUserByUsername(database, body.username);
      const ok = await verifyPassword(body.password, found?.passwordHash ?? noUserHash);
      // A deactivated user is answered like a wrong password: the account is closed.
      const deactivated = found?.deactivatedAt != null;
      if (!found || !ok || deactivated) {
        const lockout = await recordFailure(database, body.username, reservation.failures, policy);
        await writeAudit(database.db, {
          action: 'login-failed',
          userId: found?.profile.id ?? null,
          requestId: request.id,
          detail: {
            username: body.username,
            ip: request.ip,
            lockoutSeconds: lockout,
            ...(deactivated ? { deactivated } : {}),
          },
        });
        throw new HttpError('unauthorized', 'Wrong username or password');
      }
      await clearFailures(database, body.username);
      if (found.mustChangePassword) {
        throw new HttpError(
          'password-change-required',
          'Choose a new password before signing in (POST /api/auth/password)',
        );
      }
      return startSession(database, request, {
        profile: found.profile,
        deviceId: body.deviceId,
        ttlHours: config.SESSION_TTL_HOURS,
      });
    },
  );

  app.get('/api/auth/me', (request) => Promise.resolve({ user: requireUser(request) }));

  app.post('/api/auth/logout', { bodyLimit: LOGIN_BODY_LIMIT }, async (request) => {
    const user = requireUser(request);
    const token = bearerToken(request);
    if (token) {
      await revokeSession(database, token);
      app.sessionCache.forgetToken(token);
    }
    await writeAudit(database.db, {
      action: 'logout',
      userId: user.id,
      teamId: user.teamId,
      deviceId: request.sessionDeviceId,
      requestId: request.id,
    });
    return { ok: true };
  });
}
