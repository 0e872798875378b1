import { afterEach, describe, expect, it } from 'vitest';
import { purgeOldDrafts } from '../../src/db/drafts';
import type { FremskudtDb } from '../../src/db/database';
import { readAll, sealedDb } from '../helpers/sealedDb';

const opened: FremskudtDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('drafts on the device', () => {
  it('are removed once left unsaved for more than 30 days, and kept until then', async () => {
    const db = await sealedDb(`draft-retention-${Date.now()}`);
    opened.push(db);
    const now = new Date('2026-12-06T08:00:00.000Z');
    const draft = async (key: string, savedAt: string) =>
      db.drafts.put(await db.seal('drafts', { key, fields: { body: key }, savedAt }));
    await draft('old', '2026-11-05T07:59:59.000Z');
    await draft('recent', '2026-11-06T08:00:01.000Z');
    expect(await purgeOldDrafts(db, now)).toBe(1);
    expect((await readAll<{ key: string }>(db, 'drafts')).map((d) => d.key)).toEqual(['recent']);
  });
});
