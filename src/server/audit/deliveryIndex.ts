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

/** Is a fold due: a full batch staged, or a page staged longer than `maxAgeMs`? */
async function foldDue(database: Database, maxAgeMs: number, now: number): Promise<boolean> {
  const backlog = await database.db
    .selectFrom('audit_deliveries_staged')
    .select((eb) => [eb.fn.countAll<number | string>().as('pages'), eb.fn.min('at').as('oldest')])
    .executeTakeFirstOrThrow();
  const pages = Number(backlog.pages);
  if (pages >= FOLD_BATCH_PAGES) return true;
  return pages > 0 && backlog.oldest !== null && Date.parse(backlog.oldest) <= now - maxAgeMs;
}

/**
 * Folds staged deliveries while the app runs: every `checkMs` it folds full batches, and a
 * smaller one once its oldest page has waited `maxAgeMs`; as it closes, whatever is staged. A fold
 * that fails (the database away) is logged once and tried again next round; nothing is lost
 * meanwhile, since the access view reads the staged rows too.
 */
export function installDeliveryIndexer(
  app: FastifyInstance,
  database: Database,
  { checkMs = FOLD_CHECK_MS, maxAgeMs = FOLD_MAX_AGE_MS } = {},
): void {
  let running: Promise<void> | null = null;
  let failing = false;
  const round = async (ageMs: number) => {
    for (let batch = 0; batch < FOLD_BATCHES_PER_ROUND; batch++) {
      if (!(await foldDue(database, ageMs, Date.now()))) break;
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
