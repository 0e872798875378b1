import { useEffect, useState } from 'react';
import type { TeamRef } from '../../domain/user';
import type { AdminDevice, AdminUser, RetentionPolicy, WaitingUser } from '../../protocol';
import type { MessageKey } from '../../i18n';
import { useSignedInSession } from '../../hooks/useSession';
import { useT } from '../../i18n';
import { Alert, StatusMessage } from '../../ui/Alert';
import { AppPage } from '../shared/AppPage';
import { useFormat } from '../shared/useFormat';
import { AdminLog } from './AdminLog';
import { CreateUserForm, ROLE_KEYS } from './CreateUserForm';
import { DeviceRevokeButton } from './DeviceRevokeButton';
import { TeamMembersSection } from './TeamMembersSection';
import { TeamsSection } from './TeamsSection';
import { useAdminApi } from './useAdminApi';
import { UserEditor } from './UserEditor';
import { RescueImportSection } from './RescueImportSection';
import { ErasureProposalsSection } from './ErasureProposalsSection';
import { AccessRequestSection } from '../audit/AccessRequestSection';
import { WaitingUsersSection } from './WaitingUsersSection';
import '../audit/tables.css';

type Data = {
  teams: TeamRef[];
  users: AdminUser[];
  devices: AdminDevice[];
  /** Per team the reader leads (leads only): its members. */
  members: Record<string, AdminUser[]>;
};

const POLICY_KEYS: Record<RetentionPolicy['kind'], MessageKey> = {
  'audit-log': 'admin.retention.audit-log',
  'refused-changes': 'admin.retention.refused-changes',
  devices: 'admin.retention.devices',
  'change-log-versions': 'admin.retention.change-log-versions',
  'change-log-tombstones': 'admin.retention.change-log-tombstones',
  'erasure-proposal': 'admin.retention.erasure-proposal',
  'erasure-proposal-dismissal': 'admin.retention.erasure-proposal-dismissal',
  'anonymous-contact-details': 'admin.retention.anonymous-contact-details',
};

/**
 * /administration. Administrators: users (create, edit role and teams, temporary password,
 * deactivate), teams (create, rename), devices ("Spær enhed") and the administration log. Team
 * leads: the members of the teams they lead (add, remove) and those teams' log. Both: the
 * retention job's erasure proposals (ErasureProposalsSection).
 */
