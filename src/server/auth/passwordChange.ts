import type { FastifyInstance } from 'fastify';
import { ChangePasswordRequestSchema } from '../../protocol/auth';
import { writeAudit } from '../audit/audit';
import type { Config } from '../config';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import { countIpAttempt } from './loginIpLimit';
import { clearFailures, recordFailure, reserveAttempt } from './loginThrottle';
import { hashPassword, unknownUserHash, verifyPassword } from './password';
import { revokeUserSessions } from './sessions';
import { findUserByUsername } from './users';

const BODY_LIMIT = 4_096;

/**
 * POST /api/auth/password: a user replaces their password by proving the current one. This is how
 * a user with an initial password (set by an administrator) gets a password only they know; the
 * login refuses them a session until then. Counted against the same per-IP and per-username
 * limits as the login, since it checks a password too. Ends the user's other sessions: whoever
 * knew the old password is signed out.
 */
export function registerPasswordChangeRoute(
  app: FastifyInstance,
  database: Database,
  config: Config,
): void {
  const noUserHash = unknownUserHash(database.passwordHashCost);
  const policy = {
    maxFailures: config.LOGIN_MAX_FAILURES,
    lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS,
    maxLockoutSeconds: config.LOGIN_MAX_LOCKOUT_SECONDS,
  };
  app.post('/api/auth/password', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const perIp = await countIpAttempt(database, request.ip, config.LOGIN_RATE_LIMIT_PER_MINUTE);
    const tooMany = (seconds: number) => {
      void reply.header('retry-after', String(seconds));
      return new HttpError('rate-limited', 'Too many attempts; try again later', {
        retryAfterSeconds: seconds,
      });
    };
    if (!perIp.ok) throw tooMany(perIp.retryAfterSeconds);
    const body = ChangePasswordRequestSchema.parse(request.body);
    const reservation = await reserveAttempt(database, body.username, policy);
    if (!reservation.ok) throw tooMany(reservation.retryAfterSeconds);
    const found = await findUserByUsername(database, body.username);
    const ok = await verifyPassword(body.password, found?.passwordHash ?? noUserHash);
    if (!found || !ok || found.deactivatedAt !== null) {
      await recordFailure(database, body.username, reservation.failures, policy);
      await writeAudit(database.db, {
        action: 'login-failed',
        userId: found?.profile.id ?? null,
        requestId: request.id,
        detail: { username: body.username, ip: request.ip, passwordChange: true },
      });
      throw new HttpError('unauthorized', 'Wrong username or password');
    }
    await clearFailures(database, body.username);
    await database.db
      .updateTable('users')
      .set({
        password_hash: await hashPassword(body.newPassword, database.passwordHashCost),
        must_change_password: 0,
      })
      .where('id', '=', found.profile.id)
      .execute();
    await revokeUserSessions(database, found.profile.id);
    await writeAudit(database.db, {
      action: 'password-change',
      userId: found.profile.id,
      teamId: found.profile.teamId,
      requestId: request.id,
    });
    return { ok: true };
  });
}
