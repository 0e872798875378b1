import type { FremskudtDb, OutboxEntry } from '../db';
import { MAX_MUTATIONS_PER_PUSH as SERVER_MAX_MUTATIONS, MAX_PUSH_BYTES } from '../protocol';
import { ApiError, type ApiClient } from './apiClient';
import { applyPushResults, type PushTally } from './applyPushResults';
import { nextBatch, toMutation } from './outboxBatch';
import { throwIfAborted } from './syncError';

/** Smaller than the server's limit: a lost answer costs less to repeat on a poor connection. */
export const MAX_MUTATIONS_PER_PUSH = Math.min(100, SERVER_MAX_MUTATIONS);

export interface PushOptions {
  deviceId: string;
  maxMutations?: number;
  /** Request body size limit, in bytes. */
  maxBytes?: number;
  signal?: AbortSignal;
  now?: () => Date;
  onProgress?: (done: number, total: number) => void;
}

export type PushSummary = PushTally & { sent: number };

/**
 * Sends the pending outbox in `seq` order, batch by batch, until nothing pending is left.
 * Offline: the first request throws ApiError('network'); nothing is lost, the entries stay.
 * A 401 or 426 throws too and never touches the outbox.
 */
export async function pushOutbox(
  db: FremskudtDb,
  api: ApiClient,
  options: PushOptions,
): Promise<PushSummary> {
  let maxMutations = options.maxMutations ?? MAX_MUTATIONS_PER_PUSH;
  const maxBytes = options.maxBytes ?? MAX_PUSH_BYTES;
  const now = options.now ?? (() => new Date());
  const total = await db.outbox.where('state').equals('pending').count();
  const summary: PushSummary = { sent: 0, applied: 0, conflicts: 0, rejected: 0 };
  options.onProgress?.(0, total);
  for (;;) {
    throwIfAborted(options.signal);
    const batch = await nextBatch(db, maxMutations, maxBytes);
    if (batch.oversized) {
      await refuseOversized(db, batch.oversized, maxBytes, now);
      summary.rejected++;
      continue;
    }
    if (batch.entries.length === 0) return summary;
    const response = await sendBatch(api, options.deviceId, batch.entries);
    if (response === 'too-large') {
      // Our byte estimate and the server's limit disagree: halve the batch; alone, set it aside.
      const [only] = batch.entries;
      if (batch.entries.length === 1 && only) {
        await refuseOversized(db, only, maxBytes, now);
        summary.rejected++;
      }
      maxMutations = Math.max(1, Math.floor(batch.entries.length / 2));
      continue;
    }
    const tally = await applyPushResults(db, batch.entries, response.results, now);
    const answered = tally.applied + tally.conflicts + tally.rejected;
    // Guards the loop: a server that answers none of the batch would make us resend it forever.
    if (answered === 0) {
      throw new ApiError('bad-response', 'The server answered none of the pushed mutations');
    }
    summary.sent += batch.entries.length;
    summary.applied += tally.applied;
    summary.conflicts += tally.conflicts;
    summary.rejected += tally.rejected;
    options.onProgress?.(Math.min(summary.sent, total), Math.max(total, summary.sent));
  }
}

async function sendBatch(api: ApiClient, deviceId: string, entries: OutboxEntry[]) {
  try {
    return await api.push({ deviceId, mutations: entries.map(toMutation) });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'payload-too-large') return 'too-large';
    throw error;
  }
}

/** A single change too big for any request is set aside for the caseworker, not retried forever. */
async function refuseOversized(
  db: FremskudtDb,
  entry: OutboxEntry,
  maxBytes: number,
  now: () => Date,
): Promise<void> {
  if (entry.seq === undefined) return;
  const refused = await db.seal('outbox', {
    ...entry,
    state: 'rejected',
    lastError: {
      code: 'payload-too-large',
      message: `The change is larger than ${maxBytes} bytes and cannot be sent`,
    },
    rejectedAt: now().toISOString(),
  });
  const seq = entry.seq;
  await db.transaction('rw', db.outbox, async () => {
    const stored = await db.outbox.get(seq);
    if (stored?.mutationId === entry.mutationId) await db.outbox.put(refused);
  });
}
