import type { Change } from '../../src/protocol';

/** The time every fabricated pulled record was written. */
export const AT = '2026-11-30T10:00:00.000Z';

/** A valid UUID numbered `n`. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A pulled change creating citizen `seq` of team-a, as the server's pull page carries it. */
export function citizenChange(seq: number, firstName = `Borger ${seq}`): Change {
  const id = uuid(seq);
  return {
    seq,
    entity: 'citizen',
    recordId: id,
    op: 'upsert',
    version: 1,
    record: {
      id,
      teamId: 'team-a',
      version: 1,
      createdAt: AT,
      updatedAt: AT,
      createdBy: 'mette',
      updatedBy: 'mette',
      conflicts: [],
      firstName,
    },
  };
}
