import { NoteCategorySchema, type NoteCategory } from '../../domain';
import { fromDateTimeLocal } from '../../i18n/format';
import type { MessageKey } from '../../i18n';

/** What the note editor holds, and what is autosaved to db.drafts. */
export interface NoteFormValues extends Record<string, unknown> {
  citizenId: string;
  caseId: string;
  occurredAt: string;
  body: string;
  category: NoteCategory;
}

export type NoteFormErrors = Partial<Record<'citizenId' | 'occurredAt' | 'body', MessageKey>>;

/** Clocks drift a little between devices; a few minutes ahead is not "in the future". */
const FUTURE_SLACK_MS = 5 * 60_000;

export function validateNoteForm(v: NoteFormValues, now: Date = new Date()): NoteFormErrors {
  const errors: NoteFormErrors = {};
  if (v.citizenId === '') errors.citizenId = 'notes.error.citizenRequired';
  if (v.body.trim() === '') errors.body = 'notes.error.bodyRequired';
  const at = fromDateTimeLocal(v.occurredAt);
  if (!at) errors.occurredAt = 'notes.error.dateInvalid';
  else if (new Date(at).getTime() > now.getTime() + FUTURE_SLACK_MS) {
    errors.occurredAt = 'notes.error.dateFuture';
  }
  return errors;
}

/** Accepts autosaved fields only if they still have the editor's shape. */
export function asNoteFormValues(
  fields: Record<string, unknown> | null | undefined,
): NoteFormValues | null {
  if (!fields) return null;
  const { citizenId, caseId, occurredAt, body, category } = fields;
  if (
    typeof citizenId !== 'string' ||
    typeof caseId !== 'string' ||
    typeof occurredAt !== 'string' ||
    typeof body !== 'string'
  ) {
    return null;
  }
  const parsed = NoteCategorySchema.safeParse(category);
  return parsed.success ? { citizenId, caseId, occurredAt, body, category: parsed.data } : null;
}
