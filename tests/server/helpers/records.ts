import { newId } from '../../../src/domain/ids';
import type { ChangeLogTx } from '../../../src/server/data/writeTransaction';
import { newChangeStage, stageRecord, writeStage } from '../../../src/server/syncApi/changeStage';

/**
 * Writes one new citizen of `teamId` (its record and its change) in a write transaction, as a
 * push would, below the HTTP layer; returns its id.
 */
export async function writeNewCitizen(
  tx: ChangeLogTx,
  teamId: string,
  firstName: string,
  id: string = newId(),
): Promise<string> {
  const now = new Date().toISOString();
  const stage = newChangeStage();
  stageRecord(stage, {
    entity: 'citizen',
    id,
    teamId,
    version: 1,
    deleted: false,
    data: {
      id,
      teamId,
      version: 1,
      firstName,
      createdAt: now,
      updatedAt: now,
      createdBy: 'mette',
      updatedBy: 'mette',
      conflicts: [],
    },
    fieldVersions: {},
  });
  await writeStage(tx, stage);
  return id;
}
