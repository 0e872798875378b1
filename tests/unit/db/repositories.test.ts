import { beforeEach, describe, expect, it } from 'vitest';
import { citizensRepo } from '../../../src/db/citizens';
import { resetDb } from '../../helpers/factories';
import { db } from '../../../src/db/database';
import { DbError, toDbError } from '../../../src/db/errors';
import { notesRepo, notesOfCitizen } from '../../../src/db/notes';
import { countPending, openOutbox } from '../../../src/db/outbox';
import type { OutboxEntry } from '../../../src/db/database';
import type { WriteContext } from '../../../src/db/writeContext';

const ctx: WriteContext = {
  userId: 'mette',
  teamId: 'odense-syd',
  deviceId: 'device-test-1',
  now: () => new Date('2026-11-24T12:00:00.000Z'),
};

beforeEach(async () => {
  await resetDb();
});

const aNote = (citizenId: string, status: 'draft' | 'final' = 'final') => ({
  citizenId,
  occurredAt: '2026-11-24T10:00:00.000Z',
  body: 'Kort samtale ved kaffen.',
  category: 'samtale' as const,
  status,
  authorId: 'mette',
});

describe('local repositories and the outbox', () => {
  it('writes a new citizen known only by alias together with exactly one create mutation', async () => {
    const citizen = await citizensRepo.create(ctx, { alias: 'Store-J' });
    expect(
      await db.unseal<Record<string, unknown>>('citizens', await db.citizens.get(citizen.id)),
    ).toMatchObject({ alias: 'Store-J', version: 0 });
    const outbox = await openOutbox(await db.outbox.toArray());
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      entity: 'citizen',
      recordId: citizen.id,
      op: 'create',
      baseVersion: 0,
      state: 'pending',
      deviceId: 'device-test-1',
    });
  });

  it('refuses a citizen with neither name nor alias and writes nothing', async () => {
    await expect(citizensRepo.create(ctx, {})).rejects.toMatchObject({
      code: 'invalid-fields',
    });
    expect(await db.citizens.count()).toBe(0);
    expect(await countPending()).toBe(0);
  });

  it('queues only the fields that changed, based on the version the device had', async () => {
    const c = await citizensRepo.create(ctx, { firstName: 'Jens', phone: '' });
    const row = await db.citizens.get(c.id);
    await db.citizens.put({ ...row!, version: 4 });
    await citizensRepo.update(ctx, c.id, { phone: '20304050', firstName: 'Jens' });
    const last = await db.unseal<OutboxEntry>('outbox', await db.outbox.orderBy('seq').last());
    expect(last).toMatchObject({ op: 'update', fields: { phone: '20304050' }, baseVersion: 4 });
  });

  it('writes no mutation when nothing changed', async () => {
    const c = await citizensRepo.create(ctx, { firstName: 'Jens' });
    await citizensRepo.update(ctx, c.id, { firstName: 'Jens' });
    expect(await countPending()).toBe(1);
  });

  it('sends null to clear an optional field such as a CPR number', async () => {
    const c = await citizensRepo.create(ctx, { firstName: 'Jens', cpr: '0101901234' });
    expect(
      (await db.unseal<Record<string, unknown>>('citizens', await db.citizens.get(c.id)))?.cpr,
    ).toBe('010190-1234');
    await citizensRepo.update(ctx, c.id, { cpr: undefined });
    expect(
      (await db.unseal<Record<string, unknown>>('citizens', await db.citizens.get(c.id)))?.cpr,
    ).toBeUndefined();
    expect(
      (await db.unseal<OutboxEntry>('outbox', await db.outbox.orderBy('seq').last()))?.fields,
    ).toEqual({ cpr: null });
  });

  it('writes neither record nor outbox entry when the transaction fails', async () => {
    const c = await citizensRepo.create(ctx, { firstName: 'Jens' });
    // Same id again: the add fails inside the transaction, so the outbox add is rolled back too.
    await expect(citizensRepo.create(ctx, { firstName: 'Other' }, c.id)).rejects.toBeInstanceOf(
      DbError,
    );
    expect(await db.citizens.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('deletes with one delete mutation carrying the base version', async () => {
    const c = await citizensRepo.create(ctx, { firstName: 'Jens' });
    await citizensRepo.remove(ctx, c.id);
    expect(
      await db.unseal<Record<string, unknown>>('citizens', await db.citizens.get(c.id)),
    ).toBeUndefined();
    expect(
      (await db.unseal<OutboxEntry>('outbox', await db.outbox.orderBy('seq').last()))?.op,
    ).toBe('delete');
  });
});

describe('the team of a new record', () => {
  it("is the named citizen's team for a note, also on its create mutation", async () => {
    const c = await citizensRepo.create(ctx, { firstName: 'Ole' }, undefined, {
      teamId: 'odense-nord',
    });
    const note = await notesRepo.create(ctx, aNote(c.id));
    expect(note.teamId).toBe('odense-nord');
    const last = await db.unseal<OutboxEntry>('outbox', await db.outbox.orderBy('seq').last());
    expect(last).toMatchObject({ op: 'create', entity: 'note', teamId: 'odense-nord' });
  });
});

describe('journal notes on the device', () => {
  it('refuses to change or delete a final note and queues nothing for the attempt', async () => {
    const note = await notesRepo.create(ctx, aNote('0190a0a0-0000-7000-8000-000000000001'));
    await expect(notesRepo.update(ctx, note.id, { body: 'Ændret' })).rejects.toMatchObject({
      code: 'note-final-immutable',
    });
    await expect(notesRepo.remove(ctx, note.id)).rejects.toMatchObject({
      code: 'note-final-immutable',
    });
    expect(
      (await db.unseal<Record<string, unknown>>('notes', await db.notes.get(note.id)))?.body,
    ).toBe('Kort samtale ved kaffen.');
    expect(await db.outbox.count()).toBe(1);
  });

  it('lets a draft be edited and finalized, then only corrected', async () => {
    const citizenId = '0190a0a0-0000-7000-8000-000000000001';
    const draft = await notesRepo.create(ctx, aNote(citizenId, 'draft'));
    await notesRepo.update(ctx, draft.id, { body: 'Længere samtale.' });
    const final = await notesRepo.finalize(ctx, draft.id);
    expect(final).toMatchObject({ status: 'final', body: 'Længere samtale.' });
    const correction = await notesRepo.correct(ctx, final, 'Rettelse: samtalen var i går.');
    expect(correction).toMatchObject({ correctsNoteId: draft.id, status: 'final' });
    const timeline = await notesOfCitizen(citizenId);
    expect(timeline.map((n) => n.id).sort()).toEqual([draft.id, correction.id].sort());
  });
});

describe('storage errors', () => {
  it('turns a QuotaExceededError, also wrapped by Dexie, into a storage-full error', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(toDbError(quota).code).toBe('storage-full');
    const wrapped = Object.assign(new Error('abort'), { name: 'AbortError', inner: quota });
    expect(toDbError(wrapped).code).toBe('storage-full');
    expect(toDbError(new Error('other')).code).toBe('storage-failed');
  });
});
