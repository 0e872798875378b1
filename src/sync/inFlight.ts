/**
 * Work already under way, awaited later (a pull's next page, a push's next batch). If the sync
 * stops first (the step before failed, or it was aborted) nobody awaits it: its failure must not
 * surface as an unhandled rejection, and what it was for is simply done again by the next sync.
 * Awaiting it still throws.
 */
export function inFlight<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}
