import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCase, makeCitizen, makeLocation, signedInBeforeEach } from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

const ROOT = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx$/.test(name) && !/\.test\.tsx$/.test(name) ? [path] : [];
  });
}

/** The opening tag that starts at `from` (up to its closing `>`, skipping `{…}` expressions). */
function openingTag(source: string, from: number): string {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const ch = source[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '>' && depth === 0) return source.slice(from, i + 1);
  }
  return source.slice(from);
}

/** Every control on screen, with how it is named, for a readable failure. */
function controlsWithoutOff(): string[] {
  return Array.from(document.querySelectorAll('input, textarea, select'))
    .filter((el) => el.getAttribute('autocomplete') !== 'off')
    .map((el) => `${el.tagName.toLowerCase()} #${el.id} (${el.getAttribute('autocomplete')})`);
}

describe("what the browser may remember of a form (Chromium's session-restore files)", () => {
  it('every raw form control in the app goes through the shared rule (browserMemory)', () => {
    const offenders: string[] = [];
    for (const dir of ['src/ui', 'src/features', 'src/app']) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        const source = readFileSync(file, 'utf8');
        for (const match of source.matchAll(/<(input|textarea|select)\b/g)) {
          const tag = openingTag(source, match.index);
          if (!tag.includes('{...browserMemory(')) {
            const line = source.slice(0, match.index).split('\n').length;
            offenders.push(`${relative(ROOT, file)}:${line} <${match[1]}>`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('renders every control of the case forms with autocomplete="off"', async () => {
    const citizen = await makeCitizen({ firstName: 'Karin' });
    await makeLocation({ name: 'Værestedet' });
    // Each screen with the label of one of its controls, to wait for.
    const screens: [string, string | RegExp][] = [
      ['/borgere/ny', 'Fornavn'],
      [`/borgere/${citizen.id}/rediger`, 'Livshistorie og baggrund'],
      [`/notater/ny?borger=${citizen.id}`, 'Kategori'],
      ['/besoeg', 'Sted'],
      ['/borgere', /^Søg efter navn/],
      ['/indstillinger', 'Dansk'],
    ];
    for (const [path, label] of screens) {
      const view = renderApp(path);
      await screen.findByLabelText(label);
      expect(controlsWithoutOff(), path).toEqual([]);
      view.unmount();
    }
  }, 30_000);
});

describe('page titles (kept by the browser in History and Sessions)', () => {
  it('name the screen, never the citizen', async () => {
    const citizen = await makeCitizen({ firstName: 'Ingeborg', lastName: 'Skovgaard' });
    const sag = await makeCase({ citizenId: citizen.id, title: 'Bolig til Ingeborg Skovgaard' });
    const screens: [string, string][] = [
      [`/borgere/${citizen.id}`, 'Borger – Fremskudt'],
      [`/borgere/${citizen.id}/rediger`, 'Rediger borger – Fremskudt'],
      [`/notater/ny?borger=${citizen.id}`, 'Nyt journalnotat – Fremskudt'],
      [`/sager/${sag.id}`, 'Sag – Fremskudt'],
    ];
    for (const [path, title] of screens) {
      const view = renderApp(path);
      // The visible heading still says whom the screen is about.
      await screen.findByRole('heading', { level: 1, name: /Ingeborg/ });
      await waitFor(() => expect(document.title).toBe(title));
      view.unmount();
    }
  });
});
