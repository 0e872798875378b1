import { describe, expect, it } from 'vitest';
import { SHARED_TEAM_ID } from '../../src/domain';
import { entityRepository } from '../../src/db';
import type { Location, LocationInput } from '../../src/domain';
import { readRecord } from '../helpers/sealedDb';
import { serverWithDevices } from './helpers/serverWithDevices';

const env = serverWithDevices();

describe('a location created on a device', () => {
  it('is filed for the whole municipality and reaches a caseworker of another team', async () => {
    const mette = await env.device('mette');
    const sara = await env.device('sara');
    const locations = entityRepository<Location, LocationInput>('location', () => mette.db);
    const created = await locations.create(mette.ctx, {
      name: 'Nyt værested ved havnen',
      kind: 'vaerested',
    });
    expect(created.teamId).toBe(SHARED_TEAM_ID);

    const summary = await mette.sync();
    expect(summary.push).toMatchObject({ applied: 1, rejected: 0 });
    await sara.sync();
    const seen = await readRecord<Location>(sara.db, 'locations', created.id);
    expect(seen).toMatchObject({ name: 'Nyt værested ved havnen', teamId: SHARED_TEAM_ID });
  });
});
