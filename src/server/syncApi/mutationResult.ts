import type { MergeOutcome } from '../../domain/merge';
import type { Mutation, MutationResult } from '../../protocol/sync';

const CONFLICT_MESSAGES = {
  'field-clash':
    'Someone else changed the same field first; their value is kept and yours is saved as a conflict to settle.',
  'edit-after-delete':
    'The record had been deleted; your change restored it, and the deletion is shown as a conflict.',
  'delete-after-edit':
    'Someone edited the record after the version you deleted; it is kept, and your deletion is shown as a conflict.',
  'final-note-changed':
    'The journal note was already final; your version was saved as a new note that refers to it.',
} as const;

/** Maps the merge rules' outcome to the wire result the device gets (and gets again on retry). */
export function toMutationResult(m: Mutation, outcome: MergeOutcome): MutationResult {
  switch (outcome.kind) {
    case 'applied':
      return {
        mutationId: m.mutationId,
        status: 'applied',
        recordId: m.recordId,
        version: outcome.record?.version ?? 0,
      };
    case 'conflict': {
      const result: MutationResult = {
        mutationId: m.mutationId,
        status: 'conflict',
        recordId: m.recordId,
        version: outcome.record.version,
        kind: outcome.conflictKind,
        message: CONFLICT_MESSAGES[outcome.conflictKind],
        conflicts: outcome.conflicts,
      };
      return outcome.extra ? { ...result, createdRecordId: outcome.extra.id } : result;
    }
    case 'rejected':
      return outcome.issues
        ? {
            mutationId: m.mutationId,
            status: 'rejected',
            code: outcome.code,
            message: outcome.message,
            issues: outcome.issues,
          }
        : {
            mutationId: m.mutationId,
            status: 'rejected',
            code: outcome.code,
            message: outcome.message,
          };
  }
}
