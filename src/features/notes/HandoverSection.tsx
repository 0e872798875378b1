import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { handoverMarksRepo, type HandoverDetails } from '../../db/handoverMarks';
import { useCitizenHandover } from '../../hooks/useHandover';
import { useToday } from '../../hooks/useToday';
import { useT } from '../../i18n';
import type { Citizen } from '../../domain';
import { deviceClock } from '../../db/writeContext';
import { recordAuditInBackground } from '../../hooks/recordAuditInBackground';
import { useSignedInSession } from '../../hooks/useSession';
import { saveBlob } from '../audit/saveBlob';
import { printLabels } from '../print/printLabels';
import { Alert, StatusMessage } from '../../ui/Alert';
import { browserMemory } from '../../ui/browserMemory';
import { TextField } from '../../ui/TextField';
import { useFormat } from '../shared/useFormat';
import { useSaveAction } from '../shared/useSaveAction';

/**
 * "Journaliseret i fagsystem" on the citizen page: the final notes not yet carried over into the
 * system of record, oldest first, to mark one at a time or all at once with the day and the
 * reference the other system gave. A mark syncs like any change and is never taken back.
 */
export function HandoverSection({ citizen }: { citizen: Citizen }) {
  const citizenId = citizen.id;
  const t = useT();
  const format = useFormat();
  const today = useToday();
  const handover = useCitizenHandover(citizenId);
  const { run, error, busy } = useSaveAction();
  const [selected, setSelected] = useState<string[] | null>(null);
  const [journalizedOn, setJournalizedOn] = useState(today);
  const [reference, setReference] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const session = useSignedInSession();
  if (!handover) return null;
  const awaiting = handover.awaiting;
  // Everything awaiting is selected until the caseworker unticks something.
  const chosen = selected ?? awaiting.map((n) => n.id);

  /** The chosen notes as one PDF for the hand-over (journal only), made on the device. */
  async function savePdf() {
    const notes = awaiting.filter((n) => chosen.includes(n.id));
    if (notes.length === 0) return setInvalid(true);
    const { citizenFilePdf } = await import('../../print/citizenFilePdf');
    const now = deviceClock.now();
    const bytes = await citizenFilePdf(
      { citizen, cases: [], notes, contacts: [], followUps: [] },
      {
        printedBy: session?.user.name ?? '',
        printedAt: format.dateTime(now.toISOString()),
        sections: ['journal'],
        formatDate: (iso) => (iso.length > 10 ? format.dateTime(iso) : format.date(iso)),
        labels: printLabels(t),
      },
    );
    recordAuditInBackground({ action: 'export', entity: 'citizen', recordId: citizen.id });
    saveBlob(
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
      `journalisering-${now.toISOString().slice(0, 10)}.pdf`,
    );
  }

  async function mark(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const notes = awaiting.filter((n) => chosen.includes(n.id));
    if (reference.trim() === '' || journalizedOn === '' || notes.length === 0)
      return setInvalid(true);
    setInvalid(false);
    const details = { journalizedOn, reference: reference.trim() };
    let count = 0;
    const ok = await run(async (ctx) => {
      count = (await handoverMarksRepo.mark(ctx, notes, details)).length;
    });
    if (ok) {
      setDone(count);
      setSelected(null);
      setReference('');
    }
  }

  return (
    <section aria-labelledby="handover-heading" className="section">
      <h2 id="handover-heading">{t('notes.handover.heading')}</h2>
      <p role="status">{t('notes.handover.awaiting', { count: awaiting.length })}</p>
      {awaiting.length > 0 && (
        <form onSubmit={(e) => void mark(e)} noValidate>
          <fieldset className="checkbox-group">
            <legend>{t('notes.handover.choose')}</legend>
            {awaiting.map((note) => (
              <div className="checkbox" key={note.id}>
                <input
                  type="checkbox"
                  id={`handover-${note.id}`}
                  {...browserMemory()}
                  checked={chosen.includes(note.id)}
                  onChange={(e) =>
                    setSelected(
                      e.target.checked
                        ? [...chosen, note.id]
                        : chosen.filter((id) => id !== note.id),
                    )
                  }
                />
                <label htmlFor={`handover-${note.id}`}>
                  {t('notes.handover.noteLabel', {
                    date: format.dateTime(note.occurredAt),
                    text: note.body.length > 60 ? `${note.body.slice(0, 60)} …` : note.body,
                  })}
                </label>
              </div>
            ))}
          </fieldset>
          <TextField
            label={t('notes.handover.date')}
            type="date"
            value={journalizedOn}
            onChange={setJournalizedOn}
          />
          <TextField
            label={t('notes.handover.reference')}
            hint={t('notes.handover.referenceHint')}
            value={reference}
            onChange={setReference}
            error={invalid ? t('notes.handover.missing') : undefined}
          />
          <div className="button-row">
            <button type="submit" disabled={busy}>
              {t('notes.handover.mark', { count: chosen.length })}
            </button>
            <button
              type="button"
              onClick={() =>
                void savePdf().catch((e: unknown) => console.error('Handover PDF failed', e))
              }
            >
              {t('notes.handover.pdf', { count: chosen.length })}
            </button>
          </div>
        </form>
      )}
      {handover.marks.size > 0 && (
        <details>
          <summary>{t('notes.handover.markedCount', { count: handover.marks.size })}</summary>
          <ul>
            {[...handover.marks.values()].map((m) => {
              const note = handover.notes.get(m.noteId);
              return (
                <li key={m.id}>
                  {t('notes.handover.markLine', {
                    date: format.date(m.journalizedOn),
                    reference: m.reference,
                  })}{' '}
                  {note && correcting !== m.id && (
                    <button type="button" onClick={() => setCorrecting(m.id)}>
                      {t('notes.handover.correct')}
                    </button>
                  )}
                  {note && correcting === m.id && (
                    <CorrectMark
                      initial={m}
                      onSave={async (details) => {
                        const ok = await run((ctx) =>
                          handoverMarksRepo.correct(ctx, note, m, details),
                        );
                        if (ok) setCorrecting(null);
                      }}
                      onCancel={() => setCorrecting(null)}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <p>
        <Link href="/journalisering">{t('notes.handover.teamLink')}</Link>
      </p>
      {done !== null && <StatusMessage>{t('notes.handover.done', { count: done })}</StatusMessage>}
      {error && <Alert>{error}</Alert>}
    </section>
  );
}

/** A new mark for the same note that replaces a wrong one; the wrong one is kept. */
function CorrectMark({
  initial,
  onSave,
  onCancel,
}: {
  initial: HandoverDetails;
  onSave: (details: HandoverDetails) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const [journalizedOn, setJournalizedOn] = useState(initial.journalizedOn);
  const [reference, setReference] = useState(initial.reference);
  return (
    <div role="group" aria-label={t('notes.handover.correct')}>
      <TextField
        label={t('notes.handover.date')}
        type="date"
        value={journalizedOn}
        onChange={setJournalizedOn}
      />
      <TextField label={t('notes.handover.reference')} value={reference} onChange={setReference} />
      <div className="button-row">
        <button
          type="button"
          disabled={journalizedOn === '' || reference.trim() === ''}
          onClick={() => void onSave({ journalizedOn, reference: reference.trim() })}
        >
          {t('notes.handover.saveCorrection')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
