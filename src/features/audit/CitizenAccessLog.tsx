import { useState } from 'react';
import type { CitizenAccessEntry } from '../../protocol';
import { useSignedInSession } from '../../hooks/useSession';
import { useT } from '../../i18n';
import { ApiError, createApiClient } from '../../sync/apiClient';
import { Alert, StatusMessage } from '../../ui/Alert';
import { useFormat } from '../shared/useFormat';
import { accessLogActionKey } from './accessLogActions';
import { saveBlob } from './saveBlob';
import './tables.css';

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'offline' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; entries: CitizenAccessEntry[]; nextBefore: string | undefined };

function isOffline(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'network' || error.code === 'timeout');
}

/**
 * The citizen's access log on the citizen page, for a lead or an administrator. Fetched online
 * on request (never stored on the device); viewing and exporting are logged by the server.
 */
export function CitizenAccessLog({ citizenId }: { citizenId: string }) {
  const t = useT();
  const format = useFormat();
  const session = useSignedInSession();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [exported, setExported] = useState(false);
  const role = session?.user.role;
  if (!session || (role !== 'lead' && role !== 'admin')) return null;
  const api = createApiClient({ token: () => session.token });

  const fail = (error: unknown) =>
    setState(
      isOffline(error)
        ? { kind: 'offline' }
        : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
    );

  const load = async (before?: string) => {
    if (!navigator.onLine) return setState({ kind: 'offline' });
    const previous = state.kind === 'loaded' && before ? state.entries : [];
    setState({ kind: 'loading' });
    try {
      const page = await api.citizenAccessLog(citizenId, before);
      setState({
        kind: 'loaded',
        entries: [...previous, ...page.entries],
        nextBefore: page.nextBefore,
      });
    } catch (error) {
      fail(error);
    }
  };

  const exportCsv = async () => {
    setExported(false);
    if (!navigator.onLine) return setState({ kind: 'offline' });
    try {
      saveBlob(await api.exportCitizenAccessLog(citizenId), `adgangslog-${citizenId}.csv`);
      setExported(true);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section aria-labelledby="access-log-heading" className="section">
      <h2 id="access-log-heading">{t('accessLog.heading')}</h2>
      <p>{t('accessLog.explain')}</p>
      <div className="button-row">
        <button type="button" onClick={() => void load()}>
          {t('accessLog.show')}
        </button>
        <button type="button" onClick={() => void exportCsv()}>
          {t('accessLog.export')}
        </button>
      </div>
      {state.kind === 'loading' && <StatusMessage>{t('common.loading')}</StatusMessage>}
      {state.kind === 'offline' && <Alert>{t('accessLog.offline')}</Alert>}
      {state.kind === 'failed' && (
        <Alert>{t('accessLog.failed', { message: state.message })}</Alert>
      )}
      {exported && <StatusMessage>{t('accessLog.exported')}</StatusMessage>}
      {state.kind === 'loaded' &&
        (state.entries.length === 0 ? (
          <p>{t('accessLog.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption>{t('accessLog.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accessLog.col.time')}</th>
                  <th scope="col">{t('accessLog.col.user')}</th>
                  <th scope="col">{t('accessLog.col.device')}</th>
                  <th scope="col">{t('accessLog.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {state.entries.map((e) => {
                  const key = accessLogActionKey(e.action);
                  return (
                    <tr key={e.id}>
                      <td>{format.dateTime(e.at)}</td>
                      <td>{e.userName ?? e.userId ?? '–'}</td>
                      <td>{e.deviceId ?? '–'}</td>
                      <td>{key ? t(key) : e.action}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      {state.kind === 'loaded' && state.nextBefore && (
        <button type="button" onClick={() => void load(state.nextBefore)}>
          {t('accessLog.more')}
        </button>
      )}
    </section>
  );
}
