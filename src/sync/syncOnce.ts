import { purgeOldDrafts, recordLastSync, type FremskudtDb } from '../db';
import type { ApiClient } from './apiClient';
import { deviceIdOf } from './deviceIdOf';
import { pullChanges, type PullSummary } from './pullChanges';
import type { Puller } from './workerPull';
import { pushOutbox, type PushSummary } from './pushOutbox';
import { refreshTeamMembers, type TeamRefreshOutcome } from './refreshTeamMembers';
import { sendAuditEvents, type AuditSendSummary } from './sendAuditEvents';
import type { SyncStatusStore } from './syncStatus';

export interface SyncLimits {
  maxMutations?: number;
  maxBytes?: number;
  pullLimit?: number;
  auditBatchSize?: number;
}

export interface SyncOnceOptions {
  db: FremskudtDb;
  api: ApiClient;
  status?: SyncStatusStore;
  signal?: AbortSignal;
  limits?: SyncLimits;
  now?: () => Date;
  /** How to pull (the app: in its pull worker); by default `pullChanges` on this thread. */
  pull?: Puller;
}

export interface SyncSummary {
  push: PushSummary;
  pull: PullSummary;
  audit: AuditSendSummary;
  team: TeamRefreshOutcome;
}

/**
 * One cycle: push the outbox, then pull the team's changes, then send the device's audit events
 * (reads, searches) and refresh the team directory when it is stale. Pushing first means the pull
 * brings the server's merge of our own changes (conflicts included) in the same cycle. Audit
 * events go after both so a failing audit endpoint never holds back case data in either
 * direction; its failure still fails the cycle (backoff, retry) so no event is forgotten. Throws
 * on the first failure; the caller (engine or service worker) decides when to retry. Take the
 * sync lock around it (`withSyncLock`). A cycle that ends well records its time in the store
 * (`recordLastSync`), which the header reads.
 */
export async function syncOnce(options: SyncOnceOptions): Promise<SyncSummary> {
  const { db, api, status, signal, limits = {} } = options;
  const deviceId = await deviceIdOf(db);
  const push = await pushOutbox(db, api, {
    deviceId,
    signal,
    now: options.now,
    maxMutations: limits.maxMutations,
    maxBytes: limits.maxBytes,
    onProgress: (done, total) =>
      status?.dispatch({ type: 'phase', phase: { kind: 'pushing', done, total } }),
  });
  const pull = await (options.pull ?? pullChanges)(db, api, {
    signal,
    limit: limits.pullLimit,
    onProgress: (done, total) =>
      status?.dispatch({ type: 'phase', phase: { kind: 'pulling', done, total } }),
  });
  const audit = await sendAuditEvents(db, api, {
    deviceId,
    signal,
    batchSize: limits.auditBatchSize,
  });
  const team = await refreshTeamMembers(db, api, options.now);
  await purgeOldDrafts(db, options.now?.() ?? new Date());
  await recordLastSync(options.now?.() ?? new Date(), db);
  return { push, pull, audit, team };
}
