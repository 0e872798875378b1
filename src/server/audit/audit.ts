import type { Kysely } from 'kysely';
import { newId } from '../../domain/ids';
import type { AuditLogTable, Database, Schema } from '../data/schema';
import { insertRows } from '../data/tableRows';

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
  | 'audit-export'
  /** A citizen's access request (GDPR art. 15) was produced. */
  | 'access-request';

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

/** The audit_log rows of `entries`, each with its own id, all at `now`. */
export function auditRows(entries: readonly AuditEntry[], now = new Date()): AuditLogTable[] {
  const at = now.toISOString();
  return entries.map((e) => ({
    id: newId(),
    at,
    user_id: e.userId ?? null,
    team_id: e.teamId ?? null,
    action: e.action,
    entity: e.entity ?? null,
    record_id: e.recordId ?? null,
    request_id: e.requestId ?? null,
    citizen_id: e.citizenId ?? null,
    device_id: e.deviceId ?? null,
    detail: e.detail === undefined ? null : JSON.stringify(e.detail),
  }));
}

/**
 * Appends to the audit log (Datatilsynet: log reads, searches, changes and deletions of personal
 * data). Pass the transaction that makes the change, so the change and its audit entry commit
 * together (a change-log writer passes auditRows to changeStage.writeStage instead).
 */
export async function writeAudit(
  db: Kysely<Schema>,
  entries: AuditEntry | AuditEntry[],
  now = new Date(),
): Promise<void> {
  await insertRows(db, {
    table: 'audit_log',
    rows: auditRows(Array.isArray(entries) ? entries : [entries], now),
  });
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
