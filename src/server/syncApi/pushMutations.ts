import type { StoredRecord } from '../../domain/merge';
import type { Mutation, MutationResult } from '../../protocol/sync';
import { MAX_MUTATIONS_PER_PUSH } from '../../protocol/versions';
import { auditRows, type AuditEntry } from '../audit/audit';
import { sql } from 'kysely';
import type { Database } from '../data/schema';
import { withWriteTransaction, type ChangeLogTx, type WriteTx } from '../data/writeTransaction';
import { writeStage } from './changeStage';
import { deviceOf, planPush, type PriorAnswer, type PushContext, type PushPlan } from './pushPlan';
import { namedCitizen, scopesOfPush } from './pushScope';
import {
  loadRecords,
  recordKey,
  recordsIn,
  toStoredRecord,
  uniqueKeys,
  type RecordKey,
} from './recordStore';

export type { PushContext } from './pushPlan';

/** The records the batch touches and the citizens its mutations name (pushScope.namedCitizen). */
function batchKeys(mutations: readonly Mutation[]): RecordKey[] {
  const keys: RecordKey[] = [];
  for (const m of mutations) {
    keys.push({ entity: m.entity, id: m.recordId });
    const named = namedCitizen(m, undefined);
    if (named !== null) keys.push({ entity: 'citizen', id: named });
  }
  // A citizen names itself: the same key twice, read once.
  return uniqueKeys(keys);
}

/**
 * The earlier answers of the batch's mutation ids, and the records it touches with the citizens
 * it names, in one statement (a batch of MAX_MUTATIONS_PER_PUSH binds about 1,000 parameters, far
 * under MAX_BIND_PARAMETERS). On PostgreSQL every statement in the write transaction is a round
 * trip made while the scopes' locks are held, so a push of the same team waits for each of them
 * (bench/README.md, 8b).
 */
async function loadAnswersAndRecords(
  trx: WriteTx,
  mutations: readonly Mutation[],
): Promise<{ prior: Map<string, PriorAnswer>; state: Map<string, StoredRecord> }> {
  const ids = [...new Set(mutations.map((m) => m.mutationId))];
  const keys = batchKeys(mutations);
  // Both halves give every column, the other half's as null (PostgreSQL takes each column's
  // type from the half that has it).
  const text = sql<string | null>`null`;
  const int = sql<number | null>`null`;
  const rows = await trx
    .selectFrom('applied_mutations')
    .select((eb) => [
      sql<'answer' | 'record'>`'answer'`.as('kind'),
      text.as('entity'),
      'mutation_id as id',
      text.as('team_id'),
      int.as('version'),
      int.as('deleted'),
      text.as('data'),
      text.as('field_versions'),
      eb.ref('result').$castTo<string | null>().as('result'),
      eb.ref('user_id').$castTo<string | null>().as('user_id'),
    ])
    .where('mutation_id', 'in', ids)
    .unionAll((eb) =>
      eb
        .selectFrom('records')
        .select((r) => [
          sql<'answer' | 'record'>`'record'`.as('kind'),
          r.ref('entity').$castTo<string | null>().as('entity'),
          'id',
          r.ref('team_id').$castTo<string | null>().as('team_id'),
          r.ref('version').$castTo<number | null>().as('version'),
          r.ref('deleted').$castTo<number | null>().as('deleted'),
          r.ref('data').$castTo<string | null>().as('data'),
          r.ref('field_versions').$castTo<string | null>().as('field_versions'),
          text.as('result'),
          text.as('user_id'),
        ])
        .where((w) => recordsIn(w, keys)),
    )
    .execute();
  const prior = new Map<string, PriorAnswer>();
  const state = new Map<string, StoredRecord>();
  for (const r of rows) {
    if (r.kind === 'answer') prior.set(r.id, { result: r.result!, user_id: r.user_id! });
    else
      state.set(
        recordKey(r.entity!, r.id),
        toStoredRecord({
          entity: r.entity!,
          id: r.id,
          team_id: r.team_id!,
          version: r.version!,
          deleted: r.deleted!,
          data: r.data!,
          field_versions: r.field_versions!,
        }),
      );
  }
  return { prior, state };
}

/**
 * The batch's state: earlier answers, records and named citizens (above), and in a second query
 * only the citizens named by a stored record that the batch updates without naming the citizen
 * itself.
 */
