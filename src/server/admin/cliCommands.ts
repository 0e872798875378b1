import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { newId } from '../../domain/ids';
import { RoleSchema, type Role, type UserProfile } from '../../domain/user';
import { listDevices, revokeDevice } from '../auth/devices';
import { revokeUserSessions } from '../auth/sessions';
import { createUser, upsertTeam } from '../auth/users';
import type { Database } from '../data/schema';
import {
  addToTeam,
  createTeam,
  listUsers,
  currentTeams,
  removeFromTeam,
  renameTeam,
  requireUserId,
  resetPassword,
  setActive,
  setRole,
} from './accounts';
import { auditAdmin, type AdminActor } from './adminAudit';
import { moveCitizen } from './moveCitizen';
import { readPassword } from './readPassword';
import { importRescueFile } from './rescueImport';

export const ADMIN_USAGE = `Administration (npm run admin -- <command> …):
  create-user --username U --name "Full Name" --team TEAM [--team TEAM2 …] [--team-name "Team"]
              [--role admin|lead|caseworker]     the first --team is the default team
  add-to-team --user U --team TEAM              remove-from-team --user U --team TEAM
  set-role --user U --role admin|lead|caseworker
  reset-password --user U [--must-change]       (also ends the user's sessions)
  deactivate-user --user U                      activate-user --user U
  revoke-sessions --user U
  list-users                                    list-devices [--user U]
  revoke-device --user U --device DEVICE_ID
  move-citizen --citizen ID --team TEAM
  create-team --id TEAM --name "Team name"     rename-team --id TEAM --name "New name"
  rescue-import --file PATH                     a device's "ventende ændringer" file; the
                                                passphrase as for passwords (FREMSKUDT_PASSWORD)
Passwords come from FREMSKUDT_PASSWORD or are typed on the terminal (not echoed).`;

const OPTIONS = {
  username: { type: 'string' },
  user: { type: 'string' },
  name: { type: 'string' },
  team: { type: 'string', multiple: true },
  'team-name': { type: 'string' },
  role: { type: 'string' },
  device: { type: 'string' },
  citizen: { type: 'string' },
  id: { type: 'string' },
  'must-change': { type: 'boolean' },
  file: { type: 'string' },
} as const;

function need(value: string | undefined, flag: string): string {
  if (!value) throw new Error(`Missing --${flag}\n${ADMIN_USAGE}`);
  return value;
}

function role(value: string | undefined, fallback?: Role): Role {
  const parsed = RoleSchema.safeParse(value ?? fallback);
  if (!parsed.success) throw new Error('--role must be admin, lead or caseworker');
  return parsed.data;
}

/** The CLI acts as a built-in administrator (audit shows user id "cli"). */
const CLI_ADMIN: UserProfile = {
  id: 'cli',
  username: 'cli',
  name: 'Kommandolinje',
  teamId: 'shared',
  teamName: 'cli',
  role: 'admin',
};

/** Every CLI action is in the administration log as done by "cli". */
const CLI_ACTOR: AdminActor = { userId: 'cli' };

