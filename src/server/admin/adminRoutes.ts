import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdSchema } from '../../domain/common';
import { newId } from '../../domain/ids';
import type { UserProfile } from '../../domain/user';
import {
  CreateTeamRequestSchema,
  CreateUserRequestSchema,
  MoveCitizenRequestSchema,
  RescueImportRequestSchema,
  ResetPasswordRequestSchema,
  SetRoleRequestSchema,
  SetTeamsRequestSchema,
  type AdminDevicesResponse,
  type AdminUsersResponse,
  type MoveCitizenResponse,
  type RescueImportResponse,
  type TeamsResponse,
} from '../../protocol/admin';
import { writeAudit } from '../audit/audit';
import { requireRole, requireUser } from '../auth/authHook';
import { listDevices, revokeDevice } from '../auth/devices';
import { revokeUserSessions } from '../auth/sessions';
import { createUser } from '../auth/users';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import {
  AccountError,
  createTeam,
  listTeams,
  listUsers,
  requireUserId,
  resetPassword,
  setRole,
  setTeams,
} from './accounts';
import { moveCitizen } from './moveCitizen';
import { importRescueFile } from './rescueImport';

/** Administrative bodies are small; the biggest is a user with a list of teams. */
const ADMIN_BODY_LIMIT = 16_384;
/** A rescue file: a device's whole outbox, base64 in JSON (about 1.4 times its size). */
const RESCUE_BODY_LIMIT = 64 * 1024 * 1024;
const UserParams = z.object({ userId: z.string().min(1).max(64) });
const DeviceParams = UserParams.extend({ deviceId: z.string().min(1).max(64) });
const CitizenParams = z.object({ id: IdSchema });

function toHttp(error: unknown): never {
  if (error instanceof AccountError) throw new HttpError(error.code, error.message);
  throw error;
}

/** Every route under /api/admin: role admin only. Each change is audited as `admin`. */
export function registerAdminRoutes(app: FastifyInstance, database: Database): void {
  const admin = (request: FastifyRequest) => requireRole(request, ['admin']);
  const audit = (
    request: FastifyRequest,
    by: UserProfile,
    what: string,
    detail: Record<string, unknown>,
  ) =>
    writeAudit(database.db, {
      action: 'admin',
      userId: by.id,
      deviceId: request.sessionDeviceId,
      requestId: request.id,
      detail: { what, ...detail },
    });
  const userIdOf = async (request: FastifyRequest) =>
    requireUserId(database, UserParams.parse(request.params).userId).catch(toHttp);
  const opts = { bodyLimit: ADMIN_BODY_LIMIT };

  app.post(
    '/api/admin/rescue-import',
    { bodyLimit: RESCUE_BODY_LIMIT },
    async (request): Promise<RescueImportResponse> => {
      const by = admin(request);
      const body = RescueImportRequestSchema.parse(request.body);
      return importRescueFile(database, body.file, body.passphrase, {
        adminId: by.id,
        requestId: request.id,
        sessionDeviceId: request.sessionDeviceId,
      });
    },
  );

  app.get('/api/admin/users', async (request): Promise<AdminUsersResponse> => {
    admin(request);
    return { users: await listUsers(database) };
  });

  app.post('/api/admin/users', opts, async (request, reply) => {
    const by = admin(request);
    const body = CreateUserRequestSchema.parse(request.body);
    const [teamId, ...otherTeamIds] = body.teams;
    if (!teamId) throw new HttpError('invalid-request', 'A user needs a team');
    const id = newId();
    const taken = await database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', body.username.toLowerCase())
      .executeTakeFirst();
    if (taken) throw new HttpError('invalid-request', 'The username is taken');
    const known = new Set((await listTeams(database)).map((t) => t.id));
    if (!body.teams.every((t) => known.has(t))) throw new HttpError('not-found', 'No such team');
    await createUser(database, { id, ...body, teamId, otherTeamIds });
    await audit(request, by, 'create-user', { userId: id, role: body.role, teams: body.teams });
    return reply.status(201).send({ id });
  });

  app.put('/api/admin/users/:userId/teams', opts, async (request) => {
    const by = admin(request);
    const userId = await userIdOf(request);
    const { teams } = SetTeamsRequestSchema.parse(request.body);
    await setTeams(database, userId, teams).catch(toHttp);
    await audit(request, by, 'set-teams', { userId, teams });
    return { ok: true };
  });

  app.put('/api/admin/users/:userId/role', opts, async (request) => {
    const by = admin(request);
    const userId = await userIdOf(request);
    const { role } = SetRoleRequestSchema.parse(request.body);
    await setRole(database, userId, role);
    await audit(request, by, 'set-role', { userId, role });
    return { ok: true };
  });

  app.post('/api/admin/users/:userId/password', opts, async (request) => {
    const by = admin(request);
    const userId = await userIdOf(request);
    const { password } = ResetPasswordRequestSchema.parse(request.body);
    await resetPassword(database, userId, password);
    await audit(request, by, 'reset-password', { userId });
    return { ok: true };
  });

  app.post('/api/admin/users/:userId/revoke-sessions', opts, async (request) => {
    const by = admin(request);
    const userId = await userIdOf(request);
    const revoked = await revokeUserSessions(database, userId);
    await audit(request, by, 'revoke-sessions', { userId, revoked });
    return { revoked };
  });

  app.get('/api/admin/devices', async (request): Promise<AdminDevicesResponse> => {
    admin(request);
    const { userId } = z.object({ userId: z.string().max(64).optional() }).parse(request.query);
    return { devices: await listDevices(database, userId) };
  });

  app.post('/api/admin/users/:userId/devices/:deviceId/revoke', opts, async (request) => {
    const by = admin(request);
    const { deviceId } = DeviceParams.parse(request.params);
    const userId = await userIdOf(request);
    if (!(await revokeDevice(database, userId, deviceId, by.id)))
      throw new HttpError('not-found', 'No such device');
    await audit(request, by, 'revoke-device', { userId, deviceId });
    return { ok: true };
  });

  app.get('/api/admin/teams', async (request): Promise<TeamsResponse> => {
    admin(request);
    return { teams: await listTeams(database) };
  });

  app.post('/api/admin/teams', opts, async (request, reply) => {
    const by = admin(request);
    const body = CreateTeamRequestSchema.parse(request.body);
    await createTeam(database, body.id, body.name).catch(toHttp);
    await audit(request, by, 'create-team', body);
    return reply.status(201).send({ id: body.id });
  });

  // Not under /admin: a lead of both teams may move a citizen too (moveCitizen checks).
  app.post('/api/citizens/:id/move', opts, async (request): Promise<MoveCitizenResponse> => {
    const by = requireUser(request);
    const { id } = CitizenParams.parse(request.params);
    const { teamId } = MoveCitizenRequestSchema.parse(request.body);
    return moveCitizen(database, id, teamId, by, request.id);
  });
}
