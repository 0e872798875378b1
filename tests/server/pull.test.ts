import { describe, expect, it } from 'vitest';
import { useSeededApp } from './helpers/appFixture';
import { login, mutation, newCitizen, newNote, pull, pullAll, push } from './helpers/api';
import { LONG_TEXT_MAX } from '../../src/domain/common';
import { MAX_PULL_PAGE_BYTES } from '../../src/protocol';
import { DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('pulling the change log (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  it('delivers the demo data to a new device, created through the change log', async () => {
    const mette = await login(f.app, 'mette');
    const { changes } = await pullAll(f.app, mette);
    const entities = new Set(changes.map((c) => c.entity));
    expect([...entities].sort()).toEqual(
      [
        'case',
        'citizen',
        'contact',
        'followUp',
        'location',
        'note',
        'scheduleSlot',
        'visit',
      ].sort(),
    );
    const names = changes.filter((c) => c.entity === 'location').map((c) => c.record?.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Højstrup værested',
        'Herberget Nørregade',
        'Gadeplan ved Domkirken',
      ]),
    );
  });

  it('pages with the cursor without a gap or a duplicate, and reports hasMore and latestSeq', async () => {
    const anders = await login(f.app, 'anders');
    await push(
      f.app,
      anders,
      Array.from({ length: 7 }, () => newCitizen()),
    );
    const all = await pullAll(f.app, anders, undefined, 1000);
    const pages: number[][] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await pull(f.app, anders, cursor, 5);
      expect(page.changes.length).toBeLessThanOrEqual(5);
      expect(page.latestSeq).toBe(all.changes.at(-1)?.seq);
      pages.push(page.changes.map((c) => c.seq));
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    const seqs = pages.flat();
    expect(seqs).toEqual(all.changes.map((c) => c.seq));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const empty = await pull(f.app, anders, cursor, 5);
    expect(empty).toMatchObject({ changes: [], nextCursor: cursor, hasMore: false });
  });

  it('includes deletes as tombstones without the deleted data', async () => {
    const mette = await login(f.app, 'mette');
    const before = (await pullAll(f.app, mette)).cursor;
    const create = newCitizen({ firstName: 'Slettes' });
    await push(f.app, mette, [
      create,
      mutation('citizen', 'delete', create.recordId, {}, { baseVersion: 1 }),
    ]);
    const { changes } = await pullAll(f.app, mette, before);
    expect(changes.map((c) => [c.recordId, c.op, c.record === null])).toEqual([
      [create.recordId, 'upsert', false],
      [create.recordId, 'delete', true],
    ]);
  });

  it("never shows Sara (team Nord) anything of team Syd's", async () => {
    const mette = await login(f.app, 'mette');
    const secret = newCitizen({ firstName: 'Kun Syd' });
    await push(f.app, mette, [secret]);
    const sara = await login(f.app, 'sara');
    const { changes } = await pullAll(f.app, sara);
    expect(changes.length).toBeGreaterThan(0);
    // Locations and schedule slots are the whole municipality's (SHARED_TEAM_ID) since 0002.
    expect(
      changes.every(
        (c) => c.record === null || ['odense-nord', 'shared'].includes(String(c.record.teamId)),
      ),
    ).toBe(true);
    expect(changes.some((c) => c.recordId === secret.recordId)).toBe(false);
    const synd = await f.database.db
      .selectFrom('changes')
      .select('record_id')
      .where('team_id', '=', 'odense-syd')
      .execute();
    const delivered = new Set(changes.map((c) => c.recordId));
    expect(synd.some((r) => delivered.has(r.record_id))).toBe(false);
  });

  it('logs every delivery with which records went to whom', async () => {
    const sara = await login(f.app, 'sara');
    const page = await pull(f.app, sara, undefined, 3);
    const entry = await f.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'pull')
      .where('user_id', '=', 'sara')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    const detail = JSON.parse(entry.detail ?? '{}') as {
      count: number;
      records: Record<string, string[]>;
    };
    expect(detail.count).toBe(3);
    expect(Object.values(detail.records).flat().sort()).toEqual(
      page.changes.map((c) => c.recordId).sort(),
    );
  });

  it('ends a page of long notes at about 4 MB and sends the rest on the next page', async () => {
    const mette = await login(f.app, 'mette');
    const citizen = newCitizen();
    await push(f.app, mette, [citizen]);
    const from = (await pullAll(f.app, mette)).cursor;
    // 225 notes of 19,000 characters: 4.3 million in all, in pushes under the 1 MB body limit.
    const ids: string[] = [];
    for (let batch = 0; batch < 5; batch++) {
      const notes = Array.from({ length: 45 }, (_, i) =>
        newNote(citizen.recordId, { body: `${batch}.${i} `.padEnd(LONG_TEXT_MAX - 1000, 'x') }),
      );
      await push(f.app, mette, notes);
      ids.push(...notes.map((n) => n.recordId));
    }
    const first = await pull(f.app, mette, from, 1000);
    expect(first.hasMore).toBe(true);
    expect(first.changes.length).toBeGreaterThan(150);
    expect(first.changes.length).toBeLessThan(225);
    expect(JSON.stringify(first.changes).length).toBeLessThan(MAX_PULL_PAGE_BYTES + 100_000);
    const rest = await pullAll(f.app, mette, first.nextCursor);
    const delivered = [...first.changes, ...rest.changes].map((c) => c.recordId);
    expect(delivered).toEqual(ids);
  });

  it('delivers text outside ASCII exactly as it was pushed', async () => {
    const mette = await login(f.app, 'mette');
    const from = (await pullAll(f.app, mette)).cursor;
    const citizen = newCitizen({ firstName: 'Søren 🙂 Ålborg', lastName: 'Æbelø' });
    const body = 'Mødt på Højstrup\u2028ny linje – “citat” 🏠 \ud83d slut';
    const note = newNote(citizen.recordId, { body: JSON.parse(`"${body}"`) as string });
    await push(f.app, mette, [citizen, note]);
    const { changes } = await pullAll(f.app, mette, from);
    expect(changes.find((c) => c.recordId === citizen.recordId)?.record).toMatchObject({
      firstName: 'Søren 🙂 Ålborg',
      lastName: 'Æbelø',
    });
    expect(changes.find((c) => c.recordId === note.recordId)?.record?.body).toBe(note.fields.body);
  });
});
