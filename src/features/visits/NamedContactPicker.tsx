import { useState } from 'react';
import { Link } from 'wouter';
import { contactsRepo } from '../../db/contacts';
import { nowIso } from '../../db/writeContext';
import { citizenDisplayName, SHORT_TEXT_MAX, type Citizen, type Visit } from '../../domain';
import { useCitizenSearch } from '../../hooks/useCitizenSearch';
import { useT } from '../../i18n';
import { Alert, StatusMessage } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';
import { useSaveAction } from '../shared/useSaveAction';

const MAX_HITS = 6;

/** Where "Opret ny borger" leads: the new-citizen form, prefilled, returning to this visit. */
export function newCitizenFromVisitHref(query: string, visitId: string): string {
  const params = new URLSearchParams({ navn: query.trim(), besoeg: visitId });
  return `/borgere/ny?${params.toString()}`;
}

/**
 * Find a known citizen (same instant search as Borgere) and register the contact in one tap,
 * with an optional one-line note typed first; someone new is created from here ("Opret ny
 * borger", prefilled with what was typed) and registered on the way back.
 */
export function NamedContactPicker({ visit }: { visit: Visit }) {
  const t = useT();
  const save = useSaveAction();
  const [query, setQuery] = useState('');
  const [remark, setRemark] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const hits = useCitizenSearch(query);
  const shown = query.trim() === '' ? [] : (hits ?? []).slice(0, MAX_HITS);

  async function register(citizen: Citizen) {
    const ok = await save.run((ctx) =>
      contactsRepo.create(ctx, {
        visitId: visit.id,
        locationId: visit.locationId,
        at: nowIso(ctx),
        kind: 'named',
        citizenId: citizen.id,
        remark,
      }),
    );
    if (ok) {
      setQuery('');
      setRemark('');
      setSaved(citizenDisplayName(citizen));
    }
  }

  return (
    <section aria-labelledby="named-heading" className="section quick">
      <h2 id="named-heading">{t('visits.named.heading')}</h2>
      <TextField
        type="search"
        label={t('visits.named.search')}
        value={query}
        onChange={setQuery}
        autoComplete="off"
      />
      <TextField
        label={t('visits.remark')}
        value={remark}
        onChange={setRemark}
        autoComplete="off"
        maxLength={SHORT_TEXT_MAX}
      />
      {query.trim() !== '' && shown.length === 0 && <p>{t('visits.named.noMatch')}</p>}
      <ul className="hits">
        {shown.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="big"
              disabled={save.busy}
              onClick={() => void register(c)}
            >
              {t('visits.named.register', { name: citizenDisplayName(c) })}
            </button>
          </li>
        ))}
      </ul>
      {query.trim() !== '' && (
        <Link href={newCitizenFromVisitHref(query, visit.id)} className="button">
          {t('visits.named.create', { query: query.trim() })}
        </Link>
      )}
      {save.error && <Alert>{save.error}</Alert>}
      <StatusMessage>{saved ? t('visits.named.saved', { name: saved }) : ''}</StatusMessage>
    </section>
  );
}
