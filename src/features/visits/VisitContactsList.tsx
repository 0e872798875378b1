import { useState } from 'react';
import { Link } from 'wouter';
import { contactsRepo } from '../../db/contacts';
import { notesOfContact } from '../../db/notes';
import { citizenDisplayName, type Contact, type Visit } from '../../domain';
import { useCitizensByIds } from '../../hooks/useCitizens';
import { useVisitContacts } from '../../hooks/useVisits';
import { useT, useTCount } from '../../i18n';
import { Alert, StatusMessage } from '../../ui/Alert';
import { useFormat } from '../shared/useFormat';
import { useSaveAction } from '../shared/useSaveAction';
import { ContactEditForm } from './ContactEditForm';

/**
 * A visit's contacts, newest first. Editable (the open visit): each can be corrected or removed
 * (a delete mutation, a tombstone on the server), so a mis-tap is fixed where it happened.
 */
export function ContactRows({
  visit,
  contacts,
  editable,
  onChanged,
}: {
  visit: Visit;
  contacts: readonly Contact[];
  editable: boolean;
  onChanged?: (message: string) => void;
}) {
  const t = useT();
  const f = useFormat();
  const save = useSaveAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const byId = useCitizensByIds(contacts.flatMap((c) => (c.citizenId ? [c.citizenId] : [])));

  const [hasNotes, setHasNotes] = useState<string | null>(null);

  async function remove(contact: Contact) {
    // A journal note names this contact: removing it would leave the note pointing at nothing.
    if ((await notesOfContact(contact)).length > 0) {
      setHasNotes(contact.id);
      return;
    }
    const ok = await save.run((ctx) => contactsRepo.remove(ctx, contact.id));
    if (ok) {
      setRemoving(null);
      onChanged?.(t('visits.contact.removed'));
    }
  }

  return (
    <ul className="list">
      {contacts.map((c) => {
        const citizen = c.citizenId ? byId.get(c.citizenId) : undefined;
        const name = citizen ? citizenDisplayName(citizen) : undefined;
        // A named contact whose citizen is not (or not yet) readable here is still not anonymous.
        const who =
          name ??
          t(c.kind === 'anonymous' ? 'visits.contacts.anonymous' : 'visits.contacts.knownCitizen');
        const time = f.time(c.at);
        const topics = c.topics.map((x) => t(`visits.topic.${x}`)).join(', ');
        const meta =
          c.kind === 'anonymous'
            ? [t(`visits.age.${c.ageGroup}`), t(`visits.gender.${c.gender}`), topics]
            : [topics];
        return (
          <li key={c.id} className="list-row">
            <span className="list-row-title">
              <time dateTime={c.at}>{time}</time> {who}
            </span>
            {meta.some(Boolean) && (
              <span className="list-row-meta">{meta.filter(Boolean).join(' · ')}</span>
            )}
            {c.remark && <span className="list-row-meta">{c.remark}</span>}
            {c.citizenId && (
              <Link
                href={`/notater/ny?borger=${c.citizenId}&besoeg=${visit.id}&kontakt=${c.id}`}
                className="button"
                aria-label={name ? t('visits.contacts.writeNoteFor', { name }) : undefined}
              >
                {t('visits.contacts.writeNote')}
              </Link>
            )}
            {editable && editing !== c.id && removing !== c.id && (
              <span className="button-row">
                <button
                  type="button"
                  aria-label={t('visits.contact.editFor', { who, time })}
                  onClick={() => setEditing(c.id)}
                >
                  {t('visits.contact.edit')}
                </button>
                <button
                  type="button"
                  aria-label={t('visits.contact.removeFor', { who, time })}
                  onClick={() => setRemoving(c.id)}
                >
                  {t('visits.contact.remove')}
                </button>
              </span>
            )}
            {editable && editing === c.id && (
              <ContactEditForm
                contact={c}
                heading={t('visits.contact.editHeading', { who, time })}
                onDone={(saved) => {
                  setEditing(null);
                  if (saved) onChanged?.(t('visits.contact.saved'));
                }}
              />
            )}
            {editable && removing === c.id && (
              <div
                className="confirm"
                role="group"
                aria-label={t('visits.contact.removeFor', { who, time })}
              >
                <p>{t('visits.contact.removeConfirm', { who, time })}</p>
                {save.error && <Alert>{save.error}</Alert>}
                {hasNotes === c.id && <Alert>{t('visits.contact.hasNotes')}</Alert>}
                <div className="button-row">
                  <button
                    type="button"
                    className="danger"
                    disabled={save.busy}
                    onClick={() => void remove(c)}
                  >
                    {t('visits.contact.removeYes')}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      setRemoving(null);
                      setHasNotes(null);
                    }}
                  >
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The running list of the open visit's contacts with counts; named ones offer "Skriv notat". */
export function VisitContactsList({ visit }: { visit: Visit }) {
  const t = useT();
  const tc = useTCount();
  const contacts = useVisitContacts(visit.id) ?? [];
  const [message, setMessage] = useState('');
  const named = contacts.filter((c) => c.kind === 'named').length;
  return (
    <section aria-labelledby="visit-contacts-heading" className="section">
      <h2 id="visit-contacts-heading">{t('visits.contacts.heading')}</h2>
      <p role="status">
        {t('visits.contacts.counts', {
          total: tc('visits.contacts.total', contacts.length),
          named: tc('visits.contacts.named', named),
          anonymous: tc('visits.contacts.anonymousCount', contacts.length - named),
        })}
      </p>
      {contacts.length === 0 && <p>{t('visits.contacts.none')}</p>}
      <ContactRows visit={visit} contacts={contacts} editable onChanged={setMessage} />
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}
