import { useState, type FormEvent } from 'react';
import type { TeamRef } from '../../domain/user';
import { CreateTeamRequestSchema, RenameTeamRequestSchema } from '../../protocol';
import { useT, type MessageKey } from '../../i18n';
import { TextField } from '../../ui/TextField';
import { schemaErrors } from '../shared/schemaErrors';

const CREATE_MESSAGES = {
  id: 'admin.error.teamId',
  name: 'admin.error.required',
} as const satisfies Record<string, MessageKey>;

function RenameTeam(props: { team: TeamRef; onRename: (name: string) => Promise<void> }) {
  const t = useT();
  const [name, setName] = useState(props.team.name);
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = schemaErrors(RenameTeamRequestSchema, { name }, { name: 'admin.error.required' });
    setError(found.name ? t(found.name) : undefined);
    if (!found.name) void props.onRename(name);
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <TextField
        label={t('admin.teams.renameLabel', { name: props.team.name })}
        value={name}
        onChange={setName}
        error={error}
      />
      <button type="submit">{t('admin.teams.rename')}</button>
    </form>
  );
}

/** The administrator's teams: each can be renamed; a new one created with an id and a name. */
export function TeamsSection(props: {
  teams: readonly TeamRef[];
  onCreate: (team: TeamRef) => Promise<void>;
  onRename: (teamId: string, name: string) => Promise<void>;
}) {
  const t = useT();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'id' | 'name', MessageKey>>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = schemaErrors(CreateTeamRequestSchema, { id, name }, CREATE_MESSAGES);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void props.onCreate({ id, name }).then(() => {
      setId('');
      setName('');
    });
  };
  return (
    <section aria-labelledby="admin-teams-heading" className="section">
      <h2 id="admin-teams-heading">{t('admin.teams.heading')}</h2>
      <ul className="plain-list">
        {props.teams.map((team) => (
          <li key={team.id}>
            <RenameTeam team={team} onRename={(n) => props.onRename(team.id, n)} />
          </li>
        ))}
      </ul>
      <form onSubmit={submit} noValidate aria-labelledby="admin-team-create-heading">
        <h3 id="admin-team-create-heading">{t('admin.teams.create')}</h3>
        <TextField
          label={t('admin.teams.id')}
          value={id}
          onChange={setId}
          error={errors.id ? t(errors.id) : undefined}
          autoCapitalize="none"
        />
        <TextField
          label={t('admin.teams.name')}
          value={name}
          onChange={setName}
          error={errors.name ? t(errors.name) : undefined}
        />
        <button type="submit">{t('admin.teams.create')}</button>
      </form>
    </section>
  );
}
