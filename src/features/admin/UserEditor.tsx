import { useState } from 'react';
import type { Role, TeamRef } from '../../domain/user';
import { ResetPasswordRequestSchema, SetTeamsRequestSchema, type AdminUser } from '../../protocol';
import { useT } from '../../i18n';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { schemaErrors } from '../shared/schemaErrors';
import { ROLE_KEYS } from './CreateUserForm';

export interface UserEditorActions {
  setRole: (role: Role) => Promise<void>;
  setTeams: (teams: string[]) => Promise<void>;
  setActive: (active: boolean) => Promise<void>;
  resetPassword: (password: string) => Promise<void>;
  revokeSessions: () => Promise<void>;
}

/** One user's role, teams, temporary password and (de)activation; each saved on its own. */
export function UserEditor(props: {
  user: AdminUser;
  teams: readonly TeamRef[];
  actions: UserEditorActions;
  onClose: () => void;
}) {
  const t = useT();
  const { user, actions } = props;
  const [role, setRole] = useState<Role>(user.role);
  // The default team first, as the API reads the list.
  const [teams, setTeams] = useState<string[]>([
    ...(user.teamId ? [user.teamId] : []),
    ...user.teams.map((x) => x.id).filter((id) => id !== user.teamId),
  ]);
  const fromProvider = (id: string) => user.providerTeams.includes(id);
  const [password, setPassword] = useState('');
  const [teamsError, setTeamsError] = useState<string | undefined>();
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const names = { name: user.name };

  const saveTeams = () => {
    const found = schemaErrors(SetTeamsRequestSchema, { teams }, { teams: 'admin.error.teams' });
    setTeamsError(found.teams ? t(found.teams) : undefined);
    if (!found.teams) void actions.setTeams(teams);
  };
  const savePassword = () => {
    const found = schemaErrors(
      ResetPasswordRequestSchema,
      { password },
      { password: 'admin.error.password' },
    );
    setPasswordError(found.password ? t(found.password) : undefined);
    if (!found.password) void actions.resetPassword(password).then(() => setPassword(''));
  };

  return (
    <section aria-labelledby="admin-user-edit-heading" className="section">
      <h2 id="admin-user-edit-heading">{t('admin.user.editHeading', names)}</h2>
      <SelectField
        label={t('admin.create.role')}
        value={role}
        onChange={(v) => setRole(v as Role)}
        disabled={user.roleFromProvider}
        hint={user.roleFromProvider ? t('admin.user.roleFromProvider') : undefined}
        options={(['caseworker', 'lead', 'admin'] as const).map((r) => ({
          value: r,
          label: t(ROLE_KEYS[r]),
        }))}
      />
      {!user.roleFromProvider && (
        <button type="button" onClick={() => void actions.setRole(role)}>
          {t('admin.user.saveRole')}
        </button>
      )}
      <CheckboxGroup
        legend={t('admin.create.teams')}
        options={props.teams.map((team) => ({
          value: team.id,
          label: fromProvider(team.id)
            ? t('admin.user.teamFromProvider', { team: team.name })
            : team.name,
        }))}
        selected={teams}
        onChange={setTeams}
        locked={user.providerTeams}
      />
      {user.providerTeams.length > 0 && <p className="hint">{t('admin.user.providerTeamsHint')}</p>}
      {teamsError && (
        <p className="field-error" role="alert">
          {teamsError}
        </p>
      )}
      <button type="button" onClick={saveTeams}>
        {t('admin.user.saveTeams')}
      </button>
      <TextField
        label={t('admin.create.password')}
        hint={t('admin.create.passwordHint')}
        type="password"
        value={password}
        onChange={setPassword}
        error={passwordError}
      />
      <button type="button" onClick={savePassword}>
        {t('admin.user.resetPassword')}
      </button>
      <div className="button-row">
        {user.active ? (
          confirming ? (
            <div role="group" aria-label={t('admin.user.deactivate')} className="confirm">
              <p>{t('admin.user.deactivateConfirm', names)}</p>
              <button
                type="button"
                className="danger"
                autoFocus
                onClick={() => void actions.setActive(false).finally(() => setConfirming(false))}
              >
                {t('admin.user.deactivateYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('admin.user.deactivate')}
            </button>
          )
        ) : (
          <button type="button" onClick={() => void actions.setActive(true)}>
            {t('admin.user.activate')}
          </button>
        )}
        <button type="button" onClick={() => void actions.revokeSessions()}>
          {t('admin.user.revokeSessions')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('admin.user.close')}
        </button>
      </div>
    </section>
  );
}
