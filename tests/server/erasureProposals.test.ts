import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { ErasureProposalsResponse, MutationResult } from '../../src/protocol';
import { proposeErasures } from '../../src/server/retention/erasureProposals';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login, mutation, newCitizen, push } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

const DAY = 86_400_000;
const CONFIG = { ERASURE_PROPOSAL_INACTIVE_DAYS: 730, ERASURE_PROPOSAL_DISMISS_DAYS: 180 };

describe.each(DIALECTS)('erasure proposals for inactive citizens (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  /**
   * A citizen of team Syd with one final note, carried over to the system of record or not, and
   * (optionally) a draft. Returns the citizen's id.
   */
  async function citizenWithNote(
    token: string,
    opts: { carriedOver: boolean; draft?: boolean },
  ): Promise<string> {
    const citizen = newCitizen({ firstName: 'Forslag' });
    const noteId = newId();
    const now = new Date().toISOString();
    const note = (id: string, status: 'final' | 'draft') =>
      mutation('note', 'create', id, {
        citizenId: citizen.recordId,
        occurredAt: now,
        category: 'samtale',
        body: 'Samtale om bolig',
        status,
        authorId: 'anders',
        ...(status === 'final' ? { finalizedAt: now } : {}),
      });
    const mutations = [citizen, note(noteId, 'final')];
    if (opts.draft) mutations.push(note(newId(), 'draft'));
    if (opts.carriedOver)
      mutations.push(
        mutation('handoverMark', 'create', newId(), {
          citizenId: citizen.recordId,
          noteId,
          journalizedOn: now.slice(0, 10),
          reference: 'SAG-1',
          markedBy: 'anders',
        }),
      );
    const results = await push(f.app, token, mutations);
    expect(results.map((r: MutationResult) => r.status)).toEqual(mutations.map(() => 'applied'));
    return citizen.recordId;
  }

  /** As if every change to the citizen's records was made at `at` (the log's server times). */
  async function activeAt(citizenId: string, at: Date) {
    await f.database.db
      .updateTable('changes')
      .set({ created_at: at.toISOString() })
      .where('record_id', '=', citizenId)
      .execute();
  }

  const proposals = async (token: string) => {
    const res = await f.app.inject({
      method: 'GET',
      url: '/api/retention/proposals',
      headers: authHeaders(token),
    });
    expect(res.statusCode).toBe(200);
    return res.json<ErasureProposalsResponse>().proposals.map((p) => p.citizenId);
  };

  it('proposes to a lead of the team the citizens inactive for the period with every note carried over, and no others', async () => {
    const anders = await login(f.app, 'anders');
    const mette = await login(f.app, 'mette');
    const carried = await citizenWithNote(anders, { carriedOver: true });
    const withDraft = await citizenWithNote(anders, { carriedOver: true, draft: true });
    const notCarried = await citizenWithNote(anders, { carriedOver: false });
    const recent = await citizenWithNote(anders, { carriedOver: true });
    const later = new Date(Date.now() + 800 * DAY);
    // The recent one was edited 10 days before the run.
    await activeAt(recent, new Date(later.getTime() - 10 * DAY));

    const run = await proposeErasures(f.database, CONFIG, later);
    expect(run.proposed).toBeGreaterThanOrEqual(2);
    const seen = await proposals(mette);
    expect(seen).toEqual(expect.arrayContaining([carried, withDraft]));
    expect(seen).not.toContain(notCarried);
    expect(seen).not.toContain(recent);
    const stored = await f.database.db
      .selectFrom('erasure_proposals')
      .selectAll()
      .where('citizen_id', '=', carried)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ team_id: 'odense-syd', notes: 1, dismissed_at: null });

    // Idempotent: a second run proposes nothing new.
    expect((await proposeErasures(f.database, CONFIG, later)).proposed).toBe(0);
    // An administrator sees them too; a caseworker may not ask.
    expect(await proposals(await login(f.app, 'lone'))).toContain(carried);
    const asCaseworker = await f.app.inject({
      method: 'GET',
      url: '/api/retention/proposals',
      headers: authHeaders(anders),
    });
    expect(asCaseworker.statusCode).toBe(403);

    // Seen from a time the citizen was active within the period, the proposal is withdrawn.
    const earlier = new Date(Date.now() + 100 * DAY);
    const back = await proposeErasures(f.database, CONFIG, earlier);
    expect(back.withdrawn).toBeGreaterThanOrEqual(2);
    expect(await proposals(mette)).not.toContain(carried);
  });

  it('lets the lead dismiss a proposal (audited, not proposed again for the dismissal period) or confirm it by erasing the citizen', async () => {
    const anders = await login(f.app, 'anders');
    const mette = await login(f.app, 'mette');
    const kept = await citizenWithNote(anders, { carriedOver: true });
    const erased = await citizenWithNote(anders, { carriedOver: true });
    // As if the whole log was written 800 days ago: the job and the dismissal run at today's time.
    await f.database.db
      .updateTable('changes')
      .set({ created_at: new Date(Date.now() - 800 * DAY).toISOString() })
      .execute();
    const later = new Date();
    await proposeErasures(f.database, CONFIG, later);
    expect(await proposals(mette)).toEqual(expect.arrayContaining([kept, erased]));

    const dismiss = (token: string, id: string) =>
      f.app.inject({
        method: 'POST',
        url: `/api/retention/proposals/${id}/dismiss`,
        headers: authHeaders(token),
      });
    expect((await dismiss(anders, kept)).statusCode).toBe(403);
    const res = await dismiss(mette, kept);
    expect(res.statusCode).toBe(200);
    expect(await proposals(mette)).not.toContain(kept);
    // A second dismissal, or one of a citizen never proposed, is a 404.
    expect((await dismiss(mette, kept)).statusCode).toBe(404);
    expect((await dismiss(mette, newId())).statusCode).toBe(404);
    const log = await f.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'team_id', 'detail'])
      .where('action', '=', 'admin')
      .where('entity', '=', 'dismiss-erasure-proposal')
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ user_id: 'mette', team_id: 'odense-syd' });
    expect(JSON.parse(log[0]!.detail!)).toMatchObject({ citizenId: kept });

    // Not proposed again while the dismissal runs; proposed again once it has run out.
    await proposeErasures(f.database, CONFIG, new Date(later.getTime() + 10 * DAY));
    expect(await proposals(mette)).not.toContain(kept);
    await proposeErasures(f.database, CONFIG, new Date(later.getTime() + 181 * DAY));
    expect(await proposals(mette)).toContain(kept);

    // Confirming is the erasure itself, which settles the proposal.
    const erase = await f.app.inject({
      method: 'POST',
      url: `/api/citizens/${erased}/erase`,
      headers: authHeaders(mette),
      payload: { confirmCitizenId: erased },
    });
    expect(erase.statusCode).toBe(200);
    expect(await proposals(mette)).not.toContain(erased);
    const left = await f.database.db
      .selectFrom('erasure_proposals')
      .select('citizen_id')
      .where('citizen_id', '=', erased)
      .execute();
    expect(left).toEqual([]);
    // An erased citizen is never proposed again.
    await proposeErasures(f.database, CONFIG, new Date(later.getTime() + 400 * DAY));
    expect(await proposals(mette)).not.toContain(erased);
  });
});
