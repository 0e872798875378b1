import { randomUUID } from 'node:crypto';
import { purgeOldAudit } from '../audit/audit';
import type { Config } from '../config';
import type { Database } from '../data/schema';
import { compactChangeLog } from './compactChangeLog';
import { proposeErasures } from './erasureProposals';
import { releaseLease, takeLease } from './jobLease';
import { reduceAnonymousContacts } from './reduceAnonymousContacts';

export const RETENTION_JOB = 'retention';
/** Longer than any run takes; a process that dies holding the lease blocks the job this long. */
const LEASE_MS = 30 * 60_000;

export type RetentionConfig = Pick<
  Config,
  | 'AUDIT_RETENTION_DAYS'
  | 'REJECTED_RETENTION_DAYS'
  | 'DEVICE_RETENTION_DAYS'
  | 'CHANGE_LOG_HORIZON_DAYS'
  | 'ERASURE_PROPOSAL_INACTIVE_DAYS'
  | 'ERASURE_PROPOSAL_DISMISS_DAYS'
  | 'ANONYMOUS_CONTACT_DETAIL_DAYS'
>;

/** What one run removed, as counts per kind: never the data itself (this is what is logged). */
export interface RetentionCounts {
  auditEntries: number;
  rejectedChanges: number;
  devices: number;
  sessions: number;
  supersededVersions: number;
  tombstones: number;
  /** Anonymous contacts whose remark went (the statistics' counts stay). */
  anonymousContactsReduced: number;
  /** Citizens newly proposed to a lead for erasure, and open proposals withdrawn. */
  erasureProposals: number;
  erasureProposalsWithdrawn: number;
}

export type RetentionRun = { ran: true; removed: RetentionCounts } | { ran: false };

const daysBefore = (now: Date, days: number) =>
  new Date(now.getTime() - days * 86_400_000).toISOString();

/**
 * Applies the server's retention rules once (docs/security.md, "Retention and erasure"). Safe to
 * start in several server processes at once: one takes the lease and runs, the others return
 * `{ ran: false }`. Idempotent: a second run right after removes nothing. Each step is its own
 * statement or transaction, so a failure part-way leaves what was done done and the next run
 * picks up the rest.
 */
export async function runRetention(
  database: Database,
  config: RetentionConfig,
  now: Date = new Date(),
  holder: string = randomUUID(),
): Promise<RetentionRun> {
  if (!(await takeLease(database, RETENTION_JOB, holder, now, LEASE_MS))) return { ran: false };
  try {
    const auditEntries = await purgeOldAudit(database, config.AUDIT_RETENTION_DAYS, now);
    const rejected = await database.db
      .deleteFrom('rejected_mutations')
      .where('rejected_at', '<', daysBefore(now, config.REJECTED_RETENTION_DAYS))
      .executeTakeFirst();
    const unseen = daysBefore(now, config.DEVICE_RETENTION_DAYS);
    const { sessions, devices } = await database.db.transaction().execute(async (trx) => {
      // A device id is the device's own, so the same id may be another user's device too.
      const s = await trx
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([
            eb('created_at', '<', unseen),
            eb.exists(
              eb
                .selectFrom('devices as d')
                .select('d.id')
                .whereRef('d.id', '=', 'sessions.device_id')
                .whereRef('d.user_id', '=', 'sessions.user_id')
                .where((inner) =>
                  inner(inner.fn.coalesce('d.last_seen_at', 'd.created_at'), '<', unseen),
                ),
            ),
          ]),
        )
        .executeTakeFirst();
      const d = await trx
        .deleteFrom('devices')
        .where((eb) => eb(eb.fn.coalesce('last_seen_at', 'created_at'), '<', unseen))
        .executeTakeFirst();
      return { sessions: Number(s.numDeletedRows), devices: Number(d.numDeletedRows) };
    });
    // Before compaction: the reduction deletes the contacts' earlier entries itself.
    const anonymousContactsReduced = await reduceAnonymousContacts(database, config, now);
    const proposals = await proposeErasures(database, config, now);
    const compacted = await compactChangeLog(
      database,
      new Date(now.getTime() - config.CHANGE_LOG_HORIZON_DAYS * 86_400_000),
    );
    return {
      ran: true,
      removed: {
        auditEntries,
        rejectedChanges: Number(rejected.numDeletedRows),
        devices,
        sessions,
        supersededVersions: compacted.superseded,
        tombstones: compacted.tombstones,
        anonymousContactsReduced,
        erasureProposals: proposals.proposed,
        erasureProposalsWithdrawn: proposals.withdrawn,
      },
    };
  } finally {
    await releaseLease(database, RETENTION_JOB, holder);
  }
}
