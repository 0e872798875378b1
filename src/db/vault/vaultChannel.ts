import { getProfile } from './profiles';
import { lockStore, openStore, vaultState } from './vault';

const CHANNEL = 'fremskudt-vault';

type Message =
  | { type: 'lock' }
  | { type: 'activity'; at: number }
  | { type: 'key-request' }
  | { type: 'key'; userId: string; key: CryptoKey };

function isMessage(data: unknown): data is Message {
  return typeof data === 'object' && data !== null && 'type' in data;
}

let channel: BroadcastChannel | null = null;
let lastActivity = Date.now();

/** The last input in any tab (ms since epoch): what the idle auto-lock measures from. */
export const lastActivityAt = () => lastActivity;

/** Input in this tab: remembered here and told to the other tabs (throttled by the caller). */
export function reportActivity(at: number = Date.now()): void {
  lastActivity = at;
  channel?.postMessage({ type: 'activity', at } satisfies Message);
}

/** Locks this tab and every other tab of the app on this device. */
export function lockEverywhere(reason: 'manual' | 'idle'): void {
  lockStore(reason);
  channel?.postMessage({ type: 'lock' } satisfies Message);
}

async function receive(message: Message): Promise<void> {
  const state = vaultState.get();
  if (message.type === 'lock') lockStore('other-tab');
  else if (message.type === 'activity') lastActivity = Math.max(lastActivity, message.at);
  else if (message.type === 'key-request' && state.status === 'unlocked') {
    // A CryptoKey is structured-cloneable and stays non-extractable in the other tab.
    channel?.postMessage({
      type: 'key',
      userId: state.profile.userId,
      key: state.key,
    } satisfies Message);
  } else if (message.type === 'key' && state.status === 'locked' && state.reason === 'start') {
    const profile = await getProfile(message.userId);
    if (profile) await openStore(profile, message.key);
  }
}

/**
 * Joins the app's tabs on this device: a lock in one locks all; input in one counts for all; a
 * newly opened tab asks an unlocked tab for the key instead of the password. No-op where the
 * browser has no BroadcastChannel.
 */
export function startVaultChannel(): () => void {
  if (typeof BroadcastChannel === 'undefined' || channel) return () => undefined;
  const opened = new BroadcastChannel(CHANNEL);
  channel = opened;
  opened.onmessage = (event: MessageEvent<unknown>) => {
    if (!isMessage(event.data)) return;
    receive(event.data).catch((error: unknown) => console.warn('Vault message failed', error));
  };
  opened.postMessage({ type: 'key-request' } satisfies Message);
  return () => {
    opened.close();
    channel = null;
  };
}
