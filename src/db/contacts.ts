import type { Contact, ContactInput } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';

export const contactsRepo = entityRepository<Contact, ContactInput>('contact', (d) => d.contacts);

export function contactsOfVisit(visitId: string): Promise<Contact[]> {
  return db.contacts.where('visitId').equals(visitId).sortBy('at');
}

export function contactsOfCitizen(citizenId: string): Promise<Contact[]> {
  return db.contacts
    .where('[citizenId+at]')
    .between([citizenId, ''], [citizenId, '\uffff'])
    .reverse()
    .toArray();
}

/** The newest contacts, named and anonymous, for "recently seen" on the Today screen. */
export function recentContacts(limit: number): Promise<Contact[]> {
  return db.contacts.orderBy('at').reverse().limit(limit).toArray();
}
