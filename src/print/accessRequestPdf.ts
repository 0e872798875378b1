import {
  CaseSchema,
  CitizenSchema,
  ContactSchema,
  FollowUpSchema,
  HandoverMarkSchema,
  NoteSchema,
  type Case,
  type Citizen,
  type Contact,
  type FollowUp,
  type HandoverMark,
  type Note,
} from '../domain';
import type { AccessRequestFile, OmittedRecords } from '../protocol/audit';
import {
  citizenFilePdf,
  PRINT_SECTIONS,
  type CitizenFileData,
  type PrintedLine,
  type PrintedPart,
} from './citizenFilePdf';
import type { AccessRequestLabel, PrintLabel } from './labels';

export type { AccessRequestLabel };

export interface AccessRequestPdfOptions {
  /** When the PDF was made, as shown. */
  printedAt: string;
  formatDate: (iso: string) => string;
  /** The citizen's file's labels (the same layout as "Udskriv / gem som PDF"). */
  labels: Record<PrintLabel, string>;
  /** The access request's texts; `{name}` placeholders are filled in here. */
  text: Record<AccessRequestLabel, string>;
  /** An entity's name in the user's language ("notat"). */
  entityName: (entity: string) => string;
  /** A team's name (its id when unknown). */
  teamName: (teamId: string) => string;
  /** An access-log action in the user's language ("Læst"). */
  actionName: (action: string) => string;
}

/**
 * The answer holds no readable record of the citizen (it was deleted, so it is among `omitted`):
 * the file cannot be laid out around it, and the JSON is the answer.
 */
export class NoCitizenRecordError extends Error {
  constructor() {
    super('The access request holds no readable citizen record');
    this.name = 'NoCitizenRecordError';
  }
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );

/** The records of one entity that parse as that entity; the rest are counted, not dropped. */
function parsed<T>(
  rows: readonly Record<string, unknown>[] | undefined,
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } },
  unreadable: { count: number },
): T[] {
  const out: T[] = [];
  for (const row of rows ?? []) {
    const r = schema.safeParse(row);
    if (r.success) out.push(r.data);
    else unreadable.count++;
  }
  return out;
}

/**
 * An access request (GDPR art. 15) as a PDF: the citizen's file over the whole history in the
 * layout of the citizen's own print (`citizenFilePdf`, drafts included and marked), made from
 * the server's complete answer, then what the answer holds and who asked, what was left out and
 * why, the handover marks, and the citizen's whole access log (who saw, searched or changed the
 * data, when, on which device). Each record's version history is in the JSON file beside it.
 */
export async function accessRequestPdf(
  file: AccessRequestFile,
  options: AccessRequestPdfOptions,
): Promise<Uint8Array> {
  const T = options.text;
  const unreadable = { count: 0 };
  const citizens = parsed<Citizen>(file.records.citizen, CitizenSchema, unreadable);
  const citizen = citizens.find((c) => c.id === file.citizenId);
  if (!citizen) throw new NoCitizenRecordError();
  const data: CitizenFileData = {
    citizen,
    cases: parsed<Case>(file.records.case, CaseSchema, unreadable),
    notes: parsed<Note>(file.records.note, NoteSchema, unreadable),
    contacts: parsed<Contact>(file.records.contact, ContactSchema, unreadable),
    followUps: parsed<FollowUp>(file.records.followUp, FollowUpSchema, unreadable),
  };
  const marks = parsed<HandoverMark>(file.records.handoverMark, HandoverMarkSchema, unreadable);
  const printedKinds = new Set(['citizen', 'case', 'note', 'contact', 'followUp', 'handoverMark']);
  const shown = Object.values(file.records).reduce((n, rows) => n + rows.length, 0);
  const notPrinted = Object.entries(file.records)
    .filter(([entity]) => !printedKinds.has(entity))
    .reduce((n, [, rows]) => n + rows.length, 0);

  const about: PrintedLine[] = [
    {
      text: fill(T.requestedBy, {
        name: file.requestedBy.name,
        role: file.requestedBy.role,
        at: options.formatDate(file.requestedAt),
      }),
    },
    { text: fill(T.shown, { count: shown }) },
    { text: T.historyInJson },
  ];
  if (unreadable.count + notPrinted > 0)
    about.push({ text: fill(T.unreadable, { count: unreadable.count + notPrinted }), bold: true });

  const omittedLine = (o: OmittedRecords): PrintedLine => ({
    text: fill(T.omittedLine, {
      count: o.count,
      entity: options.entityName(o.entity),
      team: options.teamName(o.teamId),
      reason: T[`reason.${o.reason}`],
    }),
  });
  const parts: PrintedPart[] = [
    { heading: T.about, lines: about },
    {
      heading: T.omitted,
      lines: file.omitted.length === 0 ? [{ text: T.omittedNone }] : file.omitted.map(omittedLine),
    },
    {
      heading: T.handover,
      lines: [...marks]
        .sort((a, b) => a.journalizedOn.localeCompare(b.journalizedOn))
        .map((m) => ({
          text: fill(T.handoverLine, {
            date: options.formatDate(m.journalizedOn),
            reference: m.reference,
            note: m.noteId,
          }),
        })),
    },
    {
      heading: T.accessLog,
      lines: file.accessLog.map((e) => ({
        text: fill(T.accessLogLine, {
          at: options.formatDate(e.at),
          user: e.userName ?? e.userId ?? '–',
          action: options.actionName(e.action),
          device: e.deviceId ?? '–',
        }),
        small: true,
      })),
    },
  ];
  return citizenFilePdf(data, {
    printedBy: file.requestedBy.name,
    printedAt: options.printedAt,
    sections: PRINT_SECTIONS,
    formatDate: options.formatDate,
    labels: { ...options.labels, title: T.title },
    includeDrafts: true,
    appendix: parts,
  });
}