async function loadBatchState(trx: WriteTx, mutations: readonly Mutation[]) {
  const { prior, state } = await loadAnswersAndRecords(trx, mutations);
  const more: RecordKey[] = [];
  for (const record of state.values()) {
    const named = record.data.citizenId;
    if (record.entity !== 'citizen' && typeof named === 'string')
      if (!state.has(recordKey('citizen', named))) more.push({ entity: 'citizen', id: named });
  }
  if (more.length > 0) for (const [k, r] of await loadRecords(trx, more)) state.set(k, r);
  return { prior, state };
}

/** The request's summary entry: how many mutations, and how each was answered. */
function summaryEntry(ctx: PushContext, deviceId: string, results: MutationResult[]): AuditEntry {
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return {
    action: 'push',
    userId: ctx.user.id,
    teamId: ctx.user.teamId,
    deviceId: deviceOf(ctx),
    requestId: ctx.requestId ?? null,
    detail: {
      deviceId,
      mutations: results.length,
      applied: count('applied'),
      conflicts: count('conflict'),
      rejected: count('rejected'),
    },
  };
}

/** Everything the plan decided, in one statement on PostgreSQL (changeStage.writeStage). */
async function writePlan(tx: ChangeLogTx, plan: PushPlan, ctx: PushContext): Promise<void> {
  const summary =
    ctx.pushDeviceId === undefined ? [] : [summaryEntry(ctx, ctx.pushDeviceId, plan.results)];
  await writeStage(tx, plan.stage, [
    { table: 'rejected_mutations', rows: plan.rejected },
    { table: 'applied_mutations', rows: plan.applied },
    { table: 'audit_log', rows: auditRows([...plan.audit, ...summary]) },
  ]);
}

/**
 * Applies a device's mutations in order, all in ONE write transaction (one commit per push
 * request), each with its applied_mutations row and audit entry. Set-based: under the scope
 * locks it reads the earlier answers, the records and the named citizens in a few queries,
 * decides every mutation in memory (pushPlan.ts, the same merge rules in the same order), then
 * writes with multi-row statements. A rejected mutation does not stop the batch (its copy is kept
 * in rejected_mutations). An unexpected error rolls the whole request back: nothing of it is
 * committed, and the device's retry of the same batch applies all of it, exactly once. A retry
 * of an already committed batch gets the stored results. A push that lost a race for a mutation id
 * to another scope's push is run again (isAnswerRace).
 */
export async function pushMutations(
  database: Database,
  mutations: readonly Mutation[],
  ctx: PushContext,
): Promise<MutationResult[]> {
  // The HTTP route's schema refuses more with 400; the other callers push in batches of this size.
  if (mutations.length > MAX_MUTATIONS_PER_PUSH)
    throw new RangeError(`A push holds at most ${MAX_MUTATIONS_PER_PUSH} mutations`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await pushOnce(database, mutations, ctx);
    } catch (error) {
      if (attempt >= MAX_PUSH_ATTEMPTS || !isAnswerRace(error)) throw error;
    }
  }
}

/** A push that lost the race for a mutation id is run once more; a third loss is a real fault. */
const MAX_PUSH_ATTEMPTS = 3;

/**
 * Whether a push failed because another transaction stored an answer for one of its mutation
 * ids first. Pushes of different scopes run side by side on PostgreSQL, so two users in different
 * teams sending the same new mutation id both find no earlier answer, and the second insert waits
 * for the first and fails on the primary key. Run again, the push sees that answer and refuses the
 * id as `forbidden` (or, for the same user, returns the stored result), as SQLite, which has one
 * writer, always does.
 */
function isAnswerRace(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return (
    code === '23505' &&
    (constraint === 'applied_mutations_pkey' || constraint === 'rejected_mutations_pkey')
  );
}

function pushOnce(
  database: Database,
  mutations: readonly Mutation[],
  ctx: PushContext,
): Promise<MutationResult[]> {
  return withWriteTransaction(database, scopesOfPush(ctx.user, mutations), async (tx) => {
    const { prior, state } = await loadBatchState(tx.trx, mutations);
    const plan = planPush(mutations, prior, state, ctx);
    await writePlan(tx, plan, ctx);
    return plan.results;
  });
}
