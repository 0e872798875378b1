import { useState } from 'react';
import { Link } from 'wouter';
import { citizenDisplayName, maskCpr, type Citizen } from '../../domain';
import { useAuditSearch } from '../../hooks/useAuditSearch';
import { useCitizenSearch, useSearchProgress } from '../../hooks/useCitizenSearch';
import { useT, useTCount } from '../../i18n';
import { useFormat } from '../shared/useFormat';
import { StatusMessage } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';
import { AppPage } from '../shared/AppPage';

function CitizenRow({ citizen }: { citizen: Citizen }) {
  const t = useT();
  return (
    <li className="list-row">
      <Link href={`/borgere/${citizen.id}`} className="list-row-title">
        {citizenDisplayName(citizen)}
      </Link>
      <span className="list-row-meta">
        {t('citizens.cprLabel')}: {citizen.cpr ? maskCpr(citizen.cpr) : t('citizens.noCpr')}
        {citizen.phone && ` · ${t('citizens.phoneLabel')} ${citizen.phone}`}
      </span>
    </li>
  );
}

/**
 * Rows rendered at first: a team's 10,000 citizens as DOM rows take seconds to lay out on a
 * tablet, and nobody scrolls through them; search, or "show more", finds the rest.
 */
export const CITIZEN_ROWS_SHOWN = 100;

/** /borgere: instant search by name, alias, CPR digits or phone; CPR always shown masked. */
export function CitizensPage() {
  const t = useT();
  const tc = useTCount();
  const f = useFormat();
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(CITIZEN_ROWS_SHOWN);
  const results = useCitizenSearch(query);
  const progress = useSearchProgress();
  useAuditSearch(query, 'citizen');
  return (
    <AppPage
      screen="citizens.title"
      actions={
        <Link href="/borgere/ny" className="button primary">
          {t('citizens.new')}
        </Link>
      }
    >
      <div role="search">
        <TextField
          type="search"
          label={t('citizens.search.label')}
          value={query}
          onChange={(value) => {
            setQuery(value);
            setShown(CITIZEN_ROWS_SHOWN);
          }}
          autoComplete="off"
        />
      </div>
      {progress.status === 'building' && (
        <p className="search-progress" role="status">
          {t('vault.searchPreparing', {
            done: f.number(progress.done),
            total: f.number(progress.total),
          })}
        </p>
      )}
      {results === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <StatusMessage>
            {query.trim() === ''
              ? ''
              : results.length === 0
                ? t('citizens.search.none')
                : tc('citizens.search.count', results.length)}
          </StatusMessage>
          {results.length === 0 && query.trim() === '' && <p>{t('citizens.list.empty')}</p>}
          <ul className="list" aria-label={t('citizens.list.label')}>
            {results.slice(0, shown).map((c) => (
              <CitizenRow key={c.id} citizen={c} />
            ))}
          </ul>
          {results.length > shown && (
            <button
              type="button"
              className="button"
              onClick={() => setShown((n) => n + CITIZEN_ROWS_SHOWN)}
            >
              {t('citizens.list.more', { shown: f.number(shown), count: f.number(results.length) })}
            </button>
          )}
        </>
      )}
    </AppPage>
  );
}
