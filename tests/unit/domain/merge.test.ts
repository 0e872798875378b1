import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyMutation,
  rebasePending,
  type MergeContext,
  type MutationInput,
  type StoredRecord,
} from '../../../src/domain/merge';

let counter = 0;
const id = (n: number) => `0190a0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const ctx = (userId = 'mette'): MergeContext => ({
  userId,
  teamId: 'odense-syd',
  now: '2026-11-24T12:00:00.000Z',
  newId: () => id(900_000 + ++counter),
});

const CITIZEN = id(1);
const citizenFields = { firstName: 'Jens', alias: 'Store-J', phone: '' };

function mutation(partial: Partial<MutationInput> & Pick<MutationInput, 'op'>): MutationInput {
  return {
    mutationId: id(++counter),
    deviceId: 'device-a',
    entity: 'citizen',
    recordId: CITIZEN,
    fields: {},
    baseVersion: 0,
    ...partial,
  };
}

function created(): StoredRecord {
  const outcome = applyMutation(
    undefined,
    mutation({ op: 'create', fields: citizenFields }),
    ctx(),
  );
  if (outcome.kind !== 'applied' || !outcome.record) throw new Error('create failed');
  return outcome.record;
}

function recordOf(outcome: ReturnType<typeof applyMutation>): StoredRecord {
  if (outcome.kind === 'rejected' || !outcome.record) throw new Error(`no record: ${outcome.kind}`);
  return outcome.record;
}

describe('server merge rules', () => {
  it('creates a record at version 1 owned by the writer’s team', () => {
    const r = created();
    expect(r.version).toBe(1);
    expect(r.data).toMatchObject({ firstName: 'Jens', teamId: 'odense-syd', createdBy: 'mette' });
  });

  it('merges edits of different fields from two devices based on the same version', () => {
    const base = created();
    const a = recordOf(
      applyMutation(
        base,
        mutation({ op: 'update', fields: { phone: '20304050' }, baseVersion: 1 }),
        ctx(),
      ),
    );
    const b = applyMutation(
      a,
      mutation({
        op: 'update',
        deviceId: 'device-b',
        fields: { lastName: 'Hansen' },
        baseVersion: 1,
      }),
      ctx('anders'),
    );
    expect(b.kind).toBe('applied');
    expect(recordOf(b).data).toMatchObject({ phone: '20304050', lastName: 'Hansen' });
  });

  it('keeps the first value in server order for a same-field clash and the losing value visible', () => {
    const base = created();
    const a = recordOf(
      applyMutation(
        base,
        mutation({ op: 'update', fields: { alias: 'Jensemand' }, baseVersion: 1 }),
        ctx(),
      ),
    );
    const b = applyMutation(
      a,
      mutation({
        op: 'update',
        deviceId: 'device-b',
        fields: { alias: 'Lille-J' },
        baseVersion: 1,
      }),
      ctx('anders'),
    );
    expect(b.kind).toBe('conflict');
    const r = recordOf(b);
    expect(r.data.alias).toBe('Jensemand');
    expect(r.data.conflicts).toEqual([
      expect.objectContaining({
        field: 'alias',
        losingValue: 'Lille-J',
        winningValue: 'Jensemand',
        kind: 'field-clash',
      }),
    ]);
  });

  it('says who wrote the kept value and when, as well as who wrote the other', () => {
    const base = created();
    const kept = recordOf(
      applyMutation(
        base,
        mutation({ op: 'update', fields: { alias: 'Jensemand' }, baseVersion: 1 }),
        { ...ctx('mette'), now: '2026-11-24T09:15:00.000Z' },
      ),
    );
    // Another field changed since, so the record's updatedBy is no longer the alias's writer.
    const later = recordOf(
      applyMutation(
        kept,
        mutation({ op: 'update', deviceId: 'device-c', fields: { phone: '1' }, baseVersion: 2 }),
        { ...ctx('sara'), now: '2026-11-24T10:00:00.000Z' },
      ),
    );
    const clash = applyMutation(
      later,
      mutation({
        op: 'update',
        deviceId: 'device-b',
        fields: { alias: 'Lille-J' },
        baseVersion: 1,
      }),
      { ...ctx('anders'), now: '2026-11-24T11:30:00.000Z' },
    );
    expect(recordOf(clash).data.conflicts).toEqual([
      expect.objectContaining({
        field: 'alias',
        winningUserId: 'mette',
        winningAt: '2026-11-24T09:15:00.000Z',
        losingUserId: 'anders',
        at: '2026-11-24T11:30:00.000Z',
      }),
    ]);
  });

  it('names the creator as the writer of a kept value nobody changed since creation', () => {
    const base = created();
    const clash = applyMutation(
      base,
      mutation({
        op: 'update',
        deviceId: 'device-b',
        fields: { alias: 'Lille-J' },
        baseVersion: 0,
      }),
      ctx('anders'),
    );
    expect(recordOf(clash).data.conflicts).toEqual([
      expect.objectContaining({ winningUserId: 'mette', winningAt: base.data.createdAt }),
    ]);
  });

  it('never reports a clash between a device and its own earlier writes', () => {
    const base = created();
    const a = recordOf(
      applyMutation(
        base,
        mutation({ op: 'update', fields: { alias: 'A' }, baseVersion: 0 }),
        ctx(),
      ),
    );
    const again = applyMutation(
      a,
      mutation({ op: 'update', fields: { alias: 'B' }, baseVersion: 0 }),
      ctx(),
    );
    expect(again.kind).toBe('applied');
    expect(recordOf(again).data.alias).toBe('B');
  });

  it('settles a conflict when the caseworker picks a value', () => {
    const base = created();
    const a = recordOf(
      applyMutation(
        base,
        mutation({ op: 'update', fields: { alias: 'X' }, baseVersion: 1 }),
        ctx(),
      ),
    );
    const b = recordOf(
      applyMutation(
        a,
        mutation({ op: 'update', deviceId: 'device-b', fields: { alias: 'Y' }, baseVersion: 1 }),
        ctx(),
      ),
    );
    const conflictId = (b.data.conflicts as { id: string }[])[0]!.id;
    const settled = applyMutation(
      b,
      mutation({
        op: 'update',
        deviceId: 'device-b',
        fields: { alias: 'Y' },
        baseVersion: b.version,
        resolvesConflicts: [conflictId],
      }),
      ctx(),
    );
    expect(settled.kind).toBe('applied');
    expect(recordOf(settled).data).toMatchObject({ alias: 'Y', conflicts: [] });
  });

  it('clears an optional field when an update sends null', () => {
    const base = recordOf(
      applyMutation(
        created(),
        mutation({ op: 'update', fields: { cpr: '010190-1234' }, baseVersion: 1 }),
        ctx(),
      ),
    );
    const cleared = recordOf(
      applyMutation(base, mutation({ op: 'update', fields: { cpr: null }, baseVersion: 2 }), ctx()),
    );
    expect('cpr' in cleared.data).toBe(false);
  });

  it('rejects invalid values and fields the server owns, with codes', () => {
    const base = created();
    const bad = applyMutation(
      base,
      mutation({ op: 'update', fields: { cpr: '310290-1234' }, baseVersion: 1 }),
      ctx(),
    );
    expect(bad).toMatchObject({ kind: 'rejected', code: 'invalid-fields' });
    const owned = applyMutation(
      base,
      mutation({ op: 'update', fields: { version: 99 }, baseVersion: 1 }),
      ctx(),
    );
    expect(owned).toMatchObject({ kind: 'rejected', code: 'server-owned-field' });
    expect(
      applyMutation(undefined, mutation({ op: 'update', fields: { alias: 'x' } }), ctx()),
    ).toMatchObject({
      kind: 'rejected',
      code: 'unknown-record',
    });
  });

  it('refuses to touch a record of another team', () => {
    const base = created();
    const other = applyMutation(
      base,
      mutation({ op: 'update', fields: { alias: 'x' }, baseVersion: 1 }),
      { ...ctx('sara'), teamId: 'odense-nord' },
    );
    expect(other).toMatchObject({ kind: 'rejected', code: 'forbidden' });
  });

  it('creates the record in the team the context names, e.g. a second team of the user or shared', () => {
    for (const teamId of ['odense-vest', 'shared']) {
      const r = applyMutation(undefined, mutation({ op: 'create', fields: citizenFields }), {
        ...ctx(),
        teamId,
      });
      expect(r).toMatchObject({ kind: 'applied', record: { teamId, data: { teamId } } });
    }
  });

  it('keeps the team of a final note when a second write makes a second note', () => {
    const noteId = id(77);
    const note = applyMutation(
      undefined,
      mutation({
        entity: 'note',
        recordId: noteId,
        op: 'create',
        fields: {
          citizenId: CITIZEN,
          occurredAt: '2026-11-24T10:00:00.000Z',
          body: 'Første',
          category: 'samtale',
          status: 'final',
          authorId: 'mette',
        },
      }),
      { ...ctx(), teamId: 'odense-vest' },
    );
    if (note.kind !== 'applied' || !note.record) throw new Error('note not created');
    const again = applyMutation(
      note.record,
      mutation({
        entity: 'note',
        recordId: noteId,
        op: 'update',
        fields: { body: 'Anden' },
        baseVersion: 1,
      }),
      { ...ctx(), teamId: 'odense-vest' },
    );
    expect(again).toMatchObject({ kind: 'conflict', extra: { teamId: 'odense-vest' } });
  });

  it('keeps an edit visible when another device deleted the record (edit after delete)', () => {
    const base = created();
    const deleted = recordOf(
      applyMutation(base, mutation({ op: 'delete', baseVersion: 1 }), ctx()),
    );
    expect(deleted.deleted).toBe(true);
    const edit = applyMutation(
      deleted,
      mutation({
        op: 'update',
        deviceId: 'device-b',
        fields: { phone: '11223344' },
        baseVersion: 1,
      }),
      ctx('anders'),
    );
    expect(edit).toMatchObject({ kind: 'conflict', conflictKind: 'edit-after-delete' });
    expect(recordOf(edit)).toMatchObject({ deleted: false, data: { phone: '11223344' } });
  });

  it('keeps the record when a delete was based on a version before another device’s edit', () => {
    const base = created();
    const edited = recordOf(
      applyMutation(
        base,
        mutation({
          op: 'update',
          deviceId: 'device-b',
          fields: { phone: '11223344' },
          baseVersion: 1,
        }),
        ctx('anders'),
      ),
    );
    const del = applyMutation(edited, mutation({ op: 'delete', baseVersion: 1 }), ctx());
    expect(del).toMatchObject({ kind: 'conflict', conflictKind: 'delete-after-edit' });
    expect(recordOf(del)).toMatchObject({ deleted: false, data: { phone: '11223344' } });
  });
});

describe('journal notes on the server', () => {
  const NOTE = id(2);
  const noteFields = {
    citizenId: CITIZEN,
    occurredAt: '2026-11-24T10:00:00.000Z',
    body: 'Mødt på Højstrup. Ønsker hjælp til bolig.',
    category: 'samtale',
    status: 'final',
    authorId: 'mette',
  };
  const finalNote = () =>
    recordOf(
      applyMutation(
        undefined,
        mutation({ op: 'create', entity: 'note', recordId: NOTE, fields: noteFields }),
        ctx(),
      ),
    );

  it('keeps both when a final note is written again with other content', () => {
    const note = finalNote();
    const second = applyMutation(
      note,
      mutation({
        op: 'update',
        entity: 'note',
        recordId: NOTE,
        deviceId: 'device-b',
        fields: { body: 'Anden tekst' },
        baseVersion: 1,
      }),
      ctx('anders'),
    );
    expect(second.kind).toBe('conflict');
    if (second.kind !== 'conflict') return;
    expect(second.record.data.body).toBe(noteFields.body);
    expect(second.extra?.data).toMatchObject({ body: 'Anden tekst', conflictOfNoteId: NOTE });
  });

  it('treats an identical second write of a final note as already applied', () => {
    const note = finalNote();
    const again = applyMutation(
      note,
      mutation({ op: 'create', entity: 'note', recordId: NOTE, fields: noteFields }),
      ctx(),
    );
    expect(again).toMatchObject({ kind: 'applied', changed: false });
  });

  it('refuses to delete a final note', () => {
    const del = applyMutation(
      finalNote(),
      mutation({ op: 'delete', entity: 'note', recordId: NOTE, baseVersion: 1 }),
      ctx(),
    );
    expect(del).toMatchObject({ kind: 'rejected', code: 'note-final-immutable' });
  });
});

describe('merge properties', () => {
  const fieldArb = fc.constantFrom('alias', 'phone', 'lastName', 'usualPlaceNote');
  // Digits are valid for every one of these fields (phone included).
  const valueArb = fc.stringMatching(/^[0-9]{1,6}$/);
  const editArb = fc.record({
    device: fc.constantFrom('device-a', 'device-b', 'device-c'),
    field: fieldArb,
    value: valueArb,
  });

  it('never loses a value silently: every edit ends in the record or in its conflicts', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) => {
        // Every device edits offline from version 1, then all are applied in the given server order.
        let record = created();
        const noOps = new Set<number>();
        for (const [i, e] of edits.entries()) {
          // A write of the value the field already has changes nothing, so it cannot be lost.
          if (record.data[e.field] === e.value) noOps.add(i);
          const outcome = applyMutation(
            record,
            mutation({
              op: 'update',
              deviceId: e.device,
              fields: { [e.field]: e.value },
              baseVersion: 1,
            }),
            ctx(),
          );
          record = recordOf(outcome);
        }
        const conflicts = record.data.conflicts as { field: string; losingValue: unknown }[];
        for (const [i, e] of edits.entries()) {
          if (noOps.has(i)) continue;
          const inRecord = record.data[e.field] === e.value;
          const inConflicts = conflicts.some(
            (c) => c.field === e.field && c.losingValue === e.value,
          );
          // A device may overwrite its own earlier value; only its last write per field must survive.
          const overwrittenBySameDevice = edits
            .slice(i + 1)
            .some((l) => l.device === e.device && l.field === e.field);
          expect(inRecord || inConflicts || overwrittenBySameDevice).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same server order gives the same record whatever the clocks say', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 8 }), (edits) => {
        const run = () => {
          counter = 0;
          let record = created();
          for (const e of edits) {
            record = recordOf(
              applyMutation(
                record,
                mutation({
                  op: 'update',
                  deviceId: e.device,
                  fields: { [e.field]: e.value },
                  baseVersion: 1,
                }),
                ctx(),
              ),
            );
          }
          return record;
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 100 },
    );
  });
});

describe('rebasing pending local changes on a pulled record', () => {
  it('lays the pending fields over the pulled record, oldest first', () => {
    const pulled = { id: CITIZEN, version: 3, alias: 'Server', phone: '1' };
    expect(rebasePending(pulled, [{ alias: 'Mine' }, { alias: 'Mine2', phone: '2' }])).toEqual({
      id: CITIZEN,
      version: 3,
      alias: 'Mine2',
      phone: '2',
    });
  });
});
