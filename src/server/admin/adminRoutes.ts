import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdSchema, TeamIdSchema } from '../../domain/common';
import { newId } from '../../domain/ids';
import type { UserProfile } from '../../domain/user';
import {
  AddMemberRequestSchema,
  AdminLogQuerySchema,
  CreateTeamRequestSchema,
  CreateUserRequestSchema,
  EraseCitizenRequestSchema,
  MoveCitizenRequestSchema,
  RenameTeamRequestSchema,
  RescueImportRequestSchema,
  ResetPasswordRequestSchema,
  SetActiveRequestSchema,
  SetRoleRequestSchema,
  SetTeamsRequestSchema,
  type AdminDevicesResponse,
  type AdminLogResponse,
  type AdminTeamMembersResponse,
  type AdminUsersResponse,
  type EraseCitizenResponse,
  type MoveCitizenResponse,
  type RescueImportResponse,
  type TeamsResponse,
  type WaitingUsersResponse,
} from '../../protocol/admin';
import { requireRole, requireUser } from '../auth/authHook';
import { listDevices, revokeDevice } from '../auth/devices';
import { revokeUserSessions } from '../auth/sessions';
import { createUser } from '../auth/users';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import {
  AccountError,
  createTeam,
  currentTeams,
  listMembers,
  listTeams,
  listUsers,
  listWaitingUsers,
  providerTeamsOf,
  renameTeam,
  requireUserId,
  resetPassword,
  setActive,
  setRole,
  setTeams,
} from './accounts';
import { adminLog, auditAdmin, type AdminActor } from './adminAudit';
import { eraseCitizen } from '../retention/eraseCitizen';
import { moveCitizen } from './moveCitizen';
import { importRescueFile } from './rescueImport';

/** Administrative bodies are small; the biggest is a user with a list of teams. */
const ADMIN_BODY_LIMIT = 16_384;
/** A rescue file: a device's whole outbox, base64 in JSON (about 1.4 times its size). */
const RESCUE_BODY_LIMIT = 64 * 1024 * 1024;
const UserParams = z.object({ userId: z.string().min(1).max(64) });
const DeviceParams = UserParams.extend({ deviceId: z.string().min(1).max(64) });
const TeamParams = z.object({ teamId: TeamIdSchema });
const MemberParams = TeamParams.extend({ userId: z.string().min(1).max(64) });
const CitizenParams = z.object({ id: IdSchema });

function toHttp(error: unknown): never {
  if (error instanceof AccountError) throw new HttpError(error.code, error.message);
  throw error;
}

/** The teams a user leads: every team for an administrator, their own for a lead, none else. */
export function ledTeams(user: UserProfile): readonly string[] | 'all' {
  if (user.role === 'admin') return 'all';
  if (user.role === 'lead') return (user.teams ?? []).map((t) => t.id);
  return [];
}

function leads(user: UserProfile, teamId: string): boolean {
  const teams = ledTeams(user);
  return teams === 'all' || teams.includes(teamId);
}

/**
 * /api/admin/*: users, roles, devices and teams are the administrators'; a lead may list, add and
 * remove the members of the teams they lead and read those teams' administration log. Every
 * change is audited as `admin` (adminAudit.ts).
 */
