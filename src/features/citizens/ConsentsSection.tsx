import { useState } from 'react';
import { citizensRepo } from '../../db/citizens';
import type { Citizen, Consent } from '../../domain';
import { useT } from '../../i18n';
import { localDate } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { useFormat } from '../shared/useFormat';
import { useSaveAction } from '../shared/useSaveAction';
import { ConsentForm } from './ConsentForm';

function ConsentState({ consent, today }: { consent: Consent; today: string }) {
  const t = useT();
  const f = useFormat();
  if (consent.withdrawnOn)
    return <strong>{t('consents.withdrawn', { date: f.date(consent.withdrawnOn) })}</strong>;
  if (consent.expiresOn && consent.expiresOn < today) {
    return <strong>{t('consents.expired', { date: f.date(consent.expiresOn) })}</strong>;
  }
  return <strong>{t('consents.active')}</strong>;
}

/** A citizen's consents: add a specific consent, withdraw one (kept, dated). */
export function ConsentsSection({ citizen }: { citizen: Citizen }) {
  const t = useT();
  const f = useFormat();
  const save = useSaveAction();
  const [adding, setAdding] = useState(false);
  const today = localDate();
  const write = (consents: Consent[]) =>
    save.run((ctx) => citizensRepo.update(ctx, citizen.id, { consents }));
  const withdraw = (id: string) =>
    write(citizen.consents.map((c) => (c.id === id ? { ...c, withdrawnOn: today } : c)));

  return (
    <section aria-labelledby="consents-heading" className="section">
      <h2 id="consents-heading">{t('consents.title')}</h2>
      {citizen.consents.length === 0 && <p>{t('consents.none')}</p>}
      <ul className="list">
        {citizen.consents.map((c) => (
          <li key={c.id} className="list-row">
            <span className="list-row-title">
              {t('consents.summary', {
                what: c.informationKinds,
                parties: c.parties,
                purpose: c.purpose,
              })}
            </span>
            <span className="list-row-meta">
              <ConsentState consent={c} today={today} /> ·{' '}
              {t('consents.given', { date: f.date(c.givenOn) })}
              {c.expiresOn && `, ${t('consents.expires', { date: f.date(c.expiresOn) })}`}
              {c.toldWhatRefusalMeans && ` · ${t('consents.told')}`}
            </span>
            {!c.withdrawnOn && (
              <button type="button" onClick={() => void withdraw(c.id)} disabled={save.busy}>
                {t('consents.withdraw', { what: c.informationKinds })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!adding && save.error && <Alert>{save.error}</Alert>}
      {adding ? (
        <ConsentForm
          busy={save.busy}
          saveError={save.error}
          onCancel={() => setAdding(false)}
          onSubmit={async (consent) => {
            const ok = await write([...citizen.consents, consent]);
            if (ok) setAdding(false);
            return ok;
          }}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('consents.add')}
        </button>
      )}
    </section>
  );
}
