import { afterEach, describe, expect, it } from 'vitest';
import { readRecord } from '../../../helpers/sealedDb';
import { applyPulledPage, readCursor } from '../../../../src/sync/applyPulledPage';
import { createCitizensRepo } from '../../../../src/db/citizens';
import {
  FremskudtDb,
  db as currentDb,
  isUnlocked,
  type OutboxEntry,
} from '../../../../src/db/database';
import { DbError } from '../../../../src/db/errors';
import { openOutbox } from '../../../../src/db/outbox';
import type { WriteContext } from '../../../../src/db/writeContext';
import { createKeys, reopenKeys, unlockWithPassword } from '../../../../src/db/vault/keyring';
import { openRow, sealRow, setClearField } from '../../../../src/db/vault/rowCodec';
import { createSealer, type Sealer } from '../../../../src/db/vault/sealer';
import { lockStore, onLock, openStore, vaultState } from '../../../../src/db/vault/vault';
import { generateDataKey } from '../../../../src/db/vault/webCrypto';

const ctx: WriteContext = { userId: 'mette', teamId: 'team-a', deviceId: 'device-test-1' };
/** Fast key derivation for tests; the app uses PBKDF2_ITERATIONS (600,000). */
const FAST = 1_000;
const opened: FremskudtDb[] = [];