export function AdminPage() {
  const t = useT();
  const format = useFormat();
  const session = useSignedInSession();
  const { api, explain } = useAdminApi();
  const [data, setData] = useState<Data | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [editing, setEditing] = useState<string | undefined>();
  // Bumped after each change, so the effect below (and the log) load again.
  const [generation, setGeneration] = useState(0);

  const role = session?.user.role;
  const isAdmin = role === 'admin';
  const mayManage = role === 'admin' || role === 'lead';
  // The retention rules load on their own: users and devices do not wait for them, nor fail with
  // them (null: could not be read).
  const [policies, setPolicies] = useState<RetentionPolicy[] | null | undefined>();
  useEffect(() => {
    if (!api || !isAdmin) return;
    let current = true;
    api.retentionPolicies().then(
      (r) => {
        if (current) setPolicies(r.policies);
      },
      () => {
        if (current) setPolicies(null);
      },
    );
    return () => {
      current = false;
    };
  }, [api, isAdmin]);
  // The users waiting for a team load on their own too: the rest of the page does not wait for
  // them (undefined: not loaded, or could not be read).
  const [waiting, setWaiting] = useState<WaitingUser[] | undefined>();
  useEffect(() => {
    if (!api || !mayManage) return;
    let current = true;
    api.waitingUsers().then(
      (r) => {
        if (current) setWaiting(r.users);
      },
      () => {
        if (current) setWaiting(undefined);
      },
    );
    return () => {
      current = false;
    };
  }, [api, generation, mayManage]);
  useEffect(() => {
    if (!api || !mayManage) return;
    let current = true;
    const load = async (): Promise<Data> => {
      const { teams } = await api.adminTeams();
      if (isAdmin) {
        const [users, devices] = await Promise.all([api.adminUsers(), api.adminDevices()]);
        return { teams, users: users.users, devices: devices.devices, members: {} };
      }
      const members: Record<string, AdminUser[]> = {};
      for (const team of teams) members[team.id] = (await api.adminTeamMembers(team.id)).members;
      return { teams, users: [], devices: [], members };
    };
    load().then(
      (loaded) => {
        if (!current) return;
        setData(loaded);
        setError(undefined);
      },
      (e: unknown) => {
        if (current) setError(explain(e));
      },
    );
    return () => {
      current = false;
    };
  }, [api, explain, generation, isAdmin, mayManage]);

  if (!mayManage || !api) {
    return (
      <AppPage screen="admin.title">
        <p>{t('admin.onlyAdminsAndLeads')}</p>
      </AppPage>
    );
  }

  /** Runs a change; on success says `message` and reloads, on failure says why. */
  const act = async (change: () => Promise<unknown>, message: string) => {
    setDone(undefined);
    try {
      await change();
      setError(undefined);
      setDone(message);
      setGeneration((g) => g + 1);
    } catch (e) {
      setError(explain(e, 'admin.saveFailed'));
      throw e;
    }
  };
  const quiet = (p: Promise<void>) => p.catch(() => undefined);
  const editingUser = data?.users.find((u) => u.id === editing);

  return (
    <AppPage screen="admin.title">
      {error && <Alert>{error}</Alert>}
      {done && <StatusMessage>{done}</StatusMessage>}
      {!data && !error && <StatusMessage>{t('common.loading')}</StatusMessage>}
      {data && !isAdmin && data.teams.length === 0 && <p>{t('admin.members.none')}</p>}
      {data && waiting && data.teams.length > 0 && (
        <WaitingUsersSection
          users={waiting}
          teams={data.teams}
          onAdd={(user, teamId) =>
            quiet(
              act(
                () => api.addTeamMember(teamId, user.id),
                t('admin.members.added', {
                  user: user.name,
                  team: data.teams.find((x) => x.id === teamId)?.name ?? teamId,
                }),
              ),
            )
          }
        />
      )}
      {data &&
        !isAdmin &&
        data.teams.map((team) => (
          <TeamMembersSection
            key={team.id}
            team={team}
            members={data.members[team.id] ?? []}
            onAdd={(user) =>
              quiet(
                act(
                  () => api.addTeamMember(team.id, user),
                  t('admin.members.added', { user, team: team.name }),
                ),
              )
            }
            onRemove={(m) =>
              quiet(
                act(
                  () => api.removeTeamMember(team.id, m.id),
                  t('admin.members.removed', { name: m.name, team: team.name }),
                ),
              )
            }
          />
        ))}
      {data && isAdmin && (
        <>
          <section aria-labelledby="admin-users-heading" className="section">
            <h2 id="admin-users-heading">{t('admin.users')}</h2>
            <div className="table-scroll">
              <table aria-labelledby="admin-users-heading">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.col.name')}</th>
                    <th scope="col">{t('admin.col.username')}</th>
                    <th scope="col">{t('admin.col.role')}</th>
                    <th scope="col">{t('admin.col.teams')}</th>
                    <th scope="col">{t('admin.col.state')}</th>
                    <th scope="col">{t('admin.col.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.users.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">{u.name}</th>
                      <td>{u.username}</td>
                      <td>{t(ROLE_KEYS[u.role])}</td>
                      <td>
                        {u.teams.length === 0
                          ? t('admin.user.noTeam')
                          : u.teams
                              .map((team) =>
                                u.providerTeams.includes(team.id)
                                  ? t('admin.user.teamFromProvider', { team: team.name })
                                  : team.name,
                              )
                              .join(', ')}
                      </td>
                      <td>
                        {u.active ? t('admin.user.active') : t('admin.user.inactive')}
                        {u.mustChangePassword && (
                          <div className="muted">{t('admin.user.mustChange')}</div>
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          aria-label={t('admin.user.editLabel', { name: u.name })}
                          onClick={() => setEditing(u.id)}
                        >
                          {t('admin.user.edit')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {editingUser && (
            <UserEditor
              key={`${editingUser.id}/${generation}`}
              user={editingUser}
              teams={data.teams}
              onClose={() => setEditing(undefined)}
              actions={{
                setRole: (r) =>
                  quiet(
                    act(
                      () => api.setUserRole(editingUser.id, r),
                      t('admin.user.saved', { name: editingUser.name }),
                    ),
                  ),
                setTeams: (teams) =>
                  quiet(
                    act(
                      () => api.setUserTeams(editingUser.id, teams),
                      t('admin.user.saved', { name: editingUser.name }),
                    ),
                  ),
                setActive: (active) =>
                  quiet(
                    act(
                      () => api.setUserActive(editingUser.id, active),
                      t('admin.user.saved', { name: editingUser.name }),
                    ),
                  ),
                revokeSessions: () =>
                  quiet(
                    act(
                      () => api.revokeSessions(editingUser.id),
                      t('admin.user.saved', { name: editingUser.name }),
                    ),
                  ),
                resetPassword: (password) =>
                  act(
                    () => api.resetPassword(editingUser.id, password, true),
                    t('admin.user.saved', { name: editingUser.name }),
                  ),
              }}
            />
          )}
          <div className="section">
            <CreateUserForm
              teams={data.teams}
              onCreate={(body) =>
                act(() => api.createUser(body), t('admin.create.done', { username: body.username }))
              }
            />
          </div>
          <TeamsSection
            teams={data.teams}
            onCreate={(team) =>
              act(() => api.createTeam(team), t('admin.teams.created', { name: team.name }))
            }
            onRename={(teamId, name) =>
              quiet(act(() => api.renameTeam(teamId, name), t('admin.teams.renamed', { name })))
            }
          />
          <section aria-labelledby="admin-devices-heading" className="section">
            <h2 id="admin-devices-heading">{t('admin.devices')}</h2>
            <div className="table-scroll">
              <table aria-labelledby="admin-devices-heading">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.col.user')}</th>
                    <th scope="col">{t('admin.col.device')}</th>
                    <th scope="col">{t('admin.col.lastSeen')}</th>
                    <th scope="col">{t('admin.col.status')}</th>
                    <th scope="col">{t('admin.col.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.devices.map((d) => (
                    <tr key={`${d.userId}/${d.id}`}>
                      <th scope="row">{d.username}</th>
                      <td>
                        {d.id}
                        {d.label ? <div className="muted">{d.label}</div> : null}
                      </td>
                      <td>{d.lastSeenAt ? format.dateTime(d.lastSeenAt) : t('admin.never')}</td>
                      <td>
                        {d.revokedAt
                          ? t('admin.device.revoked', { at: format.dateTime(d.revokedAt) })
                          : t('admin.device.active')}
                      </td>
                      <td>
                        {d.revokedAt ? null : (
                          <DeviceRevokeButton
                            device={d}
                            onConfirm={() =>
                              quiet(
                                act(
                                  () => api.revokeDevice(d.userId, d.id),
                                  t('admin.device.done', { device: d.id }),
                                ),
                              )
                            }
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="admin-retention-heading" className="section">
            <h2 id="admin-retention-heading">{t('admin.retention')}</h2>
            <p>{t('admin.retention.intro')}</p>
            {policies === null && <p>{t('admin.retention.unavailable')}</p>}
            {policies && (
              <div className="table-scroll">
                <table aria-labelledby="admin-retention-heading">
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.retention.col.kind')}</th>
                      <th scope="col">{t('admin.retention.col.days')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {policies.map((p) => (
                      <tr key={p.kind}>
                        <th scope="row">{t(POLICY_KEYS[p.kind])}</th>
                        <td>{t('admin.retention.days', { days: format.number(p.days) })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
      {data && <ErasureProposalsSection api={api} explain={explain} />}
      {data && <AdminLog api={api} teams={data.teams} explain={explain} generation={generation} />}
      {isAdmin && <AccessRequestSection />}
      {isAdmin && <RescueImportSection api={api} />}
    </AppPage>
  );
}
