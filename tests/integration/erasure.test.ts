import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../src/db/database';
import { TABLE_OF } from '../../src/db/database';
import { newId } from '../../src/domain/ids';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SCHEMA_HEADER,
  SCHEMA_VERSION,
} from '../../src/protocol';
import { readAll } from '../helpers/sealedDb';
import type { Device } from './helpers/device';
import { citizenFields, noteFields } from './helpers/factories';
import { serverWithDevices } from './helpers/serverWithDevices';

const env = serverWithDevices();
const HEADERS = {
  'content-type': 'application/json',
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  [SCHEMA_HEADER]: String(SCHEMA_VERSION),
};

async function eraseAs(username: string, citizenId: string): Promise<Response> {
  const login = await fetch(`${env.server.url}/api/auth/login`, {
    method: 'POST',
    headers: HEADERS,
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  return fetch(`${env.server.url}/api/citizens/${citizenId}/erase`, {
    method: 'POST',
    headers: { ...HEADERS, authorization: `Bearer ${token}` },
    body: JSON.stringify({ confirmCitizenId: citizenId }),
  });
}

/** Everything the app can read on the device, decrypted: records, outbox, drafts. */
async function decryptedData(device: Device): Promise<string> {
  const tables = [...new Set(Object.values(TABLE_OF)), 'drafts'];
  const parts = await Promise.all(
    tables.map(async (t) => `${t}: ${JSON.stringify(await readAll(device.db, t))}`),
  );
  return [...parts, `outbox: ${JSON.stringify(await device.outbox())}`].join('\n');
}

describe('erasure of a citizen reaching the devices', () => {
  it('removes the citizen, its notes, drafts and unsent changes from a device at its next sync, also one that kept working offline', async () => {
    const marker = `MRK${newId().replace(/-/g, '')}`;
    const mette = await env.device('mette');
    const anders = await env.device('anders');
    const keep = await anders.repos.citizens.create(
      anders.ctx,
      citizenFields({ firstName: 'Bliver' }),
    );
    const c = await anders.repos.citizens.create(anders.ctx, citizenFields({ firstName: marker }));
    const note = await anders.repos.notes.create(
      anders.ctx,
      noteFields(anders, c.id, `Samtale ${marker}`),
    );
    await anders.sync();
    await mette.sync();
    expect(await decryptedData(mette)).toContain(marker);

    // Anders works offline: edits the note, writes a new one, leaves a draft.
    await anders.repos.notes.update(anders.ctx, note.id, { body: `Rettet offline ${marker}` });
    await anders.repos.notes.create(anders.ctx, noteFields(anders, c.id, `Ny offline ${marker}`));
    await anders.db.drafts.put(
      await anders.db.seal('drafts', {
        key: `note:${c.id}`,
        citizenId: c.id,
        fields: { body: `Kladde ${marker}` },
        savedAt: new Date().toISOString(),
      }),
    );
    expect((await anders.outbox()).length).toBe(2);

    const res = await eraseAs('mette', c.id);
    expect(res.status).toBe(200);

    await mette.sync();
    const run = await anders.sync();
    expect(run.push.rejected).toBe(2);
    for (const device of [mette, anders]) {
      const data = await decryptedData(device);
      expect(data).not.toContain(marker);
      expect(data).not.toContain(c.id);
      expect(data).toContain(keep.id);
    }
    expect(await anders.outbox()).toEqual([] as OutboxEntry[]);
    // Nothing left to send again: the next sync is quiet.
    const again = await anders.sync();
    expect(again.push.rejected).toBe(0);
  });
});
