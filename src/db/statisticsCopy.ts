import { db, type FremskudtDb } from './database';
import { getMeta, setMeta } from './meta';

/**
 * The last statistics report a lead opened, kept so it can be read offline (at a council meeting
 * without network). Sealed like the rest of the user's data: aggregates, but of their teams' work.
 */
const LAST_REPORT_KEY = 'statistics.lastReport';

export async function saveLastReport(report: unknown, database: FremskudtDb = db): Promise<void> {
  await setMeta(LAST_REPORT_KEY, report, { database });
}

/** The saved report as stored (the caller checks its shape: it may be from an older app). */
export async function readLastReport(database: FremskudtDb = db): Promise<unknown> {
  return getMeta<unknown>(LAST_REPORT_KEY, database);
}
