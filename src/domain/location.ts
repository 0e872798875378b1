import { z } from 'zod';
import { recordMetaShape, shortText, longText } from './common';

/** værested (SEL § 104), herberg/forsorgshjem (§ 110), gadeplan (§ 99), other. */
export const LOCATION_KINDS = ['vaerested', 'herberg', 'gadeplan', 'andet'] as const;
export const LocationKindSchema = z.enum(LOCATION_KINDS);
export type LocationKind = z.infer<typeof LocationKindSchema>;

export const locationFieldsShape = {
  name: shortText().min(1),
  kind: LocationKindSchema,
  address: shortText().default(''),
  description: longText().default(''),
  active: z.boolean().default(true),
};
export const LocationFieldsSchema = z.object(locationFieldsShape);
export type LocationFields = z.infer<typeof LocationFieldsSchema>;
/** What a form or caller gives to create one (defaults filled in by the schema). */
export type LocationInput = z.input<typeof LocationFieldsSchema>;

export const LocationSchema = z.object({ ...recordMetaShape, ...locationFieldsShape });
export type Location = z.infer<typeof LocationSchema>;
