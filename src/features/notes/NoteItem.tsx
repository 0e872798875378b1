import { useState } from 'react';
import { Link } from 'wouter';
import type { Note } from '../../domain';
import { useT } from '../../i18n';
import { RecordSyncBadge } from '../sync/RecordSyncBadge';
import { useFormat } from '../shared/useFormat';
import { useUserName } from '../../hooks/useUserName';
import { CorrectionForm } from './CorrectionForm';

interface NoteItemProps {
  note: Note;
  /** The note this one corrects, if any. */
  corrects?: Note | undefined;
  /** Notes that correct this one. */
  correctedBy: readonly Note[];
}

/** One journal note: final notes offer "Ret notat", drafts can be edited. */
export function NoteItem({ note, corrects, correctedBy }: NoteItemProps) {
  const t = useT();
  const f = useFormat();
  const userName = useUserName();
  const [correcting, setCorrecting] = useState(false);
  const when = f.relative(note.occurredAt);
  return (
    <article
      className={`note note--${note.status}`}
      aria-label={`${t(`notes.category.${note.category}`)}, ${when}`}
    >
      <header className="note-head">
        <time dateTime={note.occurredAt}>{when}</time>
        <span>
          {t('notes.by', {
            category: t(`notes.category.${note.category}`),
            author: userName(note.authorId),
          })}
        </span>
        <span className="badge">{t(`notes.status.${note.status}`)}</span>
        <RecordSyncBadge recordId={note.id} />
      </header>
      {corrects && (
        <p className="note-ref">{t('notes.corrects', { date: f.dateTime(corrects.occurredAt) })}</p>
      )}
      {correctedBy.map((c) => (
        <p className="note-ref note-ref--corrected" key={c.id}>
          <span aria-hidden="true">✎ </span>
          {t('notes.correctedBy', { date: f.dateTime(c.finalizedAt ?? c.createdAt) })}
        </p>
      ))}
      <p className="note-body">{note.body}</p>
      {note.status === 'draft' ? (
        <Link href={`/notater/${note.id}`} className="button">
          {t('notes.editDraft')}
        </Link>
      ) : correcting ? (
        <CorrectionForm original={note} onDone={() => setCorrecting(false)} />
      ) : (
        <button type="button" onClick={() => setCorrecting(true)}>
          {t('notes.correct')}
        </button>
      )}
    </article>
  );
}
