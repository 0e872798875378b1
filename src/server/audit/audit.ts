import { sql, type Kysely } from 'kysely';
import { newId } from '../../domain/ids';
import type { AuditLogTable, Database, Schema } from '../data/schema';
import { named } from '../data/namedStatements';
import { insertCte, insertRows } from '../data/tableRows';

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
  /**
   * One row per citizen per delivered page, as written before migration 0007 (still shown); a
   * page's citizens are now rows of audit_deliveries pointing at its `pull` entry.
   */
  | 'deliver'
  | 'login-throttled'
  | 'device-revoked'
  | 'forbidden'
  | 'move'
  | 'admin'
  /** A user chose a new password (their own, replacing an initial or old one). */
  | 'password-change'
  | 'audit-view'
  | 'audit-export'
  /** A lead or administrator read the statistics report (aggregates; detail: period, teams). */
  | 'statistics'
  /** A citizen and every record naming it were erased (detail: counts per entity, never data). */
  | 'erase'
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

/**
 * A pulled page's audit: its `pull` entry and its citizens, staged as one row that
 * deliveryIndex.ts folds into `audit_deliveries` (the citizen's access view lists each as a
 * delivery, staged or folded). Both or neither: one statement on PostgreSQL, one transaction on
 * SQLite. Two rows appended per page, wherever its citizens fall in the index.
 */
export async function writePullAudit(
  database: Database,
  pull: AuditEntry,
  citizenIds: Iterable<string>,
  now = new Date(),
): Promise<void> {
  const [row] = auditRows([pull], now);
  if (!row) return;
  const citizens = [...citizenIds];
  const log = { table: 'audit_log', rows: [row] } as const;
  if (citizens.length === 0) return insertRows(database.db, log);
  const staged = {
    table: 'audit_deliveries_staged',
    rows: [{ audit_id: row.id, at: row.at, citizens: JSON.stringify(citizens) }],
  } as const;
  if (database.dialect === 'postgres') {
    await sql`with ${insertCte('log', log)}, ${insertCte('staged', staged)}
      select 1 ${named}`.execute(database.db);
    return;
  }
  await database.db.transaction().execute(async (trx) => {
    await insertRows(trx, log);
    await insertRows(trx, staged);
  });
}

/**
 * Deletes audit entries older than the retention period, and the citizen index of deliveries
 * (folded and staged) with them; returns how many audit entries went.
 */
export async function purgeOldAudit(
  database: Database,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  await database.db.deleteFrom('audit_deliveries').where('at', '<', cutoff).execute();
  await database.db.deleteFrom('audit_deliveries_staged').where('at', '<', cutoff).execute();
  const result = await database.db
    .deleteFrom('audit_log')
    .where('at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
