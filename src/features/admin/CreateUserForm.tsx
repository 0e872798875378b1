import { useState, type FormEvent } from 'react';
import type { Role, TeamRef } from '../../domain/user';
import { CreateUserRequestSchema, type CreateUserRequest } from '../../protocol';
import { useT, type MessageKey } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { schemaErrors } from '../shared/schemaErrors';
import { browserMemory } from '../../ui/browserMemory';

export const ROLE_KEYS: Record<Role, MessageKey> = {
  admin: 'admin.role.admin',
  lead: 'admin.role.lead',
  caseworker: 'admin.role.caseworker',
};

const MESSAGES = {
  username: 'admin.error.username',
  name: 'admin.error.required',
  role: 'admin.error.invalid',
  teams: 'admin.error.teams',
  password: 'admin.error.password',
} as const satisfies Record<string, MessageKey>;

/**
 * "Opret bruger": username, name, role, teams and an initial password, checked with the API's
 * schema before it is sent. By default the user must choose their own password at first login.
 */
export function CreateUserForm(props: {
  teams: readonly TeamRef[];
  onCreate: (body: CreateUserRequest) => Promise<void>;
}) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('caseworker');
  const [teams, setTeams] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const [errors, setErrors] = useState<Partial<Record<keyof typeof MESSAGES, MessageKey>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { username, name, role, teams, password, mustChangePassword: mustChange };
    const found = schemaErrors(CreateUserRequestSchema, body, MESSAGES);
    if (username.trim() === '') found.username = 'admin.error.required';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await props.onCreate(CreateUserRequestSchema.parse(body));
      setUsername('');
      setName('');
      setTeams([]);
      setPassword('');
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const err = (k: keyof typeof MESSAGES) => (errors[k] ? t(errors[k]) : undefined);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="admin-create-heading">
      <h2 id="admin-create-heading">{t('admin.create.heading')}</h2>
      <TextField
        label={t('admin.create.username')}
        value={username}
        onChange={setUsername}
        error={err('username')}
        autoCapitalize="none"
        required
      />
      <TextField
        label={t('admin.create.name')}
        value={name}
        onChange={setName}
        error={err('name')}
        required
      />
      <SelectField
        label={t('admin.create.role')}
        value={role}
        onChange={(v) => setRole(v as Role)}
        options={(['caseworker', 'lead', 'admin'] as const).map((r) => ({
          value: r,
          label: t(ROLE_KEYS[r]),
        }))}
      />
      <CheckboxGroup
        legend={t('admin.create.teams')}
        options={props.teams.map((team) => ({ value: team.id, label: team.name }))}
        selected={teams}
        onChange={setTeams}
      />
      {errors.teams && (
        <p className="field-error" role="alert">
          {t(errors.teams)}
        </p>
      )}
      <TextField
        label={t('admin.create.password')}
        hint={t('admin.create.passwordHint')}
        type="password"
        value={password}
        onChange={setPassword}
        error={err('password')}
        required
      />
      <div className="checkbox">
        <input
          type="checkbox"
          id="admin-create-must-change"
          checked={mustChange}
          onChange={(e) => setMustChange(e.target.checked)}
          {...browserMemory()}
        />
        <label htmlFor="admin-create-must-change">{t('admin.create.mustChange')}</label>
      </div>
      {failure && <Alert>{failure}</Alert>}
      <button type="submit" className="primary" disabled={busy}>
        {t('admin.create.submit')}
      </button>
    </form>
  );
}
