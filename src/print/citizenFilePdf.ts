import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import {
  citizenDisplayName,
  type Case,
  type Citizen,
  type Contact,
  type FollowUp,
  type Note,
} from '../domain';
import type { PrintLabel } from './labels';

/** What goes into a citizen's file print; everything is read on the device beforehand. */
export interface CitizenFileData {
  citizen: Citizen;
  cases: readonly Case[];
  notes: readonly Note[];
  contacts: readonly Contact[];
  followUps: readonly FollowUp[];
}

export const PRINT_SECTIONS = [
  'details',
  'consents',
  'cases',
  'journal',
  'contacts',
  'followUps',
] as const;
export type PrintSection = (typeof PRINT_SECTIONS)[number];

export interface CitizenFileOptions {
  /** The name of the user who prints, shown on every page. */
  printedBy: string;
  /** When the print was made, as shown (already formatted in the user's language). */
  printedAt: string;
  sections: readonly PrintSection[];
  /** Journal, contacts and follow-ups from / to this date ("YYYY-MM-DD", inclusive). */
  from?: string;
  to?: string;
  /** Formats an instant or a date for the page (the UI passes its own, Danish first). */
  formatDate: (iso: string) => string;
  /** The printed labels, in the user's language. */
  labels: Record<PrintLabel, string>;
  /**
   * Print drafts too, each marked as one (an access request shows everything held; the
   * caseworker's own print shows final notes only).
   */
  includeDrafts?: boolean;
  /** Parts printed after the file's own sections, in the same layout (an access request's). */
  appendix?: readonly PrintedPart[];
}

/** A part of the print made by the caller: a heading and its lines. */
export interface PrintedPart {
  heading: string;
  lines: readonly PrintedLine[];
}
export interface PrintedLine {
  text: string;
  bold?: boolean;
  /** Indented one step (a detail under the line before). */
  indent?: boolean;
  /** Small type (a long list such as an access log). */
  small?: boolean;
}

export type { PrintLabel };

/** A4 in PDF points, with 2 cm margins. */
const PAGE = { width: 595.28, height: 841.89, margin: 56.7 };
const SIZE = { text: 10, heading: 13, title: 16, small: 8 };
const LEADING = 1.35;

const charSets = new WeakMap<PDFFont, Set<number>>();

/**
 * The standard fonts encode WinAnsi (CP-1252): Danish letters and most punctuation are in it. A
 * character outside it (an emoji, a Greek letter) would make pdf-lib throw, so it is replaced.
 */
export function printable(font: PDFFont, text: string): string {
  let set = charSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charSets.set(font, set);
  }
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, '  ')) {
    const code = ch.codePointAt(0) ?? 63;
    out += ch === '\n' || set.has(code) ? ch : '?';
  }
  return out;
}

/**
 * Breaks a paragraph into lines that fit `width`; a word longer than a line is cut. Each word is
 * measured once and a line's width is the sum of its words and spaces (measuring the growing line
 * again for every word made a long journal quadratic).
 */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  const space = measure(' ');
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      let rest = word;
      let restWidth = measure(rest);
      while (restWidth > width) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
        if (line) lines.push(line);
        lines.push(rest.slice(0, cut));
        line = '';
        lineWidth = 0;
        rest = rest.slice(cut);
        restWidth = measure(rest);
      }
      const candidateWidth = line ? lineWidth + space + restWidth : restWidth;
      if (candidateWidth <= width) {
        line = line ? `${line} ${rest}` : rest;
        lineWidth = candidateWidth;
      } else {
        lines.push(line);
        line = rest;
        lineWidth = restWidth;
      }
    }
    lines.push(line);
  }
  return lines;
}

const inPeriod = (iso: string, options: CitizenFileOptions) => {
  const day = iso.slice(0, 10);
  return (!options.from || day >= options.from) && (!options.to || day <= options.to);
};

/**
 * The citizen's file as a PDF (A4): the citizen's own goals and life story first, then details,
 * consents, cases, the journal (final notes in the order they happened, each correction printed
 * right after the note it corrects, never merged into it), contacts and follow-ups. Every page
 * names the citizen, the print time and the printing user, and is numbered "page x of y".
 */
