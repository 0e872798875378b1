import { countPending, type FremskudtDb, type OutboxEntry } from '../db';
import type { MutationResult, PushResponse } from '../protocol';
import { MAX_MUTATIONS_PER_PUSH as SERVER_MAX_MUTATIONS, MAX_PUSH_BYTES } from '../protocol';
import { ApiError, type ApiClient } from './apiClient';
import { applyPushResults, type PushTally } from './applyPushResults';
import { inFlight } from './inFlight';
import { nextBatch, toMutation } from './outboxBatch';
import { throwIfAborted } from './syncError';

/**
 * A push starts with batches smaller than the server's limit: on a poor connection a lost answer
 * costs less to repeat. While answers come back within FAST_ANSWER_MS, each batch may be twice
 * the one before, up to the server's limit: a long queue on a good connection goes in fewer
 * requests (bench scenario 4; figures in bench/README.md).
 */
export const MAX_MUTATIONS_PER_PUSH = Math.min(100, SERVER_MAX_MUTATIONS);
export const FAST_ANSWER_MS = 1_000;

export interface PushOptions {
  deviceId: string;
  /** A fixed batch size (no growth); default: MAX_MUTATIONS_PER_PUSH, growing as above. */
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
 * A batch is sent only after the answer to the one before arrived, so the server applies them in
 * order; while a batch is on its way, the answers to the one before are recorded and the next one
 * is read and unsealed (each used to wait its turn). An entry is never in two requests of one push.
 * Offline: the first request throws ApiError('network'); nothing is lost, the entries stay.
 * A 401 or 426 throws too and never touches the outbox.
 */
export async function pushOutbox(
  db: FremskudtDb,
  api: ApiClient,
  options: PushOptions,
): Promise<PushSummary> {
  const size = batchSize(options.maxMutations);
  const maxBytes = options.maxBytes ?? MAX_PUSH_BYTES;
  const now = options.now ?? (() => new Date());
  const total = await countPending(db);
  const summary: PushSummary = { sent: 0, applied: 0, conflicts: 0, rejected: 0 };
  options.onProgress?.(0, total);
  const record = async (batch: readonly OutboxEntry[], results: readonly MutationResult[]) => {
    addTally(summary, batch.length, await applyPushResults(db, batch, results, now));
    options.onProgress?.(Math.min(summary.sent, total), Math.max(total, summary.sent));
  };
  const read = (after: number) => inFlight(nextBatch(db, size.current(), maxBytes, after));
  // `after`: the last seq sent (or set aside) in this push; the next batch starts behind it.
  let after = 0;
  let recording: Promise<void> = Promise.resolve();
  let next = read(after);
  try {
    for (;;) {
      throwIfAborted(options.signal);
      const batch = await next;
      if (batch.oversized) {
        await refuseEntry(db, batch.oversized, tooLarge(maxBytes), now);
        summary.rejected++;
        after = batch.oversized.seq ?? after;
        next = read(after);
        continue;
      }
      const last = batch.entries.at(-1)?.seq;
      if (last === undefined) return summary;
      const sentAt = performance.now();
      const request = inFlight(sendBatch(api, options.deviceId, batch.entries));
      await recording;
      next = read(last);
      const response = await request;
      if ('refused' in response) {
        // The server refused the request as a whole (too large for its limit, or input it cannot
        // take): halve the batch until the entry at fault goes alone, then set that one aside for
        // the caseworker. Resending it unchanged would block the queue for good.
        const [only] = batch.entries;
        if (batch.entries.length === 1 && only) {
          await refuseEntry(db, only, response.refused, now);
          summary.rejected++;
          after = last;
        }
        size.halve(batch.entries.length);
        next = read(after);
        continue;
      }
      after = last;
      recording = inFlight(record(batch.entries, response.results));
      size.answeredIn(performance.now() - sentAt);
    }
  } finally {
    // The last answers are recorded before the push reports, also when it stops on an error.
    await recording;
  }
}

function tooLarge(maxBytes: number): Refusal {
  return {
    code: 'payload-too-large',
    message: `The change is larger than ${maxBytes} bytes and cannot be sent`,
  };
}

/** The size of the next batch: fixed when `fixed` is given, else growing while answers are fast. */
function batchSize(fixed: number | undefined) {
  let current = fixed ?? MAX_MUTATIONS_PER_PUSH;
  let limit = fixed ?? SERVER_MAX_MUTATIONS;
  return {
    current: () => current,
    answeredIn(ms: number): void {
      if (ms < FAST_ANSWER_MS) current = Math.min(limit, current * 2);
    },
    /** The server found a batch of `sent` too large: stay at half of it from now on. */
    halve(sent: number): void {
      current = limit = Math.max(1, Math.floor(sent / 2));
    },
  };
}

function addTally(summary: PushSummary, sent: number, tally: PushTally): void {
  // Guards the loop: a server that answers none of the batch would make us resend it forever.
  if (tally.applied + tally.conflicts + tally.rejected === 0) {
    throw new ApiError('bad-response', 'The server answered none of the pushed mutations');
  }
  summary.sent += sent;
  summary.applied += tally.applied;
  summary.conflicts += tally.conflicts;
  summary.rejected += tally.rejected;
}

/** Why the server refused a whole request; kept on the entry that alone was refused. */
interface Refusal {
  code: 'payload-too-large' | 'invalid-request';
  message: string;
}

async function sendBatch(
  api: ApiClient,
  deviceId: string,
  entries: OutboxEntry[],
): Promise<PushResponse | { refused: Refusal }> {
  try {
    return await api.push({ deviceId, mutations: entries.map(toMutation) });
  } catch (error) {
    if (
      error instanceof ApiError &&
      (error.code === 'payload-too-large' || error.code === 'invalid-request')
    )
      return { refused: { code: error.code, message: error.message } };
    throw error;
  }
}

/** A single change the server cannot take is set aside for the caseworker, not retried forever. */
async function refuseEntry(
  db: FremskudtDb,
  entry: OutboxEntry,
  lastError: Refusal,
  now: () => Date,
): Promise<void> {
  if (entry.seq === undefined) return;
  const refused = await db.seal('outbox', {
    ...entry,
    state: 'rejected',
    lastError,
    rejectedAt: now().toISOString(),
  });
  const seq = entry.seq;
  await db.transaction('rw', db.outbox, async () => {
    const stored = await db.outbox.get(seq);
    if (stored?.mutationId === entry.mutationId) await db.outbox.put(refused);
  });
}
