import { z } from 'zod';
import { IdSchema, InstantSchema, recordMetaShape, shortText } from './common';

export const AGE_GROUPS = ['under-18', '18-24', '25-39', '40-59', '60-plus', 'unknown'] as const;
export const GENDERS = ['kvinde', 'mand', 'andet', 'ukendt'] as const;
export const CONTACT_TOPICS = [
  'bolig',
  'misbrug',
  'psykiatri',
  'sundhed',
  'oekonomi',
  'beskaeftigelse',
  'netvaerk',
  'andet',
] as const;

export const AgeGroupSchema = z.enum(AGE_GROUPS);
export const GenderSchema = z.enum(GENDERS);
export const ContactTopicSchema = z.enum(CONTACT_TOPICS);
export type AgeGroup = z.infer<typeof AgeGroupSchema>;
export type Gender = z.infer<typeof GenderSchema>;
export type ContactTopic = z.infer<typeof ContactTopicSchema>;

/**
 * One encounter during a visit. Anonymous contacts are counted for statistics (Udsatterådet) and
 * carry no identifying information: no citizen, and only a short topic remark.
 */
export const contactFieldsShape = {
  visitId: IdSchema,
  locationId: IdSchema,
  at: InstantSchema,
  kind: z.enum(['named', 'anonymous']),
  citizenId: IdSchema.optional(),
  ageGroup: AgeGroupSchema.default('unknown'),
  gender: GenderSchema.default('ukendt'),
  topics: z.array(ContactTopicSchema).max(CONTACT_TOPICS.length).default([]),
  remark: shortText().default(''),
};
const namedHasCitizen = (c: { kind: string; citizenId?: string | undefined }) =>
  c.kind === 'named' ? c.citizenId !== undefined : c.citizenId === undefined;

export const ContactFieldsSchema = z
  .object(contactFieldsShape)
  .refine(namedHasCitizen, { message: 'named-contact-needs-citizen', path: ['citizenId'] });
export type ContactFields = z.infer<typeof ContactFieldsSchema>;
/** What a form or caller gives to create one (defaults filled in by the schema). */
export type ContactInput = z.input<typeof ContactFieldsSchema>;

export const ContactSchema = z
  .object({ ...recordMetaShape, ...contactFieldsShape })
  .refine(namedHasCitizen, { message: 'named-contact-needs-citizen', path: ['citizenId'] });
export type Contact = z.infer<typeof ContactSchema>;
