import type { FastifyInstance } from 'fastify';
import type { Database } from '../data/schema';
import { insertRows } from '../data/tableRows';
import { everyWhileUp } from '../whileUp';

/**
 * Staged pages folded per transaction. Folding pays per page of the index it writes, and a batch
 * writes each page at most once: with a million deliveries in the index, batches of 50 pulled
 * pages cost 0.4× what writing each page's citizens straight into it did, batches of 10 as much.
 */
export const FOLD_BATCH_PAGES = 50;
const FOLD_BATCHES_PER_ROUND = 20;
/** How often a server process looks at what is staged (by it or by another process). */
export const FOLD_CHECK_MS = 2_000;
/** A staged page waits at most about this long for a full batch. */
export const FOLD_MAX_AGE_MS = 30_000;
/**
 * While pages are being delivered (the newest staged one younger than this), a full batch waits
 * for the deliveries to pause: a fold is background work, and one beside a first sync competes
 * with it for the server's CPU (bench/README.md, row 2). The oldest page's age and
 * FOLD_BACKLOG_PAGES bound the wait; the citizen's access view shows staged pages meanwhile.
 */
export const FOLD_QUIET_MS = 2_000;
/** Once this many pages are staged, a batch is folded whether or not deliveries have paused. */
export const FOLD_BACKLOG_PAGES = 500;

/**
 * Moves up to `maxPages` staged pages' citizens into the citizen index `audit_deliveries`, in one
 * transaction: the staged rows are deleted and their index rows inserted, sorted by citizen, so
 * each page of the index is written once per batch instead of once per pulled page. Each staged
 * row is folded exactly once: the DELETE … RETURNING claims it (on PostgreSQL another process's
 * fold skips the rows this one holds), and a failed fold rolls back and leaves it staged.
 * Returns how many pages were folded.
 */
export async function foldStagedDeliveries(
  database: Database,
  maxPages = FOLD_BATCH_PAGES,
): Promise<number> {
  return database.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .deleteFrom('audit_deliveries_staged')
      .where('audit_id', 'in', (eb) => {
        const oldest = eb
          .selectFrom('audit_deliveries_staged')
          .select('audit_id')
          .orderBy('at')
          .limit(maxPages);
        return database.dialect === 'postgres' ? oldest.forUpdate().skipLocked() : oldest;
      })
      .returning(['audit_id', 'at', 'citizens'])
      .execute();
    const rows = claimed.flatMap((page) =>
      (JSON.parse(page.citizens) as string[]).map((citizenId) => ({
        citizen_id: citizenId,
        at: page.at,
        audit_id: page.audit_id,
      })),
    );
    rows.sort((a, b) => (a.citizen_id < b.citizen_id ? -1 : a.citizen_id > b.citizen_id ? 1 : 0));
    await insertRows(trx, { table: 'audit_deliveries', rows });
    return claimed.length;
  });
}

interface FoldTiming {
  /** A page staged longer than this is folded, busy or not. */
  maxAgeMs: number;
  /** Deliveries have paused when the newest staged page is older than this. */
  quietMs: number;
}

/**
 * Is a fold due: a page staged longer than `maxAgeMs`, FOLD_BACKLOG_PAGES staged, or a full batch
 * staged and no page staged (by any process) for `quietMs`?
 */
async function foldDue(
  database: Database,
  { maxAgeMs, quietMs }: FoldTiming,
  now: number,
): Promise<boolean> {
  const backlog = await database.db
    .selectFrom('audit_deliveries_staged')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('pages'),
      eb.fn.min('at').as('oldest'),
      eb.fn.max('at').as('newest'),
    ])
    .executeTakeFirstOrThrow();
  const pages = Number(backlog.pages);
  if (pages === 0 || backlog.oldest === null || backlog.newest === null) return false;
  if (pages >= FOLD_BACKLOG_PAGES || Date.parse(backlog.oldest) <= now - maxAgeMs) return true;
  return pages >= FOLD_BATCH_PAGES && Date.parse(backlog.newest) <= now - quietMs;
}

/**
 * Folds staged deliveries while the app runs: every `checkMs` it folds full batches once
 * deliveries have paused for `quietMs` (or FOLD_BACKLOG_PAGES are staged), and any page that has
 * waited `maxAgeMs`; as it closes, whatever is staged. A fold that fails (the database away) is
 * logged once and tried again next round; nothing is lost meanwhile, since the access view reads
 * the staged rows too.
 */
export function installDeliveryIndexer(
  app: FastifyInstance,
  database: Database,
  {
    checkMs = FOLD_CHECK_MS,
    maxAgeMs = FOLD_MAX_AGE_MS,
    quietMs = FOLD_QUIET_MS,
  }: { checkMs?: number } & Partial<FoldTiming> = {},
): void {
  let running: Promise<void> | null = null;
  let failing = false;
  const round = async (ageMs: number) => {
    for (let batch = 0; batch < FOLD_BATCHES_PER_ROUND; batch++) {
      if (!(await foldDue(database, { maxAgeMs: ageMs, quietMs }, Date.now()))) break;
      await foldStagedDeliveries(database);
    }
  };
  const fold = (ageMs = maxAgeMs) => {
    running ??= round(ageMs)
      .then(
        () => {
          if (failing) app.log.info('folding staged deliveries works again');
          failing = false;
        },
        (error: unknown) => {
          if (!failing) {
            app.log.error(
              { err: error },
              'folding staged deliveries into the citizen index failed; they stay staged and shown',
            );
          }
          failing = true;
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  everyWhileUp(app, checkMs, fold, async () => {
    await running;
    await fold(0);
  });
}
