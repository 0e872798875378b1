import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AdminDevice, AdminUser } from '../../protocol';
import { useSignedInSession } from '../../hooks/useSession';
import { useT, type MessageKey } from '../../i18n';
import { ApiError, createApiClient } from '../../sync/apiClient';
import { Alert, StatusMessage } from '../../ui/Alert';
import { AppPage } from '../shared/AppPage';
import { useFormat } from '../shared/useFormat';
import { DeviceRevokeButton } from './DeviceRevokeButton';
import { RescueImportSection } from './RescueImportSection';
import '../audit/tables.css';

const ROLE_KEYS: Record<AdminUser['role'], MessageKey> = {
  admin: 'admin.role.admin',
  lead: 'admin.role.lead',
  caseworker: 'admin.role.caseworker',
};

type Data = { users: AdminUser[]; devices: AdminDevice[] };

/** /administration (admins only): users with their teams, and devices with "Spær enhed". */
export function AdminPage() {
  const t = useT();
  const format = useFormat();
  const session = useSignedInSession();
  const api = useMemo(
    () => (session ? createApiClient({ token: () => session.token }) : undefined),
    [session],
  );
  const [data, setData] = useState<Data | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  const explain = useCallback(
    (e: unknown) =>
      e instanceof ApiError && (e.code === 'network' || e.code === 'timeout')
        ? t('admin.offline')
        : t('admin.failed', { message: e instanceof Error ? e.message : String(e) }),
    [t],
  );

  // Bumped after a revoke, so the effect below loads the lists again.
  const [generation, setGeneration] = useState(0);

  const isAdmin = session?.user.role === 'admin';
  useEffect(() => {
    if (!api || !isAdmin) return;
    let current = true;
    Promise.all([api.adminUsers(), api.adminDevices()]).then(
      ([users, devices]) => {
        if (!current) return;
        setData({ users: users.users, devices: devices.devices });
        setError(undefined);
      },
      (e: unknown) => {
        if (current) setError(explain(e));
      },
    );
    return () => {
      current = false;
    };
  }, [api, explain, generation, isAdmin]);

  if (!isAdmin) {
    return (
      <AppPage screen="admin.title">
        <p>{t('admin.onlyAdmins')}</p>
      </AppPage>
    );
  }

  const revoke = async (d: AdminDevice) => {
    if (!api) return;
    try {
      await api.revokeDevice(d.userId, d.id);
      setDone(t('admin.device.done', { device: d.id }));
      setGeneration((g) => g + 1);
    } catch (e) {
      setError(explain(e));
    }
  };

  return (
    <AppPage screen="admin.title">
      {error && <Alert>{error}</Alert>}
      {done && <StatusMessage>{done}</StatusMessage>}
      {!data && !error && <StatusMessage>{t('common.loading')}</StatusMessage>}
      {data && (
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
                  </tr>
                </thead>
                <tbody>
                  {data.users.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">{u.name}</th>
                      <td>{u.username}</td>
                      <td>{t(ROLE_KEYS[u.role])}</td>
                      <td>{u.teams.map((team) => team.name).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
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
                          <DeviceRevokeButton device={d} onConfirm={() => revoke(d)} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
      {api && <RescueImportSection api={api} />}
    </AppPage>
  );
}
