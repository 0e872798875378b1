import { useState, type FormEvent } from 'react';
import { IdSchema } from '../../domain/common';
import type { AccessRequestFile } from '../../protocol';
import { useSignedInSession } from '../../hooks/useSession';
import { useT } from '../../i18n';
import { ApiError, createApiClient } from '../../sync/apiClient';
import { Alert, StatusMessage } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';
import { useFormat } from '../shared/useFormat';
import { accessRequestPdfTexts, entityName } from './accessRequestTexts';
import { saveBlob } from './saveBlob';

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; file: AccessRequestFile };

/**
 * "Indsigt (GDPR art. 15)" for a lead or an administrator: the citizen's complete answer from
 * the server (every team's records the requester may see, what was left out and why, the access
 * log), fetched once (the server logs it as an access request) and saved from memory as a PDF in
 * the citizen's file's layout and as the machine-readable JSON. On the citizen page it is that
 * citizen's; on the administration page (no `citizenId`) the administrator enters the citizen's
 * id, since an administrator's device holds only their own teams' citizens.
 */
export function AccessRequestSection({ citizenId }: { citizenId?: string }) {
  const t = useT();
  const format = useFormat();
  const session = useSignedInSession();
  const [typedId, setTypedId] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const role = session?.user.role;
  if (!session || (role !== 'lead' && role !== 'admin')) return null;
  const api = createApiClient({ token: () => session.token });
  /** A team's name as the user knows it (their own teams); another team's id as it is. */
  const teamName = (id: string): string =>
    session.user.teams?.find((x) => x.id === id)?.name ??
    (id === session.user.teamId ? session.user.teamName : undefined) ??
    id;
  const headingId = citizenId ? 'access-request-heading' : 'admin-access-request-heading';

  const explain = (error: unknown): string => {
    if (error instanceof ApiError && (error.code === 'network' || error.code === 'timeout'))
      return t('accessRequest.offline');
    if (error instanceof ApiError && error.code === 'forbidden')
      return role === 'admin' && !citizenId
        ? t('accessRequest.notFound')
        : t('accessRequest.forbidden');
    if (error instanceof ApiError && error.code === 'invalid-request')
      return t('accessRequest.badId');
    return t('accessRequest.failed', {
      message: error instanceof Error ? error.message : String(error),
    });
  };

  async function fetchFile(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setSaveError(null);
    const id = (citizenId ?? typedId).trim();
    if (!IdSchema.safeParse(id).success)
      return setState({ kind: 'failed', message: t('accessRequest.badId') });
    if (!navigator.onLine) return setState({ kind: 'failed', message: t('accessRequest.offline') });
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'loaded', file: await api.accessRequest(id) });
    } catch (error) {
      setState({ kind: 'failed', message: explain(error) });
    }
  }

  async function savePdf(file: AccessRequestFile) {
    setSaved(false);
    setSaveError(null);
    setSaving(true);
    try {
      const { accessRequestPdf } = await import('../../print/accessRequestPdf');
      const bytes = await accessRequestPdf(file, {
        ...accessRequestPdfTexts(t),
        printedAt: format.dateTime(new Date().toISOString()),
        formatDate: (iso) => (iso.length > 10 ? format.dateTime(iso) : format.date(iso)),
        teamName,
      });
      saveBlob(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
        `indsigt-${file.citizenId}.pdf`,
      );
      setSaved(true);
    } catch (error) {
      // The fetched answer stays: the JSON can still be saved.
      setSaveError(
        error instanceof Error && error.name === 'NoCitizenRecordError'
          ? t('accessRequest.noCitizen')
          : t('print.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setSaving(false);
    }
  }

  function saveJson(file: AccessRequestFile) {
    setSaveError(null);
    saveBlob(
      new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
      `indsigt-${file.citizenId}.json`,
    );
    setSaved(true);
  }

  const loaded = state.kind === 'loaded' ? state.file : null;
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('accessRequest.heading')}</h2>
      <p>{t('accessRequest.explain')}</p>
      <form onSubmit={(e) => void fetchFile(e)} noValidate>
        {!citizenId && (
          <TextField
            label={t('accessRequest.citizenId')}
            hint={t('accessRequest.citizenIdHint')}
            value={typedId}
            onChange={setTypedId}
          />
        )}
        <button type="submit" disabled={state.kind === 'loading'}>
          {t('accessRequest.fetch')}
        </button>
      </form>
      {state.kind === 'loading' && <StatusMessage>{t('accessRequest.fetching')}</StatusMessage>}
      {state.kind === 'failed' && <Alert>{state.message}</Alert>}
      {loaded && (
        <>
          <StatusMessage>
            {t('accessRequest.summary', {
              at: format.dateTime(loaded.requestedAt),
              records: Object.values(loaded.records).reduce((n, rows) => n + rows.length, 0),
              log: loaded.accessLog.length,
            })}
          </StatusMessage>
          <h3>{t('accessRequest.omittedHeading')}</h3>
          {loaded.omitted.length === 0 ? (
            <p>{t('accessRequest.pdf.omittedNone')}</p>
          ) : (
            <ul>
              {loaded.omitted.map((o) => (
                <li key={`${o.reason}|${o.teamId}|${o.entity}`}>
                  {t('accessRequest.pdf.omittedLine', {
                    count: o.count,
                    entity: entityName(t, o.entity),
                    team: teamName(o.teamId),
                    reason: t(`accessRequest.pdf.reason.${o.reason}`),
                  })}
                </li>
              ))}
            </ul>
          )}
          <div className="button-row">
            <button type="button" disabled={saving} onClick={() => void savePdf(loaded)}>
              {t('accessRequest.savePdf')}
            </button>
            <button type="button" onClick={() => saveJson(loaded)}>
              {t('accessRequest.saveJson')}
            </button>
          </div>
        </>
      )}
      {saving && <StatusMessage>{t('print.working')}</StatusMessage>}
      {saved && <StatusMessage>{t('accessRequest.saved')}</StatusMessage>}
      {saveError && <Alert>{saveError}</Alert>}
    </section>
  );
}
