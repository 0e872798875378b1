import type {
  caseFieldsShape,
  citizenFieldsShape,
  contactFieldsShape,
  EntityName,
  followUpFieldsShape,
  handoverMarkFieldsShape,
  locationFieldsShape,
  noteFieldsShape,
  scheduleSlotFieldsShape,
  visitFieldsShape,
} from '../../domain';
import type { MessageKey } from '../../i18n';

type Labels<Shape> = Record<keyof Shape, MessageKey>;

/**
 * What a caseworker calls each field of each synced record: the form's own label where a form
 * edits the field, otherwise a plain name. Typed against the schemas, so a new field cannot be
 * left without a name (and a unit test checks both languages).
 */
export const FIELD_LABELS: {
  citizen: Labels<typeof citizenFieldsShape>;
  case: Labels<typeof caseFieldsShape>;
  note: Labels<typeof noteFieldsShape>;
  location: Labels<typeof locationFieldsShape>;
  scheduleSlot: Labels<typeof scheduleSlotFieldsShape>;
  visit: Labels<typeof visitFieldsShape>;
  contact: Labels<typeof contactFieldsShape>;
  followUp: Labels<typeof followUpFieldsShape>;
  handoverMark: Labels<typeof handoverMarkFieldsShape>;
} = {
  citizen: {
    firstName: 'citizens.field.firstName',
    lastName: 'citizens.field.lastName',
    alias: 'citizens.field.alias',
    cpr: 'sync.field.cpr',
    phone: 'citizens.field.phone',
    ownGoals: 'citizens.field.ownGoals',
    lifeStory: 'citizens.field.lifeStory',
    focusAreas: 'citizens.field.focusAreas',
    usualLocationIds: 'citizens.field.usualLocations',
    usualPlaceNote: 'citizens.field.usualPlaceNote',
    consents: 'sync.field.consents',
  },
  case: {
    citizenId: 'sync.field.citizen',
    title: 'cases.field.title',
    legalBasis: 'cases.field.legalBasis',
    status: 'cases.field.status',
    responsibleUserId: 'cases.field.responsible',
    openedOn: 'cases.field.openedOn',
    closedOn: 'cases.field.closedOn',
  },
  note: {
    citizenId: 'sync.field.citizen',
    caseId: 'sync.field.case',
    occurredAt: 'notes.field.occurredAt',
    body: 'notes.field.body',
    category: 'notes.field.category',
    status: 'sync.field.noteStatus',
    authorId: 'sync.field.author',
    finalizedAt: 'sync.field.finalizedAt',
    correctsNoteId: 'sync.field.correctsNote',
    conflictOfNoteId: 'sync.field.conflictOfNote',
    visitId: 'sync.field.visit',
    locationId: 'sync.field.location',
    contactId: 'sync.field.contact',
  },
  location: {
    name: 'locations.field.name',
    kind: 'locations.field.kind',
    address: 'locations.field.address',
    description: 'locations.field.description',
    active: 'locations.field.active',
  },
  scheduleSlot: {
    locationId: 'sync.field.location',
    userId: 'schedule.field.user',
    weekday: 'schedule.field.weekday',
    startTime: 'schedule.field.start',
    endTime: 'schedule.field.end',
    validFrom: 'sync.field.validFrom',
    validTo: 'sync.field.validTo',
  },
  visit: {
    locationId: 'sync.field.location',
    userId: 'sync.field.caseworker',
    startedAt: 'sync.field.startedAt',
    endedAt: 'sync.field.endedAt',
    summary: 'sync.field.summary',
  },
  contact: {
    visitId: 'sync.field.visit',
    locationId: 'sync.field.location',
    at: 'sync.field.contactAt',
    kind: 'sync.field.contactKind',
    citizenId: 'sync.field.citizen',
    ageGroup: 'sync.field.ageGroup',
    gender: 'sync.field.gender',
    topics: 'sync.field.topics',
    remark: 'sync.field.remark',
  },
  followUp: {
    citizenId: 'sync.field.citizen',
    caseId: 'sync.field.case',
    title: 'followUps.field.title',
    dueOn: 'followUps.field.dueOn',
    assigneeId: 'followUps.field.assignee',
    doneAt: 'sync.field.doneAt',
    doneBy: 'sync.field.doneBy',
  },
  handoverMark: {
    citizenId: 'sync.field.citizen',
    noteId: 'sync.field.note',
    journalizedOn: 'notes.handover.date',
    reference: 'notes.handover.reference',
    markedBy: 'sync.field.markedBy',
    correctsMarkId: 'sync.field.correctsMark',
  },
};

/** The label key of a field, or undefined for a name no schema knows (e.g. '*', a whole record). */
export function fieldLabelKey(entity: EntityName, field: string): MessageKey | undefined {
  const labels: Record<string, MessageKey> = FIELD_LABELS[entity];
  return Object.hasOwn(labels, field) ? labels[field] : undefined;
}
