import { z } from 'zod';
import { DateOnlySchema, IdSchema, recordMetaShape, TimeOfDaySchema, UserIdSchema } from './common';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const WeekdaySchema = z.number().int().min(1).max(7);

export const scheduleSlotFieldsShape = {
  locationId: IdSchema,
  userId: UserIdSchema,
  weekday: WeekdaySchema,
  startTime: TimeOfDaySchema,
  endTime: TimeOfDaySchema,
  validFrom: DateOnlySchema.optional(),
  validTo: DateOnlySchema.optional(),
};
const endsAfterStart = (s: { startTime: string; endTime: string }) => s.endTime > s.startTime;

export const ScheduleSlotFieldsSchema = z
  .object(scheduleSlotFieldsShape)
  .refine(endsAfterStart, { message: 'end-before-start', path: ['endTime'] });
export type ScheduleSlotFields = z.infer<typeof ScheduleSlotFieldsSchema>;
/** What a form or caller gives to create one (defaults filled in by the schema). */
export type ScheduleSlotInput = z.input<typeof ScheduleSlotFieldsSchema>;

export const ScheduleSlotSchema = z
  .object({ ...recordMetaShape, ...scheduleSlotFieldsShape })
  .refine(endsAfterStart, { message: 'end-before-start', path: ['endTime'] });
export type ScheduleSlot = z.infer<typeof ScheduleSlotSchema>;
