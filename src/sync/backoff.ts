/** First retry waits up to this long after a failed sync. */
export const BACKOFF_BASE_MS = 2_000;
/** No retry waits longer than this, however many failures in a row. */
export const BACKOFF_MAX_MS = 5 * 60_000;

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** Uniform in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
}

/**
 * "Full jitter" exponential backoff: the delay before retry number `failures` (1 = first retry)
 * is uniform between 0 and min(max, base·2^(failures−1)). Jitter spreads a whole team's devices
 * out after a server restart instead of having them all retry in the same second.
 */
export function backoffDelayMs(failures: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BACKOFF_BASE_MS;
  const max = options.maxMs ?? BACKOFF_MAX_MS;
  const random = options.random ?? Math.random;
  const exponent = Math.max(0, failures - 1);
  // 2^exponent overflows to Infinity for large exponents; min() keeps it bounded.
  const ceiling = Math.min(max, base * 2 ** Math.min(exponent, 30));
  return Math.floor(random() * ceiling);
}

/** The ceiling of the jittered delay; shown nowhere, used by tests and by the status's retry hint. */
export function backoffCeilingMs(failures: number, options: BackoffOptions = {}): number {
  return backoffDelayMs(failures, { ...options, random: () => 1 });
}
