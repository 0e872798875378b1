import type { Database } from '../data/schema';
import { chunkRows } from '../data/bindLimits';

/** How often the devices seen since the last write get their last_seen_at, in one statement. */
export const LAST_SEEN_FLUSH_MS = 10_000;

export interface LastSeenWriter {
  /** Notes that the device made a request now; written at the next flush. */
  seen(userId: string, deviceId: string): void;
  /** Writes every device noted since the last flush. */
  flush(now?: Date): Promise<void>;
}

/**
 * A device's last_seen_at (the administrator's device list, "Sidst set") is a hint, not part of
 * any decision: revocation and expiry are read from the session lookup itself. So the request that
 * finds it stale does not write it: it only notes the device here, and all devices noted in the
 * last LAST_SEEN_FLUSH_MS are written together. Before, each device's first request of a minute
 * ran an UPDATE and a commit of its own in the request path (on PostgreSQL a WAL flush), which
 * is every sync cycle for a device that syncs less often than once a minute, and 200 extra
 * commits when 200 devices come back online at once (bench/README.md, scenario 8).
 */
export function createLastSeenWriter(database: Database): LastSeenWriter {
  const pending = new Map<string, { userId: string; deviceId: string }>();
  return {
    seen(userId, deviceId) {
      pending.set(`${userId}\u0000${deviceId}`, { userId, deviceId });
    },
    async flush(now = new Date()) {
      if (pending.size === 0) return;
      const devices = [...pending.values()];
      pending.clear();
      for (const chunk of chunkRows(devices, 2)) {
        await database.db
          .updateTable('devices')
          .set({ last_seen_at: now.toISOString() })
          .where((eb) =>
            eb(
              eb.refTuple('user_id', 'id'),
              'in',
              chunk.map((d) => eb.tuple(d.userId, d.deviceId)),
            ),
          )
          .execute();
      }
    },
  };
}
