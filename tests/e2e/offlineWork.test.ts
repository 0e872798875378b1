import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addedSince,
  login,
  openFirstCitizen,
  readOutbox,
  readStore,
  unlock,
  dumpIndexedDb,
  waitForServiceWorker,
} from './app';
import { launchBrowser, startServer, type E2eBrowser, type E2eServer } from './harness';

/** The note editor autosaves within 300 ms of a keystroke; this leaves margin for a slow CI. */
const AUTOSAVE_WAIT_MS = 1_500;

let server: E2eServer;
let browser: E2eBrowser;

// One caseworker's laptop for the whole file: signed in once online, then the network goes away.
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(server.url);
  await login(browser.page, 'mette');
  await waitForServiceWorker(browser.page);
  await browser.context.setOffline(true);
  // A reload starts locked; unlocking needs only the password, no network.
  await browser.page.reload();
  await unlock(browser.page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('working without a network', () => {
  it('says after the reload when the device last synced, not that it never did', async () => {
    const header = browser.page.getByRole('region', { name: 'Synkronisering' }).getByRole('status');
    await header.getByText(/Synkroniseret for .* siden/).waitFor();
    const text = await header.textContent();
    expect(text).toContain('Offline');
    expect(text).not.toContain('Ikke synkroniseret endnu');
  });

  it('keeps a note written offline after a reload, marked as only on this device', async () => {
    const { page } = browser;
    const name = await openFirstCitizen(page);
    const before = await readOutbox(page);
    await page.getByRole('link', { name: 'Skriv notat' }).first().click();
    const body = `Mødt ved værestedet uden net ${Date.now()}`;
    await page.getByLabel('Notat', { exact: true }).fill(body);
    await page.getByRole('button', { name: 'Gem endeligt' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

    await page.reload();
    await unlock(page);
    const note = page.getByRole('article').filter({ hasText: body });
    await note.waitFor();
    await note.getByText('Kun på denne enhed').waitFor();

    const added = addedSince(before, await readOutbox(page));
    expect(added.map((e) => `${e.entity} ${e.op} ${e.state}`)).toEqual(['note create pending']);
    // The note is on the device, sealed: its id and status in clear, its text nowhere in clear.
    const notes = await readStore<{ id: string; status: string; body?: string }>(page, 'notes');
    expect(notes.filter((n) => n.id === added[0]!.recordId)).toMatchObject([{ status: 'final' }]);
    expect(notes.every((n) => n.body === undefined)).toBe(true);
    expect(await dumpIndexedDb(page)).not.toContain(body);
  });

  it('brings back a draft after a reload in the middle of typing', async () => {
    const { page } = browser;
    await openFirstCitizen(page);
    await page.getByRole('link', { name: 'Skriv notat' }).first().click();
    const editorUrl = page.url();
    const text = `Borgeren fortalte om sin nye lejlighed og ${Date.now()}`;
    const field = page.getByLabel('Notat', { exact: true });
    await field.pressSequentially(text, { delay: 5 });
    await page.waitForTimeout(AUTOSAVE_WAIT_MS);
    const outboxBefore = await readOutbox(page);

    await page.reload();
    await unlock(page);
    expect(page.url()).toBe(editorUrl);
    await expect.poll(() => field.inputValue()).toBe(text);
    // A draft lives only on the device: typing creates no outbox entry.
    expect(addedSince(outboxBefore, await readOutbox(page))).toEqual([]);
    // The autosaved draft is sealed at rest.
    const drafts = await readStore<{ key: string; fields?: unknown }>(page, 'drafts');
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((d) => d.fields === undefined)).toBe(true);
    expect(await dumpIndexedDb(page)).not.toContain(text);
  });

  it('brings back all but the last half second of typing that never paused, after a reload', async () => {
    const { page } = browser;
    await openFirstCitizen(page);
    await page.getByRole('link', { name: 'Skriv notat' }).first().click();
    const field = page.getByLabel('Notat', { exact: true });
    // The same citizen's draft from an earlier test may come back; start from an empty field.
    await field.fill('');
    const words = `Borgeren fortalte længe om sin opvækst og sin nye lejlighed ${Date.now()} `;
    const text = words.repeat(20);
    // Steady typing for several seconds, one keystroke after the other, never a pause; each
    // keystroke's time is kept so the test knows what was typed half a second before the reload.
    const typed: { at: number; value: string }[] = [];
    let sawSavedWhileTyping = false;
    const started = Date.now();
    for (let i = 0; i < text.length && Date.now() - started < 6_000; i++) {
      await page.keyboard.type(text[i]!, { delay: 10 });
      typed.push({ at: Date.now(), value: text.slice(0, i + 1) });
      if (!sawSavedWhileTyping && Date.now() - started > 3_000) {
        sawSavedWhileTyping = await page.getByText(/^Kladde gemt lokalt kl\./).isVisible();
      }
    }
    const reloadAt = Date.now();
    await page.reload();
    await unlock(page);

    const mustHave = typed.filter((k) => k.at <= reloadAt - 500).at(-1)!.value;
    const all = typed.at(-1)!.value;
    expect(mustHave.length).toBeGreaterThan(20);
    const restored = await field.inputValue();
    expect(
      restored.length,
      'what came back is shorter than what was typed 0.5 s before the reload',
    ).toBeGreaterThanOrEqual(mustHave.length);
    expect(all.startsWith(restored)).toBe(true);
    expect(sawSavedWhileTyping, '"Kladde gemt lokalt" shown while typing').toBe(true);
    // The draft is sealed at rest like everything else on the device.
    expect(await dumpIndexedDb(page)).not.toContain(mustHave.slice(0, 40));
  });

  it('logs a visit with an anonymous and a named contact, one outbox entry per change', async () => {
    const { page } = browser;
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await nav.getByRole('link', { name: 'Borgere' }).click();
    const citizen = page.getByRole('list', { name: 'Borgere' }).getByRole('link').first();
    const citizenName = (await citizen.textContent())!.trim();
    await nav.getByRole('link', { name: 'Besøg' }).click();

    const steps: [string, () => Promise<void>, string][] = [
      ['start', () => page.getByRole('button', { name: 'Start besøg' }).click(), 'visit create'],
      [
        'anonymous contact',
        async () => {
          await page
            .getByRole('group', { name: 'Alder' })
            .getByRole('button', { name: '25–39' })
            .click();
          await page
            .getByRole('group', { name: 'Emner' })
            .getByRole('button', { name: 'Bolig' })
            .click();
          await page.getByRole('button', { name: 'Registrér anonym kontakt' }).click();
          await page.getByText('Anonym kontakt registreret.').waitFor();
        },
        'contact create',
      ],
      [
        'named contact',
        async () => {
          await page.getByLabel('Find borger').fill(citizenName.split(' ')[0]!);
          await page.getByRole('button', { name: `Registrér kontakt med ${citizenName}` }).click();
          await page.getByText(`Kontakt med ${citizenName} registreret.`).waitFor();
        },
        'contact create',
      ],
      [
        'end',
        async () => {
          await page.getByLabel('Kort opsummering (valgfrit)').fill('Roligt formiddagsbesøg.');
          await page.getByRole('button', { name: 'Afslut besøg' }).click();
          await page.getByRole('button', { name: 'Start besøg' }).waitFor();
        },
        'visit update',
      ],
    ];
    const recordIds: string[] = [];
    for (const [step, act, expected] of steps) {
      const before = await readOutbox(page);
      await act();
      await expect
        .poll(
          async () => addedSince(before, await readOutbox(page)).map((e) => `${e.entity} ${e.op}`),
          { message: step },
        )
        .toEqual([expected]);
      recordIds.push(addedSince(before, await readOutbox(page))[0]!.recordId);
    }

    const [visitId, anonymousId, namedId, endedVisitId] = recordIds;
    expect(endedVisitId).toBe(visitId);
    const contacts = await readStore<Record<string, unknown>>(page, 'contacts');
    const anonymous = contacts.find((c) => c.id === anonymousId);
    const named = contacts.find((c) => c.id === namedId);
    // At rest only the index fields are clear (kind, age group, topics, summary are sealed).
    expect(anonymous).toMatchObject({ visitId });
    expect(anonymous?.citizenId).toBeUndefined();
    expect(named).toMatchObject({ visitId });
    expect(named?.citizenId).toEqual(expect.any(String));
    const visits = await readStore<Record<string, unknown>>(page, 'visits');
    expect(visits.find((v) => v.id === visitId)).toMatchObject({
      endedAt: expect.any(String) as string,
    });
    expect(await dumpIndexedDb(page)).not.toContain('Roligt formiddagsbesøg.');
  });
});
