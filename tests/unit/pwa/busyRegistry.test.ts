import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, draftsRepo } from '../../../src/db';
import { resetDb } from '../../helpers/factories';
import { isBusy, markBusy, unmarkBusy } from '../../../src/pwa/busyRegistry';
import { noteInProgress } from '../../../src/pwa/noteInProgress';

beforeEach(async () => {
  await resetDb();
});

afterEach(async () => {
  unmarkBusy('editor-a');
  unmarkBusy('editor-b');
  await db.drafts.clear();
});

describe('a note in progress', () => {
  it('counts as busy until every editor that marked itself has let go', () => {
    expect(isBusy()).toBe(false);
    markBusy('editor-a');
    markBusy('editor-b');
    unmarkBusy('editor-a');
    expect(isBusy()).toBe(true);
    unmarkBusy('editor-b');
    expect(isBusy()).toBe(false);
  });

  it('is detected from an autosaved draft even when no editor is open', async () => {
    expect(await noteInProgress()).toBe(false);
    await draftsRepo.save({
      key: 'note:new',
      fields: { text: 'Mødt på værestedet' },
      savedAt: '2026-11-24T10:00:00Z',
    });
    expect(await noteInProgress()).toBe(true);
  });

  it('is detected from an open editor before anything was autosaved', async () => {
    markBusy('editor-a');
    expect(await noteInProgress()).toBe(true);
  });
});
