import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, type OutboxEntry } from '../../src/db/database';
import { NeedsAttentionPage } from '../../src/features/sync/NeedsAttentionPage';
import { makeCitizen, resetDb, signIn } from '../helpers/factories';
import { readAll } from '../helpers/sealedDb';

beforeEach(async () => {
  await resetDb();
  await signIn();
});

describe('a change refused because its record holds too many conflicts', () => {
  it('is kept in "Til behandling" with a Danish explanation of what to do', async () => {
    await makeCitizen({ firstName: 'Jens' });
    const [entry] = await readAll<OutboxEntry>(db, 'outbox');
    await db.outbox.put(
      await db.seal('outbox', {
        ...entry!,
        state: 'rejected',
        lastError: { code: 'too-many-conflicts', message: 'The record already has 100' },
        rejectedAt: new Date().toISOString(),
      }),
    );
    render(<NeedsAttentionPage />);
    const item = await screen.findByRole('article', { name: 'Borger: Oprettet' });
    expect(item.textContent).toContain('Posten har for mange uafgjorte konflikter.');
    expect(within(item).getByRole('button', { name: 'Send igen uændret' })).toBeTruthy();
  });
});
