import { useState } from 'react';
import { useLocation } from 'wouter';
import type { Citizen } from '../../domain';
import { citizenDisplayName } from '../../domain';
import { useErasureScope } from '../../hooks/useErasureScope';
import { useSignedInSession } from '../../hooks/useSession';
import { useT } from '../../i18n';
import { ApiError, createApiClient } from '../../sync/apiClient';
import { requestSync } from '../../sync/syncRequests';
import { Alert } from '../../ui/Alert';

/**
 * The confirmation of a citizen's erasure: it names the citizen and what goes with them (as this
 * device knows it), says plainly that it is final (the server erases at once, no undo window),
 * and erases only when confirmed. Every device removes the records at its next sync.
 */
export function EraseCitizenConfirm({
  citizen,
  onErased,
  onCancel,
}: {
  citizen: Citizen;
  onErased: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const session = useSignedInSession();
  const scope = useErasureScope(citizen.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!session) return null;
  const name = citizenDisplayName(citizen);

  const erase = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await createApiClient({ token: () => session.token }).eraseCitizen(citizen.id);
      // This device removes the records at the sync the erasure triggers, like every other.
      requestSync();
      onErased();
    } catch (e) {
      setError(
        e instanceof ApiError && (e.code === 'network' || e.code === 'timeout')
          ? t('citizens.erase.offline')
          : t('citizens.erase.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
      setBusy(false);
    }
  };

  return (
    <div role="group" aria-label={t('citizens.erase.confirmLabel', { name })} className="confirm">
      {error && <Alert>{error}</Alert>}
      <p>{t('citizens.erase.confirm', { name })}</p>
      <ul>
        <li>{t('citizens.erase.cases', { count: scope?.cases ?? 0 })}</li>
        <li>{t('citizens.erase.notes', { count: scope?.notes ?? 0 })}</li>
        <li>{t('citizens.erase.followUps', { count: scope?.followUps ?? 0 })}</li>
        <li>{t('citizens.erase.contacts', { count: scope?.contacts ?? 0 })}</li>
      </ul>
      <p>
        <strong>{t('citizens.erase.final')}</strong>
      </p>
      <div className="button-row">
        <button
          type="button"
          className="danger"
          autoFocus
          disabled={busy}
          onClick={() => void erase()}
        >
          {t('citizens.erase.confirmYes', { name })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** May the signed-in user erase citizens of this team? A lead of it, or an administrator. */
export function useMayErase(teamId: string): boolean {
  const user = useSignedInSession()?.user;
  return (
    user?.role === 'admin' ||
    (user?.role === 'lead' &&
      (user.teamId === teamId || (user.teams ?? []).some((x) => x.id === teamId)))
  );
}

/** "Slet borger permanent" on the citizen's page, for a lead of the citizen's team or an admin. */
export function EraseCitizenSection({ citizen }: { citizen: Citizen }) {
  const t = useT();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  if (!useMayErase(citizen.teamId)) return null;

  return (
    <section aria-labelledby="erase-heading" className="section">
      <h2 id="erase-heading">{t('citizens.erase.heading')}</h2>
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('citizens.erase.button')}
        </button>
      ) : (
        <EraseCitizenConfirm
          citizen={citizen}
          onErased={() => navigate('/borgere')}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
