import { useState } from 'react';
import { contactsRepo } from '../../db/contacts';
import { citizenDisplayName, type Citizen, type Visit } from '../../domain';
import { useCitizenSearch } from '../../hooks/useCitizenSearch';
import { useT } from '../../i18n';
import { Alert, StatusMessage } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';
import { useSaveAction } from '../shared/useSaveAction';

const MAX_HITS = 6;

/** Find a known citizen (same instant search as Borgere) and register the contact in one tap. */
export function NamedContactPicker({ visit }: { visit: Visit }) {
  const t = useT();
  const save = useSaveAction();
  const [query, setQuery] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const hits = useCitizenSearch(query);
  const shown = query.trim() === '' ? [] : (hits ?? []).slice(0, MAX_HITS);

  async function register(citizen: Citizen) {
    const ok = await save.run((ctx) =>
      contactsRepo.create(ctx, {
        visitId: visit.id,
        locationId: visit.locationId,
        at: new Date().toISOString(),
        kind: 'named',
        citizenId: citizen.id,
        remark: '',
      }),
    );
    if (ok) {
      setQuery('');
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
      {save.error && <Alert>{save.error}</Alert>}
      <StatusMessage>{saved ? t('visits.named.saved', { name: saved }) : ''}</StatusMessage>
    </section>
  );
}
