import type { FastifyRequest } from 'fastify';
import type { UserProfile } from '../../domain/user';
import type { LoginResponse } from '../../protocol/auth';
import { writeAudit } from '../audit/audit';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import { registerDevice } from './devices';
import { createSession } from './sessions';

/**
 * The end of every sign-in, whichever way the person proved who they are (password or the
 * municipality's single sign-on): the device is registered (or recognised), a blocked device is
 * refused and audited, a session bound to the device is created and the login audited. `method`
 * is recorded in the audit detail when it is not the password.
 */
export async function startSession(
  database: Database,
  request: FastifyRequest,
  options: {
    profile: UserProfile;
    deviceId: string | undefined;
    ttlHours: number;
    method?: 'oidc';
  },
): Promise<LoginResponse> {
  const { profile, method } = options;
  const detail = method ? { detail: { method } } : {};
  const userAgent = request.headers['user-agent'];
  const device = await registerDevice(
    database,
    profile.id,
    options.deviceId,
    typeof userAgent === 'string' ? userAgent.slice(0, 200) : null,
  );
  if (device.revoked) {
    await writeAudit(database.db, {
      action: 'device-revoked',
      userId: profile.id,
      deviceId: device.deviceId,
      requestId: request.id,
      ...detail,
    });
    throw new HttpError('device-revoked', 'This device has been blocked by an administrator');
  }
  const session = await createSession(database, profile.id, device.deviceId, options.ttlHours);
  await writeAudit(database.db, {
    action: 'login',
    userId: profile.id,
    teamId: profile.teamId,
    deviceId: device.deviceId,
    requestId: request.id,
    ...detail,
  });
  return {
    token: session.token,
    user: profile,
    expiresAt: session.expiresAt,
    deviceId: device.deviceId,
    deviceSecret: device.deviceSecret,
  };
}
