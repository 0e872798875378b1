import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, readOutbox, waitForServiceWorker } from './app';
import { seriousA11yViolations } from './axe';
import { launchBrowser, startServer, type E2eBrowser, type E2eServer } from './harness';
import { serverApi } from './serverApi';

let server: E2eServer;
const browsers: E2eBrowser[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
});

async function open(device: Parameters<typeof launchBrowser>[1] = {}): Promise<E2eBrowser> {
  const b = await launchBrowser(server.url, device);
  browsers.push(b);
  return b;
}

/** What has keyboard focus: its tag, accessible text and, for links, where they lead. */
function focused(page: Page) {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return {
      tag: e?.tagName ?? '',
      id: e?.id ?? '',
      text: (e?.textContent ?? '').trim(),
      href: e?.getAttribute('href') ?? '',
      inMain: !!e && e.id !== 'main' && !!document.getElementById('main')?.contains(e),
    };
  });
}

/** Presses `key` until `done` holds for the focused element; fails after `max` presses. */
async function pressUntil(
  page: Page,
  key: string,
  done: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  max: number,
): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (done(await focused(page))) return presses;
  }
  throw new Error(
    `Not reached in ${max} presses of ${key}; at ${JSON.stringify(await focused(page))}`,
  );
}

describe('a keyboard-only caseworker (laptop)', () => {
  it('lands on each page heading, reaches the menu and skips to the content', async () => {
    const { page } = await open({ viewport: { width: 1280, height: 800 } });
    await login(page, 'mette');
    expect(await focused(page)).toMatchObject({ tag: 'H1', text: 'I dag' });

    // Back from the heading to the main menu, then to Borgere with Enter.
    await pressUntil(page, 'Shift+Tab', (f) => f.href === '/borgere' && !f.inMain, 12);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/borgere');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: 'Borgere' });

    // Into the search, "Joergensen" finds Jørgensen; Tab to the hit, Enter opens the citizen.
    await pressUntil(page, 'Tab', (f) => f.tag === 'INPUT', 3);
    await page.keyboard.type('Joergensen');
    const hit = page.getByRole('list', { name: 'Borgere' }).getByRole('link');
    await expect.poll(() => hit.count()).toBe(1);
    await pressUntil(page, 'Tab', (f) => f.text.startsWith('Henrik Jørgensen'), 10);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).tag).toBe('H1');
    expect((await focused(page)).text).toMatch(/^Henrik Jørgensen/);

    // The skip link: the first stop of the page, visible when focused, and it leads to the content.
    await pressUntil(page, 'Shift+Tab', (f) => f.text === 'Gå til indhold', 25);
    const skip = page.getByRole('link', { name: 'Gå til indhold' });
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main');
    await page.keyboard.press('Tab');
    expect((await focused(page)).inMain).toBe(true);

    // Settings by keyboard: English, and the statement linked from there.
    await pressUntil(page, 'Shift+Tab', (f) => f.href === '/indstillinger', 30);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: 'Indstillinger' });
    await pressUntil(page, 'Tab', (f) => f.text === '' && f.tag === 'INPUT', 5);
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
    await pressUntil(page, 'Tab', (f) => f.href === '/tilgaengelighed', 40);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => focused(page))
      .toMatchObject({ tag: 'H1', text: 'Accessibility statement' });
  }, 120_000);
});

