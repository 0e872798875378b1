import fc from 'fast-check';
import { readRecord } from '../helpers/sealedDb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITIES } from '../../src/domain';
import type { LoginResponse } from '../../src/protocol';
import { createApiClient } from '../../src/sync/apiClient';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { createDevice, type Device } from './helpers/device';
import { citizenFields, comparable, noteFields } from './helpers/factories';

let server: TestServer;
const sessions: LoginResponse[] = [];
beforeAll(async () => {
  server = await startTestServer({ dialect: 'sqlite' });
  const api = createApiClient({ baseUrl: server.url });
  // Two devices of Mette's and one of Anders': same team, three outboxes.
  sessions.push(await api.login('mette', 'demo'), await api.login('anders', 'demo'));
  sessions.push(sessions[0]!);
});
afterAll(async () => {
  await server.close();
});

const FIELDS = ['phone', 'ownGoals', 'lifeStory'] as const;
type Command =
  | { kind: 'edit'; d: number; c: number; field: (typeof FIELDS)[number]; v: number }
  | { kind: 'note'; d: number; c: number }
  | { kind: 'delete'; d: number; c: number }
  | { kind: 'sync'; d: number; drop: 'none' | 'push' | 'pull' };

const command = (devices: number): fc.Arbitrary<Command> => {
  const d = fc.integer({ min: 0, max: devices - 1 });
  const c = fc.integer({ min: 0, max: 1 });
  return fc.oneof(
    fc.record({
      kind: fc.constant('edit' as const),
      d,
      c,
      field: fc.constantFrom(...FIELDS),
      v: fc.integer({ min: 0, max: 9 }),
    }),
    fc.record({ kind: fc.constant('note' as const), d, c }),
    fc.record({ kind: fc.constant('delete' as const), d, c }),
    fc.record({
      kind: fc.constant('sync' as const),
      d,
      drop: fc.constantFrom('none' as const, 'push' as const, 'pull' as const),
    }),
  );
};

const valueFor = (field: (typeof FIELDS)[number], v: number) =>
  field === 'phone' ? `20 30 40 5${v}` : `${field} ${v}`;

async function run(devices: Device[], citizens: string[], commands: Command[], bodies: string[]) {
  for (const cmd of commands) {
    const device = devices[cmd.d]!;
    if (cmd.kind === 'sync') {
      if (cmd.drop !== 'none')
        device.net.failNext(`/api/sync/${cmd.drop}`, { kind: 'drop-response' });
      await device.sync().catch((error: unknown) => {
        if ((error as { code?: string }).code !== 'network') throw error;
      });
      device.net.clearFaults();
      continue;
    }
    const id = citizens[cmd.c]!;
    const exists =
      (await readRecord<Record<string, unknown>>(device.db, 'citizens', id)) !== undefined;
    if (cmd.kind === 'note') {
      const body = `Notat ${bodies.length} fra ${device.name}`;
      bodies.push(body);
      await device.repos.notes.create(device.ctx, noteFields(device, id, body));
    } else if (exists && cmd.kind === 'edit') {
      await device.repos.citizens.update(device.ctx, id, {
        [cmd.field]: valueFor(cmd.field, cmd.v),
      });
    } else if (exists && cmd.kind === 'delete') {
      await device.repos.citizens.remove(device.ctx, id);
    }
  }
}

async function serverRecord(id: string) {
  return server.db.db
    .selectFrom('records')
    .select(['data', 'deleted'])
    .where('id', '=', id)
    .executeTakeFirst();
}

async function expectConverged(devices: Device[], citizens: string[], bodies: string[]) {
  for (const id of citizens) {
    const row = await serverRecord(id);
    const expected =
      row && !row.deleted ? ENTITIES.citizen.record.parse(JSON.parse(row.data)) : undefined;
    for (const device of devices) {
      expect(
        comparable(await readRecord<Record<string, unknown>>(device.db, 'citizens', id)),
      ).toEqual(comparable(expected));
    }
  }
  const serverNotes = await server.db.db
    .selectFrom('records')
    .select(['data'])
    .where('entity', '=', 'note')
    .where('deleted', '=', 0)
    .execute();
  const serverBodies = serverNotes
    .map((n) => JSON.parse(n.data) as { body: string; citizenId: string })
    .filter((n) => citizens.includes(n.citizenId))
    .map((n) => n.body);
  expect(serverBodies.sort()).toEqual([...bodies].sort());
  for (const device of devices) {
    const local = await device.db.unsealAll<{ body: string }>(
      'notes',
      await device.db.notes.where('citizenId').anyOf(citizens).toArray(),
    );
    expect(local.map((n) => n.body).sort()).toEqual([...bodies].sort());
    expect(await device.db.outbox.count()).toBe(0);
  }
}

describe('devices editing offline in any order, with lost answers', () => {
  it('all end with the server state, and every note written exists exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 2, max: 3 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.array(command(n), { minLength: 1, maxLength: 14 })),
          ),
        async ([n, commands]) => {
          const devices: Device[] = [];
          for (let i = 0; i < n; i++) {
            devices.push(
              await createDevice(server, i === 1 ? 'anders' : 'mette', { session: sessions[i]! }),
            );
          }
          try {
            const first = devices[0]!;
            const citizens: string[] = [];
            for (const name of ['Gustav', 'Hanne']) {
              citizens.push(
                (await first.repos.citizens.create(first.ctx, citizenFields({ firstName: name })))
                  .id,
              );
            }
            for (const d of devices) await d.sync();
            const bodies: string[] = [];
            await run(devices, citizens, commands, bodies);
            for (let round = 0; round < 2; round++) for (const d of devices) await d.sync();
            await expectConverged(devices, citizens, bodies);
          } finally {
            for (const d of devices) await d.dispose();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
