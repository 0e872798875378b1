import { useState, type FormEvent } from 'react';
import type { TeamRef } from '../../domain/user';
import { AddMemberRequestSchema, type AdminUser } from '../../protocol';
import { useT } from '../../i18n';
import { TextField } from '../../ui/TextField';
import { schemaErrors } from '../shared/schemaErrors';

/** The members of one team (for its lead, or an administrator): add by username, remove. */
export function TeamMembersSection(props: {
  team: TeamRef;
  members: readonly AdminUser[];
  onAdd: (username: string) => Promise<void>;
  onRemove: (user: AdminUser) => Promise<void>;
}) {
  const t = useT();
  const { team } = props;
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string | undefined>();
  const headingId = `admin-members-${team.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = schemaErrors(
      AddMemberRequestSchema,
      { user: username },
      { user: 'admin.error.username' },
    );
    if (username.trim() === '') found.user = 'admin.error.required';
    setError(found.user ? t(found.user) : undefined);
    if (!found.user) void props.onAdd(username.trim()).then(() => setUsername(''));
  };
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('admin.members.heading', { team: team.name })}</h2>
      <ul className="plain-list" aria-labelledby={headingId}>
        {props.members.map((m) => (
          <li key={m.id}>
            {m.name} ({m.username}){' '}
            <button
              type="button"
              aria-label={t('admin.members.removeLabel', { name: m.name, team: team.name })}
              onClick={() => void props.onRemove(m)}
            >
              {t('admin.members.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('admin.members.addLabel', { team: team.name })}
          value={username}
          onChange={setUsername}
          error={error}
          autoCapitalize="none"
        />
        <button type="submit">{t('admin.members.add')}</button>
      </form>
    </section>
  );
}
