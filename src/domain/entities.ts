import type { z } from 'zod';
import { CaseFieldsSchema, CaseSchema, caseFieldsShape } from './case';
import { CitizenFieldsSchema, CitizenSchema, citizenFieldsShape } from './citizen';
import { ContactFieldsSchema, ContactSchema, contactFieldsShape } from './contact';
import { FollowUpFieldsSchema, FollowUpSchema, followUpFieldsShape } from './followUp';
import {
  HandoverMarkFieldsSchema,
  HandoverMarkSchema,
  handoverMarkFieldsShape,
} from './handoverMark';
import { LocationFieldsSchema, LocationSchema, locationFieldsShape } from './location';
import { NoteFieldsSchema, NoteSchema, noteFieldsShape } from './note';
import { ScheduleSlotFieldsSchema, ScheduleSlotSchema, scheduleSlotFieldsShape } from './schedule';
import { VisitFieldsSchema, VisitSchema, visitFieldsShape } from './visit';
import { z as zod } from 'zod';

export const ENTITY_NAMES = [
  'citizen',
  'case',
  'note',
  'location',
  'scheduleSlot',
  'visit',
  'contact',
  'followUp',
  'handoverMark',
] as const;
export const EntityNameSchema = zod.enum(ENTITY_NAMES);
export type EntityName = z.infer<typeof EntityNameSchema>;

/**
 * Not personal data, and the whole municipality's: these records live in the shared scope
 * (`SHARED_TEAM_ID`), whoever writes them. Client and server both file them there.
 */
export const SHARED_ENTITIES: ReadonlySet<EntityName> = new Set(['location', 'scheduleSlot']);

export interface EntityDefinition {
  /** The whole record as stored and pulled. */
  record: z.ZodType;
  /** The fields a create mutation carries (meta excluded). */
  fields: z.ZodType;
  /** The names of the fields a client may write. */
  fieldNames: readonly string[];
}

/** The one registry of synced entities, shared by the client's repositories and the server. */
export const ENTITIES = {
  citizen: {
    record: CitizenSchema,
    fields: CitizenFieldsSchema,
    fieldNames: Object.keys(citizenFieldsShape),
  },
  case: { record: CaseSchema, fields: CaseFieldsSchema, fieldNames: Object.keys(caseFieldsShape) },
  note: { record: NoteSchema, fields: NoteFieldsSchema, fieldNames: Object.keys(noteFieldsShape) },
  location: {
    record: LocationSchema,
    fields: LocationFieldsSchema,
    fieldNames: Object.keys(locationFieldsShape),
  },
  scheduleSlot: {
    record: ScheduleSlotSchema,
    fields: ScheduleSlotFieldsSchema,
    fieldNames: Object.keys(scheduleSlotFieldsShape),
  },
  visit: {
    record: VisitSchema,
    fields: VisitFieldsSchema,
    fieldNames: Object.keys(visitFieldsShape),
  },
  contact: {
    record: ContactSchema,
    fields: ContactFieldsSchema,
    fieldNames: Object.keys(contactFieldsShape),
  },
  followUp: {
    record: FollowUpSchema,
    fields: FollowUpFieldsSchema,
    fieldNames: Object.keys(followUpFieldsShape),
  },
  handoverMark: {
    record: HandoverMarkSchema,
    fields: HandoverMarkFieldsSchema,
    fieldNames: Object.keys(handoverMarkFieldsShape),
  },
} as const satisfies Record<EntityName, EntityDefinition>;