describe('a visit on a tablet (touch)', () => {
  it('captures, corrects, removes and creates contacts in few taps, then ends with a summary that syncs', async () => {
    const { page } = await open({ viewport: { width: 820, height: 1180 }, hasTouch: true });
    let taps = 0;
    const tap = async (target: Locator) => {
      await target.tap();
      taps++;
    };
    await login(page, 'anders');
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Besøg' })
      .tap();
    await page.getByRole('button', { name: 'Start besøg' }).tap();
    await page.getByRole('heading', { level: 1, name: /^Besøg på / }).waitFor();
    const contacts = page.getByRole('region', { name: 'Kontakter på dette besøg' });

    // An anonymous contact with a one-line note: three taps from the visit screen.
    const anon = page.getByRole('region', { name: 'Anonym kontakt' });
    taps = 0;
    await tap(anon.getByRole('button', { name: /Sundhed/ }));
    await tap(anon.getByLabel('Kort note (valgfri)'));
    await page.keyboard.type('Ondt i foden');
    await tap(anon.getByRole('button', { name: 'Registrér anonym kontakt' }));
    await contacts.getByText('Ondt i foden').waitFor();
    expect(taps).toBeLessThanOrEqual(3);

    // A known citizen found by "Joergensen", with a note: three taps again.
    const named = page.getByRole('region', { name: 'Kendt borger' });
    taps = 0;
    await tap(named.getByRole('searchbox', { name: 'Find borger' }));
    await page.keyboard.type('Joergensen');
    await tap(named.getByLabel('Kort note (valgfri)'));
    await page.keyboard.type('Vil have tid hos lægen');
    await tap(named.getByRole('button', { name: /^Registrér kontakt med Henrik Jørgensen/ }));
    await contacts.getByText('Vil have tid hos lægen').waitFor();
    expect(taps).toBeLessThanOrEqual(3);

    // The anonymous contact gets another topic; the known one was a mis-tap and is removed.
    await contacts.getByRole('button', { name: /^Ret kontakten: Anonym/ }).tap();
    const form = contacts.getByRole('form', { name: /^Ret kontakten: Anonym/ });
    await form.getByRole('button', { name: /Misbrug/ }).tap();
    await form.getByRole('button', { name: 'Gem' }).tap();
    await contacts.getByText('Kontakten er rettet.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await contacts.getByRole('button', { name: /^Fjern kontakten: Henrik Jørgensen/ }).tap();
    await contacts.getByRole('button', { name: 'Ja, fjern kontakten' }).tap();
    await contacts.getByText('Kontakten er fjernet.').waitFor();
    await contacts.getByText('1 kontakt: 0 kendte, 1 anonym').waitFor();

    // Someone new: created from the visit's search, prefilled, and registered on return.
    await named.getByRole('searchbox', { name: 'Find borger' }).fill('Søren Ålborg');
    await named.getByText('Ingen borgere matcher.').waitFor();
    await named.getByRole('link', { name: 'Opret ny borger "Søren Ålborg"' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Ny borger' }).waitFor();
    expect(await page.getByLabel('Fornavn').inputValue()).toBe('Søren');
    expect(await page.getByLabel('Efternavn').inputValue()).toBe('Ålborg');
    await page.getByRole('button', { name: 'Gem borger' }).tap();
    await page.waitForURL('**/besoeg');
    await contacts.getByText('2 kontakter: 1 kendt, 1 anonym').waitFor();
    await contacts.getByText(/Søren Ålborg/).waitFor();

    // Ending confirms and sums the visit up.
    await page.getByRole('button', { name: 'Afslut besøg' }).tap();
    await page.getByText('Besøget er afsluttet.').waitFor();
    const ended = page.getByRole('region', { name: /^Besøg på .* kl\. / });
    await ended.getByText('2 kontakter: 1 kendt, 1 anonym').waitFor();
    await ended.getByText('Misbrug (1), Sundhed (1)').waitFor();

    // The history shows it again, with its contacts.
    const history = page.getByRole('region', { name: 'Tidligere besøg' });
    await history.locator('summary').first().tap();
    await history.getByText('Ondt i foden').waitFor();
    await history
      .getByText(/Søren Ålborg/)
      .first()
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Everything reaches the server: the correction, the removal as a tombstone, the new citizen.
    await page.getByRole('button', { name: 'Synkroniser nu' }).tap();
    await expect.poll(async () => (await readOutbox(page)).length, { timeout: 20_000 }).toBe(0);
    const api = serverApi(server.url);
    const token = await api.tokenOf('anders');
    type Page_ = {
      changes: {
        entity: string;
        recordId: string;
        op: string;
        record: Record<string, unknown> | null;
      }[];
      cursor: number;
      hasMore: boolean;
    };
    const changes: Page_['changes'] = [];
    for (let after = 0; ;) {
      const page_ = await api.call<Page_>(`/api/sync/pull?after=${after}&limit=1000`, { token });
      changes.push(...page_.changes);
      after = page_.cursor;
      if (!page_.hasMore) break;
    }
    const latest = new Map(changes.map((c) => [`${c.entity}:${c.recordId}`, c]));
    const mine = [...latest.values()].filter(
      (c) => c.entity === 'contact' && (c.op === 'delete' || c.record?.createdBy === 'anders'),
    );
    expect(mine.filter((c) => c.op === 'delete')).toHaveLength(1);
    const anonymous = mine.find((c) => c.record?.remark === 'Ondt i foden');
    expect(anonymous?.record).toMatchObject({ topics: ['misbrug', 'sundhed'] });
    expect(
      [...latest.values()].some((c) => c.entity === 'citizen' && c.record?.firstName === 'Søren'),
    ).toBe(true);

    // And Borgere finds the new citizen by "Soeren Aalborg".
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Borgere' })
      .tap();
    await page.getByRole('searchbox').fill('Soeren Aalborg');
    await page
      .getByRole('list', { name: 'Borgere' })
      .getByRole('link', { name: /Søren Ålborg/ })
      .waitFor();
  }, 180_000);
});

describe('the accessibility statement', () => {
  it('opens from the login page with the network off', async () => {
    const { page, context } = await open();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    await waitForServiceWorker(page);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring' }).waitFor();
      const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
      expect(headings).toEqual([
        'Overensstemmelsesstatus',
        'Indhold, der ikke er tilgængeligt',
        'Sådan har vi testet',
        'Dato',
        'Feedback og kontakt',
        'Klage',
      ]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring' }).waitFor();
      await page.getByRole('link', { name: 'Tilbage til Fremskudt' }).click();
      await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    } finally {
      await context.setOffline(false);
    }
  }, 90_000);
});
