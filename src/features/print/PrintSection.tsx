import { useState, type FormEvent } from 'react';
import { casesOfCitizen } from '../../db/cases';
import { contactsOfCitizen } from '../../db/contacts';
import { followUpsOfCitizen } from '../../db/followUps';
import { notesOfCitizen } from '../../db/notes';
import { deviceClock } from '../../db/writeContext';
import { citizenDisplayName, type Citizen } from '../../domain';
import { recordAuditInBackground } from '../../hooks/recordAuditInBackground';
import { useSignedInSession } from '../../hooks/useSession';
import { useTeamMembers } from '../../hooks/useTeamMembers';
import { useT } from '../../i18n';
import type { PrintSection as Section } from '../../print/citizenFilePdf';
import { printLabelKey, printLabels } from './printLabels';
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
  const members = useTeamMembers();

  /** "Aftaler med borgeren": one page for the citizen, large type, nothing internal. */
  async function handout() {
    setError(null);
    setState('working');
    try {
      const [{ handoutPdf }, followUps] = await Promise.all([
        import('../../print/handoutPdf'),
        followUpsOfCitizen(citizen.id),
      ]);
      const now = deviceClock.now();
      const names = new Map(members.map((m) => [m.id, m.name] as const));
      if (session) names.set(session.user.id, session.user.name);
      const bytes = await handoutPdf(
        {
          citizenName:
            citizen.firstName.trim() || citizen.alias.trim() || citizenDisplayName(citizen),
          ownGoals: citizen.ownGoals,
          followUps,
          names,
          caseworker: {
            name: session?.user.name ?? '',
            reach: t('print.handout.reach', { team: session?.user.teamName ?? '' }),
          },
        },
        {
          title: t('print.handout.title'),
          yourGoal: t('print.handout.yourGoal'),
          agreed: t('print.handout.agreed'),
          nothingAgreed: t('print.handout.nothingAgreed'),
          line: t('print.handout.line'),
          contact: t('print.handout.contact'),
          printedOn: t('print.handout.printedOn', { date: format.date(now.toISOString()) }),
        },
        (date) => format.date(date),
      );
      recordAuditInBackground({ action: 'export', entity: 'citizen', recordId: citizen.id });
      saveBlob(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
        `aftaler-${now.toISOString().slice(0, 10)}.pdf`,
      );
      setState('done');
    } catch (e) {
      setState('idle');
      setError(t('print.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

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
          labels: printLabels(t),
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
          options={SECTIONS.map((s) => ({ value: s, label: t(printLabelKey(s)) }))}
          selected={sections}
          onChange={setSections}
        />
        <TextField label={t('print.from')} type="date" value={from} onChange={setFrom} />
        <TextField label={t('print.to')} type="date" value={to} onChange={setTo} />
        <button type="submit" disabled={state === 'working'}>
          {t('print.make')}
        </button>
        <button type="button" disabled={state === 'working'} onClick={() => void handout()}>
          {t('print.handout.make')}
        </button>
      </form>
      {state === 'working' && <StatusMessage>{t('print.working')}</StatusMessage>}
      {state === 'done' && <StatusMessage>{t('print.done')}</StatusMessage>}
      {error && <Alert>{error}</Alert>}
    </section>
  );
}
