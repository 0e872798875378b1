import { z } from 'zod';
import {
  DateOnlySchema,
  IdSchema,
  InstantSchema,
  recordMetaShape,
  shortText,
  UserIdSchema,
} from './common';

export const followUpFieldsShape = {
  citizenId: IdSchema,
  caseId: IdSchema.optional(),
  title: shortText().min(1),
  dueOn: DateOnlySchema,
  assigneeId: UserIdSchema,
  doneAt: InstantSchema.optional(),
  doneBy: UserIdSchema.optional(),
};
export const FollowUpFieldsSchema = z.object(followUpFieldsShape);
export type FollowUpFields = z.infer<typeof FollowUpFieldsSchema>;
/** What a form or caller gives to create one (defaults filled in by the schema). */
export type FollowUpInput = z.input<typeof FollowUpFieldsSchema>;

export const FollowUpSchema = z.object({ ...recordMetaShape, ...followUpFieldsShape });
export type FollowUp = z.infer<typeof FollowUpSchema>;
