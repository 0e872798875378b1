import { newId } from '../../domain/ids';
import { applyMutation, type MergeOutcome, type StoredRecord } from '../../domain/merge';
import type { UserProfile } from '../../domain/user';
import type { Mutation, MutationResult } from '../../protocol/sync';
import { writeAudit, type AuditAction } from '../audit/audit';
import type { Database } from '../data/schema';
import { withWriteTransaction, type WriteTx } from '../data/writeTransaction';
import { toMutationResult } from './mutationResult';
import { decideScope, type ScopeDecision } from './pushScope';
import { loadRecord, saveRecordWithChange } from './recordStore';

export interface PushContext {
  user: Pick<UserProfile, 'id' | 'teamId' | 'teams'>;
  /** The device the session is bound to, for the audit log. */
  sessionDeviceId?: string | null;
  requestId?: string;
  now?: () => Date;
}

const AUDIT_ACTION: Record<Mutation['op'], AuditAction> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
};

/** True when the merge produced a new state of the record (a new version or a tombstone). */
function isNewState(record: StoredRecord, current: StoredRecord | undefined): boolean {
  return !current || record.version !== current.version || record.deleted !== current.deleted;
}

async function writeEffects(
  trx: WriteTx,
  outcome: MergeOutcome,
  current: StoredRecord | undefined,
): Promise<void> {
  if (outcome.kind === 'applied') {
    if (outcome.changed && outcome.record) await saveRecordWithChange(trx, outcome.record);
  } else if (outcome.kind === 'conflict') {
    // A final note written again stays as it was; only the second note is new.
    if (isNewState(outcome.record, current)) await saveRecordWithChange(trx, outcome.record);
    if (outcome.extra) await saveRecordWithChange(trx, outcome.extra);
  }
}

async function keepRejectedCopy(
  trx: WriteTx,
  m: Mutation,
  ctx: PushContext,
  result: Extract<MutationResult, { status: 'rejected' }>,
  at: string,
): Promise<void> {
  await trx
    .insertInto('rejected_mutations')
    .values({
      mutation_id: m.mutationId,
      device_id: m.deviceId,
      user_id: ctx.user.id,
      team_id: ctx.user.teamId,
      entity: m.entity,
      record_id: m.recordId,
      op: m.op,
      mutation: JSON.stringify(m),
      code: result.code,
      message: result.message,
      issues: result.issues ? JSON.stringify(result.issues) : null,
      rejected_at: at,
    })
    .execute();
}

/** A refused attempt on another team's data: what was tried, for whoever reviews the log. */
async function auditForbidden(
  trx: WriteTx,
  m: Mutation,
  ctx: PushContext,
  scope: Extract<ScopeDecision, { ok: false }>,
): Promise<void> {
  await writeAudit(trx, {
    action: 'forbidden',
    userId: ctx.user.id,
    teamId: scope.teamId,
    entity: m.entity,
    recordId: m.recordId,
    citizenId: scope.citizenId,
    deviceId: ctx.sessionDeviceId ?? m.deviceId,
    requestId: ctx.requestId ?? null,
    detail: {
      op: m.op,
      mutationId: m.mutationId,
      requestedTeamId: m.teamId ?? null,
      fields: Object.keys(m.fields),
      reason: scope.message,
    },
  });
}

async function applyOne(trx: WriteTx, m: Mutation, ctx: PushContext): Promise<MutationResult> {
  const previous = await trx
    .selectFrom('applied_mutations')
    .select(['result', 'user_id'])
    .where('mutation_id', '=', m.mutationId)
    .executeTakeFirst();
  if (previous) {
    if (previous.user_id !== ctx.user.id) {
      // Another user's mutation id: never hand out someone else's result.
      return {
        mutationId: m.mutationId,
        status: 'rejected',
        code: 'forbidden',
        message: 'Mutation id already used',
      };
    }
    // Exactly once: a retry gets the original answer and changes nothing.
    return JSON.parse(previous.result) as MutationResult;
  }
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const current = await loadRecord(trx, m.entity, m.recordId);
  const scope = await decideScope(trx, m, current, ctx.user);
  const outcome: MergeOutcome = scope.ok
    ? applyMutation(current, m, { userId: ctx.user.id, teamId: scope.teamId, now, newId })
    : { kind: 'rejected', code: 'forbidden', message: scope.message };
  if (!scope.ok) await auditForbidden(trx, m, ctx, scope);
  await writeEffects(trx, outcome, current);
  const result = toMutationResult(m, outcome);
  if (result.status === 'rejected') await keepRejectedCopy(trx, m, ctx, result, now);
  await trx
    .insertInto('applied_mutations')
    .values({
      mutation_id: m.mutationId,
      device_id: m.deviceId,
      user_id: ctx.user.id,
      result: JSON.stringify(result),
      applied_at: now,
    })
    .execute();
  await writeAudit(trx, {
    action: result.status === 'rejected' ? 'reject' : AUDIT_ACTION[m.op],
    userId: ctx.user.id,
    teamId: scope.ok ? scope.teamId : ctx.user.teamId,
    citizenId: scope.citizenId,
    deviceId: ctx.sessionDeviceId ?? m.deviceId,
    entity: m.entity,
    recordId: m.recordId,
    requestId: ctx.requestId ?? null,
    detail: {
      mutationId: m.mutationId,
      deviceId: m.deviceId,
      status: result.status,
      fields: Object.keys(m.fields),
      ...(result.status === 'rejected' ? { code: result.code } : {}),
      ...(result.status === 'conflict' ? { kind: result.kind } : {}),
    },
  });
  return result;
}

/**
 * Applies a device's mutations in order, all in ONE write transaction (one change-log lock, one
 * commit per push request), each together with its applied_mutations row. A rejected mutation does
 * not stop the batch (its copy is kept in rejected_mutations). An unexpected error rolls the whole
 * request back: nothing of it is committed, and the device's retry of the same batch applies all
 * of it, exactly once. A retry of an already committed batch gets the stored results.
 */
export async function pushMutations(
  database: Database,
  mutations: readonly Mutation[],
  ctx: PushContext,
): Promise<MutationResult[]> {
  return withWriteTransaction(database, async (trx) => {
    const results: MutationResult[] = [];
    for (const m of mutations) results.push(await applyOne(trx, m, ctx));
    return results;
  });
}
