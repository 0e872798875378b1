/**
 * "Synkroniser nu": the button asks, whichever engine runs in this page answers. A plain
 * listener set so the UI never needs a handle on the engine the shell started.
 */
const listeners = new Set<() => void>();

export function requestSync(): void {
  for (const listener of listeners) listener();
}

export function onSyncRequested(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
