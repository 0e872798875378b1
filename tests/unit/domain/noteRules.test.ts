import { describe, expect, it } from 'vitest';
import {
  checkNoteUpdate,
  correctionFieldsFor,
  isNoteEditable,
} from '../../../src/domain/noteRules';

describe('journal note immutability (notatpligt)', () => {
  it('lets a draft be edited', () => {
    expect(isNoteEditable({ status: 'draft' })).toBe(true);
    expect(checkNoteUpdate({ status: 'draft' })).toBeNull();
  });

  it('refuses any change to a final note', () => {
    expect(isNoteEditable({ status: 'final' })).toBe(false);
    expect(checkNoteUpdate({ status: 'final' })).toBe('note-final-immutable');
  });

  it('makes a correction point at the original and keep its date, citizen, case and category', () => {
    const original = {
      id: '0190a0a0-0000-7000-8000-000000000001',
      citizenId: '0190a0a0-0000-7000-8000-000000000002',
      caseId: '0190a0a0-0000-7000-8000-000000000003',
      occurredAt: '2026-11-20T10:00:00.000Z',
      category: 'samtale' as const,
    };
    expect(correctionFieldsFor(original)).toEqual({
      citizenId: original.citizenId,
      caseId: original.caseId,
      occurredAt: original.occurredAt,
      category: 'samtale',
      correctsNoteId: original.id,
    });
  });
});
