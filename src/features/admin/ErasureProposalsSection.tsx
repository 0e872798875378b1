import { useCallback, useEffect, useState } from 'react';
import { citizenDisplayName } from '../../domain';
import type { ErasureProposal } from '../../protocol';
import { useCitizensByIds } from '../../hooks/useCitizens';
import { useT, useTCount } from '../../i18n';
import type { ApiClient } from '../../sync/apiClient';
import { Alert, StatusMessage } from '../../ui/Alert';
import { EraseCitizenConfirm } from '../citizens/EraseCitizenSection';
import { useFormat } from '../shared/useFormat';

/**
 * "Forslag til sletning": citizens the server's retention job proposes for erasure (no activity
 * for the configured period, every note carried over to the system of record), for a lead of
 * their team or an administrator. Erasing one goes through the same confirmation as on the
 * citizen's page; dismissing one keeps the citizen (audited, not proposed again for a while).
 * Names come from this device's own copy of the citizen: the server sends ids only.
 */
export function ErasureProposalsSection({
  api,
  explain,
}: {
  api: ApiClient;
  explain: (e: unknown, key?: 'admin.failed' | 'admin.saveFailed') => string;
}) {
  const t = useT();
  const tc = useTCount();
  const format = useFormat();
  // undefined: loading; null: could not be read.
  const [proposals, setProposals] = useState<ErasureProposal[] | null | undefined>();
  const [opened, setOpened] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const citizens = useCitizensByIds(proposals?.map((p) => p.citizenId) ?? []);

  const load = useCallback(
    () =>
      api.erasureProposals().then(
        (r) => setProposals(r.proposals),
        () => setProposals(null),
      ),
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const dismiss = async (p: ErasureProposal, name: string) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const r = await api.dismissErasureProposal(p.citizenId);
      setDone(t('admin.proposals.dismissed', { name, until: format.date(r.dismissedUntil) }));
      await load();
    } catch (e) {
      setError(explain(e, 'admin.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="admin-proposals-heading" className="section">
      <h2 id="admin-proposals-heading">{t('admin.proposals')}</h2>
      <p>{t('admin.proposals.intro')}</p>
      {error && <Alert>{error}</Alert>}
      {done && <StatusMessage>{done}</StatusMessage>}
      {proposals === undefined && <p>{t('common.loading')}</p>}
      {proposals === null && <p>{t('admin.proposals.unavailable')}</p>}
      {proposals?.length === 0 && <p>{t('admin.proposals.none')}</p>}
      {proposals && proposals.length > 0 && (
        <ul>
          {proposals.map((p) => {
            const citizen = citizens.get(p.citizenId);
            const name = citizen
              ? citizenDisplayName(citizen)
              : t('admin.proposals.unknown', { id: p.citizenId.slice(-6) });
            return (
              <li key={p.citizenId}>
                <h3>{name}</h3>
                <p>
                  {tc('admin.proposals.details', p.notes, {
                    date: format.date(p.lastActivityAt),
                  })}
                </p>
                {!citizen && <p>{t('admin.proposals.notOnDevice')}</p>}
                {citizen && opened === p.citizenId ? (
                  <EraseCitizenConfirm
                    citizen={citizen}
                    onErased={() => {
                      setOpened(undefined);
                      setDone(t('admin.proposals.erased', { name }));
                      void load();
                    }}
                    onCancel={() => setOpened(undefined)}
                  />
                ) : (
                  <div className="button-row">
                    {citizen && (
                      <button
                        type="button"
                        className="danger"
                        onClick={() => setOpened(p.citizenId)}
                      >
                        {t('admin.proposals.erase', { name })}
                      </button>
                    )}
                    <button type="button" disabled={busy} onClick={() => void dismiss(p, name)}>
                      {t('admin.proposals.dismiss', { name })}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
