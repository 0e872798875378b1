import { newId } from '../../domain/ids';
import { applyMutation, type MergeOutcome, type StoredRecord } from '../../domain/merge';
import type { UserProfile } from '../../domain/user';
import type { Mutation, MutationResult } from '../../protocol/sync';
import type { AuditAction, AuditEntry } from '../audit/audit';
import type { AppliedMutationsTable, RejectedMutationsTable } from '../data/schema';
import { isErased } from '../retention/eraseCitizen';
import { newChangeStage, stageRecord, type ChangeStage } from './changeStage';
import { toMutationResult } from './mutationResult';
import { decideScope, namedCitizen, type ScopeDecision } from './pushScope';
import { recordKey } from './recordStore';

export interface PushContext {
  user: Pick<UserProfile, 'id' | 'teamId' | 'teams'>;
  /**
   * The device the session is bound to: the device every mutation of the push is applied as
   * (see deviceOf), and the one the audit log names.
   */
  sessionDeviceId?: string | null;
  requestId?: string;
  /**
   * The device id the push request names. When given, the request's summary audit entry
   * (`push`, with counts) is written in the same transaction as the mutations.
   */
  pushDeviceId?: string;
  now?: () => Date;
}

/** An applied_mutations row already in the database: the answer a retry gets again. */
export type PriorAnswer = Pick<AppliedMutationsTable, 'result' | 'user_id'>;

/** Everything one push request writes, decided in memory before a single write is made. */
export interface PushPlan {
  results: MutationResult[];
  stage: ChangeStage;
  applied: AppliedMutationsTable[];
  rejected: RejectedMutationsTable[];
  audit: AuditEntry[];
}

const AUDIT_ACTION: Record<Mutation['op'], AuditAction> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
};

/**
 * The device a mutation is applied as: the session's, never the `deviceId` the body names. The
 * merge rules skip the conflict check for a field last changed by the same device (a device knows
 * its own writes), so a device id taken from the body would let one caseworker overwrite a
 * colleague's field silently by naming the colleague's device. A session older than devices has
 * none: its user's writes count as one device of their own, which no other user can name.
 */
export function deviceOf(ctx: Pick<PushContext, 'user' | 'sessionDeviceId'>): string {
  return ctx.sessionDeviceId ?? `user:${ctx.user.id}`;
}

/** True when the merge produced a new state of the record (a new version or a tombstone). */
function isNewState(record: StoredRecord, current: StoredRecord | undefined): boolean {
  return !current || record.version !== current.version || record.deleted !== current.deleted;
}

/** Stages the outcome's new record states and makes them the batch's current state. */
function stageEffects(
  plan: PushPlan,
  state: Map<string, StoredRecord>,
  outcome: MergeOutcome,
  current: StoredRecord | undefined,
): void {
  const save = (record: StoredRecord) => {
    stageRecord(plan.stage, record);
    state.set(recordKey(record.entity, record.id), record);
  };
  if (outcome.kind === 'applied') {
    if (outcome.changed && outcome.record) save(outcome.record);
  } else if (outcome.kind === 'conflict') {
    // A final note written again stays as it was; only the second note is new.
    if (isNewState(outcome.record, current)) save(outcome.record);
    if (outcome.extra) save(outcome.extra);
  }
}

/** A refused attempt on another team's data: what was tried, for whoever reviews the log. */
function forbiddenEntry(
  m: Mutation,
  ctx: PushContext,
  scope: Extract<ScopeDecision, { ok: false }>,
): AuditEntry {
  return {
    action: 'forbidden',
    userId: ctx.user.id,
    teamId: scope.teamId,
    entity: m.entity,
    recordId: m.recordId,
    citizenId: scope.citizenId,
    deviceId: deviceOf(ctx),
    requestId: ctx.requestId ?? null,
    detail: {
      op: m.op,
      mutationId: m.mutationId,
      requestedTeamId: m.teamId ?? null,
      fields: Object.keys(m.fields),
      reason: scope.message,
    },
  };
}

