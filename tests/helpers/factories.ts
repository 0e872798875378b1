import { beforeEach } from 'vitest';
import { casesRepo } from '../../src/db/cases';
import { citizensRepo } from '../../src/db/citizens';
import { contactsRepo } from '../../src/db/contacts';
import Dexie from 'dexie';
import { userDbName } from '../../src/db/database';
import type { LocalProfile } from '../../src/db/vault/profiles';
import { deleteProfile, listProfiles } from '../../src/db/vault/profiles';
import { lockStore, openStore } from '../../src/db/vault/vault';
import { generateDataKey } from '../../src/db/vault/webCrypto';
import { followUpsRepo } from '../../src/db/followUps';
import { locationsRepo } from '../../src/db/locations';
import { setMeta } from '../../src/db/meta';
import { notesRepo } from '../../src/db/notes';
import { scheduleSlotsRepo } from '../../src/db/scheduleSlots';
import { setSession, type Session } from '../../src/db/session';
import { visitsRepo } from '../../src/db/visits';
import type { WriteContext } from '../../src/db/writeContext';
import type {
  CaseInput,
  CitizenInput,
  ContactInput,
  FollowUpInput,
  LocationInput,
  NoteInput,
  ScheduleSlotInput,
  VisitInput,
} from '../../src/domain';
import { localDate } from '../../src/i18n/format';

/** Fictional demo people and places (never real data). */
export const METTE = {
  id: 'mette',
  username: 'mette',
  name: 'Mette Sørensen',
  teamId: 'odense-syd',
  teamName: 'Fremskudt team Syd',
  role: 'caseworker',
} as const;

export const DEVICE_ID = 'device-test-1';

export const ctx: WriteContext = { userId: METTE.id, teamId: METTE.teamId, deviceId: DEVICE_ID };

/** Mette's profile on this device, as after her first online login (keys not used by tests). */
export const METTE_PROFILE: LocalProfile = {
  userId: METTE.id,
  username: METTE.username,
  displayName: METTE.name,
  deviceId: DEVICE_ID,
  kdf: { algorithm: 'PBKDF2-SHA-256', iterations: 1, salt: new Uint8Array(16) },
  byPassword: { iv: new Uint8Array(12), key: new Uint8Array(48) },
  autoLockMinutes: 5,
  createdAt: '2026-11-24T08:00:00.000Z',
};

/** A device nobody has used: locked, no profiles, no stores. */
export async function clearDevice(): Promise<void> {
  lockStore('start');
  for (const profile of await listProfiles()) {
    await Dexie.delete(userDbName(profile.userId));
    await deleteProfile(profile.userId);
  }
  await Dexie.delete(userDbName(METTE.id));
}

/** Starts from an empty store of Mette's, unlocked with a fresh data key, between tests. */
export async function resetDb(): Promise<void> {
  lockStore('start');
  await Dexie.delete(userDbName(METTE.id));
  await openStore(METTE_PROFILE, await generateDataKey());
}

/** Signs Mette in on this device, as after a first online login. */
export async function signIn(): Promise<Session> {
  const session: Session = {
    token: 'test-token-0123456789abcdef',
    user: { ...METTE },
    expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
  };
  await setSession(session);
  await setMeta('deviceId', DEVICE_ID, { clear: true });
  return session;
}

/** Starts every test in the calling file on an empty database with Mette signed in. */
export function signedInBeforeEach(): void {
  beforeEach(async () => {
    await resetDb();
    await signIn();
  });
}

export const makeCitizen = (fields: Partial<CitizenInput> = {}) =>
  citizensRepo.create(ctx, { firstName: 'Jens', lastName: 'Hansen', alias: 'Store-J', ...fields });

export const makeLocation = (fields: Partial<LocationInput> = {}) =>
  locationsRepo.create(ctx, {
    name: 'Værestedet Højstrup',
    kind: 'vaerested',
    address: 'Højstrupvej 1, Odense',
    ...fields,
  });

export const makeSlot = (fields: Partial<ScheduleSlotInput> & { locationId: string }) =>
  scheduleSlotsRepo.create(ctx, {
    userId: METTE.id,
    weekday: 1,
    startTime: '00:00',
    endTime: '23:59',
    ...fields,
  });

export const makeCase = (fields: Partial<CaseInput> & { citizenId: string }) =>
  casesRepo.create(ctx, {
    title: 'Opsøgende kontakt',
    legalBasis: 'sel-99',
    status: 'open',
    responsibleUserId: METTE.id,
    openedOn: localDate(),
    ...fields,
  });

export const makeNote = (fields: Partial<NoteInput> & { citizenId: string }) =>
  notesRepo.create(ctx, {
    occurredAt: new Date().toISOString(),
    body: 'Talte om boligsituationen over en kop kaffe.',
    category: 'samtale',
    status: 'final',
    authorId: METTE.id,
    finalizedAt: new Date().toISOString(),
    ...fields,
  });

export const makeFollowUp = (fields: Partial<FollowUpInput> & { citizenId: string }) =>
  followUpsRepo.create(ctx, {
    title: 'Ring til boligkontoret',
    dueOn: localDate(),
    assigneeId: METTE.id,
    ...fields,
  });

export const makeVisit = (fields: Partial<VisitInput> & { locationId: string }) =>
  visitsRepo.create(ctx, { userId: METTE.id, startedAt: new Date().toISOString(), ...fields });

export const makeContact = (
  fields: Partial<ContactInput> & { visitId: string; locationId: string },
) => contactsRepo.create(ctx, { at: new Date().toISOString(), kind: 'anonymous', ...fields });

/** "YYYY-MM-DD" a number of days from today (negative = past). */
export function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localDate(d);
}
