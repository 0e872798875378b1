import { describe, expect, it } from 'vitest';
import { createHandoverMarksRepo } from '../../src/db/handoverMarks';
import { newId } from '../../src/domain';
import { accessRequestPdfTexts } from '../../src/features/audit/accessRequestTexts';
import { addMessages, translate, type MessageKey, type MessageParams } from '../../src/i18n';
import { catalogs } from '../../src/i18n/catalog';
import { accessRequestPdf } from '../../src/print/accessRequestPdf';
import type { ApiError } from '../../src/sync/apiClient';
import { pdfPagesText } from '../helpers/pdfText';
import { citizenFields, noteFields } from './helpers/factories';
import { serverWithDevices } from './helpers/serverWithDevices';

addMessages(catalogs);
const t = (key: MessageKey, params?: MessageParams) => translate('da', key, params);

describe('access request (GDPR art. 15): the app’s PDF from the server’s complete answer', () => {
  const env = serverWithDevices('sqlite');

  it('holds a note another team wrote that the lead may see, drafts and corrections, the handover mark, what was left out and why, and the access log', async () => {
    const lone = await env.device('lone');
    await lone.api.setUserTeams('mette', ['odense-syd', 'odense-nord']);
    const mette = await env.device('mette');
    await mette.sync();
    const c = await mette.repos.citizens.create(
      mette.ctx,
      citizenFields({ firstName: 'Søren', lastName: 'Ærøskøbing', ownGoals: 'Få en lejlighed' }),
    );
    const final = await mette.repos.notes.create(
      mette.ctx,
      noteFields(mette, c.id, 'Første samtale på Kirkens Korshær', { status: 'final' }),
    );
    await mette.repos.notes.correct(mette.ctx, final, 'Rettelse: det var på Mændenes Hjem');
    await mette.repos.notes.create(mette.ctx, noteFields(mette, c.id, 'Kladde om boligsagen'));
    await createHandoverMarksRepo(() => mette.db).mark(mette.ctx, [final], {
      journalizedOn: '2026-11-25',
      reference: 'SAG-2026-0042',
    });
    await mette.sync();

    // Records about the citizen held by two other teams (from before a move, say): Nord's a
    // lead of Nord may see, Vest's not.
    const db = env.server.db.db;
    const foreign = async (teamId: string, author: string, body: string) => {
      const id = newId();
      const at = '2026-10-02T09:30:00.000Z';
      await db
        .insertInto('records')
        .values({
          entity: 'note',
          id,
          team_id: teamId,
          version: 1,
          deleted: 0,
          data: JSON.stringify({
            id,
            teamId,
            version: 1,
            createdAt: at,
            updatedAt: at,
            createdBy: author,
            updatedBy: author,
            conflicts: [],
            citizenId: c.id,
            occurredAt: at,
            body,
            category: 'samtale',
            status: 'final',
            authorId: author,
            finalizedAt: at,
          }),
          field_versions: '{}',
          updated_seq: 0,
        })
        .execute();
    };
    await foreign('odense-nord', 'sara', 'Sara, team Nord: mødt ved banegården');
    await foreign('odense-vest', 'anders', 'Team Vest: hører ikke til her');

    // A caseworker is refused (403), and the attempt is on the citizen's log below.
    const sara = await env.device('sara');
    await expect(sara.api.accessRequest(c.id)).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
    } satisfies Partial<ApiError>);

    const file = await mette.api.accessRequest(c.id);
    const bytes = await accessRequestPdf(file, {
      ...accessRequestPdfTexts(t),
      printedAt: '6.12.2026 10.00',
      formatDate: (iso) => iso.slice(0, 10),
      teamName: (id) => (id === 'odense-vest' ? 'Fremskudt team Vest' : id),
    });
    const pages = await pdfPagesText(bytes);
    const text = pages.join('\n');

    expect(text).toContain('Indsigt efter GDPR art. 15: Søren Ærøskøbing');
    expect(text).toContain('Få en lejlighed');
    // The journal: this team's note, its correction, the draft (marked), and Nord's note.
    expect(text).toContain('Første samtale på Kirkens Korshær');
    expect(text).toContain('Rettelse: det var på Mændenes Hjem');
    expect(text).toMatch(/samtale · Kladde\nKladde om boligsagen/);
    expect(text).toContain('Sara, team Nord: mødt ved banegården');
    // Vest's note is not handed out, and the PDF says what was left out and why.
    expect(text).not.toContain('Team Vest: hører ikke til her');
    expect(text).toContain('Udeladt, og hvorfor');
    expect(text).toContain(
      '1 × notat i Fremskudt team Vest: ligger i et team, som den der henter indsigten ikke har',
    );
    expect(text).toContain('Journaliseret i fagsystem');
    expect(text).toContain(`Notat ${final.id}: journaliseret 2026-11-25, reference SAG-2026-0042`);
    // The access log: who created the records, the refused caseworker, from which device.
    expect(text).toContain('Adgangslog (hvem har set, søgt på eller ændret');
    expect(text).toMatch(/· Mette Sørensen · Oprettet · enhed \S+/);
    expect(text).toMatch(/· Sara Nielsen · Afvist adgang · enhed \S+/);
    // Every page names the citizen, the time and who asked, and is numbered.
    pages.forEach((page, i) => {
      expect(page).toContain('Søren Ærøskøbing · 6.12.2026 10.00 · Mette Sørensen');
      expect(page).toContain(`Side ${i + 1} af ${pages.length}`);
    });
  });
});
