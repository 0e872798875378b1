import { z } from 'zod';
import { DateOnlySchema, IdSchema, recordMetaShape, shortText, UserIdSchema } from './common';

/** Common legal bases for adult social services (Serviceloven) and a catch-all. */
export const LEGAL_BASES = [
  'sel-85',
  'sel-99',
  'sel-101',
  'sel-104',
  'sel-107',
  'sel-108',
  'sel-110',
  'sel-141',
  'other',
] as const;
export const LegalBasisSchema = z.enum(LEGAL_BASES);
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const CaseStatusSchema = z.enum(['open', 'closed']);

export const caseFieldsShape = {
  citizenId: IdSchema,
  title: shortText().min(1),
  legalBasis: LegalBasisSchema,
  status: CaseStatusSchema.default('open'),
  responsibleUserId: UserIdSchema,
  openedOn: DateOnlySchema,
  closedOn: DateOnlySchema.optional(),
};
const closedHasDate = (c: { status: string; closedOn?: string | undefined }) =>
  c.status === 'open' || c.closedOn !== undefined;

export const CaseFieldsSchema = z
  .object(caseFieldsShape)
  .refine(closedHasDate, { message: 'closed-case-needs-date', path: ['closedOn'] });
export type CaseFields = z.infer<typeof CaseFieldsSchema>;
/** What a form or caller gives to create one (defaults filled in by the schema). */
export type CaseInput = z.input<typeof CaseFieldsSchema>;

export const CaseSchema = z
  .object({ ...recordMetaShape, ...caseFieldsShape })
  .refine(closedHasDate, { message: 'closed-case-needs-date', path: ['closedOn'] });
export type Case = z.infer<typeof CaseSchema>;