async function testDb(sealer?: Sealer): Promise<FremskudtDb> {
  const db = new FremskudtDb(
    `vault-test-${opened.length}-${Date.now()}`,
    sealer ?? createSealer(await generateDataKey()),
  );
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** Everything IndexedDB holds for a row, bytes included, as one searchable string. */
const asStored = (row: object) =>
  JSON.stringify(row, (_k, v: unknown) =>
    v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v,
  );

describe('sealed rows', () => {
  const citizen = {
    id: 'c1',
    version: 3,
    teamId: 'team-a',
    updatedAt: '2026-11-24T10:00:00.000Z',
    firstName: 'Jens',
    cpr: '010190-1234',
    lifeStory: 'Voksede op i Vollsmose',
  };

  it('round-trips a record through seal and open', async () => {
    const sealer = createSealer(await generateDataKey());
    const row = await sealRow(sealer, 'citizens', citizen);
    expect(await openRow(sealer, 'citizens', row)).toEqual(citizen);
  });

  it('keeps only the index fields in clear: no name, CPR or text in the stored row', async () => {
    const row = await sealRow(createSealer(await generateDataKey()), 'citizens', citizen);
    expect(Object.keys(row).sort()).toEqual(['id', 'sealed', 'teamId', 'updatedAt', 'version']);
    const stored = asStored(row);
    for (const secret of ['Jens', '010190', '1234', 'Vollsmose']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('takes a team filled in after sealing, and refuses to put a sealed field in clear', async () => {
    const sealer = createSealer(await generateDataKey());
    const { teamId: _unknownYet, ...withoutTeam } = citizen;
    const row = setClearField(
      'citizens',
      await sealRow(sealer, 'citizens', withoutTeam),
      'teamId',
      'team-a',
    );
    expect(await openRow(sealer, 'citizens', row)).toEqual(citizen);
    expect(() => setClearField('citizens', row, 'cpr', '010190-1234')).toThrow(/sealed/);
    expect(() => setClearField('outbox', row, 'fields', {})).toThrow(/sealed/);
  });

  it('seals many values at once, each opening to its own value (short, long, non-ASCII)', async () => {
    const sealer = createSealer(await generateDataKey());
    const values = Array.from({ length: 300 }, (_, i) => ({
      i,
      text: `Værested ${i} – ${'æøå'.repeat(i)}`,
      // Longer than the sealer's first scratch buffer: it has to grow mid-way.
      ...(i === 150 ? { long: 'Ø'.repeat(20_000) } : {}),
    }));
    const sealed = await Promise.all(values.map((v) => sealer.seal('notes', `n${v.i}`, v)));
    const opened = await Promise.all(sealed.map((s, i) => sealer.open('notes', `n${i}`, s)));
    expect(opened).toEqual(values);
  });

  it('refuses a sealed blob moved onto another record', async () => {
    const sealer = createSealer(await generateDataKey());
    const row = await sealRow(sealer, 'citizens', citizen);
    await expect(openRow(sealer, 'citizens', { ...row, id: 'c2' })).rejects.toThrow();
    await expect(openRow(sealer, 'notes', row)).rejects.toThrow();
  });

  it('cannot be opened with another key', async () => {
    const row = await sealRow(createSealer(await generateDataKey()), 'citizens', citizen);
    await expect(openRow(createSealer(await generateDataKey()), 'citizens', row)).rejects.toThrow();
  });
});

describe('the data key', () => {
  it('opens with the right password and fails the tag with a wrong one', async () => {
    const { dataKey, fields } = await createKeys('rigtig kode', undefined, FAST);
    expect(dataKey.extractable).toBe(false);
    const row = await sealRow(createSealer(dataKey), 'notes', { id: 'n1', body: 'Samtale' });
    const again = await unlockWithPassword(fields, 'rigtig kode');
    expect(await openRow(createSealer(again), 'notes', row)).toMatchObject({ body: 'Samtale' });
    await expect(unlockWithPassword(fields, 'forkert kode')).rejects.toMatchObject({
      code: 'wrong-password',
    });
  });

  it('stores no password or fast hash of it, only wrapped keys and KDF parameters', async () => {
    const { fields } = await createKeys(
      'hemmelig-kode-123',
      'server-device-secret-'.repeat(2),
      FAST,
    );
    expect(fields.kdf).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: FAST });
    expect(fields.kdf.salt.byteLength).toBe(16);
    expect(asStored(fields)).not.toContain('hemmelig');
  });

  it('after a password change opens with the device secret and re-wraps with the new password', async () => {
    const secret = 'x'.repeat(43);
    const first = await createKeys('gammel kode', secret, FAST);
    const row = await sealRow(createSealer(first.dataKey), 'notes', { id: 'n1', body: 'Hej' });
    const reopened = await reopenKeys(first.fields, 'ny kode', secret);
    expect(await openRow(createSealer(reopened.dataKey), 'notes', row)).toMatchObject({
      body: 'Hej',
    });
    await unlockWithPassword(reopened.fields, 'ny kode');
    await expect(reopenKeys(first.fields, 'ny kode', undefined)).rejects.toMatchObject({
      code: 'key-unavailable',
    });
  });
});

describe('read-modify-write on a sealed store', () => {
  it('re-checks the record inside the transaction and retries when it changed meanwhile', async () => {
    const base = createSealer(await generateDataKey());
    let interfere: (() => Promise<unknown>) | null = null;
    // While the first update seals (outside its transaction), another write lands.
    const sealer: Sealer = {
      open: base.open,
      async seal(table, id, value) {
        const write = interfere;
        interfere = null;
        if (write) await write();
        return base.seal(table, id, value);
      },
    };
    const db = await testDb(sealer);
    const repo = createCitizensRepo(() => db);
    const c = await repo.create(ctx, { firstName: 'Jens', phone: '' });
    interfere = () => repo.update(ctx, c.id, { phone: '11 11 11 11' });
    await repo.update(ctx, c.id, { alias: 'Store-J' });
    expect(await readRecord(db, 'citizens', c.id)).toMatchObject({
      phone: '11 11 11 11',
      alias: 'Store-J',
    });
    const outbox = await openOutbox(await db.outbox.orderBy('seq').toArray(), db);
    expect(outbox.map((e) => e.fields)).toEqual([
      expect.objectContaining({ firstName: 'Jens' }),
      { phone: '11 11 11 11' },
      { alias: 'Store-J' },
    ]);
  });

  it('gives up with changed-concurrently when the record never holds still', async () => {
    const base = createSealer(await generateDataKey());
    let db: FremskudtDb | null = null;
    let other: ReturnType<typeof createCitizensRepo> | null = null;
    let busy = false;
    const sealer: Sealer = {
      open: base.open,
      async seal(table, id, value) {
        if (table === 'citizens' && !busy && other && id === 'c-race') {
          busy = true;
          await other.update(ctx, id, { phone: String(Math.random()) });
          busy = false;
        }
        return base.seal(table, id, value);
      },
    };
    db = await testDb(sealer);
    const repo = createCitizensRepo(() => db);
    await repo.create(ctx, { firstName: 'Jens' }, 'c-race');
    other = createCitizensRepo(() => db);
    await expect(repo.update(ctx, 'c-race', { alias: 'X' })).rejects.toBeInstanceOf(DbError);
  });
});

describe('pulled evictions', () => {
  it('remove the records but never the outbox: unsent changes stay for review', async () => {
    const db = await testDb();
    const repo = createCitizensRepo(() => db);
    const moved = await repo.create(ctx, { firstName: 'Flyttet' });
    const teamB = await repo.create(ctx, { firstName: 'Team B' }, undefined, { teamId: 'team-b' });
    const stays = await repo.create(ctx, { firstName: 'Bliver' });
    await applyPulledPage(db, {
      changes: [
        { seq: 7, entity: 'citizen', recordId: moved.id, op: 'evict', version: 1, record: null },
      ],
      cursor: 7,
      hasMore: false,
      latestSeq: 7,
      nextCursor: 'opaque-7',
      evictTeams: ['team-b'],
    });
    expect(await db.citizens.get(moved.id)).toBeUndefined();
    expect(await db.citizens.get(teamB.id)).toBeUndefined();
    expect(await db.citizens.get(stays.id)).toBeDefined();
    const outbox = await openOutbox(await db.outbox.toArray(), db);
    expect(outbox.map((e: OutboxEntry) => e.recordId).sort()).toEqual(
      [moved.id, teamB.id, stays.id].sort(),
    );
    expect(outbox.find((e) => e.recordId === teamB.id)?.teamId).toBe('team-b');
    expect(await readCursor(db)).toEqual({ after: 7, cursor: 'opaque-7' });
  });
});

describe('locking', () => {
  it('drops the key and the store, calls the forgetters, and refuses reads until unlocked', async () => {
    let forgotten = 0;
    const off = onLock(() => forgotten++);
    const profile = {
      userId: 'lock-test',
      username: 'lock-test',
      displayName: 'Lock Test',
      deviceId: 'device-lock-test',
      kdf: { algorithm: 'PBKDF2-SHA-256' as const, iterations: 1, salt: new Uint8Array(16) },
      byPassword: { iv: new Uint8Array(12), key: new Uint8Array(48) },
      autoLockMinutes: 5,
      createdAt: '2026-11-24T08:00:00.000Z',
    };
    await openStore(profile, await generateDataKey());
    const store = currentDb;
    expect(isUnlocked()).toBe(true);
    lockStore('manual');
    off();
    expect(vaultState.get()).toEqual({ status: 'locked', reason: 'manual' });
    expect(isUnlocked()).toBe(false);
    expect(forgotten).toBe(1);
    await expect(currentDb.citizens.count()).rejects.toThrow();
    await store.delete();
  });
});