export async function citizenFilePdf(
  data: CitizenFileData,
  options: CitizenFileOptions,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const L = options.labels;
  const name = citizenDisplayName(data.citizen);
  doc.setTitle(printable(regular, `${L.title}: ${name}`));
  doc.setCreator('Fremskudt');

  const width = PAGE.width - 2 * PAGE.margin;
  const top = PAGE.height - PAGE.margin - 2 * SIZE.small * LEADING;
  const bottom = PAGE.margin + 2 * SIZE.small * LEADING;
  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = top;

  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = top;
  };
  const write = (text: string, font = regular, size = SIZE.text, indent = 0) => {
    const lines = wrapText(printable(font, text), width - indent, (s) =>
      font.widthOfTextAtSize(s, size),
    );
    for (const line of lines) {
      if (y - size < bottom) newPage();
      y -= size * LEADING;
      if (line) page.drawText(line, { x: PAGE.margin + indent, y, size, font });
    }
  };
  const gap = (points = SIZE.text * 0.6) => {
    y -= points;
  };
  const heading = (text: string) => {
    // A heading never ends a page alone: keep room for it and three lines after it.
    if (y - SIZE.heading * LEADING - 3 * SIZE.text * LEADING < bottom) newPage();
    gap(SIZE.text);
    write(text, bold, SIZE.heading);
    gap(SIZE.text * 0.3);
  };
  const has = (s: PrintSection) => options.sections.includes(s);

  write(`${L.title}: ${name}`, bold, SIZE.title);
  write(`${L.printedBy}: ${options.printedBy}, ${options.printedAt}`, regular, SIZE.small);
  if (options.from || options.to)
    write(
      `${L.period}: ${options.from ? options.formatDate(options.from) : '…'} – ${
        options.to ? options.formatDate(options.to) : '…'
      }`,
      regular,
      SIZE.small,
    );

  const c = data.citizen;
  if (has('details')) {
    // The citizen's own words come first.
    heading(L.ownGoals);
    write(c.ownGoals.trim() || L.none);
    heading(L.lifeStory);
    write(c.lifeStory.trim() || L.none);
    heading(L.details);
    if (c.cpr) write(`${L.cpr}: ${c.cpr}`);
    if (c.phone) write(`${L.phone}: ${c.phone}`);
    if (c.usualPlaceNote) write(c.usualPlaceNote);
  }
  if (has('consents')) {
    heading(L.consents);
    if (c.consents.length === 0) write(L.none);
    for (const consent of c.consents) {
      write(`${consent.informationKinds} · ${consent.parties}`, bold);
      const dates = [
        options.formatDate(consent.givenOn),
        consent.expiresOn ? `${L.expires} ${options.formatDate(consent.expiresOn)}` : '',
        consent.withdrawnOn ? `${L.withdrawn} ${options.formatDate(consent.withdrawnOn)}` : '',
      ].filter(Boolean);
      write(`${consent.purpose} (${dates.join(', ')})`, regular, SIZE.text, 12);
    }
  }
  if (has('cases')) {
    heading(L.cases);
    if (data.cases.length === 0) write(L.none);
    for (const k of data.cases)
      write(
        `${k.title} – ${k.legalBasis}, ${options.formatDate(k.openedOn)}${
          k.closedOn ? ` – ${options.formatDate(k.closedOn)}` : ''
        }`,
      );
  }
  if (has('journal')) {
    heading(L.journal);
    const final = data.notes.filter(
      (n) => (n.status === 'final' || options.includeDrafts) && inPeriod(n.occurredAt, options),
    );
    const byTime = (a: Note, b: Note) =>
      a.occurredAt === b.occurredAt
        ? a.id.localeCompare(b.id)
        : a.occurredAt < b.occurredAt
          ? -1
          : 1;
    const corrections = new Map<string, Note[]>();
    for (const n of final)
      if (n.correctsNoteId) {
        const list = corrections.get(n.correctsNoteId) ?? [];
        list.push(n);
        corrections.set(n.correctsNoteId, list);
      }
    const originals = new Set(final.map((n) => n.id));
    const roots = final
      .filter((n) => !n.correctsNoteId || !originals.has(n.correctsNoteId))
      .sort(byTime);
    if (roots.length === 0) write(L.none);
    const printNote = (note: Note, indent: number) => {
      write(
        `${options.formatDate(note.occurredAt)} · ${note.category}${
          indent > 0 ? ` · ${L.correction}` : ''
        }${note.status === 'draft' ? ` · ${L.draft}` : ''}`,
        bold,
        SIZE.text,
        indent,
      );
      write(note.body, regular, SIZE.text, indent);
      gap();
      for (const fix of (corrections.get(note.id) ?? []).sort(byTime)) printNote(fix, indent + 18);
    };
    for (const note of roots) printNote(note, 0);
  }
  if (has('contacts')) {
    heading(L.contacts);
    const shown = data.contacts.filter((k) => inPeriod(k.at, options));
    if (shown.length === 0) write(L.none);
    for (const k of [...shown].sort((a, b) => a.at.localeCompare(b.at)))
      write(`${options.formatDate(k.at)}${k.topics.length ? `: ${k.topics.join(', ')}` : ''}`);
  }
  if (has('followUps')) {
    heading(L.followUps);
    const shown = data.followUps.filter((f) => inPeriod(f.dueOn, options));
    if (shown.length === 0) write(L.none);
    for (const f of [...shown].sort((a, b) => a.dueOn.localeCompare(b.dueOn)))
      write(`${options.formatDate(f.dueOn)}: ${f.title}${f.doneAt ? ` (${L.done})` : ''}`);
  }

  for (const part of options.appendix ?? []) {
    heading(part.heading);
    if (part.lines.length === 0) write(L.none);
    for (const line of part.lines)
      write(
        line.text,
        line.bold ? bold : regular,
        line.small ? SIZE.small + 1 : SIZE.text,
        line.indent ? 12 : 0,
      );
  }

  // Running header and footer on every page, once the page count is known.
  const pages = doc.getPages();
  const header = printable(regular, `${name} · ${options.printedAt} · ${options.printedBy}`);
  pages.forEach((p, i) => {
    p.drawText(header, {
      x: PAGE.margin,
      y: PAGE.height - PAGE.margin,
      size: SIZE.small,
      font: regular,
      color: rgb(0.25, 0.25, 0.25),
    });
    const footer = printable(
      regular,
      L.page.replace('{page}', String(i + 1)).replace('{pages}', String(pages.length)),
    );
    p.drawText(footer, {
      x: PAGE.width - PAGE.margin - regular.widthOfTextAtSize(footer, SIZE.small),
      y: PAGE.margin,
      size: SIZE.small,
      font: regular,
      color: rgb(0.25, 0.25, 0.25),
    });
  });
  return doc.save();
}
