import type { Contact, ContactInput } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';

export const contactsRepo = entityRepository<Contact, ContactInput>('contact');

export async function contactsOfVisit(visitId: string): Promise<Contact[]> {
  const rows = await db.contacts.where('visitId').equals(visitId).sortBy('at');
  return db.unsealAll<Contact>('contacts', rows);
}

export async function contactsOfCitizen(citizenId: string): Promise<Contact[]> {
  const rows = await db.contacts
    .where('[citizenId+at]')
    .between([citizenId, ''], [citizenId, '\uffff'])
    .reverse()
    .toArray();
  return db.unsealAll<Contact>('contacts', rows);
}

/** The newest contacts, named and anonymous, for "recently seen" on the Today screen. */
export async function recentContacts(limit: number): Promise<Contact[]> {
  return db.unsealAll<Contact>(
    'contacts',
    await db.contacts.orderBy('at').reverse().limit(limit).toArray(),
  );
}
