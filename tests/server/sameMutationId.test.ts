import { describe, expect, it } from 'vitest';
import type { MutationResult } from '../../src/protocol';
import { authHeaders, loginOn, newCitizen } from './helpers/api';
import { useSeededApp } from './helpers/appFixture';
import { DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('the same new mutation id from two users at once (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  it('applies it for one and refuses it as forbidden for the other, round after round', async () => {
    // Different teams: their pushes take different scope locks and really run side by side.
    const mette = await loginOn(f.app, 'mette', 'device-same-id-m');
    const sara = await loginOn(f.app, 'sara', 'device-same-id-s');
    for (let round = 0; round < 8; round++) {
      const mine = newCitizen({ alias: `Mette ${round}` }, 'device-same-id-m');
      const theirs = { ...newCitizen({ alias: `Sara ${round}` }, 'device-same-id-s') };
      theirs.mutationId = mine.mutationId;
      const answers = await Promise.all(
        [
          [mette.token, mine],
          [sara.token, theirs],
        ].map(([token, m]) =>
          f.app.inject({
            method: 'POST',
            url: '/api/sync/push',
            headers: authHeaders(token as string),
            payload: { deviceId: (m as typeof mine).deviceId, mutations: [m] },
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      const results = answers.map((a) => a.json<{ results: MutationResult[] }>().results[0]);
      const statuses = results.map((r) => (r?.status === 'rejected' ? r.code : r?.status)).sort();
      expect(statuses).toEqual(['applied', 'forbidden']);
    }
  });
});
