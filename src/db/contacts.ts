import type { Contact, ContactFields } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';

export const contactsRepo = entityRepository<Contact, ContactFields>('contact', (d) => d.contacts);

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
