import type { EntityName, FieldConflict } from '../../domain';

/**
 * PLACEHOLDER by the UI engineer so the screens compile: the sync engineer owns this file and
 * replaces it with the real list of conflicts to settle.
 */
export function ConflictList(_props: {
  entity: EntityName;
  record: { id: string; conflicts: FieldConflict[] };
}) {
  return null;
}
