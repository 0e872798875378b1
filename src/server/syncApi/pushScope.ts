import { IdSchema, SHARED_TEAM_ID } from '../../domain/common';
import type { StoredRecord } from '../../domain/merge';
import type { UserProfile } from '../../domain/user';
import type { Mutation } from '../../protocol/sync';
import { mayWriteTeam, SHARED_ENTITIES, teamIdsOf } from './scope';

export type ScopeDecision =
  | { ok: true; teamId: string; citizenId: string | null }
  | { ok: false; message: string; teamId: string | null; citizenId: string | null };

/** The team of a citizen as the push sees it now (undefined: no such citizen). */
export type CitizenTeamOf = (citizenId: string) => string | undefined;

/**
 * The citizen a record names (the citizen itself for a citizen record). Only an id names one:
 * anything else in `citizenId` is refused by the entity's schema, and is neither looked up nor
 * written to the audit log's citizen column (a NUL in it would fail the whole push on PostgreSQL).
 */
export function namedCitizen(m: Mutation, current: StoredRecord | undefined): string | null {
  if (m.entity === 'citizen') return m.recordId;
  const named = IdSchema.safeParse(m.fields.citizenId ?? current?.data.citizenId);
  return named.success ? named.data : null;
}

/**
 * Every scope a push may write, to lock before it reads anything (data/writeTransaction.ts): all
 * of the user's teams, and `shared` only when the batch has a location or schedule slot. A
 * mutation can only be applied in a team that mayWriteTeam allows, which is always one of these;
 * the change log refuses any other (allocateSeqs). Locking all the user's teams rather than the
 * ones the batch turns out to touch keeps it to one lock round before the reads; a user in many
 * teams serializes with more writers, which is the price.
 */
export function scopesOfPush(
  user: Pick<UserProfile, 'teamId' | 'teams'>,
  mutations: readonly Mutation[],
): string[] {
  const scopes = teamIdsOf(user);
  if (mutations.some((m) => SHARED_ENTITIES.has(m.entity))) scopes.push(SHARED_TEAM_ID);
  return scopes;
}

/**
 * The team a mutation's record belongs to, and whether the user may write it
 * (docs/security.md "Team scope on the server"). An existing record keeps its team (moving is an
 * administrator's action); a new one goes to `mutation.teamId`, else the team of the citizen it
 * names when the user is in it, else the user's default team. A record naming a citizen must be
 * in that citizen's team, so a forged citizenId cannot attach data to another team's citizen.
 * `citizenTeamOf` answers from the push's state, which includes earlier mutations of the batch.
 */
export function decideScope(
  m: Mutation,
  current: StoredRecord | undefined,
  user: Pick<UserProfile, 'teamId' | 'teams'>,
  citizenTeamOf: CitizenTeamOf,
): ScopeDecision {
  const citizenId = namedCitizen(m, current);
  const refuse = (message: string, teamId: string | null): ScopeDecision => ({
    ok: false,
    message,
    teamId,
    citizenId,
  });
  if (current) {
    if (!mayWriteTeam(user, m.entity, current.teamId))
      return refuse('Record belongs to another team', current.teamId);
  }
  const referenced = m.entity !== 'citizen' && citizenId ? citizenTeamOf(citizenId) : undefined;
  if (m.entity !== 'citizen' && citizenId && referenced === undefined)
    return refuse('The record names a citizen that is unknown or not yours', m.teamId ?? null);
  let teamId: string;
  if (current) teamId = current.teamId;
  // A location or schedule slot is the municipality's, whatever team the device names.
  else if (SHARED_ENTITIES.has(m.entity)) teamId = SHARED_TEAM_ID;
  else if (m.teamId) teamId = m.teamId;
  else if (referenced && mayWriteTeam(user, m.entity, referenced)) teamId = referenced;
  else if (user.teamId) teamId = user.teamId;
  else return refuse('You are not a member of any team', null);
  if (!mayWriteTeam(user, m.entity, teamId))
    return refuse('The record cannot be written to that team', teamId);
  if (referenced !== undefined && referenced !== teamId)
    return refuse('The record names a citizen that is unknown or not yours', teamId);
  return { ok: true, teamId, citizenId };
}
