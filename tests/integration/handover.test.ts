import { describe, expect, it } from 'vitest';
import { createHandoverMarksRepo, notesAwaitingHandoverOfTeam } from '../../src/db/handoverMarks';
import { newId } from '../../src/domain';
import type { Dialect } from '../../src/server/data/schema';
import { serverWithDevices } from './helpers/serverWithDevices';
import { citizenFields, noteFields } from './helpers/factories';

describe.each<Dialect>(['sqlite', 'postgres'])(
  'handover marks ("journaliseret i fagsystem"), on %s',
  (dialect) => {
    const env = serverWithDevices(dialect);

    it('marks a citizen’s final notes as a batch, syncs the marks to a colleague and leaves only the unmarked notes awaiting, oldest first', async () => {
      const mette = await env.device('mette');
      const anders = await env.device('anders');
      await mette.sync();
      const c = await mette.repos.citizens.create(
        mette.ctx,
        citizenFields({ alias: 'Æble-Søren' }),
      );
      const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;
      const n1 = await mette.repos.notes.create(
        mette.ctx,
        noteFields(mette, c.id, 'Første samtale', { status: 'final', occurredAt: at(3) }),
      );
      const n2 = await mette.repos.notes.create(
        mette.ctx,
        noteFields(mette, c.id, 'Anden samtale', { status: 'final', occurredAt: at(1) }),
      );
      const n3 = await mette.repos.notes.create(
        mette.ctx,
        noteFields(mette, c.id, 'Tredje samtale', { status: 'final', occurredAt: at(2) }),
      );
      const draft = await mette.repos.notes.create(mette.ctx, noteFields(mette, c.id, 'Kladde'));
      const marks = createHandoverMarksRepo(() => mette.db);

      expect((await notesAwaitingHandoverOfTeam('odense-syd', mette.db)).map((n) => n.id)).toEqual(
        expect.arrayContaining([n2.id, n3.id, n1.id]),
      );
      await expect(
        marks.mark(mette.ctx, [draft], { journalizedOn: '2026-11-05', reference: 'X' }),
      ).rejects.toMatchObject({ code: 'invalid-fields' });

      const made = await marks.mark(mette.ctx, [n1, n3], {
        journalizedOn: '2026-11-05',
        reference: 'SAG-2026-0042',
      });
      expect(made).toHaveLength(2);
      // Marking again does not add a second mark: a change of a mark is a correction.
      expect(
        await marks.mark(mette.ctx, [n1], { journalizedOn: '2026-11-06', reference: 'Y' }),
      ).toHaveLength(0);
      const mine = (await notesAwaitingHandoverOfTeam('odense-syd', mette.db)).filter(
        (n) => n.citizenId === c.id,
      );
      expect(mine.map((n) => n.id)).toEqual([n2.id]);

      const summary = await mette.sync();
      expect(summary.push.rejected).toBe(0);
      await anders.sync();
      const seen = (await notesAwaitingHandoverOfTeam('odense-syd', anders.db)).filter(
        (n) => n.citizenId === c.id,
      );
      expect(seen.map((n) => n.id)).toEqual([n2.id]);
      const andersMarks = await createHandoverMarksRepo(() => anders.db).marksOfCitizen(c.id);
      expect(andersMarks.map((m) => m.reference)).toEqual(['SAG-2026-0042', 'SAG-2026-0042']);
      expect(andersMarks[0]).toMatchObject({ journalizedOn: '2026-11-05', markedBy: 'mette' });
    });

    it('never lets a mark be changed or removed on the server: a correction is a new mark and both stay', async () => {
      const mette = await env.device('mette');
      await mette.sync();
      const c = await mette.repos.citizens.create(mette.ctx, citizenFields({ alias: 'Lille-Ø' }));
      const note = await mette.repos.notes.create(
        mette.ctx,
        noteFields(mette, c.id, 'Samtale', { status: 'final' }),
      );
      const marks = createHandoverMarksRepo(() => mette.db);
      const [first] = await marks.mark(mette.ctx, [note], {
        journalizedOn: '2026-11-05',
        reference: 'FORKERT',
      });
      await mette.sync();

      // A device (old or forged) that tries to un-mark or rewrite the mark is refused.
      const push = (op: 'update' | 'delete', fields: Record<string, unknown>) =>
        mette.api.push({
          deviceId: mette.ctx.deviceId,
          mutations: [
            {
              mutationId: newId(),
              deviceId: mette.ctx.deviceId,
              entity: 'handoverMark',
              recordId: first!.id,
              op,
              fields,
              baseVersion: 1,
              clientTime: '2026-11-24T10:00:00.000Z',
            },
          ],
        });
      for (const answer of [await push('delete', {}), await push('update', { reference: 'X' })])
        expect(answer.results[0]).toMatchObject({
          status: 'rejected',
          code: 'note-final-immutable',
        });

      const fixed = await marks.correct(mette.ctx, note, first!, {
        journalizedOn: '2026-11-06',
        reference: 'SAG-2026-0043',
      });
      await mette.sync();
      const all = await marks.marksOfCitizen(c.id);
      expect(all.map((m) => m.reference).sort()).toEqual(['FORKERT', 'SAG-2026-0043']);
      expect(fixed.correctsMarkId).toBe(first!.id);
      const stored = await env.server.db.db
        .selectFrom('records')
        .select(['id', 'data', 'deleted'])
        .where('entity', '=', 'handoverMark')
        .where('id', 'in', [first!.id, fixed.id])
        .execute();
      expect(stored).toHaveLength(2);
      expect(stored.every((r) => r.deleted === 0)).toBe(true);
      expect(JSON.parse(stored.find((r) => r.id === first!.id)!.data)).toMatchObject({
        reference: 'FORKERT',
        version: 1,
      });
    });
  },
);
