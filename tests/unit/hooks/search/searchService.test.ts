import { describe, expect, it } from 'vitest';
import { ctx, makeCitizen, makeNote, resetDb } from '../../../helpers/factories';
import { citizensRepo } from '../../../../src/db/citizens';
import { lockStore } from '../../../../src/db/vault/vault';
import { searchState, startSearchIndex } from '../../../../src/hooks/search/searchService';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};
const names = (query: string) =>
  (searchState.get().index?.search(query) ?? []).map((c) => c.firstName);

describe('the search index of the unlocked store', () => {
  it('is built in the background, follows changes, and is dropped at lock', async () => {
    await resetDb();
    const jens = await makeCitizen({ firstName: 'Jens', alias: '' });
    await makeNote({ citizenId: jens.id, body: 'Aftalt afrusning på fredag' });
    const stop = startSearchIndex();
    try {
      await until(() => searchState.get().progress.status === 'ready');
      expect(names('afrusning')).toEqual(['Jens']);

      const karin = await makeCitizen({ firstName: 'Karin', alias: '' });
      await until(() => names('Karin').length === 1);
      await citizensRepo.update(ctx, karin.id, { alias: 'Lille-K' });
      await until(() => names('Lille').length === 1);
      await citizensRepo.remove(ctx, karin.id);
      await until(() => names('Karin').length === 0);

      lockStore('manual');
      expect(searchState.get().index).toBeNull();
      expect(searchState.get().progress).toEqual({ status: 'idle' });
    } finally {
      stop();
    }
  });
});
