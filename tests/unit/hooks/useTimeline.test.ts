import { describe, expect, it } from 'vitest';
import type { Contact, Note } from '../../../src/domain';
import { mergeTimeline } from '../../../src/hooks/useTimeline';

describe('the citizen timeline', () => {
  it('merges notes and contacts, newest first', () => {
    const note = (id: string, occurredAt: string) =>
      ({ id, occurredAt }) as Pick<Note, 'id' | 'occurredAt'>;
    const contact = (id: string, at: string) => ({ id, at }) as Pick<Contact, 'id' | 'at'>;
    const items = mergeTimeline(
      [note('n1', '2026-11-20T10:00:00.000Z'), note('n2', '2026-11-24T10:00:00.000Z')] as Note[],
      [contact('c1', '2026-11-22T10:00:00.000Z')] as Contact[],
    );
    expect(items.map((i) => (i.kind === 'note' ? i.note.id : i.contact.id))).toEqual([
      'n2',
      'c1',
      'n1',
    ]);
  });
});
