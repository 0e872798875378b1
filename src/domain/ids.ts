import { uuidv7 } from 'uuidv7';

/** Client-generated, time-ordered ids (UUIDv7) for records and mutations. */
export function newId(): string {
  return uuidv7();
}
