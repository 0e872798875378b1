import { z } from 'zod';
import { IdSchema, InstantSchema, longText, recordMetaShape, UserIdSchema } from './common';

/** A fremskudt vagt: a caseworker's hours at a location. */
export const visitFieldsShape = {
  locationId: IdSchema,
  userId: UserIdSchema,
  startedAt: InstantSchema,
  endedAt: InstantSchema.optional(),
  summary: longText().default(''),
};
export const VisitFieldsSchema = z.object(visitFieldsShape);
export type VisitFields = z.infer<typeof VisitFieldsSchema>;
/** What a form or caller gives to create one (defaults filled in by the schema). */
export type VisitInput = z.input<typeof VisitFieldsSchema>;

export const VisitSchema = z.object({ ...recordMetaShape, ...visitFieldsShape });
export type Visit = z.infer<typeof VisitSchema>;
