import { Link } from 'wouter';
import { followUpsRepo } from '../../db/followUps';
import { citizenDisplayName, followUpState, type Citizen, type FollowUp } from '../../domain';
import { useUserName } from '../../hooks/useUserName';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { useFormat } from '../shared/useFormat';
import { useSaveAction } from '../shared/useSaveAction';

const ICONS = { overdue: '⚠', 'due-today': '●', upcoming: '○', done: '✓' } as const;

interface FollowUpItemProps {
  followUp: FollowUp;
  today: string;
  citizen?: Citizen | undefined;
  /** Show "mark done" / "reopen" (the follow-up screen); Today shows the list only. */
  actions?: boolean;
}

/** A follow-up with its state in words and an icon (never by colour alone) and who is responsible. */
export function FollowUpItem({ followUp, today, citizen, actions = true }: FollowUpItemProps) {
  const t = useT();
  const f = useFormat();
  const save = useSaveAction();
  const userName = useUserName();
  const state = followUpState(followUp, today);
  return (
    <li className={`list-row followup followup--${state}`}>
      <span className="list-row-title">
        <span className={`state-tag state-tag--${state}`}>
          <span aria-hidden="true">{ICONS[state]} </span>
          {t(`followUps.state.${state}`)}
        </span>{' '}
        {followUp.title}
      </span>
      <span className="list-row-meta">
        {t('followUps.due', { date: f.date(followUp.dueOn) })}
        {` · ${t('followUps.assignee', { name: userName(followUp.assigneeId) })}`}
        {followUp.doneAt && ` · ${t('followUps.doneAt', { date: f.dateTime(followUp.doneAt) })}`}
        {citizen && (
          <>
            {' · '}
            <Link href={`/borgere/${citizen.id}`}>{citizenDisplayName(citizen)}</Link>
          </>
        )}
      </span>
      {actions && (
        <button
          type="button"
          disabled={save.busy}
          onClick={() =>
            void save.run((ctx) =>
              followUp.doneAt
                ? followUpsRepo.reopen(ctx, followUp.id)
                : followUpsRepo.markDone(ctx, followUp.id),
            )
          }
        >
          {followUp.doneAt
            ? t('followUps.reopen', { title: followUp.title })
            : t('followUps.markDone', { title: followUp.title })}
        </button>
      )}
      {save.error && <Alert>{save.error}</Alert>}
    </li>
  );
}
