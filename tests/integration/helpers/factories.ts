import {
  CitizenFieldsSchema,
  NoteFieldsSchema,
  type CitizenFields,
  type CitizenInput,
  type NoteFields,
} from '../../../src/domain';
import type { Device } from './device';

export function citizenFields(input: CitizenInput): CitizenFields {
  return CitizenFieldsSchema.parse(input);
}

export function noteFields(
  device: Device,
  citizenId: string,
  body: string,
  extra: Partial<NoteFields> = {},
): NoteFields {
  return NoteFieldsSchema.parse({
    citizenId,
    occurredAt: '2026-11-24T10:00:00.000Z',
    body,
    category: 'samtale',
    status: 'draft',
    authorId: device.user.id,
    ...extra,
  });
}

/** The synced part of a record, for comparing devices (local bookkeeping left out). */
export function comparable(record: object | undefined): unknown {
  if (!record) return undefined;
  return JSON.parse(JSON.stringify(record)) as unknown;
}
