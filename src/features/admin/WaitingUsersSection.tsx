import { useState } from 'react';
import type { TeamRef } from '../../domain/user';
import type { WaitingUser } from '../../protocol';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/SelectField';

/**
 * Users with no team yet (created at their first single sign-on): an administrator or a lead adds
 * each to one of the teams they manage. They see nothing until then.
 */
export function WaitingUsersSection(props: {
  users: readonly WaitingUser[];
  teams: readonly TeamRef[];
  onAdd: (user: WaitingUser, teamId: string) => Promise<void>;
}) {
  const t = useT();
  return (
    <section aria-labelledby="admin-waiting-heading" className="section">
      <h2 id="admin-waiting-heading">{t('admin.waiting.heading')}</h2>
      <p>{t('admin.waiting.intro')}</p>
      {props.users.length === 0 ? (
        <p>{t('admin.waiting.none')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby="admin-waiting-heading">
          {props.users.map((u) => (
            <WaitingUserRow key={u.id} user={u} teams={props.teams} onAdd={props.onAdd} />
          ))}
        </ul>
      )}
    </section>
  );
}

function WaitingUserRow(props: {
  user: WaitingUser;
  teams: readonly TeamRef[];
  onAdd: (user: WaitingUser, teamId: string) => Promise<void>;
}) {
  const t = useT();
  const { user } = props;
  const [teamId, setTeamId] = useState(props.teams[0]?.id ?? '');
  return (
    <li>
      <p>
        {user.name} ({user.username})
      </p>
      <SelectField
        label={t('admin.waiting.team', { name: user.name })}
        value={teamId}
        onChange={setTeamId}
        options={props.teams.map((team) => ({ value: team.id, label: team.name }))}
      />
      <button
        type="button"
        aria-label={t('admin.waiting.addLabel', { name: user.name })}
        disabled={teamId === ''}
        onClick={() => void props.onAdd(user, teamId)}
      >
        {t('admin.waiting.add')}
      </button>
    </li>
  );
}
