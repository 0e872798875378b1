import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/sync/apiClient';
import { exportRescueFile } from '../../src/sync/rescueExport';
import type { Dialect } from '../../src/server/data/schema';
import { serverWithDevices } from './helpers/serverWithDevices';
import { citizenFields, noteFields } from './helpers/factories';
import { appliedMutationIds, changesOf } from './helpers/serverLog';

const PASSPHRASE = 'kaffe på værestedet 7';

describe.each<Dialect>(['sqlite', 'postgres'])(
  'rescue export of the unsent queue, on %s',
  (dialect) => {
    const env = serverWithDevices(dialect);

    it('applies a failing device’s 50 offline changes exactly once: imported by an administrator, then pushed by the device, then imported again', async () => {
      const mette = await env.device('mette');
      await mette.sync();
      mette.net.offline = true;
      const citizens = [];
      for (let i = 0; i < 10; i++)
        citizens.push(
          await mette.repos.citizens.create(mette.ctx, citizenFields({ alias: `Rø-${i}` })),
        );
      for (let i = 0; i < 30; i++)
        await mette.repos.notes.create(
          mette.ctx,
          noteFields(mette, citizens[i % 10]!.id, `Notat ${i} med æøå`),
        );
      for (let i = 0; i < 10; i++)
        await mette.repos.citizens.update(mette.ctx, citizens[i]!.id, { phone: `1234 56${i}0` });
      const queued = await mette.outbox();
      expect(queued).toHaveLength(50);
      await expect(mette.sync()).rejects.toMatchObject({ code: 'network' });

      const file = await exportRescueFile(mette.db, PASSPHRASE);
      expect(file).toMatchObject({ count: 50, userId: 'mette', deviceId: mette.ctx.deviceId });
      const text = JSON.stringify(file);
      // Nothing written is readable in the file without the passphrase.
      expect(text).not.toContain('Rø-');
      expect(text).not.toContain('Notat');
      expect(await mette.outbox()).toHaveLength(50);

      const admin = createApiClient({ baseUrl: env.server.url });
      const lone = await admin.login('lone', 'demo');
      const asAdmin = createApiClient({ baseUrl: env.server.url, token: () => lone.token });
      await expect(
        asAdmin.rescueImport({ file: text, passphrase: 'forkert' }),
      ).rejects.toMatchObject({ code: 'invalid-request', status: 400 });
      const first = await asAdmin.rescueImport({ file: text, passphrase: PASSPHRASE });
      expect(first).toMatchObject({ count: 50, alreadyApplied: 0, applied: 50, rejected: 0 });

      // The records are there as if the device had pushed, written by Mette, in her team.
      const stored = await env.server.db.db
        .selectFrom('records')
        .select(['id', 'data', 'team_id', 'version'])
        .where('entity', '=', 'citizen')
        .where(
          'id',
          'in',
          citizens.map((c) => c.id),
        )
        .execute();
      expect(stored).toHaveLength(10);
      for (const r of stored) {
        expect(r.team_id).toBe('odense-syd');
        expect(JSON.parse(r.data)).toMatchObject({ createdBy: 'mette', version: 2 });
      }

      mette.net.offline = false;
      const summary = await mette.sync();
      expect(summary.push.rejected).toBe(0);
      expect(await mette.outbox()).toHaveLength(0);

      const again = await asAdmin.rescueImport({ file: text, passphrase: PASSPHRASE });
      expect(again).toMatchObject({ count: 50, alreadyApplied: 50, rejected: 0 });

      const applied = await appliedMutationIds(env.server);
      for (const entry of queued)
        expect(applied.filter((id) => id === entry.mutationId)).toHaveLength(1);
      for (const c of citizens)
        expect((await changesOf(env.server, c.id)).map((ch) => ch.version)).toEqual([1, 2]);
      const notes = await env.server.db.db
        .selectFrom('records')
        .select('id')
        .where('entity', '=', 'note')
        .where(
          'id',
          'in',
          queued.filter((e) => e.entity === 'note').map((e) => e.recordId),
        )
        .execute();
      expect(notes).toHaveLength(30);

      const audit = await env.server.db.db
        .selectFrom('audit_log')
        .select(['user_id', 'detail'])
        .where('action', '=', 'admin')
        .where('detail', 'like', '%rescue-import%')
        .execute();
      expect(audit.map((a) => a.user_id)).toEqual(['lone', 'lone']);
    });

    it('refuses an import by anyone but an administrator', async () => {
      const mette = await env.device('mette');
      await mette.sync();
      await mette.repos.citizens.create(mette.ctx, citizenFields({ alias: 'Eneste' }));
      const text = JSON.stringify(await exportRescueFile(mette.db, PASSPHRASE));
      const login = await createApiClient({ baseUrl: env.server.url }).login('mette', 'demo');
      const asLead = createApiClient({ baseUrl: env.server.url, token: () => login.token });
      await expect(
        asLead.rescueImport({ file: text, passphrase: PASSPHRASE }),
      ).rejects.toMatchObject({ status: 403 });
    });
  },
);
