import type { Role } from '../../domain/user';
import type { GroupMap } from '../config';
import { joinTransaction } from '../data/joinTransaction';
import type { Database } from '../data/schema';

const RANK: Record<Role, number> = { caseworker: 0, lead: 1, admin: 2 };

/** What the person's groups give: the mapped teams (in map order) and the highest mapped role. */
export function mappedFromGroups(
  groups: readonly string[],
  map: GroupMap,
): { teams: string[]; role: Role | undefined } {
  const member = new Set(groups);
  const teams: string[] = [];
  let role: Role | undefined;
  for (const [group, mapping] of Object.entries(map)) {
    if (!member.has(group)) continue;
    if (mapping.team !== undefined && !teams.includes(mapping.team)) teams.push(mapping.team);
    if (mapping.role !== undefined && (role === undefined || RANK[mapping.role] > RANK[role]))
      role = mapping.role;
  }
  return { teams, role };
}

/** The teams named anywhere in the map (checked against the database at start). */
export function teamsOfMap(map: GroupMap): string[] {
  return [...new Set(Object.values(map).flatMap((m) => (m.team ? [m.team] : [])))];
}

/** The claim's value as a list of group ids; undefined: the claim is there but not a list. */
export function groupsOfClaim(
  claims: Record<string, unknown>,
  claim: string,
): { kind: 'ok'; groups: string[] } | { kind: 'overage' } | { kind: 'invalid' } {
  // Entra leaves the groups out when there are too many (over 200 in an ID token) and names a
  // Graph call instead (`_claim_names`); memberships cannot be judged from that.
  const names = claims._claim_names;
  if (names !== null && typeof names === 'object' && claim in names) return { kind: 'overage' };
  const value = claims[claim];
  // No claim: the person is in none of the groups the provider sends for this application.
  if (value === undefined || value === null) return { kind: 'ok', groups: [] };
  if (typeof value === 'string') return { kind: 'ok', groups: [value] };
  if (Array.isArray(value) && value.every((g): g is string => typeof g === 'string'))
    return { kind: 'ok', groups: value };
  return { kind: 'invalid' };
}

export interface GroupChanges {
  joined: string[];
  left: string[];
  role: { from: Role; to: Role } | undefined;
}

/**
 * Makes the memberships and role that the provider's groups give match the groups the person is
 * in now (docs/security.md "Teams and roles from the provider's groups"):
 * - a mapped team the person's groups give: a membership owned by the provider (an existing one
 *   set in the app becomes the provider's);
 * - a membership the provider gave earlier that no group gives any more: removed;
 * - memberships set in the app for teams the groups do not give: untouched;
 * - a mapped role: the role, owned by the provider; when no group gives a role any more, a role
 *   the provider gave falls back to caseworker and is the app's again; a role set in the app
 *   (no group gives one) is untouched.
 * The default team stays if still a membership, else becomes the first one left (or none).
 */
export async function applyGroupMapping(
  database: Database,
  userId: string,
  groups: readonly string[],
  map: GroupMap,
  now: Date,
): Promise<GroupChanges> {
  const wanted = mappedFromGroups(groups, map);
  return joinTransaction(database.db, async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['team_id', 'role', 'role_source'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const memberships = await trx
      .selectFrom('user_teams')
      .select(['team_id', 'source'])
      .where('user_id', '=', userId)
      .execute();
    const changes: GroupChanges = { joined: [], left: [], role: undefined };
    // main.ts refuses to start with an unknown mapped team; this guards a server built otherwise.
    const existing =
      wanted.teams.length === 0
        ? []
        : await trx.selectFrom('teams').select('id').where('id', 'in', wanted.teams).execute();
    wanted.teams = wanted.teams.filter((t) => existing.some((e) => e.id === t));
    for (const team of wanted.teams) {
      const held = memberships.find((m) => m.team_id === team);
      if (!held) {
        await trx
          .insertInto('user_teams')
          .values({
            user_id: userId,
            team_id: team,
            added_at: now.toISOString(),
            source: 'provider',
          })
          .execute();
        changes.joined.push(team);
      } else if (held.source !== 'provider') {
        await trx
          .updateTable('user_teams')
          .set({ source: 'provider' })
          .where('user_id', '=', userId)
          .where('team_id', '=', team)
          .execute();
      }
    }
    for (const m of memberships) {
      if (m.source !== 'provider' || wanted.teams.includes(m.team_id)) continue;
      await trx
        .deleteFrom('user_teams')
        .where('user_id', '=', userId)
        .where('team_id', '=', m.team_id)
        .execute();
      changes.left.push(m.team_id);
    }
    const now_ = memberships
      .map((m) => m.team_id)
      .filter((t) => !changes.left.includes(t))
      .concat(changes.joined);
    const defaultTeam =
      user.team_id !== null && now_.includes(user.team_id) ? user.team_id : (now_[0] ?? null);
    let role = user.role;
    let roleSource = user.role_source;
    if (wanted.role !== undefined) {
      role = wanted.role;
      roleSource = 'provider';
    } else if (user.role_source === 'provider') {
      role = 'caseworker';
      roleSource = 'app';
    }
    if (role !== user.role) changes.role = { from: user.role, to: role };
    if (defaultTeam !== user.team_id || role !== user.role || roleSource !== user.role_source) {
      await trx
        .updateTable('users')
        .set({ team_id: defaultTeam, role, role_source: roleSource })
        .where('id', '=', userId)
        .execute();
    }
    return changes;
  });
}

/** Mapped teams that do not exist: the server refuses to start with them (main.ts). */
export async function unknownMappedTeams(database: Database, map: GroupMap): Promise<string[]> {
  const named = teamsOfMap(map);
  if (named.length === 0) return [];
  const found = await database.db
    .selectFrom('teams')
    .select('id')
    .where('id', 'in', named)
    .execute();
  return named.filter((t) => !found.some((f) => f.id === t));
}
