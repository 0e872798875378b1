import { Link } from 'wouter';
import { citizenDisplayName } from '../../domain';
import { useTeamHandover } from '../../hooks/useHandover';
import { useSignedInSession } from '../../hooks/useSession';
import { useT } from '../../i18n';
import { AppPage } from '../shared/AppPage';
import { useFormat } from '../shared/useFormat';

/**
 * /journalisering: every final note of the caseworker's team not yet carried over into the system
 * of record, oldest first, so none is forgotten; marking is done on the citizen's page.
 */
export function HandoverPage() {
  const t = useT();
  const format = useFormat();
  const session = useSignedInSession();
  const handover = useTeamHandover(session?.user.teamId ?? undefined);
  return (
    <AppPage screen="notes.handover.pageTitle">
      {!handover ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <p role="status">{t('notes.handover.awaiting', { count: handover.notes.length })}</p>
          <ol>
            {handover.notes.map((note) => {
              const citizen = handover.citizens.get(note.citizenId);
              return (
                <li key={note.id}>
                  <Link href={`/borgere/${note.citizenId}`}>
                    {citizen ? citizenDisplayName(citizen) : t('common.none')}
                  </Link>
                  {' – '}
                  {t('notes.handover.noteLabel', {
                    date: format.dateTime(note.occurredAt),
                    text: note.body.length > 80 ? `${note.body.slice(0, 80)} …` : note.body,
                  })}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </AppPage>
  );
}