export function registerAdminRoutes(app: FastifyInstance, database: Database): void {
  const admin = (request: FastifyRequest) => requireRole(request, ['admin']);
  const actor = (request: FastifyRequest, by: UserProfile): AdminActor => ({
    userId: by.id,
    deviceId: request.sessionDeviceId,
    requestId: request.id,
  });
  /** Admin, or lead of the team in the path; others are refused (403) whether it exists or not. */
  const leadOf = (request: FastifyRequest, teamId: string) => {
    const by = requireRole(request, ['admin', 'lead']);
    if (!leads(by, teamId)) throw new HttpError('forbidden', 'You do not lead that team');
    return by;
  };
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

  /**
   * Users with no team yet (created at their first single sign-on), for an administrator or a
   * lead to add to a team; only names, no case data.
   */
  app.get('/api/admin/users/waiting', async (request): Promise<WaitingUsersResponse> => {
    requireRole(request, ['admin', 'lead']);
    return { users: await listWaitingUsers(database) };
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
    await auditAdmin(
      database,
      actor(request, by),
      'create-user',
      { teamId, userId: id },
      { role: body.role, teams: body.teams, mustChangePassword: body.mustChangePassword ?? false },
    );
    return reply.status(201).send({ id });
  });

  app.put('/api/admin/users/:userId/active', opts, async (request) => {
    const by = admin(request);
    const userId = await userIdOf(request);
    const { active } = SetActiveRequestSchema.parse(request.body);
    if (!active && userId === by.id)
      throw new HttpError('invalid-request', 'You cannot deactivate yourself');
    await setActive(database, userId, active);
    app.sessionCache.forgetUser(userId);
    await auditAdmin(database, actor(request, by), 'set-active', { userId }, { active });
    return { ok: true };
  });

  app.put('/api/admin/users/:userId/teams', opts, async (request) => {
    const by = admin(request);
    const userId = await userIdOf(request);
    const { teams } = SetTeamsRequestSchema.parse(request.body);
    const before = await currentTeams(database, userId).catch(toHttp);
    await setTeams(database, userId, teams).catch(toHttp);
    app.sessionCache.forgetUser(userId);
    // One entry per team joined or left, so each team's leads see it in their log.
    const joined = teams.filter((t) => !before.includes(t));
    const left = before.filter((t) => !teams.includes(t));
    for (const teamId of joined)
      await auditAdmin(database, actor(request, by), 'add-member', { teamId, userId });
    for (const teamId of left)
      await auditAdmin(database, actor(request, by), 'remove-member', { teamId, userId });
    if (joined.length + left.length === 0)
      await auditAdmin(database, actor(request, by), 'set-teams', { userId }, { teams });
    return { ok: true };
  });

  app.put('/api/admin/users/:userId/role', opts, async (request) => {
    const by = admin(request);
    const userId = await userIdOf(request);
    const { role } = SetRoleRequestSchema.parse(request.body);
    await setRole(database, userId, role).catch(toHttp);
    app.sessionCache.forgetUser(userId);
    await auditAdmin(database, actor(request, by), 'set-role', { userId }, { role });
    return { ok: true };
  });

  app.post('/api/admin/users/:userId/password', opts, async (request) => {
    const by = admin(request);
    const userId = await userIdOf(request);
    const body = ResetPasswordRequestSchema.parse(request.body);
    await resetPassword(database, userId, body.password, body.mustChangePassword ?? false);
    app.sessionCache.forgetUser(userId);
    await auditAdmin(
      database,
      actor(request, by),
      'reset-password',
      { userId },
      { mustChangePassword: body.mustChangePassword ?? false },
    );
    return { ok: true };
  });

  app.post('/api/admin/users/:userId/revoke-sessions', opts, async (request) => {
    const by = admin(request);
    const userId = await userIdOf(request);
    const revoked = await revokeUserSessions(database, userId);
    app.sessionCache.forgetUser(userId);
    await auditAdmin(database, actor(request, by), 'revoke-sessions', { userId }, { revoked });
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
    const revoked = await revokeDevice(database, userId, deviceId, by.id);
    app.sessionCache.forgetUser(userId);
    if (!revoked) throw new HttpError('not-found', 'No such device');
    await auditAdmin(database, actor(request, by), 'revoke-device', { userId }, { deviceId });
    return { ok: true };
  });

  /** Every team for an administrator; the teams they lead for a lead. */
  app.get('/api/admin/teams', async (request): Promise<TeamsResponse> => {
    const by = requireRole(request, ['admin', 'lead']);
    const led = ledTeams(by);
    const teams = await listTeams(database);
    return { teams: led === 'all' ? teams : teams.filter((t) => led.includes(t.id)) };
  });

  app.post('/api/admin/teams', opts, async (request, reply) => {
    const by = admin(request);
    const body = CreateTeamRequestSchema.parse(request.body);
    await createTeam(database, body.id, body.name).catch(toHttp);
    await auditAdmin(database, actor(request, by), 'create-team', { teamId: body.id }, body);
    return reply.status(201).send({ id: body.id });
  });

  app.put('/api/admin/teams/:teamId', opts, async (request) => {
    const by = admin(request);
    const { teamId } = TeamParams.parse(request.params);
    const { name } = RenameTeamRequestSchema.parse(request.body);
    await renameTeam(database, teamId, name).catch(toHttp);
    await auditAdmin(database, actor(request, by), 'rename-team', { teamId }, { name });
    return { ok: true };
  });

  app.get(
    '/api/admin/teams/:teamId/members',
    async (request): Promise<AdminTeamMembersResponse> => {
      const { teamId } = TeamParams.parse(request.params);
      leadOf(request, teamId);
      return { members: await listMembers(database, teamId) };
    },
  );

  app.post('/api/admin/teams/:teamId/members', opts, async (request, reply) => {
    const { teamId } = TeamParams.parse(request.params);
    const by = leadOf(request, teamId);
    const { user } = AddMemberRequestSchema.parse(request.body);
    const userId = await requireUserId(database, user).catch(toHttp);
    const teams = await currentTeams(database, userId).catch(toHttp);
    if (!teams.includes(teamId)) {
      await setTeams(database, userId, [...teams, teamId]).catch(toHttp);
      app.sessionCache.forgetUser(userId);
      await auditAdmin(database, actor(request, by), 'add-member', { teamId, userId });
    }
    return reply.status(201).send({ id: userId });
  });

  app.delete('/api/admin/teams/:teamId/members/:userId', async (request) => {
    const { teamId, userId: named } = MemberParams.parse(request.params);
    const by = leadOf(request, teamId);
    const userId = await requireUserId(database, named).catch(toHttp);
    const teams = await currentTeams(database, userId).catch(toHttp);
    if (!teams.includes(teamId)) throw new HttpError('not-found', 'Not a member of that team');
    if ((await providerTeamsOf(database, userId)).includes(teamId))
      throw new HttpError(
        'provider-managed',
        "The membership comes from the identity provider's groups; change it there",
      );
    if (teams.length === 1)
      throw new HttpError('invalid-request', 'This is the user’s only team; add another first');
    await setTeams(
      database,
      userId,
      teams.filter((t) => t !== teamId),
    ).catch(toHttp);
    app.sessionCache.forgetUser(userId);
    await auditAdmin(database, actor(request, by), 'remove-member', { teamId, userId });
    return { ok: true };
  });

  app.get('/api/admin/log', async (request): Promise<AdminLogResponse> => {
    const by = requireRole(request, ['admin', 'lead']);
    const query = AdminLogQuerySchema.parse(request.query);
    return adminLog(database, query, ledTeams(by));
  });

  // Not under /admin: a lead of both teams may move a citizen too (moveCitizen checks).
  app.post('/api/citizens/:id/move', opts, async (request): Promise<MoveCitizenResponse> => {
    const by = requireUser(request);
    const { id } = CitizenParams.parse(request.params);
    const { teamId } = MoveCitizenRequestSchema.parse(request.body);
    const moved = await moveCitizen(database, id, teamId, by, request.id);
    if (moved.moved > 0) {
      await auditAdmin(
        database,
        actor(request, by),
        'move-citizen',
        { teamId: moved.toTeamId },
        { citizenId: id, fromTeamId: moved.fromTeamId, moved: moved.moved },
      );
    }
    return moved;
  });

  // A lead of the citizen's team or an administrator (eraseCitizen checks).
  app.post('/api/citizens/:id/erase', opts, async (request): Promise<EraseCitizenResponse> => {
    const by = requireUser(request);
    const { id } = CitizenParams.parse(request.params);
    const { confirmCitizenId } = EraseCitizenRequestSchema.parse(request.body);
    if (confirmCitizenId !== id)
      throw new HttpError('invalid-request', 'confirmCitizenId must repeat the citizen id');
    return eraseCitizen(database, id, by, request.id);
  });
}
