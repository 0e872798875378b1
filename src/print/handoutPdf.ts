import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { FollowUp } from '../domain';
import { printable, wrapText } from './citizenFilePdf';

/** The citizen's handout ("Aftaler med borgeren"): only what the citizen should take home. */
export interface HandoutData {
  /** What the citizen calls themselves (first name or alias); never a CPR number. */
  citizenName: string;
  ownGoals: string;
  /** The open follow-ups: what was agreed, by when and who does it. */
  followUps: readonly FollowUp[];
  /** Display names of the follow-ups' assignees, by user id. */
  names: ReadonlyMap<string, string>;
  caseworker: { name: string; reach: string };
}

export interface HandoutLabels {
  title: string;
  yourGoal: string;
  agreed: string;
  nothingAgreed: string;
  /** "{what} – {who} – senest {when}" */
  line: string;
  contact: string;
  printedOn: string;
}

const A4 = { width: 595.28, height: 841.89, margin: 56.7 };
/** Large type: 14 pt body, 20 pt title; one page, so long text is cut rather than continued. */
const SIZE = { body: 14, heading: 16, title: 20 };

/**
 * One A4 page in plain language and large type: the citizen's own goal in their words first, the
 * agreed next steps (what, who, by when), and the caseworker's name and how to reach them. Holds
 * no CPR number, no case categories, no journal text.
 */
export async function handoutPdf(
  data: HandoutData,
  labels: HandoutLabels,
  formatDate: (date: string) => string,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle(printable(regular, labels.title));
  const page = doc.addPage([A4.width, A4.height]);
  const width = A4.width - 2 * A4.margin;
  let y = A4.height - A4.margin;
  let full = false;
  const write = (text: string, font = regular, size = SIZE.body) => {
    for (const line of wrapText(printable(font, text), width, (s) =>
      font.widthOfTextAtSize(s, size),
    )) {
      if (y - size * 1.4 < A4.margin + 4 * SIZE.body * 1.4) {
        full = true;
        return;
      }
      y -= size * 1.4;
      if (line) page.drawText(line, { x: A4.margin, y, size, font });
    }
  };
  const gap = () => {
    y -= SIZE.body;
  };

  write(`${labels.title}: ${data.citizenName}`, bold, SIZE.title);
  gap();
  if (data.ownGoals.trim()) {
    write(labels.yourGoal, bold, SIZE.heading);
    write(`“${data.ownGoals.trim()}”`);
    gap();
  }
  write(labels.agreed, bold, SIZE.heading);
  const open = [...data.followUps]
    .filter((f) => f.doneAt === undefined)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  if (open.length === 0) write(labels.nothingAgreed);
  for (const f of open) {
    if (full) break;
    write(
      `• ${labels.line
        .replace('{what}', f.title)
        .replace('{who}', data.names.get(f.assigneeId) ?? f.assigneeId)
        .replace('{when}', formatDate(f.dueOn))}`,
    );
  }
  // The contact block always fits: it is drawn from the bottom up, whatever came before.
  let by = A4.margin + 3 * SIZE.body * 1.4;
  for (const [text, font] of [
    [labels.contact, bold],
    [data.caseworker.name, regular],
    [data.caseworker.reach, regular],
    [labels.printedOn, regular],
  ] as const) {
    page.drawText(printable(font, text), { x: A4.margin, y: by, size: SIZE.body, font });
    by -= SIZE.body * 1.4;
  }
  return doc.save();
}
