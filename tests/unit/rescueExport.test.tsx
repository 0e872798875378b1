import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openRescueFile, parseRescueFile } from '../../src/protocol';
import { DEVICE_ID, makeCitizen, makeNote, signedInBeforeEach } from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
afterEach(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
});

describe('Indstillinger: "Gem ventende ændringer som fil"', () => {
  it('never says "0 ventende ændringer" before the waiting changes have been counted', async () => {
    const citizen = await makeCitizen({ alias: 'Søren Æblemand' });
    await makeNote({ citizenId: citizen.id, body: 'Aftalt møde på værestedet' });
    // Every text the screen shows, from its first render on.
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(document.body.textContent ?? ''));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    try {
      renderApp('/indstillinger');
      expect(await screen.findByText('2 ventende ændringer på enheden')).toBeTruthy();
    } finally {
      observer.disconnect();
    }
    expect(seen.some((text) => text.includes('Gem ventende ændringer som fil'))).toBe(true);
    expect(seen.filter((text) => text.includes('0 ventende ændringer på enheden'))).toEqual([]);
  });

  it('says "1 ventende ændring" in the singular', async () => {
    await makeCitizen({ alias: 'Søren Æblemand' });
    renderApp('/indstillinger');
    expect(await screen.findByText('1 ventende ændring på enheden')).toBeTruthy();
  });

  it('saves the waiting changes as a file only the passphrase opens, and says how many it holds', async () => {
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:rescue';
    });
    URL.revokeObjectURL = vi.fn();
    const citizen = await makeCitizen({ alias: 'Søren Æblemand' });
    await makeNote({ citizenId: citizen.id, body: 'Aftalt møde på værestedet' });
    const { user } = renderApp('/indstillinger');
    expect(await screen.findByText('2 ventende ændringer på enheden')).toBeTruthy();

    await user.type(screen.getByLabelText('Adgangssætning til filen'), 'kort');
    await user.type(screen.getByLabelText('Gentag adgangssætningen'), 'kort');
    await user.click(screen.getByRole('button', { name: 'Gem ventende ændringer som fil' }));
    expect((await screen.findByRole('alert')).textContent).toContain('mindst 10 tegn');
    expect(saved).toHaveLength(0);

    await user.clear(screen.getByLabelText('Adgangssætning til filen'));
    await user.clear(screen.getByLabelText('Gentag adgangssætningen'));
    await user.type(screen.getByLabelText('Adgangssætning til filen'), 'kaffe og kage 42');
    await user.type(screen.getByLabelText('Gentag adgangssætningen'), 'kaffe og kage 42');
    await user.click(screen.getByRole('button', { name: 'Gem ventende ændringer som fil' }));
    expect(
      await screen.findByText('Filen er gemt med 2 ændringer.', undefined, { timeout: 10_000 }),
    ).toBeTruthy();

    await waitFor(() => expect(saved).toHaveLength(1));
    const text = await saved[0]!.text();
    expect(text).not.toContain('Æblemand');
    const file = parseRescueFile(text);
    expect(file).toMatchObject({ count: 2, userId: 'mette', deviceId: DEVICE_ID });
    await expect(openRescueFile(file, 'forkert gæt 1234')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    const mutations = await openRescueFile(file, 'kaffe og kage 42');
    expect(mutations.map((m) => [m.entity, m.op])).toEqual([
      ['citizen', 'create'],
      ['note', 'create'],
    ]);
    expect(mutations[0]!.fields).toMatchObject({ alias: 'Søren Æblemand' });
  }, 30_000);
});
