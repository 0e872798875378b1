import { openOutbox, type FremskudtDb, type OutboxEntry } from '../db';
import type { Mutation } from '../protocol';

/** The wire form of an outbox entry: the Mutation fields only (no seq, state, attempts…). */
export function toMutation(entry: OutboxEntry): Mutation {
  const mutation: Mutation = {
    mutationId: entry.mutationId,
    deviceId: entry.deviceId,
    entity: entry.entity,
    recordId: entry.recordId,
    op: entry.op,
    fields: entry.fields,
    baseVersion: entry.baseVersion,
    clientTime: entry.clientTime,
  };
  if (entry.op === 'create' && entry.teamId) mutation.teamId = entry.teamId;
  if (entry.resolvesConflicts && entry.resolvesConflicts.length > 0) {
    mutation.resolvesConflicts = entry.resolvesConflicts;
  }
  return mutation;
}

const encoder = new TextEncoder();

/** UTF-8 size of a mutation as it will travel in the request body. */
export function mutationBytes(entry: OutboxEntry): number {
  return encoder.encode(JSON.stringify(toMutation(entry))).length;
}

/** Room in a push body for the `{"deviceId":…,"mutations":[…]}` wrapper and commas. */
const ENVELOPE_BYTES = 200;

export interface Batch {
  entries: OutboxEntry[];
  /** A single entry bigger than a whole request may be: it can never be sent as it is. */
  oversized: OutboxEntry | null;
}

/**
 * The next pending entries in send order (`seq`) after `after`, bounded in count and bytes.
 * Refused entries are skipped: they wait for the caseworker and never block the rest.
 */
export async function nextBatch(
  db: FremskudtDb,
  maxMutations: number,
  maxBytes: number,
  after = 0,
): Promise<Batch> {
  const rows = await db.outbox
    .where('seq')
    .above(after)
    .filter((e) => e.state === 'pending')
    .limit(maxMutations)
    .toArray();
  const candidates = await openOutbox(rows, db);
  const entries: OutboxEntry[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const entry of candidates) {
    const size = mutationBytes(entry) + 1;
    if (bytes + size > maxBytes) {
      if (entries.length === 0) return { entries: [], oversized: entry };
      break;
    }
    entries.push(entry);
    bytes += size;
  }
  return { entries, oversized: null };
}
