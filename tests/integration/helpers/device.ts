import {
  FremskudtDb,
  createCasesRepo,
  createCitizensRepo,
  createNotesRepo,
  createSealer,
  getMeta,
  openOutbox,
  setMeta,
  type OutboxEntry,
  type Sealer,
  type WriteContext,
} from '../../../src/db';
import type { UserProfile } from '../../../src/domain';
import { generateDataKey } from '../../../src/db/vault/webCrypto';
import { newId } from '../../../src/domain';
import type { LoginResponse } from '../../../src/protocol';
import { createApiClient, type ApiClient } from '../../../src/sync/apiClient';
import { deviceIdOf } from '../../../src/sync/deviceIdOf';
import { sessionToken } from '../../../src/sync/sessionToken';
import { syncLockName, withSyncLock } from '../../../src/sync/syncLock';
import { syncOnce, type SyncLimits, type SyncSummary } from '../../../src/sync/syncOnce';
import { startSyncEngine } from '../../../src/sync/startSyncEngine';
import { createManualScheduler } from './manualScheduler';
import { createSyncStatusStore, type SyncStatusStore } from '../../../src/sync/syncStatus';
import type { TestServer } from '../../helpers/testServer';
import { createFaultyFetch, type FaultyFetch } from './faultyFetch';

/** The app's own repositories (with their rules, e.g. final notes are immutable) on this device's database. */
export function reposFor(db: FremskudtDb) {
  return {
    citizens: createCitizensRepo(() => db),
    cases: createCasesRepo(() => db),
    notes: createNotesRepo(() => db),
  };
}

export interface Device {
  name: string;
  db: FremskudtDb;
  net: FaultyFetch;
  api: ApiClient;
  status: SyncStatusStore;
  user: UserProfile;
  ctx: WriteContext;
  repos: ReturnType<typeof reposFor>;
  /** One push + pull cycle under the device's sync lock; throws what the engine would report. */
  sync: (limits?: SyncLimits) => Promise<SyncSummary>;
  outbox: () => Promise<OutboxEntry[]>;
  /** Closes this Dexie instance and opens a new one on the same database ("reload"). */
  reload: () => Promise<Device>;
  dispose: () => Promise<void>;
}

export interface DeviceOptions {
  /** The device's clock (for clientTime/updatedAt); the server's clock is its own. */
  now?: () => Date;
  timeoutMs?: number;
  name?: string;
  /** Reuse a login (several devices of one user, or many runs of a property test). */
  session?: LoginResponse;
}

/** Each simulated device keeps its data key across reloads, as an unlock with its password would. */
const sealers = new Map<string, Sealer>();

async function sealerFor(name: string): Promise<Sealer> {
  const known = sealers.get(name);
  if (known) return known;
  const sealer = createSealer(await generateDataKey());
  sealers.set(name, sealer);
  return sealer;
}

/** Opens a simulated device's (sealed) database; the same key each time for the same name. */
export async function deviceDb(name: string): Promise<FremskudtDb> {
  return new FremskudtDb(name, await sealerFor(name));
}

async function wire(
  server: TestServer,
  name: string,
  options: DeviceOptions,
  net: FaultyFetch,
): Promise<Device> {
  const db = await deviceDb(name);
  const api = createApiClient({
    baseUrl: server.url,
    fetch: net.fetch,
    token: () => sessionToken(db),
    timeoutMs: options.timeoutMs ?? 5_000,
  });
  const session = await getMeta<{ user: UserProfile }>('session', db);
  if (!session) throw new Error(`Device ${name} has no session`);
  const deviceId = await deviceIdOf(db);
  if (!session.user.teamId) throw new Error(`Device ${name}: the user has no team`);
  const ctx: WriteContext = { userId: session.user.id, teamId: session.user.teamId, deviceId };
  if (options.now) ctx.now = options.now;
  const status = createSyncStatusStore();
  const device: Device = {
    name,
    db,
    net,
    api,
    status,
    user: session.user,
    ctx,
    repos: reposFor(db),
    sync: async (limits) => {
      const outcome = await withSyncLock(syncLockName(db.name), () =>
        syncOnce({ db, api, status, limits, now: options.now }),
      );
      if (!outcome.ran) throw new Error(`${name}: another sync holds the lock`);
      return outcome.value;
    },
    outbox: async () => openOutbox(await db.outbox.orderBy('seq').toArray(), db),
    reload: async () => {
      db.close();
      return wire(server, name, options, net);
    },
    dispose: async () => {
      db.close();
      await db.delete();
      sealers.delete(name);
    },
  };
  return device;
}

/** A device signed in as `username` (password `demo`), with its own IndexedDB database. */
export async function createDevice(
  server: TestServer,
  username: string,
  options: DeviceOptions = {},
): Promise<Device> {
  const name = options.name ?? `device-${username}-${newId()}`;
  const net = createFaultyFetch();
  const login =
    options.session ?? (await createApiClient({ baseUrl: server.url }).login(username, 'demo'));
  const db = await deviceDb(name);
  await setMeta('session', login, { database: db });
  db.close();
  return wire(server, name, options, net);
}

/**
 * The app's sync engine for `device` on virtual time (manualScheduler.ts), without the browser's
 * triggers, and with the backoff's jitter fixed at its middle so delays are exact.
 */
export function startEngineOnClock(device: Pick<Device, 'db' | 'api' | 'status'>) {
  const clock = createManualScheduler();
  const engine = startSyncEngine({
    db: device.db,
    api: device.api,
    status: device.status,
    scheduler: clock.scheduler,
    random: () => 0.5,
    browser: false,
  });
  return { engine, clock };
}
