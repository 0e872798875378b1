import { useState, type FormEvent } from 'react';
import { casesOfCitizen } from '../../db/cases';
import { contactsOfCitizen } from '../../db/contacts';
import { followUpsOfCitizen } from '../../db/followUps';
import { notesOfCitizen } from '../../db/notes';
import { deviceClock } from '../../db/writeContext';
import type { Citizen } from '../../domain';
import { recordAuditInBackground } from '../../hooks/recordAuditInBackground';
import { useSignedInSession } from '../../hooks/useSession';
import { useT, type MessageKey } from '../../i18n';
import type { PrintLabel, PrintSection as Section } from '../../print/citizenFilePdf';
import { Alert, StatusMessage } from '../../ui/Alert';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { TextField } from '../../ui/TextField';
import { saveBlob } from '../audit/saveBlob';
import { useFormat } from '../shared/useFormat';

const SECTIONS: readonly Section[] = [
  'details',
  'consents',
  'cases',
  'journal',
  'contacts',
  'followUps',
];
const LABELS: readonly PrintLabel[] = [
  'title',
  'page',
  'printedBy',
  'details',
  'ownGoals',
  'lifeStory',
  'phone',
  'cpr',
  'consents',
  'expires',
  'withdrawn',
  'cases',
  'journal',
  'correction',
  'contacts',
  'followUps',
  'done',
  'none',
  'period',
];
const labelKey = (l: PrintLabel) => `print.label.${l}` as MessageKey;

/**
 * "Udskriv / gem som PDF" on the citizen page: the file made on the device from its local data
 * (works offline), with a choice of parts and period. The PDF library is loaded only when asked
 * (it is not part of the first load). Every print is audit-logged like a read (`export`), queued
 * on the device and sent with the next sync.
 */
export function PrintSection({ citizen }: { citizen: Citizen }) {
  const t = useT();
  const format = useFormat();
  const session = useSignedInSession();
  const [sections, setSections] = useState<string[]>([...SECTIONS]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [state, setState] = useState<'idle' | 'working' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);

  async function make(event: FormEvent) {
    event.preventDefault();
    if (sections.length === 0) return setError(t('print.noSections'));
    setError(null);
    setState('working');
    try {
      const [{ citizenFilePdf }, cases, notes, contacts, followUps] = await Promise.all([
        import('../../print/citizenFilePdf'),
        casesOfCitizen(citizen.id),
        notesOfCitizen(citizen.id),
        contactsOfCitizen(citizen.id),
        followUpsOfCitizen(citizen.id),
      ]);
      const now = deviceClock.now();
      const bytes = await citizenFilePdf(
        { citizen, cases, notes, contacts, followUps },
        {
          printedBy: session?.user.name ?? '',
          printedAt: format.dateTime(now.toISOString()),
          sections: SECTIONS.filter((s) => sections.includes(s)),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          formatDate: (iso) => (iso.length > 10 ? format.dateTime(iso) : format.date(iso)),
          labels: Object.fromEntries(LABELS.map((l) => [l, t(labelKey(l))])) as Record<
            PrintLabel,
            string
          >,
        },
      );
      recordAuditInBackground({ action: 'export', entity: 'citizen', recordId: citizen.id });
      saveBlob(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
        `borger-${now.toISOString().slice(0, 10)}.pdf`,
      );
      setState('done');
    } catch (e) {
      setState('idle');
      setError(t('print.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <section aria-labelledby="print-heading" className="section">
      <h2 id="print-heading">{t('print.heading')}</h2>
      <form onSubmit={(e) => void make(e)} noValidate>
        <CheckboxGroup
          legend={t('print.sections')}
          options={SECTIONS.map((s) => ({ value: s, label: t(labelKey(s)) }))}
          selected={sections}
          onChange={setSections}
        />
        <TextField label={t('print.from')} type="date" value={from} onChange={setFrom} />
        <TextField label={t('print.to')} type="date" value={to} onChange={setTo} />
        <button type="submit" disabled={state === 'working'}>
          {t('print.make')}
        </button>
      </form>
      {state === 'working' && <StatusMessage>{t('print.working')}</StatusMessage>}
      {state === 'done' && <StatusMessage>{t('print.done')}</StatusMessage>}
      {error && <Alert>{error}</Alert>}
    </section>
  );
}
