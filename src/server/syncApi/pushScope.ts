import { SHARED_TEAM_ID } from '../../domain/common';
import type { StoredRecord } from '../../domain/merge';
import type { UserProfile } from '../../domain/user';
import type { Mutation } from '../../protocol/sync';
import type { WriteTx } from '../data/writeTransaction';
import { mayWriteTeam, SHARED_ENTITIES } from './scope';

export type ScopeDecision =
  | { ok: true; teamId: string; citizenId: string | null }
  | { ok: false; message: string; teamId: string | null; citizenId: string | null };

/** The citizen a record names (the citizen itself for a citizen record). */
export function namedCitizen(m: Mutation, current: StoredRecord | undefined): string | null {
  if (m.entity === 'citizen') return m.recordId;
  const named = m.fields.citizenId ?? current?.data.citizenId;
  return typeof named === 'string' ? named : null;
}

async function citizenTeam(trx: WriteTx, citizenId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('records')
    .select('team_id')
    .where('entity', '=', 'citizen')
    .where('id', '=', citizenId)
    .executeTakeFirst();
  return row?.team_id;
}

/**
 * The team a mutation's record belongs to, and whether the user may write it
 * (docs/security.md "Team scope on the server"). An existing record keeps its team (moving is an
 * administrator's action); a new one goes to `mutation.teamId`, else the team of the citizen it
 * names when the user is in it, else the user's default team. A record naming a citizen must be
 * in that citizen's team, so a forged citizenId cannot attach data to another team's citizen.
 */
export async function decideScope(
  trx: WriteTx,
  m: Mutation,
  current: StoredRecord | undefined,
  user: Pick<UserProfile, 'teamId' | 'teams'>,
): Promise<ScopeDecision> {
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
  const referenced =
    m.entity !== 'citizen' && citizenId ? await citizenTeam(trx, citizenId) : undefined;
  if (m.entity !== 'citizen' && citizenId && referenced === undefined)
    return refuse('The record names a citizen that is unknown or not yours', m.teamId ?? null);
  let teamId: string;
  if (current) teamId = current.teamId;
  // A location or schedule slot is the municipality's, whatever team the device names.
  else if (SHARED_ENTITIES.has(m.entity)) teamId = SHARED_TEAM_ID;
  else if (m.teamId) teamId = m.teamId;
  else if (referenced && mayWriteTeam(user, m.entity, referenced)) teamId = referenced;
  else teamId = user.teamId;
  if (!mayWriteTeam(user, m.entity, teamId))
    return refuse('The record cannot be written to that team', teamId);
  if (referenced !== undefined && referenced !== teamId)
    return refuse('The record names a citizen that is unknown or not yours', teamId);
  return { ok: true, teamId, citizenId };
}
