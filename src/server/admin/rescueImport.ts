import { MAX_MUTATIONS_PER_PUSH } from '../../protocol/versions';
import type { RescueImportResponse } from '../../protocol/admin';
import { openRescueFile, parseRescueFile, RescueError } from '../../protocol/rescue';
import type { MutationResult } from '../../protocol/sync';
import { loadProfile } from '../auth/users';
import { chunkRows } from '../data/bindLimits';
import type { Database } from '../data/schema';
import { HttpError } from '../http/httpError';
import { auditAdmin } from './adminAudit';
import { pushMutations } from '../syncApi/pushMutations';

export interface RescueImportBy {
  /** The administrator who imports. */
  adminId: string;
  requestId?: string;
  sessionDeviceId?: string | null;
}

async function countAlreadyApplied(database: Database, ids: readonly string[]): Promise<number> {
  let known = 0;
  for (const chunk of chunkRows(ids, 1)) {
    const rows = await database.db
      .selectFrom('applied_mutations')
      .select('mutation_id')
      .where('mutation_id', 'in', chunk)
      .execute();
    known += rows.length;
  }
  return known;
}

/**
 * Applies a rescue file's changes as the device's own push would have: as the user who wrote them
 * (their teams as they are now, so a user who left a team cannot write it through a file), with the
 * same mutation ids, in the same order, in push-sized batches. A mutation id the server has seen
 * gets its stored answer and changes nothing, so a second import of the same file, or the device's
 * own push afterwards, applies nothing twice. Audited as `admin` (`rescue-import`, who and what),
 * besides each change's own audit entries under its author.
 */
export async function importRescueFile(
  database: Database,
  text: string,
  passphrase: string,
  by: RescueImportBy,
): Promise<RescueImportResponse> {
  let header;
  let mutations;
  try {
    header = parseRescueFile(text);
    mutations = await openRescueFile(header, passphrase);
  } catch (error) {
    if (error instanceof RescueError)
      throw new HttpError('invalid-request', error.message, { reason: error.code });
    throw error;
  }
  const author = await loadProfile(database, { id: header.userId });
  if (!author) throw new HttpError('not-found', 'The user who wrote these changes is unknown');
  if (mutations.some((m) => m.deviceId !== header.deviceId))
    throw new HttpError('invalid-request', 'The file mixes changes of several devices', {
      reason: 'damaged',
    });
  const alreadyApplied = await countAlreadyApplied(
    database,
    mutations.map((m) => m.mutationId),
  );
  const results: MutationResult[] = [];
  for (let i = 0; i < mutations.length; i += MAX_MUTATIONS_PER_PUSH) {
    const batch = mutations.slice(i, i + MAX_MUTATIONS_PER_PUSH);
    results.push(
      ...(await pushMutations(database, batch, {
        user: author.profile,
        sessionDeviceId: header.deviceId,
        pushDeviceId: header.deviceId,
        ...(by.requestId !== undefined ? { requestId: by.requestId } : {}),
      })),
    );
  }
  const count = (status: MutationResult['status']) =>
    results.filter((r) => r.status === status).length;
  const summary: RescueImportResponse = {
    userId: header.userId,
    deviceId: header.deviceId,
    exportedAt: header.exportedAt,
    count: mutations.length,
    alreadyApplied,
    applied: count('applied'),
    conflicts: count('conflict'),
    rejected: count('rejected'),
  };
  // In the administration log, about the user whose changes they were.
  await auditAdmin(
    database,
    { userId: by.adminId, deviceId: by.sessionDeviceId ?? null, requestId: by.requestId ?? null },
    'rescue-import',
    { userId: header.userId },
    { ...summary },
  );
  return summary;
}
