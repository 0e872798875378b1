import { z } from 'zod';
import { parseCpr } from './cpr';
import { DateOnlySchema, IdSchema, longText, recordMetaShape, shortText } from './common';

/** The 2024 social policy's focus areas plus the areas outreach work meets every day. */
export const FOCUS_AREAS = [
  'bolig',
  'misbrug',
  'psykiatri',
  'sundhed',
  'beskaeftigelse',
  'oekonomi',
  'ungeliv',
  'faellesskab',
] as const;
export const FocusAreaSchema = z.enum(FOCUS_AREAS);
export type FocusArea = z.infer<typeof FocusAreaSchema>;

/** A normalized CPR number "DDMMYY-SSSS" with a real date; modulus 11 is deliberately not checked. */
export const CprSchema = z.string().transform((value, ctx) => {
  const parsed = parseCpr(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.value;
});

/**
 * Samtykke (retssikkerhedsloven § 11 a): specific — which information, from/to whom, for what
 * purpose — dated, and with expiry or withdrawal.
 */
export const ConsentSchema = z.object({
  id: IdSchema,
  informationKinds: shortText().min(1),
  parties: shortText().min(1),
  purpose: shortText().min(1),
  caseId: IdSchema.optional(),
  givenOn: DateOnlySchema,
  expiresOn: DateOnlySchema.optional(),
  withdrawnOn: DateOnlySchema.optional(),
  toldWhatRefusalMeans: z.boolean(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const citizenFieldsShape = {
  firstName: shortText().default(''),
  lastName: shortText().default(''),
  alias: shortText().default(''),
  cpr: CprSchema.optional(),
  phone: z
    .string()
    .trim()
    .max(32)
    .regex(/^[+\d ()-]*$/, 'phone-format')
    .default(''),
  /** The citizen's own goals and wishes, in their own words. */
  ownGoals: longText().default(''),
  /** Life story and background as the citizen tells it. */
  lifeStory: longText().default(''),
  focusAreas: z.array(FocusAreaSchema).max(FOCUS_AREAS.length).default([]),
  /** Locations where the citizen is usually met. */
  usualLocationIds: z.array(IdSchema).max(20).default([]),
  usualPlaceNote: shortText().default(''),
  consents: z.array(ConsentSchema).max(100).default([]),
};

const hasAName = (c: { firstName: string; alias: string }) =>
  c.firstName.trim() !== '' || c.alias.trim() !== '';

export const CitizenFieldsSchema = z
  .object(citizenFieldsShape)
  .refine(hasAName, { message: 'name-or-alias-required', path: ['firstName'] });
export type CitizenFields = z.infer<typeof CitizenFieldsSchema>;
/** What a form or caller gives to create one (defaults filled in by the schema). */
export type CitizenInput = z.input<typeof CitizenFieldsSchema>;

export const CitizenSchema = z
  .object({ ...recordMetaShape, ...citizenFieldsShape })
  .refine(hasAName, { message: 'name-or-alias-required', path: ['firstName'] });
export type Citizen = z.infer<typeof CitizenSchema>;

/** How a citizen is named in lists: "Jens (Store-J)", or just the alias. */
export function citizenDisplayName(c: Pick<Citizen, 'firstName' | 'lastName' | 'alias'>): string {
  const name = [c.firstName, c.lastName].filter((s) => s.trim() !== '').join(' ');
  if (name && c.alias) return `${name} (${c.alias})`;
  return name || c.alias;
}
