import { useCallback } from 'react';
import type { EntityName, FieldConflict } from '../domain';
import type { WriteContext } from '../db';
import { resendRejected } from '../sync/resendRejected';
import { settleConflict, type ConflictChoice } from '../sync/settleConflict';
import { requestSync } from '../sync/syncRequests';

/** What the sync screens can do: sync now, resend a refused change, settle a conflict. */
export function useSyncActions() {
  const resend = useCallback(async (seq: number, corrections?: Record<string, unknown>) => {
    await resendRejected(seq, corrections);
    requestSync();
  }, []);
  const settle = useCallback(
    async (
      ctx: WriteContext,
      entity: EntityName,
      recordId: string,
      conflict: FieldConflict,
      choice: ConflictChoice,
    ) => {
      await settleConflict(ctx, entity, recordId, conflict, choice);
    },
    [],
  );
  return { syncNow: requestSync, resend, settle };
}