function mutationEntry(
  m: Mutation,
  ctx: PushContext,
  scope: ScopeDecision,
  result: MutationResult,
): AuditEntry {
  return {
    action: result.status === 'rejected' ? 'reject' : AUDIT_ACTION[m.op],
    userId: ctx.user.id,
    teamId: scope.ok ? scope.teamId : ctx.user.teamId,
    citizenId: scope.citizenId,
    deviceId: deviceOf(ctx),
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
  };
}

function rejectedRow(
  m: Mutation,
  ctx: PushContext,
  result: Extract<MutationResult, { status: 'rejected' }>,
  at: string,
): RejectedMutationsTable {
  return {
    mutation_id: m.mutationId,
    device_id: deviceOf(ctx),
    user_id: ctx.user.id,
    // The column is NOT NULL; '' stands for a user who had no team when they pushed.
    team_id: ctx.user.teamId ?? '',
    entity: m.entity,
    record_id: m.recordId,
    op: m.op,
    mutation: JSON.stringify(m),
    code: result.code,
    message: result.message,
    issues: result.issues ? JSON.stringify(result.issues) : null,
    rejected_at: at,
  };
}

/** Applies one new mutation to the batch's state and records everything it writes. */
function planOne(
  plan: PushPlan,
  state: Map<string, StoredRecord>,
  m: Mutation,
  ctx: PushContext,
): MutationResult {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const current = state.get(recordKey(m.entity, m.recordId));
  const citizenTeamOf = (id: string) => state.get(recordKey('citizen', id))?.teamId;
  const scope = decideScope(m, current, ctx.user, citizenTeamOf);
  const citizenId = namedCitizen(m, current);
  // An erased record, or a new one naming an erased citizen (a device that was offline): refused,
  // and not kept among the refused changes, which would hold the content again.
  const erased =
    isErased(current) ||
    (citizenId !== null && isErased(state.get(recordKey('citizen', citizenId))));
  const outcome: MergeOutcome = erased
    ? { kind: 'rejected', code: 'record-erased', message: 'The record or its citizen was erased' }
    : scope.ok
      ? applyMutation(
          current,
          { ...m, deviceId: deviceOf(ctx) },
          { userId: ctx.user.id, teamId: scope.teamId, now, newId },
        )
      : { kind: 'rejected', code: 'forbidden', message: scope.message };
  if (!scope.ok && !erased) plan.audit.push(forbiddenEntry(m, ctx, scope));
  stageEffects(plan, state, outcome, current);
  const result = toMutationResult(m, outcome);
  if (result.status === 'rejected' && !erased) plan.rejected.push(rejectedRow(m, ctx, result, now));
  plan.applied.push({
    mutation_id: m.mutationId,
    device_id: deviceOf(ctx),
    user_id: ctx.user.id,
    result: JSON.stringify(result),
    applied_at: now,
  });
  plan.audit.push(mutationEntry(m, ctx, scope, result));
  return result;
}

/**
 * Decides a whole push in memory, one mutation at a time in order, exactly as if each were
 * applied and committed before the next: `state` holds the records the batch touches and the
 * citizens it names (loaded under the scope locks) and takes each mutation's result, so a later
 * mutation sees an earlier one's record. A mutation id answered before (`prior`, or earlier in
 * this batch) gets that answer again and writes nothing; another user's id is refused.
 */
export function planPush(
  mutations: readonly Mutation[],
  prior: ReadonlyMap<string, PriorAnswer>,
  state: Map<string, StoredRecord>,
  ctx: PushContext,
): PushPlan {
  const plan: PushPlan = {
    results: [],
    stage: newChangeStage(),
    applied: [],
    rejected: [],
    audit: [],
  };
  const answered = new Map<string, PriorAnswer>(prior);
  for (const m of mutations) {
    const previous = answered.get(m.mutationId);
    if (previous && previous.user_id !== ctx.user.id) {
      // Another user's mutation id: never hand out someone else's result.
      plan.results.push({
        mutationId: m.mutationId,
        status: 'rejected',
        code: 'forbidden',
        message: 'Mutation id already used',
      });
    } else if (previous) {
      // Exactly once: a retry gets the original answer and changes nothing.
      plan.results.push(JSON.parse(previous.result) as MutationResult);
    } else {
      plan.results.push(planOne(plan, state, m, ctx));
      const row = plan.applied.at(-1);
      if (row) answered.set(m.mutationId, row);
    }
  }
  return plan;
}
