import { useLocation, useParams, useSearch } from 'wouter';
import { notesRepo } from '../../db/notes';
import { deviceClock, nowIso, type WriteContext } from '../../db/writeContext';
import { citizenDisplayName, type Note } from '../../domain';
import { useCitizen } from '../../hooks/useCitizens';
import { useDraftAutosave } from '../../hooks/useDraftAutosave';
import { useLocations } from '../../hooks/useLocations';
import { useNote } from '../../hooks/useNotes';
import { useContact, useVisit } from '../../hooks/useVisits';
import { useT } from '../../i18n';
import { fromDateTimeLocal, toDateTimeLocal } from '../../i18n/format';
import { AppPage } from '../shared/AppPage';
import { useSaveAction } from '../shared/useSaveAction';
import { NoteEditorForm, type NoteSaveKind } from './NoteEditorForm';
import { asNoteFormValues, type NoteFormValues } from './noteForm';

interface EditorContext {
  draftKey: string;
  existing: Note | undefined;
  prefill: NoteFormValues;
  visitId: string | undefined;
  contactId: string | undefined;
  locationId: string | undefined;
}

/** Reads the URL (?borger, sag, besoeg, kontakt or /notater/:id) into what the editor starts with. */
function useEditorContext(): EditorContext | 'loading' | 'not-found' | 'final' {
  const { id } = useParams<{ id?: string }>();
  const params = new URLSearchParams(useSearch());
  const existing = useNote(id);
  const contact = useContact(params.get('kontakt') ?? undefined);
  const visit = useVisit(params.get('besoeg') ?? undefined);
  if (existing === undefined || contact === undefined || visit === undefined) return 'loading';
  if (id && existing === null) return 'not-found';
  if (existing?.status === 'final') return 'final';
  if (existing) {
    return {
      draftKey: `note:${existing.id}`,
      existing,
      prefill: {
        citizenId: existing.citizenId,
        caseId: existing.caseId ?? '',
        occurredAt: toDateTimeLocal(existing.occurredAt),
        body: existing.body,
        category: existing.category,
      },
      visitId: existing.visitId,
      contactId: existing.contactId,
      locationId: existing.locationId,
    };
  }
  const citizenId = params.get('borger') ?? contact?.citizenId ?? '';
  return {
    draftKey: `note:new:${citizenId || 'none'}`,
    existing: undefined,
    prefill: {
      citizenId,
      caseId: params.get('sag') ?? '',
      // A note from a contact is about that moment; otherwise "now", which may be changed.
      occurredAt: toDateTimeLocal(contact?.at ?? deviceClock.now().toISOString()),
      body: '',
      category: 'samtale',
    },
    visitId: visit?.id ?? contact?.visitId,
    contactId: contact?.id,
    locationId: contact?.locationId ?? visit?.locationId,
  };
}

function noteFields(v: NoteFormValues, c: EditorContext, ctx: WriteContext) {
  return {
    citizenId: v.citizenId,
    ...(v.caseId ? { caseId: v.caseId } : { caseId: undefined }),
    occurredAt: fromDateTimeLocal(v.occurredAt) ?? nowIso(ctx),
    body: v.body,
    category: v.category,
    authorId: c.existing?.authorId ?? ctx.userId,
    ...(c.visitId ? { visitId: c.visitId } : {}),
    ...(c.contactId ? { contactId: c.contactId } : {}),
    ...(c.locationId ? { locationId: c.locationId } : {}),
  };
}

function Editor({ c }: { c: EditorContext }) {
  const t = useT();
  const [, navigate] = useLocation();
  const save = useSaveAction();
  const autosave = useDraftAutosave<NoteFormValues>(c.draftKey, c.prefill.citizenId || undefined);
  const citizen = useCitizen(c.prefill.citizenId || undefined);
  const place = useLocations()?.find((l) => l.id === c.locationId)?.name;
  if (autosave.restored === undefined) return <p role="status">{t('common.loading')}</p>;

  async function onSave(v: NoteFormValues, kind: NoteSaveKind) {
    const ok = await save.run(async (ctx) => {
      const fields = noteFields(v, c, ctx);
      const final = kind === 'final' ? { status: 'final' as const, finalizedAt: nowIso(ctx) } : {};
      if (c.existing) await notesRepo.update(ctx, c.existing.id, { ...fields, ...final });
      else {
        // The citizen on screen gives the note its team; one picked in the form is looked up.
        const team = citizen?.id === v.citizenId ? { teamId: citizen.teamId } : {};
        await notesRepo.create(ctx, { ...fields, status: 'draft', ...final }, undefined, team);
      }
    });
    // Only once the note itself is stored is the local draft forgotten (never lose text).
    if (ok) {
      await autosave.discard();
      navigate(`/borgere/${v.citizenId}`);
    }
    return ok;
  }

  const screen = c.existing ? 'notes.editTitle' : 'notes.newTitle';
  return (
    <AppPage
      screen={screen}
      title={citizen ? `${t(screen)}: ${citizenDisplayName(citizen)}` : t(screen)}
    >
      <NoteEditorForm
        key={c.draftKey}
        initial={asNoteFormValues(autosave.restored) ?? c.prefill}
        autosave={autosave}
        citizenFixed={c.prefill.citizenId !== ''}
        placeName={place}
        onSave={onSave}
        saveError={save.error}
        busy={save.busy}
      />
    </AppPage>
  );
}

/** /notater/ny?borger=…&sag=…&besoeg=…&kontakt=… and /notater/:id (a draft note). */
export function NoteEditorPage() {
  const t = useT();
  const c = useEditorContext();
  if (c === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (c === 'not-found' || c === 'final') {
    const message = c === 'final' ? 'notes.finalCannotEdit' : 'notes.notFound';
    return (
      <AppPage screen={message}>
        <p>{t(message)}</p>
      </AppPage>
    );
  }
  return <Editor key={c.draftKey} c={c} />;
}
