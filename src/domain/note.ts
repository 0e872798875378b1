import { z } from 'zod';
import { IdSchema, InstantSchema, longText, recordMetaShape, UserIdSchema } from './common';

export const NOTE_CATEGORIES = [
  'samtale',
  'telefon',
  'henvendelse',
  'opfoelgning',
  'moede',
  'observation',
  'andet',
] as const;
export const NoteCategorySchema = z.enum(NOTE_CATEGORIES);
export type NoteCategory = z.infer<typeof NoteCategorySchema>;

export const NoteStatusSchema = z.enum(['draft', 'final']);

export const noteFieldsShape = {
  citizenId: IdSchema,
  caseId: IdSchema.optional(),
  /** When the event happened; may be earlier than the writing. */
  occurredAt: InstantSchema,
  body: longText().min(1),
  category: NoteCategorySchema,
  status: NoteStatusSchema,
  authorId: UserIdSchema,
  finalizedAt: InstantSchema.optional(),
  /** A correction points at the final note it corrects; both stay. */
  correctsNoteId: IdSchema.optional(),
  /** Set by the server when a second, different write hit an already final note. */
  conflictOfNoteId: IdSchema.optional(),
  visitId: IdSchema.optional(),
  locationId: IdSchema.optional(),
  contactId: IdSchema.optional(),
};
export const NoteFieldsSchema = z.object(noteFieldsShape);
export type NoteFields = z.infer<typeof NoteFieldsSchema>;
/** What a form or caller gives to create one (defaults filled in by the schema). */
export type NoteInput = z.input<typeof NoteFieldsSchema>;

export const NoteSchema = z.object({ ...recordMetaShape, ...noteFieldsShape });
export type Note = z.infer<typeof NoteSchema>;
