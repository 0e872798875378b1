import type { Kysely } from 'kysely';
import { newId } from '../../domain/ids';
import type { Database, Schema } from '../data/schema';

export type AuditAction =
  | 'login'
  | 'login-failed'
  | 'logout'
  | 'read'
  | 'search'
  | 'create'
  | 'update'
  | 'delete'
  | 'reject'
  | 'pull'
  | 'push'
  /** One row per citizen per delivered page: "delivered to device X" in the citizen's view. */
  | 'deliver'
  | 'login-throttled'
  | 'device-revoked'
  | 'forbidden'
  | 'move'
  | 'admin'
  | 'audit-view'
  | 'audit-export';

export interface AuditEntry {
  action: AuditAction;
  userId?: string | null;
  teamId?: string | null;
  entity?: string | null;
  recordId?: string | null;
  requestId?: string | null;
  citizenId?: string | null;
  deviceId?: string | null;
  detail?: unknown;
}

/**
 * Appends to the audit log (Datatilsynet: log reads, searches, changes and deletions of personal
 * data). Pass the transaction that makes the change, so the change and its audit entry commit
 * together.
 */
export async function writeAudit(
  db: Kysely<Schema>,
  entries: AuditEntry | AuditEntry[],
  now = new Date(),
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      list.map((e) => ({
        id: newId(),
        at: now.toISOString(),
        user_id: e.userId ?? null,
        team_id: e.teamId ?? null,
        action: e.action,
        entity: e.entity ?? null,
        record_id: e.recordId ?? null,
        request_id: e.requestId ?? null,
        citizen_id: e.citizenId ?? null,
        device_id: e.deviceId ?? null,
        detail: e.detail === undefined ? null : JSON.stringify(e.detail),
      })),
    )
    .execute();
}

/** Deletes audit entries older than the retention period; returns how many went. */
export async function purgeOldAudit(
  database: Database,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const result = await database.db
    .deleteFrom('audit_log')
    .where('at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