/** Runs one administrative command; undefined when the command is not one of these. */
export async function runAdminCommand(
  database: Database,
  command: string,
  args: string[],
): Promise<string | undefined> {
  const { values } = parseArgs({ args, options: OPTIONS });
  const teams = values.team ?? [];
  const userId = () => requireUserId(database, need(values.user ?? values.username, 'user'));
  switch (command) {
    case 'create-user': {
      const [teamId, ...otherTeamIds] = teams;
      const username = need(values.username, 'username');
      const name = need(values.name, 'name');
      if (!teamId) throw new Error(`Missing --team\n${ADMIN_USAGE}`);
      if (values['team-name']) await upsertTeam(database, teamId, values['team-name']);
      const password = await readPassword();
      if (password.length < 8) throw new Error('The password needs at least 8 characters');
      const id = newId();
      const mustChangePassword = values['must-change'] ?? false;
      const newRole = role(values.role, 'caseworker');
      await createUser(database, {
        id,
        username,
        name,
        teamId,
        otherTeamIds,
        role: newRole,
        password,
        mustChangePassword,
      });
      await auditAdmin(
        database,
        CLI_ACTOR,
        'create-user',
        { teamId, userId: id },
        { role: newRole, teams, mustChangePassword },
      );
      return `user ${username} created in ${teams.join(', ')}`;
    }
    case 'add-to-team': {
      const [id, teamId] = [await userId(), need(teams[0], 'team')];
      const before = await currentTeams(database, id);
      await addToTeam(database, id, teamId);
      if (!before.includes(teamId))
        await auditAdmin(database, CLI_ACTOR, 'add-member', { teamId, userId: id });
      return 'added';
    }
    case 'remove-from-team': {
      const [id, teamId] = [await userId(), need(teams[0], 'team')];
      const before = await currentTeams(database, id);
      await removeFromTeam(database, id, teamId);
      if (before.includes(teamId))
        await auditAdmin(database, CLI_ACTOR, 'remove-member', { teamId, userId: id });
      return 'removed; the team is evicted from the user’s devices at their next sync';
    }
    case 'set-role': {
      const [id, newRole] = [await userId(), role(values.role)];
      await setRole(database, id, newRole);
      await auditAdmin(database, CLI_ACTOR, 'set-role', { userId: id }, { role: newRole });
      return 'role set';
    }
    case 'reset-password': {
      const id = await userId();
      const mustChangePassword = values['must-change'] ?? false;
      await resetPassword(database, id, await readPassword('New password: '), mustChangePassword);
      await auditAdmin(
        database,
        CLI_ACTOR,
        'reset-password',
        { userId: id },
        { mustChangePassword },
      );
      return 'password set; the user’s sessions are ended';
    }
    case 'deactivate-user':
    case 'activate-user': {
      const [id, active] = [await userId(), command === 'activate-user'];
      await setActive(database, id, active);
      await auditAdmin(database, CLI_ACTOR, 'set-active', { userId: id }, { active });
      return active ? 'user activated' : 'user deactivated; their sessions are ended';
    }
    case 'revoke-sessions': {
      const id = await userId();
      const revoked = await revokeUserSessions(database, id);
      await auditAdmin(database, CLI_ACTOR, 'revoke-sessions', { userId: id }, { revoked });
      return `${revoked} session(s) ended`;
    }
    case 'list-users':
      return (await listUsers(database))
        .map((u) => `${u.username}\t${u.role}\t${u.teams.map((t) => t.id).join(',')}\t${u.name}`)
        .join('\n');
    case 'list-devices': {
      const id = values.user ? await userId() : undefined;
      return (await listDevices(database, id))
        .map(
          (d) =>
            `${d.username}\t${d.id}\tlast seen ${d.lastSeenAt ?? '-'}` +
            (d.revokedAt ? `\tREVOKED ${d.revokedAt}` : ''),
        )
        .join('\n');
    }
    case 'revoke-device': {
      const [id, deviceId] = [await userId(), need(values.device, 'device')];
      const ok = await revokeDevice(database, id, deviceId, 'cli');
      if (!ok) throw new Error('No such device for that user');
      await auditAdmin(database, CLI_ACTOR, 'revoke-device', { userId: id }, { deviceId });
      return 'device revoked: it is refused from now on and wipes its data at next contact';
    }
    case 'move-citizen': {
      const moved = await moveCitizen(
        database,
        need(values.citizen, 'citizen'),
        need(teams[0], 'team'),
        CLI_ADMIN,
        null,
      );
      if (moved.moved > 0) {
        await auditAdmin(
          database,
          CLI_ACTOR,
          'move-citizen',
          { teamId: moved.toTeamId },
          { citizenId: moved.citizenId, fromTeamId: moved.fromTeamId, moved: moved.moved },
        );
      }
      return `moved ${moved.moved} record(s) from ${moved.fromTeamId} to ${moved.toTeamId}`;
    }
    case 'create-team': {
      const [id, name] = [need(values.id, 'id'), need(values.name, 'name')];
      await createTeam(database, id, name);
      await auditAdmin(database, CLI_ACTOR, 'create-team', { teamId: id }, { id, name });
      return 'team created';
    }
    case 'rescue-import': {
      const text = await readFile(need(values.file, 'file'), 'utf8');
      const done = await importRescueFile(database, text, await readPassword('Passphrase: '), {
        adminId: CLI_ADMIN.id,
      });
      return (
        `${done.count} change(s) from ${done.userId}'s device ${done.deviceId}: ` +
        `${done.applied} applied, ${done.conflicts} conflict(s), ${done.rejected} refused; ` +
        `${done.alreadyApplied} had already arrived and changed nothing`
      );
    }
    case 'rename-team': {
      const [id, name] = [need(values.id, 'id'), need(values.name, 'name')];
      await renameTeam(database, id, name);
      await auditAdmin(database, CLI_ACTOR, 'rename-team', { teamId: id }, { name });
      return 'team renamed';
    }
    default:
      return undefined;
  }
}
