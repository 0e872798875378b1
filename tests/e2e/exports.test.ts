import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRescueFile, parseRescueFile } from '../../src/protocol';
import { pdfPagesText } from '../helpers/pdfText';
import { login, openFirstCitizen, unlock, waitForServiceWorker } from './app';
import { launchBrowser, startServer, type E2eBrowser, type E2eServer } from './harness';

let server: E2eServer;
let browser: E2eBrowser;

// Signed in once online, then offline for the whole file: every export here is made on the device.
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(server.url);
  await login(browser.page, 'mette');
  await waitForServiceWorker(browser.page);
  await browser.context.setOffline(true);
  await browser.page.reload();
  await unlock(browser.page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function downloaded(click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([browser.page.waitForEvent('download'), click()]);
  const path = await download.path();
  return readFile(path);
}

describe('exports in real Chromium, offline', () => {
  it('saves the citizen’s file as a real PDF with the citizen’s name on every page, and the handout as one page', async () => {
    const { page } = browser;
    const name = await openFirstCitizen(page);
    const section = page.getByRole('region', { name: 'Udskriv / gem som PDF' });
    const pdf = await downloaded(() =>
      section.getByRole('button', { name: 'Gem som PDF' }).click(),
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pdfPagesText(new Uint8Array(pdf));
    expect(pages.length).toBeGreaterThan(0);
    for (const text of pages) expect(text).toContain('Mette Sørensen');
    expect(pages[0]).toContain(`Borgerens sag: ${name}`);

    const handout = await downloaded(() =>
      section.getByRole('button', { name: 'Aftaler med borgeren (1 side til borgeren)' }).click(),
    );
    expect(await pdfPagesText(new Uint8Array(handout))).toHaveLength(1);
  });

  it('marks the citizen’s notes as carried over into the system of record while offline', async () => {
    const { page } = browser;
    const name = await openFirstCitizen(page);
    await page.getByRole('link', { name: 'Skriv notat' }).first().click();
    await page.getByLabel('Notat', { exact: true }).fill(`Til fagsystemet ${Date.now()}`);
    await page.getByRole('button', { name: 'Gem endeligt' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    const section = page.getByRole('region', { name: 'Journaliseret i fagsystem' });
    const status = section.getByText(/endelige notater mangler/);
    await status.waitFor();
    const before = Number((await status.textContent())?.match(/\d+/)?.[0]);
    expect(before).toBeGreaterThan(0);
    await section.getByLabel(/Reference i fagsystemet/).fill('SAG-E2E-1');
    await section.getByRole('button', { name: /Marker \d+ som journaliseret/ }).click();
    await section.getByText(`${before} notater er markeret som journaliseret.`).waitFor();
    await section.getByText('0 endelige notater mangler', { exact: false }).waitFor();
  });

  it('saves the waiting changes as a file that only the passphrase opens', async () => {
    const { page } = browser;
    await page.goto('/indstillinger');
    await unlock(page);
    const section = page.getByRole('region', { name: 'Gem ventende ændringer som fil' });
    // The count arrives with the outbox's live query, just after the screen.
    const countNow = async () =>
      Number(
        (await section.getByText(/ventende ændring(er)? på enheden/).textContent())?.match(
          /\d+/,
        )?.[0],
      );
    await expect.poll(countNow).toBeGreaterThan(0);
    const count = await countNow();
    await section.getByLabel('Adgangssætning til filen').fill('kaffe på værestedet');
    await section.getByLabel('Gentag adgangssætningen').fill('kaffe på værestedet');
    const file = await downloaded(() =>
      section.getByRole('button', { name: 'Gem ventende ændringer som fil' }).click(),
    );
    const rescue = parseRescueFile(file.toString('utf8'));
    expect(rescue.count).toBe(count);
    expect((await openRescueFile(rescue, 'kaffe på værestedet')).length).toBe(count);
  });

  // Last: it goes online (an access request is the server's answer, never the device's copy).
  it('answers an access request online: the server’s file over the whole history as PDF, with what was left out and the access log, and as JSON', async () => {
    const { page } = browser;
    await browser.context.setOffline(false);
    const name = await openFirstCitizen(page);
    const section = page.getByRole('region', { name: 'Indsigt (GDPR art. 15)' });
    await section.getByRole('button', { name: 'Hent indsigt' }).click();
    await section.getByText(/poster og \d+ registreringer i adgangsloggen/).waitFor();
    const pdf = await downloaded(() =>
      section.getByRole('button', { name: 'Gem som PDF' }).click(),
    );
    const pages = await pdfPagesText(new Uint8Array(pdf));
    const text = pages.join('\n');
    expect(pages[0]).toContain(`Indsigt efter GDPR art. 15: ${name}`);
    expect(text).toContain('Udeladt, og hvorfor');
    expect(text).toContain('Adgangslog (hvem har set, søgt på eller ændret');
    expect(text).toMatch(/ · Mette Sørensen · (Oprettet|Læst|Sendt til enhed) · enhed \S+/);
    const json = await downloaded(() =>
      section.getByRole('button', { name: 'Gem som JSON (maskinlæsbar)' }).click(),
    );
    const file = JSON.parse(json.toString('utf8')) as {
      kind: string;
      records: { citizen: unknown[] };
    };
    expect(file.kind).toBe('fremskudt-access-request');
    expect(file.records.citizen).toHaveLength(1);
  });
});
