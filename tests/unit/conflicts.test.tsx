import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { countConflicts, listConflicted, markStoredConflicts } from '../../src/db/conflicts';
import { CONFLICT_MARKS_PENDING } from '../../src/db/database';
import { setMeta } from '../../src/db/meta';
import { db } from '../../src/db/database';
import type { Session } from '../../src/db/session';
import { ENTITIES, ENTITY_NAMES, type Citizen } from '../../src/domain';
import { fieldLabelKey } from '../../src/features/sync/fieldLabels';
import { ConflictList } from '../../src/features/sync/ConflictList';
import { SyncIndicator } from '../../src/features/sync/SyncIndicator';
import { SessionContext } from '../../src/hooks/useSession';
import { catalogs } from '../../src/i18n/catalog';
import { useLocaleStore } from '../../src/stores/localeStore';
import { makeCitizen, resetDb, signIn } from '../helpers/factories';
import { readRecord } from '../helpers/sealedDb';

describe('field names in conflicts', () => {
  it('every field of every synced record has a label in Danish and in English', () => {
    const missing: string[] = [];
    for (const entity of ENTITY_NAMES) {
      for (const field of ENTITIES[entity].fieldNames) {
        const key = fieldLabelKey(entity, field);
        if (!key) missing.push(`${entity}.${field}: no label`);
        else if (!catalogs.da[key]?.trim() || !catalogs.en[key]?.trim())
          missing.push(`${entity}.${field}: ${key} missing in a language`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('a conflict box', () => {
  let session: Session;
  beforeEach(async () => {
    await resetDb();
    session = await signIn();
    useLocaleStore.setState({ locale: 'da' });
  });

  async function citizenWithClash() {
    const citizen = await makeCitizen({ phone: '22 22 22 22' });
    const conflict = {
      id: '01a2100a-0000-7000-8000-0000000000f2',
      field: 'phone',
      winningValue: '22 22 22 22',
      winningUserId: 'mette',
      winningAt: '2026-11-24T08:30:00.000Z',
      losingValue: '33 33 33 33',
      losingUserId: 'anders',
      at: '2026-11-24T10:00:00.000Z',
      kind: 'field-clash' as const,
    };
    await db.citizens.put(
      await db.seal('citizens', { ...citizen, conflicts: [conflict], version: 3 }),
    );
    return (await readRecord<Citizen>(db, 'citizens', citizen.id))!;
  }

  it('names the field by its form label and says who wrote each value and when', async () => {
    const record = await citizenWithClash();
    render(
      <SessionContext.Provider value={session}>
        <ConflictList entity="citizen" record={record} />
      </SessionContext.Provider>,
    );
    const box = screen.getByRole('listitem');
    expect(within(box).getByRole('heading', { name: 'Telefon' })).toBeTruthy();
    expect(box.textContent).not.toContain('phone');
    const values = within(box).getAllByRole('definition');
    expect(values[0]?.textContent).toMatch(/22 22 22 22.*Skrevet af Mette Sørensen, .*08[.:]30/);
    expect(values[1]?.textContent).toMatch(/33 33 33 33.*Forsøgt af anders, .*10[.:]00/);
  });

  it('speaks English when the user chose English', async () => {
    const record = await citizenWithClash();
    useLocaleStore.setState({ locale: 'en' });
    render(
      <SessionContext.Provider value={session}>
        <ConflictList entity="citizen" record={record} />
      </SessionContext.Provider>,
    );
    expect(screen.getByRole('heading', { name: 'Phone' })).toBeTruthy();
    expect(screen.getByText(/Written by Mette Sørensen/)).toBeTruthy();
  });

  it('stands without a list marker beside it', async () => {
    const record = await citizenWithClash();
    render(
      <SessionContext.Provider value={session}>
        <ConflictList entity="citizen" record={record} />
      </SessionContext.Provider>,
    );
    expect(screen.getByRole('list').className).toContain('sync-conflicts-list');
  });
});

describe('the header counts unsettled conflicts from the stored records', () => {
  beforeEach(async () => {
    await resetDb();
    await signIn();
    useLocaleStore.setState({ locale: 'da' });
  });

  it('links to the conflicts list, after a remount (a reload) too, until settled', async () => {
    const citizen = await makeCitizen({ phone: '22 22 22 22' });
    const conflict = {
      id: '01a2100a-0000-7000-8000-0000000000f3',
      field: 'phone',
      winningValue: '22 22 22 22',
      losingValue: '33 33 33 33',
      losingUserId: 'anders',
      at: '2026-11-24T10:00:00.000Z',
      kind: 'field-clash' as const,
    };
    const conflicted = {
      ...citizen,
      conflicts: [conflict, { ...conflict, id: `${conflict.id.slice(0, -1)}4` }],
    };
    await db.citizens.put(await db.seal('citizens', conflicted));
    const first = render(<SyncIndicator />);
    const link = await screen.findByRole('link', { name: '2 konflikter' });
    expect(link.getAttribute('href')).toBe('/konflikter');
    first.unmount();

    render(<SyncIndicator />);
    await screen.findByRole('link', { name: '2 konflikter' });
    expect(await countConflicts()).toBe(2);
    expect((await listConflicted()).map((c) => [c.entity, c.record.id])).toEqual([
      ['citizen', citizen.id],
    ]);

    await db.citizens.put(await db.seal('citizens', { ...citizen, conflicts: [] }));
    await waitFor(() => expect(screen.queryByRole('link', { name: /konflikt/ })).toBeNull());
    expect(await countConflicts()).toBe(0);
  });

  it('keeps the mark out of the record and stores nothing of the conflict in clear', async () => {
    const citizen = await makeCitizen({ phone: '22 22 22 22' });
    const conflict = {
      id: '01a2100a-0000-7000-8000-0000000000f5',
      field: 'phone',
      winningValue: '22 22 22 22',
      losingValue: '33 33 33 33',
      at: '2026-11-24T10:00:00.000Z',
      kind: 'field-clash' as const,
    };
    await db.citizens.put(await db.seal('citizens', { ...citizen, conflicts: [conflict] }));
    const row = await db.citizens.get(citizen.id);
    expect(row?.conflicted).toBe(1);
    expect(JSON.stringify(row)).not.toContain('33 33 33 33');
    const record = await readRecord<Citizen>(db, 'citizens', citizen.id);
    expect(record).not.toHaveProperty('conflicted');
    expect(record?.conflicts).toHaveLength(1);
  });
});

describe('a store from before the conflict mark', () => {
  beforeEach(async () => {
    await resetDb();
    await signIn();
  });

  it('has its stored conflicts marked once, so the header counts them', async () => {
    const conflict = {
      id: '01a2100a-0000-7000-8000-0000000000f6',
      field: 'alias',
      winningValue: 'A',
      losingValue: 'B',
      at: '2026-11-24T10:00:00.000Z',
      kind: 'field-clash' as const,
    };
    const withConflict = await makeCitizen({ alias: 'A' });
    const without = await makeCitizen({ alias: 'C' });
    // As sealed by the version before the mark: the conflict inside, no mark on the row.
    const { conflicted: _mark, ...oldRow } = await db.seal('citizens', {
      ...withConflict,
      conflicts: [conflict],
    });
    await db.citizens.put(oldRow);
    expect(await countConflicts()).toBe(0);

    // A new store needs nothing; an upgraded one has the pending flag.
    expect(await markStoredConflicts()).toBe(0);
    await setMeta(CONFLICT_MARKS_PENDING, true, { clear: true });
    expect(await markStoredConflicts()).toBe(1);
    expect(await countConflicts()).toBe(1);
    expect((await readRecord<Citizen>(db, 'citizens', withConflict.id))?.conflicts).toEqual([
      conflict,
    ]);
    expect((await db.citizens.get(without.id))?.conflicted).toBeUndefined();
    // Once only.
    await db.citizens.put(oldRow);
    expect(await markStoredConflicts()).toBe(0);
  });
});
