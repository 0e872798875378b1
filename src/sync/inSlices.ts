/** Items handled between two looks at the clock. */
const STEP = 5;
/** Work per slice: well under a frame, so a key press waits for at most about this long. */
const SLICE_MS = 8;

/**
 * Lets input and rendering run (a task that keeps the main thread longer delays every key press
 * until it ends). scheduler.yield() resumes before other queued tasks where it exists.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `work` over `items` a few at a time and yields to the main thread once a slice has taken
 * SLICE_MS: a pulled page of 500 records checked or indexed in one go is a long task the
 * caseworker typing meanwhile feels. Returns what `work` returned for each slice, in order.
 */
export async function inSlices<T, R = void>(
  items: readonly T[],
  work: (some: readonly T[]) => R,
  now: () => number = () => performance.now(),
): Promise<R[]> {
  const results: R[] = [];
  let sliceStart = now();
  for (let i = 0; i < items.length; i += STEP) {
    results.push(work(items.slice(i, i + STEP)));
    if (i + STEP < items.length && now() - sliceStart >= SLICE_MS) {
      await yieldToMain();
      sliceStart = now();
    }
  }
  return results;
}
