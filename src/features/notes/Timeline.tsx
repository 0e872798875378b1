import { useLocations } from '../../hooks/useLocations';
import { useTimeline } from '../../hooks/useTimeline';
import type { Contact } from '../../domain';
import { useT } from '../../i18n';
import { useFormat } from '../shared/useFormat';
import { NoteItem } from './NoteItem';
import { correctionLinks } from './NoteList';

function ContactItem({ contact, place }: { contact: Contact; place: string | undefined }) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="timeline-contact">
      <time dateTime={contact.at}>{f.relative(contact.at)}</time>{' '}
      <span>
        {place ? t('notes.timeline.contact', { place }) : t('notes.timeline.contactUnknownPlace')}
      </span>
      {contact.remark && <span> – {contact.remark}</span>}
    </div>
  );
}

/** ONE timeline of a citizen's notes and contacts, newest first. */
export function Timeline({ citizenId }: { citizenId: string }) {
  const t = useT();
  const items = useTimeline(citizenId);
  const locations = useLocations() ?? [];
  if (!items) return <p role="status">{t('common.loading')}</p>;
  if (items.length === 0) return <p>{t('notes.timeline.empty')}</p>;
  const links = correctionLinks(items.flatMap((i) => (i.kind === 'note' ? [i.note] : [])));
  const placeOf = (id: string) => locations.find((l) => l.id === id)?.name;
  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={item.kind === 'note' ? item.note.id : item.contact.id}>
          {item.kind === 'note' ? (
            <NoteItem
              note={item.note}
              corrects={links.corrects(item.note)}
              correctedBy={links.correctedBy(item.note)}
            />
          ) : (
            <ContactItem contact={item.contact} place={placeOf(item.contact.locationId)} />
          )}
        </li>
      ))}
    </ol>
  );
}
